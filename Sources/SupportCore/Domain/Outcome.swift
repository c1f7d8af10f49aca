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
        /// An answer a human approved earlier, served again for a closely matching question.
        case verifiedAnswer = "verified_answer"
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
    /// What the policies say on the question, each fact with its source.
    public var facts: [Citation]
    /// Policy passages found for the latest message.
    public var passages: [PassageSummary]
    /// What supportd already told the customer, oldest first: make no contrary promise.
    public var toldCustomer: [String]
    public var frustration: FrustrationSignal
    public var suggestedNextStep: String
    /// A verified reply to the customer's latest answerable question, when one could be made.
    public var aiDraft: SuggestedReply?

    public init(
        reason: HandoffReason, intent: IntentName?, intentConfidence: Double?, customerMessages: [String],
        facts: [Citation] = [], passages: [PassageSummary], toldCustomer: [String], frustration: FrustrationSignal = .calm,
        suggestedNextStep: String, aiDraft: SuggestedReply? = nil
    ) {
        self.reason = reason
        self.intent = intent
        self.intentConfidence = intentConfidence
        self.customerMessages = customerMessages
        self.facts = facts
        self.passages = passages
        self.toldCustomer = toldCustomer
        self.frustration = frustration
        self.suggestedNextStep = suggestedNextStep
        self.aiDraft = aiDraft
    }

    enum CodingKeys: String, CodingKey {
        case reason, intent, intentConfidence, customerMessages, facts, passages, toldCustomer, frustration
        case suggestedNextStep, aiDraft
    }

    /// Packets stored before facts, frustration and drafts existed still decode.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        reason = try c.decode(HandoffReason.self, forKey: .reason)
        intent = try c.decodeIfPresent(IntentName.self, forKey: .intent)
        intentConfidence = try c.decodeIfPresent(Double.self, forKey: .intentConfidence)
        customerMessages = try c.decode([String].self, forKey: .customerMessages)
        facts = try c.decodeIfPresent([Citation].self, forKey: .facts) ?? []
        passages = try c.decode([PassageSummary].self, forKey: .passages)
        toldCustomer = try c.decode([String].self, forKey: .toldCustomer)
        frustration = try c.decodeIfPresent(FrustrationSignal.self, forKey: .frustration) ?? .calm
        suggestedNextStep = try c.decode(String.self, forKey: .suggestedNextStep)
        aiDraft = try c.decodeIfPresent(SuggestedReply.self, forKey: .aiDraft)
    }
}

/// A verified reply the pipeline could make, offered to an agent rather than sent.
public struct SuggestedReply: Sendable, Hashable, Codable {
    /// The customer message it answers.
    public var question: String
    public var text: String
    public var citations: [Citation]
    /// The intent the question was routed to.
    public var intent: IntentName?
    public init(question: String, text: String, citations: [Citation], intent: IntentName? = nil) {
        self.question = question
        self.text = text
        self.citations = citations
        self.intent = intent
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
