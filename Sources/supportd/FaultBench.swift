import ArgumentParser
import FakeProvider
import Foundation
import Logging
import SupportCore
import SupportServer

/// Injects each provider fault through the wire-level fake provider on loopback and runs one real
/// turn per fault and drafting mode: the outcome, the named fault and how long the turn took.
struct FaultBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "faults", abstract: "Outcome and time of a turn under each injected LLM provider fault.")

    @Option(help: "Policies (default: the configured policies).") var policies: String?
    @Option(help: "Wire protocol of the fake provider: openai or anthropic.") var wire = "openai"
    @Flag(help: "Print JSON lines.") var json = false

    static let question = "How many days do I have to return an item?"
    static let good = "Most Fernhollow items can be returned within 30 days of delivery [P1, P2, P3, P4]. "
        + "The 30-day return window starts on the delivery date shown in the tracking information [P1, P2, P3, P4]."

    struct Scenario {
        var name: String
        var behaviours: [FakeBehaviour]
        var refused = false
    }

    static let scenarios: [Scenario] = [
        Scenario(name: "healthy", behaviours: [.answer(good, tokenDelay: .milliseconds(15))]),
        Scenario(name: "connection refused", behaviours: [], refused: true),
        Scenario(name: "no headers (10 s)", behaviours: [.delayHeaders(.seconds(10), then: .answer(good))]),
        Scenario(name: "429 once, then answers", behaviours: [.status(429), .answer(good)]),
        Scenario(name: "429 with Retry-After 30 s", behaviours: [.status(429, retryAfterSeconds: 30)]),
        Scenario(name: "503 every time", behaviours: [.status(503), .status(503), .status(503)]),
        Scenario(name: "garbage stream", behaviours: [.garbage]),
        Scenario(name: "stall mid-answer", behaviours: [.stall(after: "Most Fernhollow items can")]),
        Scenario(name: "drip slower than T1", behaviours: [.drip(good, tokenDelay: .milliseconds(400))]),
        Scenario(name: "closed before the end", behaviours: [.closeEarly(after: "Most Fernhollow items")]),
        Scenario(name: "empty answer", behaviours: [.empty]),
        Scenario(name: "other language", behaviours: [.answer("Los artículos se pueden devolver en un plazo de 30 días desde la entrega.")]),
        Scenario(name: "refusal", behaviours: [.answer("I'm sorry, but I can't help with that request.")]),
    ]

    func run() async throws {
        let fake = FakeProviderServer()
        try await fake.start()
        if !json { print("fault                      mode          outcome                 fault                     turn ms") }
        // One runtime per mode and address: assembling ingests the policies and trains the router.
        var runtimes: [String: SupportRuntime] = [:]
        for scenario in Self.scenarios {
            for mode in [DraftingMode.llmWithFallback, .llm] {
                let key = "\(mode.rawValue) \(scenario.refused)"
                let runtime = try runtimes[key] ?? assemble(mode: mode, baseURL: scenario.refused ? "http://127.0.0.1:9/v1" : fake.baseURL)
                runtimes[key] = runtime
                for behaviour in scenario.behaviours { fake.enqueue(behaviour) }
                print(try await turn(scenario, mode: mode, runtime: runtime))
            }
        }
        for runtime in runtimes.values { await runtime.shutdown() }
        await fake.stop()
    }

    private func assemble(mode: DraftingMode, baseURL: String) throws -> SupportRuntime {
        var config = try SupportConfig.load()
        config.databasePath = ":memory:"
        if let policies { config.policiesPath = policies }
        config.drafting.mode = mode
        config.drafting.provider.wire = ProviderProtocol(rawValue: wire) ?? .openAI
        config.drafting.provider.model = "fake-model"
        config.drafting.provider.headersTimeoutMs = 2000
        config.drafting.provider.baseURL = baseURL
        return try SupportRuntime.assemble(
            config, ingest: .always, logger: Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    private func turn(_ scenario: Scenario, mode: DraftingMode, runtime: SupportRuntime) async throws -> String {
        let conversation = try await runtime.conversations.createConversation()
        let accepted = try await runtime.service.accept(Self.question, in: conversation)
        let start = ContinuousClock.now
        let result = await runtime.service.run(accepted) { _ in }
        let elapsed = (ContinuousClock.now - start).milliseconds
        let outcome = result.outcome.kind.rawValue + (result.outcome.reasonCode.map { ":\($0)" } ?? "")
        let fault = result.trace.drafting?.first { $0.role == .primary }?.fault?.rawValue ?? "none"
        if json {
            return "{\"fault\":\"\(scenario.name)\",\"mode\":\"\(mode.rawValue)\",\"outcome\":\"\(outcome)\",\"named\":\"\(fault)\",\"ms\":\(Int(elapsed))}"
        }
        func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: width, withPad: " ", startingAt: 0) }
        return pad(scenario.name, 27) + pad(mode.rawValue, 14) + pad(outcome, 24) + pad(fault, 26) + String(format: "%7.0f", elapsed)
    }
}
