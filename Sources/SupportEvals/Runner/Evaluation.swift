import Foundation
import SupportCore

/// A whole eval: the cases run `repeats` times through the pipeline, once more without an
/// evidence threshold for the threshold curve, then scored.
public enum Evaluation {
    public struct Plan: Sendable {
        public var suite: String
        public var casesFile: String
        public var corpus: String
        public var repeats: Int
        public var settings: [String: String]
        /// Re-run the cases without an evidence threshold to draw the threshold curve. Off for
        /// slow drafters (an LLM), where it would double the run for a curve of the retriever.
        public var thresholdCurve = true
        public init(suite: String, casesFile: String, corpus: String, repeats: Int = 1, settings: [String: String] = [:]) {
            self.suite = suite
            self.casesFile = casesFile
            self.corpus = corpus
            self.repeats = max(1, repeats)
            self.settings = settings
        }
    }

    public static func run(_ cases: [EvalCase], with runner: EvalRunner, plan: Plan) async -> EvalResults {
        let startedAt = Date()
        let clock = ContinuousClock.now
        var runs: [[CaseResult]] = []
        for _ in 0..<plan.repeats { runs.append(await runner.run(cases)) }
        let runSeconds = (ContinuousClock.now - clock).milliseconds / 1000 / Double(plan.repeats)
        var ungatedSettings = runner.service.pipeline.settings
        ungatedSettings.evidenceThreshold = 0
        let ungated = plan.thresholdCurve ? await runner.with(settings: ungatedSettings).run(cases) : []
        let first = runs[0]
        return EvalResults(
            suite: plan.suite, casesFile: plan.casesFile, corpus: plan.corpus, settings: plan.settings, startedAt: startedAt,
            runSeconds: runSeconds, metrics: EvalScoring.metrics(first), repeats: plan.repeats,
            passAllRepeats: plan.repeats > 1 ? EvalScoring.passAllRepeats(runs) : nil,
            byIntent: EvalScoring.byIntent(first), byTag: EvalScoring.byTag(first),
            thresholdCurve: EvalScoring.thresholdCurve(ungated: ungated),
            currentThreshold: runner.service.pipeline.settings.evidenceThreshold,
            recallAt1: EvalScoring.recall(at: 1, first), recallAt5: EvalScoring.recall(at: 5, first),
            drafting: DraftingSummary(first.flatMap(\.turns)), cases: first)
    }

    /// Writes `results.json` and `report.html` into `directory`.
    public static func write(_ results: EvalResults, to directory: URL) throws {
        try ReportFiles.write(results, as: "results.json", html: HTMLReport.render(results), as: "report.html", to: directory)
    }
}
