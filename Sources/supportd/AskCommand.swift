import ArgumentParser
import Foundation
import SupportCore
import SupportServer

struct AskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask", abstract: "Run one customer turn in the terminal and print its events.")

    @Argument(help: "The customer's message.") var question: String
    @Flag(help: "Print one JSON object per event.") var json = false
    @Flag(help: "Print the stored trace of the turn: every stage's input, output, score and decision.") var trace = false
    @OptionGroup var runtimeOptions: RuntimeOptions

    func run() async throws {
        var config = try SupportConfig.load()
        config.databasePath = ":memory:"
        runtimeOptions.apply(to: &config)
        let runtime = try SupportRuntime.assemble(config, ingest: .whenStale)
        let conversation = try await runtime.conversations.createConversation()
        let accepted = try await runtime.service.accept(question, in: conversation)
        let json = json
        let result = await runtime.service.run(accepted) { event in
            print(json ? Self.jsonLine(event) : Self.humanLine(event))
        }
        if trace {
            for record in result.trace.stages {
                let score = record.score.map { String(format: " score %.3f", $0) } ?? ""
                let threshold = record.threshold.map { String(format: " threshold %.3f", $0) } ?? ""
                print("[\(record.stage.rawValue)] \(record.component): \(record.decision)\(score)\(threshold) (\(String(format: "%.2f", record.milliseconds)) ms)")
                print("    in:  \(record.input)")
                print("    out: \(record.output)")
            }
        }
        await runtime.shutdown()
    }

    static func jsonLine(_ event: TurnEvent) -> String {
        "{\"event\":\"\(event.name.rawValue)\",\"data\":\(EventStreamEncoder.payload(event))}"
    }

    static func humanLine(_ event: TurnEvent) -> String {
        switch event {
        case .status(let status): return "· \(status.text)"
        case .intent(let intent):
            return "· intent: \(intent.intent?.rawValue ?? "unsure") (\(String(format: "%.2f", intent.confidence)))"
        case .passages(let passages):
            return "· passages: " + passages.prefix(3).map { "\($0.documentTitle) › \($0.section) (\(String(format: "%.2f", $0.coverage)))" }
                .joined(separator: "; ")
        case .delta(let delta):
            return "» \(delta.text)" + (delta.citation.map { " [\($0.index)]" } ?? "")
        case .answer(let answer):
            var lines = ["", answer.text]
            for citation in answer.citations {
                lines.append("  [\(citation.index)] \(citation.documentTitle) › \(citation.section) (version \(citation.version))")
            }
            return lines.joined(separator: "\n")
        case .dontKnow(let value): return "\n\(value.text)\n  (dont_know: \(value.reason.rawValue))"
        case .handoff(let value): return "\n\(value.text)\n  (handoff: \(value.reason.rawValue), \(value.id))"
        case .refusal(let value): return "\n\(value.text)\n  (refusal: \(value.reason.rawValue))"
        case .error(let value): return "! \(value.code): \(value.message)"
        case .done(let summary):
            let stages = summary.timingsMs.sorted { $0.key < $1.key }
                .map { "\($0.key) \(String(format: "%.2f", $0.value))" }.joined(separator: ", ")
            return "\ndone: \(summary.outcome.rawValue) in \(String(format: "%.2f", summary.totalMs)) ms (\(stages))"
        }
    }
}
