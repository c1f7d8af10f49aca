import Foundation

// One protocol per stage of a customer turn. Each takes and returns plain values; the
// TurnPipeline is the one place that orders them.

/// Screens a customer's message before anything else sees it: redacts personal data, refuses
/// injection and abuse.
public protocol InputGuard: Sendable {
    func screen(_ text: String) -> GuardVerdict
}

/// Decides what a message is about.
public protocol IntentRouter: Sendable {
    func route(_ request: RoutingRequest) async throws -> RoutingDecision
}

/// Finds the policy passages that may answer a question.
public protocol Retriever: Sendable {
    func retrieve(_ query: RetrievalQuery) async throws -> RetrievalResult
}

/// Writes a reply from passages, each sentence citing the passage it rests on, and yields the
/// sentences as they are written. A stream that ends without a sentence means the passages do not
/// answer the question. Failures are `DraftFailure`s; ending the iteration stops the drafter.
public protocol Drafter: Sendable {
    var name: String { get }
    /// The prompt's version and hash, for drafters that use one.
    var promptLabel: String? { get }
    func stream(_ request: DraftRequest) -> AsyncThrowingStream<DraftEvent, any Error>
}

extension Drafter {
    public var promptLabel: String? { nil }
}

/// What a drafter reports while it writes.
public enum DraftEvent: Sendable, Hashable {
    /// Fixed frame text before the first sentence ("According to our Returns policy:").
    case leadIn(String)
    case sentence(DraftSentence)
    /// Tokens used so far (LLM drafters).
    case usage(TokenUsage)
    /// The writer said the passages do not answer the question.
    case declined
}

/// Checks every drafted sentence against the passage it cites.
public protocol Verifier: Sendable {
    func verify(_ draft: Draft, against passages: [Passage]) -> VerificationReport
}

// MARK: - Guard

public enum PIIKind: String, Sendable, Codable, CaseIterable {
    case email
    case phone
    case paymentCard = "payment_card"
    case iban
}

/// One redacted span: what it was and the placeholder that replaced it.
public struct Redaction: Sendable, Hashable, Codable {
    public var kind: PIIKind
    public var placeholder: String
    public init(kind: PIIKind, placeholder: String) {
        self.kind = kind
        self.placeholder = placeholder
    }
}

public enum GuardDecision: Sendable, Hashable {
    case pass
    case refuse(RefusalReason)
}

public struct GuardVerdict: Sendable, Hashable {
    /// The message with personal data replaced by placeholders; the only form stored or logged.
    public var redactedText: String
    public var redactions: [Redaction]
    public var decision: GuardDecision
    /// Why the guard decided as it did (the matched rule), for the trace.
    public var explanation: String
    /// Placeholder → the customer's original text. Never stored or logged, never sent to a model:
    /// used only to restore the customer's own details in the reply they see.
    public var originals: [String: String] = [:]

    public init(redactedText: String, redactions: [Redaction], decision: GuardDecision, explanation: String) {
        self.redactedText = redactedText
        self.redactions = redactions
        self.decision = decision
        self.explanation = explanation
    }
}

// MARK: - Routing

public struct RoutingRequest: Sendable {
    public var text: String
    /// Earlier customer messages in the conversation, oldest first.
    public var earlierMessages: [String]
    public init(text: String, earlierMessages: [String] = []) {
        self.text = text
        self.earlierMessages = earlierMessages
    }
}

public struct RoutingDecision: Sendable, Hashable {
    /// The best intent, or nil when the message is judged out of scope.
    public var intent: IntentName?
    /// Probability of the best intent.
    public var confidence: Double
    /// The best intents with their probabilities, best first.
    public var ranking: [ScoredLabel]
    /// The confidence under which a message counts as out of scope.
    public var threshold: Double
    public var component: String

    public init(
        intent: IntentName?, confidence: Double, ranking: [ScoredLabel], threshold: Double, component: String
    ) {
        self.intent = intent
        self.confidence = confidence
        self.ranking = ranking
        self.threshold = threshold
        self.component = component
    }
}

public struct ScoredLabel: Sendable, Hashable, Codable {
    public var label: String
    public var score: Double
    public init(label: String, score: Double) {
        self.label = label
        self.score = score
    }
}

// MARK: - Retrieval

public struct RetrievalQuery: Sendable {
    public var text: String
    /// Earlier customer messages, used with less weight for short follow-ups.
    public var context: [String]
    /// Documents the routed intent points to; their passages get a small boost.
    public var preferredDocuments: [DocumentID]
    public var limit: Int

    public init(text: String, context: [String] = [], preferredDocuments: [DocumentID] = [], limit: Int = 5) {
        self.text = text
        self.context = context
        self.preferredDocuments = preferredDocuments
        self.limit = limit
    }
}

/// A query term with its weight in the index (IDF), and whether the index knows it at all.
public struct WeightedTerm: Sendable, Hashable, Codable {
    public var term: String
    public var weight: Double
    public var known: Bool
    public init(term: String, weight: Double, known: Bool) {
        self.term = term
        self.weight = weight
        self.known = known
    }
}

public struct RetrievalResult: Sendable {
    public var passages: [ScoredPassage]
    public var queryTerms: [WeightedTerm]
    public var component: String
    public init(passages: [ScoredPassage], queryTerms: [WeightedTerm], component: String) {
        self.passages = passages
        self.queryTerms = queryTerms
        self.component = component
    }
}

// MARK: - Drafting and verification

public struct DraftRequest: Sendable {
    public var question: String
    public var retrieval: RetrievalResult
    public var intent: IntentName?
    /// Retries of a failed provider call start only if they can still beat this instant.
    public var retryBefore: ContinuousClock.Instant?
    public init(question: String, retrieval: RetrievalResult, intent: IntentName?, retryBefore: ContinuousClock.Instant? = nil) {
        self.question = question
        self.retrieval = retrieval
        self.intent = intent
        self.retryBefore = retryBefore
    }
}

public struct DraftSentence: Sendable, Hashable, Codable {
    public var text: String
    /// The passage this sentence rests on.
    public var passage: ChunkID
    /// Further passages the writer cited for the same sentence; the verifier accepts the sentence
    /// when any one cited passage supports all of it, and the answer cites that one.
    public var otherCitations: [ChunkID]
    public init(text: String, passage: ChunkID, otherCitations: [ChunkID] = []) {
        self.text = text
        self.passage = passage
        self.otherCitations = otherCitations
    }

    /// Every passage the sentence cites, first one first.
    public var citedPassages: [ChunkID] { [passage] + otherCitations }
}

public struct Draft: Sendable, Hashable {
    /// Fixed lead-in ("According to our Returns and Refunds policy:"), not cited.
    public var leadIn: String?
    public var sentences: [DraftSentence]
    /// How well the chosen sentences answer the question (0…1), for the trace.
    public var support: Double
    public init(leadIn: String?, sentences: [DraftSentence], support: Double) {
        self.leadIn = leadIn
        self.sentences = sentences
        self.support = support
    }
}

public enum VerificationFailure: String, Sendable, Codable {
    case citedPassageMissing = "cited_passage_missing"
    case missingContentWords = "missing_content_words"
    case missingNumber = "missing_number"
    /// A promise word (refund, credit, free, …) the cited passage does not grant.
    case ungrantedPromise = "ungranted_promise"
    /// The sentence names no passage, so there is nothing to check it against.
    case noCitation = "no_citation"
}

public struct SentenceVerdict: Sendable, Hashable, Codable {
    public var sentence: String
    public var passage: ChunkID
    public var failure: VerificationFailure?
    /// What was missing, e.g. the number "45" or the words "waive, fee".
    public var detail: String
    public var supported: Bool { failure == nil }
    public init(sentence: String, passage: ChunkID, failure: VerificationFailure?, detail: String) {
        self.sentence = sentence
        self.passage = passage
        self.failure = failure
        self.detail = detail
    }
}

public struct VerificationReport: Sendable, Hashable {
    public var verdicts: [SentenceVerdict]
    public var allSupported: Bool { verdicts.allSatisfy(\.supported) }
    public init(verdicts: [SentenceVerdict]) { self.verdicts = verdicts }
}
