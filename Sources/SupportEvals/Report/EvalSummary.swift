import Foundation

/// The terminal summary of a run.
public enum EvalSummary {
    public static func text(_ results: EvalResults) -> String {
        let m = results.metrics
        let r = HTMLReport.rate
        var lines = [
            "suite               \(results.suite): \(m.cases) cases, \(m.checkedTurns) checked turns, \(String(format: "%.2f", results.runSeconds)) s",
            "resolution rate     \(r(m.resolutionRate))",
            "correct IDK         \(r(m.correctDontKnowRate))",
            "false IDK           \(r(m.falseDontKnowRate))",
            "handoff  P / R      \(r(m.handoff.precision)) / \(r(m.handoff.recall))",
            "refusal  P / R      \(r(m.refusal.precision)) / \(r(m.refusal.recall))",
            "intent accuracy     \(r(m.intentAccuracy))",
            "cases passed        \(r(m.casePassRate))",
            "unsupported         \(m.unsupportedSentences) of \(m.sentencesShipped) shipped sentences",
            "retrieval R@1 / R@5 \(r(results.recallAt1)) / \(r(results.recallAt5))",
            String(
                format: "turn latency        p50 %.2f ms, p95 %.2f ms, p99 %.2f ms", m.latency.p50, m.latency.p95, m.latency.p99),
        ]
        if let passAll = results.passAllRepeats { lines.append("pass^\(results.repeats)              \(r(passAll))") }
        return lines.joined(separator: "\n")
    }
}
