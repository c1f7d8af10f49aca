import Foundation

/// How a turn ended. Every turn ends in exactly one of these.
public enum TurnOutcome: Sendable, Hashable {
    case answer(Answer)
    case dontKnow(DontKnow)
    case handoff(Handoff)
    case refusal(Refusal)

    public var kind: OutcomeKind {
        switch self {
        case .answer: .answer
        case .dontKnow: .dontKnow
        case .handoff: .handoff
        case .refusal: .refusal
        }
    }

    /// The text the customer sees.
    public var text: String {
        switch self {
        case .answer(let answer): answer.text
        case .dontKnow(let dontKnow): dontKnow.text
        case .handoff(let handoff): handoff.text
        case .refusal(let refusal): refusal.text
        }
    }

    public var citations: [Citation] {
        if case .answer(let answer) = self { return answer.citations }
        return []
    }

    /// The reason code, for outcomes that have one.
    public var reasonCode: String? {
        switch self {
        case .answer: nil
        case .dontKnow(let value): value.reason.rawValue
        case .handoff(let value): value.reason.rawValue
        case .refusal(let value): value.reason.rawValue
        }
    }
}

public enum OutcomeKind: String, Sendable, Codable, CaseIterable {
    case answer
    case dontKnow = "dont_know"
    case handoff
    case refusal
}

/// An answer: sentences that each cite a passage, inside a fixed frame.
public struct Answer: Sendable, Hashable, Codable {
    public enum Source: String, Sendable, Codable {
        /// Sentences quoted or written from policy passages.
        case policy
        /// A fixed phrase configured for an intent (greeting, thanks).
        case fixedPhrase = "fixed_phrase"
    }

    public var text: String
    public var sentences: [AnswerSentence]
    public var citations: [Citation]
    public var source: Source

    public init(text: String, sentences: [AnswerSentence], citations: [Citation], source: Source) {
        self.text = text
        self.sentences = sentences
        self.citations = citations
        self.source = source
    }
}

/// One sentence of an answer. `citation` is the 1-based index into `Answer.citations`,
/// nil only for frame text (the lead-in, the closing offer).
public struct AnswerSentence: Sendable, Hashable, Codable {
    public var text: String
    public var citation: Int?
    public init(text: String, citation: Int?) {
        self.text = text
        self.citation = citation
    }
}

public enum DontKnowReason: String, Sendable, Codable, CaseIterable {
    /// No passage covered enough of the question.
    case noEvidence = "no_evidence"
    /// A draft was made but a sentence failed verification.
    case unverifiedDraft = "unverified_draft"
    /// A stage overran its deadline.
    case deadline
    /// A stage failed (an error, not a judgement).
    case stageFailed = "stage_failed"
}

public struct DontKnow: Sendable, Hashable, Codable {
    public var reason: DontKnowReason
    public var text: String
    public init(reason: DontKnowReason, text: String) {
        self.reason = reason
        self.text = text
    }
}

public enum RefusalReason: String, Sendable, Codable, CaseIterable {
    case offTopic = "off_topic"
    case injection
    case abuse
}

public struct Refusal: Sendable, Hashable, Codable {
    public var reason: RefusalReason
    public var text: String
    public init(reason: RefusalReason, text: String) {
        self.reason = reason
        self.text = text
    }
}

public enum HandoffReason: String, Sendable, Codable, CaseIterable {
    case customerAsked = "customer_asked"
    case noEvidence = "no_evidence"
    case outsidePolicy = "outside_policy"
    case repeatedFailure = "repeated_failure"
    case frustration
    case deadline
    case guardrail
}

public struct Handoff: Sendable, Hashable, Codable {
    public var id: HandoffID
    public var reason: HandoffReason
    public var text: String
    public var packet: HandoffPacket
    public init(id: HandoffID, reason: HandoffReason, text: String, packet: HandoffPacket) {
        self.id = id
        self.reason = reason
        self.text = text
        self.packet = packet
    }
}

/// Everything a human agent needs to take over without asking the customer to repeat themselves.
public struct HandoffPacket: Sendable, Hashable, Codable {
    public var reason: HandoffReason
    public var intent: IntentName?
    public var intentConfidence: Double?
    /// The customer's messages in this conversation, oldest first (redacted).
    public var customerMessages: [String]
    /// Policy passages found for the latest message.
    public var passages: [PassageSummary]
    /// What supportd already told the customer, oldest first.
    public var toldCustomer: [String]
    public var suggestedNextStep: String

    public init(
        reason: HandoffReason, intent: IntentName?, intentConfidence: Double?, customerMessages: [String],
        passages: [PassageSummary], toldCustomer: [String], suggestedNextStep: String
    ) {
        self.reason = reason
        self.intent = intent
        self.intentConfidence = intentConfidence
        self.customerMessages = customerMessages
        self.passages = passages
        self.toldCustomer = toldCustomer
        self.suggestedNextStep = suggestedNextStep
    }
}

/// A passage as reported in events, traces and handoff packets: where it is from and how it scored.
public struct PassageSummary: Sendable, Hashable, Codable {
    public var chunkID: ChunkID
    public var documentID: DocumentID
    public var documentTitle: String
    public var section: String
    public var version: String
    public var documentRevision: Int
    public var score: Double
    public var coverage: Double

    public init(_ scored: ScoredPassage) {
        chunkID = scored.passage.id
        documentID = scored.passage.documentID
        documentTitle = scored.passage.documentTitle
        section = scored.passage.section
        version = scored.passage.version
        documentRevision = scored.passage.documentRevision
        score = scored.score
        coverage = scored.coverage
    }
}
