import Foundation

/// One conversation in the agents' queue: waiting for a person, or held by one.
public struct QueueEntry: Sendable, Hashable, Codable {
    public var conversationID: ConversationID
    public var status: ConversationStatus
    public var owner: String?
    public var leaseExpiresAt: Date?
    public var handoff: HandoffEntry
    /// When the customer started waiting for a person (the handoff).
    public var waitingSince: Date
    public var waitingSeconds: Double
    public var priority: Double
    public var lastCustomerMessage: String?

    public init(
        conversationID: ConversationID, status: ConversationStatus, owner: String?, leaseExpiresAt: Date?,
        handoff: HandoffEntry, waitingSince: Date, waitingSeconds: Double, priority: Double, lastCustomerMessage: String?
    ) {
        self.conversationID = conversationID
        self.status = status
        self.owner = owner
        self.leaseExpiresAt = leaseExpiresAt
        self.handoff = handoff
        self.waitingSince = waitingSince
        self.waitingSeconds = waitingSeconds
        self.priority = priority
        self.lastCustomerMessage = lastCustomerMessage
    }
}

/// The order of the queue: the reason's urgency, plus the customer's frustration, plus time
/// waited (so a calm customer is not passed over for ever). Highest first; ties go to the
/// longest waiting.
public enum QueueOrder {
    public static func weight(of reason: HandoffReason) -> Double {
        switch reason {
        case .frustration: 3
        case .guardrail: 2.5
        case .repeatedFailure: 2
        case .customerAsked: 1.5
        case .deadline, .noEvidence, .outsidePolicy: 1
        }
    }

    /// Points per minute waited.
    public static let agingPerMinute = 0.2

    public static func priority(reason: HandoffReason, frustration: FrustrationSignal, waitingSeconds: Double) -> Double {
        let value = weight(of: reason) + 2 * frustration.score + agingPerMinute * max(0, waitingSeconds) / 60
        return (value * 100).rounded() / 100
    }

    /// Waiting entries first (by priority, then age), then the ones agents hold.
    public static func sorted(_ entries: [QueueEntry]) -> [QueueEntry] {
        entries.sorted { a, b in
            let aWaiting = a.status == .waitingForHuman
            let bWaiting = b.status == .waitingForHuman
            if aWaiting != bWaiting { return aWaiting }
            if a.priority != b.priority { return a.priority > b.priority }
            return a.waitingSince < b.waitingSince
        }
    }
}
