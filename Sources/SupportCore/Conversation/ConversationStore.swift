import Foundation

/// Who wrote a message.
public enum MessageRole: String, Sendable, Codable, CaseIterable {
    case customer
    /// supportd itself.
    case assistant
    /// A human support agent.
    case agent
}

/// Where a conversation stands.
public enum ConversationStatus: String, Sendable, Codable, CaseIterable {
    case withAI = "with_ai"
    case waitingForHuman = "waiting_for_human"
    case withHuman = "with_human"
    case resolved
}

public struct TranscriptMessage: Sendable, Hashable, Codable {
    public var id: MessageID
    public var role: MessageRole
    public var text: String
    public var createdAt: Date
    /// Set on assistant messages: how the turn ended, and why.
    public var outcome: OutcomeKind?
    public var reason: String?
    public var citations: [Citation]
    /// The agent's name on agent messages.
    public var author: String?
    public var turnID: TurnID?
    /// The customer's verdict on an assistant or agent reply.
    public var rating: Bool?

    public init(
        id: MessageID, role: MessageRole, text: String, createdAt: Date, outcome: OutcomeKind? = nil,
        reason: String? = nil, citations: [Citation] = [], author: String? = nil, turnID: TurnID? = nil,
        rating: Bool? = nil
    ) {
        self.rating = rating
        self.id = id
        self.role = role
        self.text = text
        self.createdAt = createdAt
        self.outcome = outcome
        self.reason = reason
        self.citations = citations
        self.author = author
        self.turnID = turnID
    }
}

public struct Transcript: Sendable, Hashable, Codable {
    public var id: ConversationID
    public var ownership: Ownership
    public var createdAt: Date
    public var messages: [TranscriptMessage]
    /// The sequence of the newest event in the conversation's log (0 when empty).
    public var lastEventSequence: Int

    public var status: ConversationStatus { ownership.status }

    public init(
        id: ConversationID, ownership: Ownership, createdAt: Date, messages: [TranscriptMessage], lastEventSequence: Int = 0
    ) {
        self.id = id
        self.ownership = ownership
        self.createdAt = createdAt
        self.messages = messages
        self.lastEventSequence = lastEventSequence
    }

    /// What the pipeline needs to know of the conversation.
    /// Outcomes count only since a human last wrote: a person's reply starts the AI afresh.
    public var context: ConversationContext { Self.context(of: messages[...]) }

    /// What the pipeline knew when `message` arrived: everything before it.
    public func context(before message: MessageID) -> ConversationContext {
        Self.context(of: messages.prefix { $0.id != message })
    }

    static func context(of messages: ArraySlice<TranscriptMessage>) -> ConversationContext {
        let sinceHuman = messages.lastIndex { $0.role == .agent }.map { messages[($0 + 1)...] } ?? messages
        return ConversationContext(
            customerMessages: messages.filter { $0.role == .customer }.map(\.text),
            repliesShown: messages.filter { $0.role != .customer }.map(\.text),
            earlierOutcomes: sinceHuman.compactMap(\.outcome))
    }
}

/// One finished turn, as stored.
public struct TurnRecord: Sendable {
    public var id: TurnID
    public var conversationID: ConversationID
    public var customerMessageID: MessageID
    public var result: TurnResult
    public init(id: TurnID, conversationID: ConversationID, customerMessageID: MessageID, result: TurnResult) {
        self.id = id
        self.conversationID = conversationID
        self.customerMessageID = customerMessageID
        self.result = result
    }
}

/// A waiting handoff as the console lists it.
public struct HandoffEntry: Sendable, Hashable, Codable {
    public var id: HandoffID
    public var conversationID: ConversationID
    public var reason: HandoffReason
    public var packet: HandoffPacket
    public var createdAt: Date
    public init(id: HandoffID, conversationID: ConversationID, reason: HandoffReason, packet: HandoffPacket, createdAt: Date) {
        self.id = id
        self.conversationID = conversationID
        self.reason = reason
        self.packet = packet
        self.createdAt = createdAt
    }
}

/// A stored turn with its trace, for the console.
public struct StoredTurn: Sendable, Hashable, Codable {
    public var id: TurnID
    public var customerMessageID: MessageID
    public var outcome: OutcomeKind
    public var reason: String?
    public var intent: IntentName?
    public var confidence: Double?
    public var trace: TurnTrace
    public var createdAt: Date
    /// False when a person took the conversation over while the turn ran, so its reply was withheld.
    public var delivered: Bool
    public init(
        id: TurnID, customerMessageID: MessageID, outcome: OutcomeKind, reason: String?, intent: IntentName?,
        confidence: Double?, trace: TurnTrace, createdAt: Date, delivered: Bool = true
    ) {
        self.delivered = delivered
        self.id = id
        self.customerMessageID = customerMessageID
        self.outcome = outcome
        self.reason = reason
        self.intent = intent
        self.confidence = confidence
        self.trace = trace
        self.createdAt = createdAt
    }
}

public enum ConversationStoreError: Error, Equatable {
    case conversationNotFound(ConversationID)
    case messageNotFound(MessageID)
    case draftNotFound(DraftID)
    case verifiedAnswerNotFound(VerifiedAnswerID)
    /// Ratings are for replies, not for the customer's own messages.
    case notRateable(MessageID)
}

/// A customer message as stored, and who holds the conversation after it arrived.
public struct ReceivedMessage: Sendable {
    public var message: TranscriptMessage
    public var ownership: Ownership
    public init(message: TranscriptMessage, ownership: Ownership) {
        self.message = message
        self.ownership = ownership
    }
}

/// Where conversations, turns and handoffs are kept. The pipeline never sees it; the
/// `TurnService` and the console do.
public protocol ConversationStore: Sendable {
    func createConversation() async throws -> ConversationID
    /// Conversations with activity at or after `since` (all when nil), oldest first.
    func conversations(activeSince since: Date?) async throws -> [ConversationID]
    /// The transcript, or nil for an unknown id.
    func transcript(_ id: ConversationID) async throws -> Transcript?
    /// Stores a customer message (already redacted); durable when this returns. A message to a
    /// resolved conversation reopens it (recorded as a transition).
    func receiveCustomerMessage(_ conversation: ConversationID, text: String, redactions: [Redaction]) async throws
        -> ReceivedMessage
    /// Stores the turn's outcome, citations, trace and any handoff, in one transaction. The reply is
    /// delivered (stored as a message) only if the AI still holds the conversation; nil when a
    /// person took it over while the turn ran.
    func recordTurn(_ turn: TurnRecord) async throws -> TranscriptMessage?
    /// Adds a shadow drafter's attempt to a stored turn's trace (it finishes after the turn does).
    func attachShadow(_ attempt: DraftingRecord, to turn: TurnID) async throws
    /// Stores a human agent's reply, with its feedback record when it answered a draft. Only the
    /// agent holding the conversation may reply; the reply renews the lease.
    func appendAgentReply(
        _ conversation: ConversationID, text: String, agent: String, feedback: FeedbackRecord?, rules: OwnershipRules
    ) async throws -> TranscriptMessage
    func turns(of conversation: ConversationID) async throws -> [StoredTurn]
    func openHandoffs() async throws -> [HandoffEntry]
    func handoffs(of conversation: ConversationID) async throws -> [HandoffEntry]

    /// Applies an ownership command and records the transition; throws `OwnershipError` when the rules forbid it.
    func changeOwnership(_ conversation: ConversationID, _ command: OwnershipCommand, rules: OwnershipRules) async throws
        -> Ownership
    /// Hands every conversation whose lease ran out back to the queue; returns them.
    func expireLeases(rules: OwnershipRules) async throws -> [ConversationID]
    func transitions(of conversation: ConversationID) async throws -> [ConversationTransition]
    /// Events after `sequence`, oldest first.
    func events(of conversation: ConversationID, after sequence: Int) async throws -> [ConversationEvent]
    /// Conversations waiting for or held by a person.
    func queue() async throws -> [QueueEntry]
}

extension ConversationStore {
    public func appendCustomerMessage(_ conversation: ConversationID, text: String, redactions: [Redaction]) async throws
        -> TranscriptMessage
    {
        try await receiveCustomerMessage(conversation, text: text, redactions: redactions).message
    }
}
