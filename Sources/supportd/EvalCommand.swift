import ArgumentParser
import Foundation
import SupportCore
import SupportEvals
import SupportServer

/// `supportd eval`: runs a case file through the assembled pipeline and reports.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Run eval cases (JSONL) through the pipeline the server runs; write results.json and report.html.")

    @Option(help: "Case file (JSON Lines, see evals/README.md).") var cases: String
    @Option(help: "Corpus: a folder of Markdown policies (with intents.json) or a JSONL corpus. Default: the configured policies.")
    var corpus: String?
    @Option(help: "Intents file (default: intents.json beside the corpus; none means every turn is answered from evidence or not at all).")
    var intents: String?
    @Option(help: "Where to write results.json and report.html (default .build/evals/<suite>).") var out: String?
    @Option(help: "Name of the suite in reports (default: the case file's name).") var suite: String?
    @Option(name: .customLong("repeat"), help: "Run every case K times and report pass^K.") var repeats = 1
    @Flag(help: "Print the metrics as JSON instead of a table.") var json = false
    @Option(help: "Drafter: extractive, llm or llm+fallback (default: SUPPORTD_DRAFTER or the config file, else extractive).")
    var drafter: DraftingMode?
    @Option(help: "Fail (exit 1) when the metrics fall below this baseline file by more than its margin.") var baseline: String?
    @Option(name: .customLong("write-baseline"), help: "Record the metrics of this run as the baseline in this file.")
    var writeBaseline: String?
    @Option(help: "Margin to record with --write-baseline (absolute share, e.g. 0.03).") var margin = 0.03

    func run() async throws {
        let caseURL = URL(fileURLWithPath: cases)
        let loaded: [EvalCase]
        do {
            loaded = try CaseFile.load(caseURL)
        } catch {
            throw ValidationError("cannot read cases: \(error)")
        }
        guard !loaded.isEmpty else { throw ValidationError("\(cases) holds no cases") }
        // Read the baseline before the run, so a wrong path fails at once.
        let recorded = try baseline.map { try Baseline.load(URL(fileURLWithPath: $0)) }
        let runtime = try SupportRuntime.inMemory(policies: corpus, intents: intents, drafter: drafter)
        let results = await evaluate(loaded, runtime: runtime, caseURL: caseURL)
        await runtime.shutdown()
        try report(results, recorded: recorded)
    }

    private func evaluate(_ loaded: [EvalCase], runtime: SupportRuntime, caseURL: URL) async -> EvalResults {
        let config = runtime.config
        let runner = EvalRunner(service: runtime.service, passages: runtime.retriever.passages)
        let suite = suite ?? caseURL.deletingPathExtension().lastPathComponent
        let plan = Evaluation.Plan(
            suite: suite, casesFile: cases, corpus: config.policiesPath, repeats: repeats,
            settings: [
                "drafter": runtime.pipeline.drafter.name,
                "fallback": runtime.pipeline.fallbackDrafter?.name ?? "none",
                "prompt": runtime.pipeline.drafter.promptLabel ?? "none",
                "evidence_threshold": "\(config.pipeline.evidenceThreshold)",
                "router_threshold": "\(config.routerThreshold)",
                "intents": "\(runtime.pipeline.catalog.intents.count)",
            ])
        var timedPlan = plan
        timedPlan.thresholdCurve = runtime.pipeline.drafter is ExtractiveDrafter
        return await Evaluation.run(loaded, with: runner, plan: timedPlan)
    }

    private func report(_ results: EvalResults, recorded: Baseline?) throws {
        let suite = results.suite
        let directory = URL(fileURLWithPath: out ?? ".build/evals/\(suite)")
        try Evaluation.write(results, to: directory)

        if json {
            print(String(decoding: try ReportFiles.encoder().encode(results.metrics), as: UTF8.self))
        } else {
            print(EvalSummary.text(results))
            print("wrote \(directory.appendingPathComponent("results.json").path) and report.html")
        }
        if let writeBaseline {
            try Baseline(suite: suite, metrics: results.metrics, margin: margin).write(to: URL(fileURLWithPath: writeBaseline))
            print("recorded baseline \(writeBaseline)")
        }
        if let baseline, let recorded {
            let problems = recorded.violations(of: results.metrics)
            if !problems.isEmpty {
                for problem in problems { print("GATE FAILED: \(problem)") }
                throw ExitCode(1)
            }
            print("gate passed against \(baseline) (margin \(String(format: "%.1f", recorded.margin * 100)) points)")
        }
    }
}
