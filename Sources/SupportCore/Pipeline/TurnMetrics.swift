import Foundation
import Synchronization

/// Process-wide counters of what turns did, rendered in the Prometheus text format at `/metrics`:
/// outcomes, drafting results and named faults per drafter role, sentences written and dropped
/// (by verification failure), fallbacks, and tokens.
public final class TurnMetrics: Sendable {
    private struct Counters {
        var outcomes: [String: Int] = [:]
        var attempts: [String: Int] = [:]
        var faults: [String: Int] = [:]
        var sentences: [String: Int] = [:]
        var dropped: [String: Int] = [:]
        var tokens: [String: Int] = [:]
    }

    private let counters = Mutex(Counters())

    public init() {}

    public func record(_ result: TurnResult) {
        counters.withLock { c in
            c.outcomes["outcome=\"\(result.outcome.kind.rawValue)\",reason=\"\(result.outcome.reasonCode ?? "")\"", default: 0] += 1
            for attempt in result.trace.drafting ?? [] { Self.add(attempt, to: &c) }
        }
    }

    /// A shadow attempt, counted under its own role.
    public func record(shadow attempt: DraftingRecord) {
        counters.withLock { Self.add(attempt, to: &$0) }
    }

    private static func add(_ attempt: DraftingRecord, to c: inout Counters) {
        let role = "role=\"\(attempt.role.rawValue)\""
        c.attempts["\(role),result=\"\(attempt.result.rawValue)\"", default: 0] += 1
        if let fault = attempt.fault { c.faults["\(role),fault=\"\(fault.rawValue)\"", default: 0] += 1 }
        c.sentences["\(role),verdict=\"verified\"", default: 0] += attempt.sentencesVerified
        c.sentences["\(role),verdict=\"dropped\"", default: 0] += attempt.dropped.count
        for verdict in attempt.dropped {
            c.dropped["\(role),failure=\"\(verdict.failure?.rawValue ?? "")\"", default: 0] += 1
        }
        if let usage = attempt.usage {
            c.tokens["\(role),kind=\"input\"", default: 0] += usage.inputTokens ?? 0
            c.tokens["\(role),kind=\"output\"", default: 0] += usage.outputTokens ?? 0
            c.tokens["\(role),kind=\"cache_read\"", default: 0] += usage.cacheReadTokens ?? 0
            c.tokens["\(role),kind=\"cache_write\"", default: 0] += usage.cacheWriteTokens ?? 0
        }
    }

    /// The Prometheus text exposition.
    public func exposition() -> String {
        let c = counters.withLock { $0 }
        var lines: [String] = []
        func family(_ name: String, _ help: String, _ values: [String: Int]) {
            lines.append("# HELP \(name) \(help)")
            lines.append("# TYPE \(name) counter")
            for (labels, value) in values.sorted(by: { $0.key < $1.key }) { lines.append("\(name){\(labels)} \(value)") }
        }
        family("supportd_turns_total", "Turns by outcome and reason.", c.outcomes)
        family("supportd_drafting_attempts_total", "Drafter attempts by role and result.", c.attempts)
        family("supportd_drafting_faults_total", "Drafter attempts that ended with a named fault.", c.faults)
        family("supportd_draft_sentences_total", "Drafted sentences by verification verdict.", c.sentences)
        family("supportd_draft_sentences_dropped_total", "Dropped sentences by verification failure.", c.dropped)
        family("supportd_llm_tokens_total", "Tokens reported by LLM providers.", c.tokens)
        return lines.joined(separator: "\n") + "\n"
    }
}
