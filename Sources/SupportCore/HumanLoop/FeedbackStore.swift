import Foundation

/// Drafts made for agents, what agents did with them, customers' ratings, and approved answers.
public protocol FeedbackStore: Sendable {
    func saveDraft(_ draft: AgentDraft) async throws
    func draft(_ id: DraftID) async throws -> AgentDraft?
    func drafts(of conversation: ConversationID) async throws -> [AgentDraft]
    func feedback(of conversation: ConversationID) async throws -> [FeedbackRecord]
    /// Every feedback record at or after `since` (all when nil), oldest first.
    func feedback(since: Date?) async throws -> [FeedbackRecord]
    /// Records (or replaces) the customer's verdict on a reply.
    func rate(_ message: MessageID, in conversation: ConversationID, helpful: Bool) async throws -> Rating
    func verifiedAnswers() async throws -> [VerifiedAnswer]
    /// Inserts or replaces approved answers (by id).
    func saveVerifiedAnswers(_ answers: [VerifiedAnswer]) async throws
    /// Approves an answer again against the current policy revisions.
    func approveVerifiedAnswer(_ id: VerifiedAnswerID, agent: String, currentRevisions: [DocumentID: Int]) async throws
        -> VerifiedAnswer
    /// Marks approved answers whose policies changed as stale; returns how many changed.
    func markStaleVerifiedAnswers(currentRevisions: [DocumentID: Int]) async throws -> Int
    /// What analytics needs, for conversations with activity at or after `since`.
    func activity(since: Date?) async throws -> [ConversationActivity]
}

/// One conversation's history, reduced to what the analytics count.
public struct ConversationActivity: Sendable, Hashable, Codable {
    public struct Message: Sendable, Hashable, Codable {
        public var role: MessageRole
        public var outcome: OutcomeKind?
        public var createdAt: Date
        public init(role: MessageRole, outcome: OutcomeKind?, createdAt: Date) {
            self.role = role
            self.outcome = outcome
            self.createdAt = createdAt
        }
    }
    public struct HandoffMark: Sendable, Hashable, Codable {
        public var reason: HandoffReason
        public var createdAt: Date
        public init(reason: HandoffReason, createdAt: Date) {
            self.reason = reason
            self.createdAt = createdAt
        }
    }

    public var id: ConversationID
    public var status: ConversationStatus
    public var messages: [Message]
    public var handoffs: [HandoffMark]
    /// Ratings in the order given.
    public var ratings: [Rating]

    public init(id: ConversationID, status: ConversationStatus, messages: [Message], handoffs: [HandoffMark], ratings: [Rating]) {
        self.id = id
        self.status = status
        self.messages = messages
        self.handoffs = handoffs
        self.ratings = ratings
    }
}
