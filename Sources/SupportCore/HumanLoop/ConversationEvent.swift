import Foundation

/// One entry of a conversation's event log: what an open widget or console is told, in order.
/// `sequence` is per conversation and is the SSE `id:`, so a client resumes after the last one it saw.
public struct ConversationEvent: Sendable, Hashable {
    public var sequence: Int
    public var payload: Payload
    public var createdAt: Date

    public enum Payload: Sendable, Hashable {
        /// A stored message: the customer's, the AI's or a human agent's.
        case message(TranscriptMessage)
        /// The conversation changed hands.
        case state(StateNotice)
    }

    public enum Name: String, Sendable, Codable, CaseIterable {
        case message, state
    }

    public var name: Name {
        switch payload {
        case .message: .message
        case .state: .state
        }
    }

    public init(sequence: Int, payload: Payload, createdAt: Date) {
        self.sequence = sequence
        self.payload = payload
        self.createdAt = createdAt
    }
}

/// A change of hands as the customer sees it.
public struct StateNotice: Sendable, Hashable, Codable {
    public var status: ConversationStatus
    public var agent: String?
    public var reason: TransitionReason
    /// A sentence for the customer.
    public var text: String

    public init(status: ConversationStatus, agent: String?, reason: TransitionReason, text: String) {
        self.status = status
        self.agent = agent
        self.reason = reason
        self.text = text
    }

    /// The notice for a transition, or nil for transitions the customer need not see.
    public static func forTransition(_ transition: ConversationTransition, owner: String?) -> StateNotice? {
        let text: String
        switch transition.reason {
        case .handoff: text = "A member of our team will join this conversation shortly."
        case .claimed: text = "\(owner.map(displayName) ?? "A member of our team") has joined the conversation."
        case .released, .leaseExpired: text = "You're back in the queue; the next available person will pick this up."
        case .returnedToAI: text = "You're chatting with our automated assistant again."
        case .resolved: text = "This conversation has been marked as resolved. Write again any time."
        case .reopened: return nil
        }
        return StateNotice(status: transition.to, agent: owner, reason: transition.reason, text: text)
    }

    /// "alice" → "Alice": agent names are configured in lower case as often as not.
    static func displayName(_ agent: String) -> String { agent.prefix(1).uppercased() + agent.dropFirst() }
}
