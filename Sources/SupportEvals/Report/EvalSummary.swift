import Foundation

/// The terminal summary of a run.
public enum EvalSummary {
    public static func text(_ results: EvalResults) -> String {
        let m = results.metrics
        var lines = [
            "suite               \(results.suite): \(m.cases) cases, \(m.checkedTurns) checked turns, \(String(format: "%.2f", results.runSeconds)) s",
            "resolution rate     \(m.resolutionRate.display)",
            "correct IDK         \(m.correctDontKnowRate.display)",
            "false IDK           \(m.falseDontKnowRate.display)",
            "handoff  P / R      \(m.handoff.precision.display) / \(m.handoff.recall.display)",
            "refusal  P / R      \(m.refusal.precision.display) / \(m.refusal.recall.display)",
            "intent accuracy     \(m.intentAccuracy.display)",
            "cases passed        \(m.casePassRate.display)",
            "unsupported         \(m.unsupportedSentences) of \(m.sentencesShipped) shipped sentences",
            "retrieval R@1 / R@5 \(results.recallAt1.display) / \(results.recallAt5.display)",
            String(
                format: "turn latency        p50 %.2f ms, p95 %.2f ms, p99 %.2f ms", m.latency.p50, m.latency.p95, m.latency.p99),
        ]
        if let passAll = results.passAllRepeats { lines.append("pass^\(results.repeats)              \(passAll.display)") }
        if let drafting = results.drafting { lines.append(drafting.text) }
        return lines.joined(separator: "\n")
    }
}
