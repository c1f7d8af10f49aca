import Foundation

/// The numbers a support lead watches, computed from stored conversations and feedback.
public struct SupportStats: Sendable, Hashable, Codable {
    public struct Share: Sendable, Hashable, Codable {
        public var count: Int
        public var total: Int
        public var rate: Double?
        public init(_ count: Int, of total: Int) {
            self.count = count
            self.total = total
            rate = total == 0 ? nil : (Double(count) / Double(total) * 1000).rounded() / 1000
        }
    }

    public struct ReplyRates: Sendable, Hashable, Codable {
        public var replies: Int
        public var accepted: Share
        public var edited: Share
        public var rejected: Share
        /// Mean normalised edit distance of the edited replies.
        public var meanEditDistance: Double?
    }

    /// Conversations with at least one customer message.
    public var conversations: Int
    /// The customer marked the latest rated reply helpful.
    public var resolvedConfirmed: Share
    /// Not confirmed, but the last reply was an answer and the customer wrote nothing more within the window.
    public var resolvedAssumed: Share
    public var assumeResolvedAfterMinutes: Double
    /// Conversations never handed to a person.
    public var containment: Share
    public var handoffs: Share
    public var handoffsByReason: [String: Share]
    public var replyRates: ReplyRates
    public var replyRatesByIntent: [String: ReplyRates]
    public var replyRatesByDocument: [String: ReplyRates]
    /// From the handoff to the first human reply, over handoffs that got one.
    public var medianSecondsToFirstHumanReply: Double?
    public var handoffsAnsweredByHuman: Share
    /// Replies rated helpful among all rated replies.
    public var helpfulRatings: Share

    public static func compute(
        activity: [ConversationActivity], feedback: [FeedbackRecord], assumeResolvedAfter window: TimeInterval, now: Date
    ) -> SupportStats {
        let active = activity.filter { $0.messages.contains { $0.role == .customer } }
        var confirmed = 0
        var assumed = 0
        var contained = 0
        var handedOff = 0
        var reasons: [HandoffReason: Int] = [:]
        var waits: [Double] = []
        var handoffCount = 0
        var ratingCount = 0
        var helpfulCount = 0
        for conversation in active {
            ratingCount += conversation.ratings.count
            helpfulCount += conversation.ratings.filter(\.helpful).count
            let isConfirmed = conversation.ratings.last?.helpful == true
            if isConfirmed { confirmed += 1 }
            if conversation.handoffs.isEmpty { contained += 1 } else { handedOff += 1 }
            for handoff in conversation.handoffs {
                reasons[handoff.reason, default: 0] += 1
                handoffCount += 1
                if let reply = conversation.messages.first(where: { $0.role == .agent && $0.createdAt >= handoff.createdAt }) {
                    waits.append(reply.createdAt.timeIntervalSince(handoff.createdAt))
                }
            }
            if !isConfirmed, let last = conversation.messages.last, last.role != .customer,
                last.outcome == .answer || last.role == .agent,
                conversation.status != .waitingForHuman, conversation.status != .withHuman,
                now.timeIntervalSince(last.createdAt) >= window,
                conversation.ratings.last?.helpful != false
            {
                assumed += 1
            }
        }
        let total = active.count
        return SupportStats(
            conversations: total, resolvedConfirmed: Share(confirmed, of: total), resolvedAssumed: Share(assumed, of: total),
            assumeResolvedAfterMinutes: window / 60, containment: Share(contained, of: total),
            handoffs: Share(handedOff, of: total),
            handoffsByReason: Dictionary(uniqueKeysWithValues: reasons.map { ($0.key.rawValue, Share($0.value, of: total)) }),
            replyRates: rates(feedback),
            replyRatesByIntent: Dictionary(grouping: feedback) { $0.intent?.rawValue ?? "none" }.mapValues(rates),
            replyRatesByDocument: byDocument(feedback),
            medianSecondsToFirstHumanReply: median(waits), handoffsAnsweredByHuman: Share(waits.count, of: handoffCount),
            helpfulRatings: Share(helpfulCount, of: ratingCount))
    }

    static func rates(_ records: [FeedbackRecord]) -> ReplyRates {
        let edited = records.filter { $0.action == .edit }
        return ReplyRates(
            replies: records.count, accepted: Share(records.filter { $0.action == .accept }.count, of: records.count),
            edited: Share(edited.count, of: records.count),
            rejected: Share(records.filter { $0.action == .reject }.count, of: records.count),
            meanEditDistance: edited.isEmpty
                ? nil : (edited.map(\.editDistance).reduce(0, +) / Double(edited.count) * 1000).rounded() / 1000)
    }

    static func byDocument(_ records: [FeedbackRecord]) -> [String: ReplyRates] {
        var groups: [String: [FeedbackRecord]] = [:]
        for record in records {
            for document in Set(record.documents.map(\.documentID.rawValue)) { groups[document, default: []].append(record) }
        }
        return groups.mapValues(rates)
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        let value = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        return (value * 10).rounded() / 10
    }
}
