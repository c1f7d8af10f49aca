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

    public init(
        id: MessageID, role: MessageRole, text: String, createdAt: Date, outcome: OutcomeKind? = nil,
        reason: String? = nil, citations: [Citation] = [], author: String? = nil, turnID: TurnID? = nil
    ) {
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
    public var status: ConversationStatus
    public var createdAt: Date
    public var messages: [TranscriptMessage]

    public init(id: ConversationID, status: ConversationStatus, createdAt: Date, messages: [TranscriptMessage]) {
        self.id = id
        self.status = status
        self.createdAt = createdAt
        self.messages = messages
    }

    /// What the pipeline needs to know of the conversation.
    public var context: ConversationContext {
        ConversationContext(
            customerMessages: messages.filter { $0.role == .customer }.map(\.text),
            repliesShown: messages.filter { $0.role != .customer }.map(\.text))
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
    public init(
        id: TurnID, customerMessageID: MessageID, outcome: OutcomeKind, reason: String?, intent: IntentName?,
        confidence: Double?, trace: TurnTrace, createdAt: Date
    ) {
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
}

/// Where conversations, turns and handoffs are kept. The pipeline never sees it; the
/// `TurnService` and the console do.
public protocol ConversationStore: Sendable {
    func createConversation() async throws -> ConversationID
    /// Conversations with activity at or after `since` (all when nil), oldest first.
    func conversations(activeSince since: Date?) async throws -> [ConversationID]
    /// The transcript, or nil for an unknown id.
    func transcript(_ id: ConversationID) async throws -> Transcript?
    /// Stores a customer message (already redacted); durable when this returns.
    func appendCustomerMessage(_ conversation: ConversationID, text: String, redactions: [Redaction]) async throws
        -> TranscriptMessage
    /// Stores the turn's reply, outcome, citations, trace and any handoff, in one transaction.
    func recordTurn(_ turn: TurnRecord) async throws -> TranscriptMessage
    /// Stores a human agent's reply.
    func appendAgentMessage(_ conversation: ConversationID, text: String, agent: String) async throws
        -> TranscriptMessage
    func turns(of conversation: ConversationID) async throws -> [StoredTurn]
    func openHandoffs() async throws -> [HandoffEntry]
    func handoffs(of conversation: ConversationID) async throws -> [HandoffEntry]
}
