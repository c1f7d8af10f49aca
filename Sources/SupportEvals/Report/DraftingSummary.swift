import Foundation
import SupportCore

/// How the drafters did over a run, per role (primary, fallback, shadow): results, named faults,
/// sentences written and dropped by verification, tokens, and where the time went. For the LLM
/// drafter, `providerMs` is the attempt's own time and `overheadMs` the rest of the turn.
public struct DraftingSummary: Sendable, Hashable, Codable {
    public struct Role: Sendable, Hashable, Codable {
        public var role: String
        public var drafter: String
        public var attempts: Int
        public var results: [String: Int]
        public var faults: [String: Int]
        public var sentencesWritten: Int
        public var sentencesDropped: Int
        public var droppedShare: Double
        public var droppedBy: [String: Int]
        public var inputTokens: Int
        public var outputTokens: Int
        public var cacheReadTokens: Int
        /// From the turn's start to the first verified sentence shown.
        public var firstSentenceMs: LatencySummary
        /// The attempt itself, start to end.
        public var attemptMs: LatencySummary
        /// From the attempt's start to the drafter's first event (an LLM's first sentence or usage).
        public var firstEventMs: LatencySummary
    }

    public var roles: [Role]
    /// Turn time outside the primary attempt, for turns where the primary drafter ran.
    public var overheadMs: LatencySummary

    public init?(_ turns: [TurnObservation]) {
        let withDrafting = turns.filter { !($0.trace.drafting ?? []).isEmpty }
        guard !withDrafting.isEmpty else { return nil }
        let records = withDrafting.flatMap { $0.trace.drafting ?? [] }
        var roles: [Role] = []
        for role in [DraftingRecord.Role.primary, .fallback, .shadow] {
            let attempts = records.filter { $0.role == role }
            guard let first = attempts.first else { continue }
            let written = attempts.reduce(0) { $0 + $1.sentencesWritten }
            let dropped = attempts.reduce(0) { $0 + $1.dropped.count }
            roles.append(Role(
                role: role.rawValue, drafter: first.drafter, attempts: attempts.count,
                results: Dictionary(grouping: attempts, by: \.result.rawValue).mapValues(\.count),
                faults: Dictionary(grouping: attempts.compactMap(\.fault), by: \.rawValue).mapValues(\.count),
                sentencesWritten: written, sentencesDropped: dropped, droppedShare: written == 0 ? 0 : Double(dropped) / Double(written),
                droppedBy: Dictionary(grouping: attempts.flatMap(\.dropped), by: { $0.failure?.rawValue ?? "" }).mapValues(\.count),
                inputTokens: attempts.reduce(0) { $0 + ($1.usage?.inputTokens ?? 0) },
                outputTokens: attempts.reduce(0) { $0 + ($1.usage?.outputTokens ?? 0) },
                cacheReadTokens: attempts.reduce(0) { $0 + ($1.usage?.cacheReadTokens ?? 0) },
                firstSentenceMs: LatencySummary(attempts.compactMap(\.firstSentenceMs)),
                attemptMs: LatencySummary(attempts.map { $0.finishedMs - $0.startedMs }),
                firstEventMs: LatencySummary(attempts.compactMap(\.firstEventMs))))
        }
        self.roles = roles
        overheadMs = LatencySummary(withDrafting.compactMap { turn in
            (turn.trace.drafting ?? []).first { $0.role == .primary }.map { turn.trace.totalMilliseconds - ($0.finishedMs - $0.startedMs) }
        })
    }

    public var text: String {
        var lines: [String] = []
        for role in roles {
            let results = role.results.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            let faults = role.faults.isEmpty ? "none" : role.faults.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            let dropped = role.droppedBy.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            lines.append("drafting \(role.role)    \(role.drafter): \(role.attempts) attempts (\(results)); faults: \(faults)")
            lines.append(String(
                format: "  sentences         %d written, %d dropped (%.1f%%)%@", role.sentencesWritten, role.sentencesDropped,
                role.droppedShare * 100, dropped.isEmpty ? "" : ": \(dropped)"))
            if role.inputTokens + role.outputTokens > 0 {
                lines.append("  tokens            in \(role.inputTokens), out \(role.outputTokens), cache read \(role.cacheReadTokens)")
            }
            lines.append(String(
                format: "  first sentence    p50 %.0f ms, p99 %.0f ms (%d shown); attempt p50 %.0f ms, p99 %.0f ms; first event p50 %.0f ms",
                role.firstSentenceMs.p50, role.firstSentenceMs.p99, role.firstSentenceMs.count, role.attemptMs.p50,
                role.attemptMs.p99, role.firstEventMs.p50))
        }
        lines.append(String(format: "supportd overhead   p50 %.2f ms, p99 %.2f ms (turn time outside the primary drafter)", overheadMs.p50, overheadMs.p99))
        return lines.joined(separator: "\n")
    }
}
