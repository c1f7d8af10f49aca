import Foundation
import Logging
import SupportCore
import SupportServer
import Synchronization
import Testing

let localModelURL = ProcessInfo.processInfo.environment["SUPPORTD_TEST_LLM_URL"]

/// The whole server-side turn with a real language model: SmolLM2-135M-Instruct behind
/// llama.cpp's server on loopback (`scripts/llm-server.sh start`, which `scripts/test.sh` runs).
/// Set SUPPORTD_TEST_LLM_URL (e.g. http://127.0.0.1:8089/v1) to run; skipped otherwise.
@Suite(.enabled(if: localModelURL != nil, "set SUPPORTD_TEST_LLM_URL to a local OpenAI/Anthropic-compatible server"))
struct RealModelTurnTests {
    static let baseURL = localModelURL

    static func runtime(_ wire: ProviderProtocol, mode: DraftingMode) throws -> SupportRuntime {
        var config = SupportConfig()
        config.databasePath = ":memory:"
        config.policiesPath = packageRoot.appendingPathComponent("policies").path
        config.drafting.mode = mode
        config.drafting.provider.wire = wire
        config.drafting.provider.baseURL = baseURL ?? ""
        config.drafting.provider.model = "smollm2-135m"
        var logger = Logger(label: "supportd-tests")
        logger.logLevel = .warning
        return try SupportRuntime.assemble(config, ingest: .always, logger: logger)
    }

    final class Events: Sendable {
        let storage = Mutex<[(ContinuousClock.Instant, TurnEvent)]>([])
        func append(_ event: TurnEvent) { storage.withLock { $0.append((.now, event)) } }
        var all: [(ContinuousClock.Instant, TurnEvent)] { storage.withLock { $0 } }
    }

    @Test(arguments: [ProviderProtocol.openAI, .anthropic])
    func aRealModelTurnEndsInTimeAndShowsOnlyVerifiedSentences(wire: ProviderProtocol) async throws {
        let runtime = try Self.runtime(wire, mode: .llmWithFallback)
        defer { Task { await runtime.shutdown() } }
        for question in ["How long do I have to return an item?", "Do you ship to Canada?", "Can I change my order after placing it?"] {
            let conversation = try await runtime.conversations.createConversation()
            let accepted = try await runtime.service.accept(question, in: conversation)
            let events = Events()
            let result = await runtime.service.run(accepted) { events.append($0) }
            let budget = runtime.config.budget
            // Every turn ends with an outcome by T2 plus a small margin, whatever the model does.
            #expect(result.trace.totalMilliseconds < (budget.answer + .milliseconds(1500)).milliseconds, "\(question)")
            let primary = try #require(result.trace.drafting?.first { $0.role == .primary }, "\(question)")
            #expect(primary.drafter == "llm:\(wire.rawValue):smollm2-135m")
            #expect(primary.prompt?.hasPrefix("grounded-answer/1 sha256:") == true)
            if primary.fault == nil || primary.fault == .answerDeadline {
                #expect((primary.usage?.outputTokens ?? 0) > 0, "\(question): token usage recorded")
            }
            // Heartbeats at least once a second while the model works.
            let statusTimes = events.all.filter { $0.1.name == .status }.map(\.0)
            for (earlier, later) in zip(statusTimes, statusTimes.dropFirst()) {
                #expect(later - earlier < .milliseconds(1200), "\(question): a gap in status events")
            }
            // What streamed is what the answer says, and every sentence of it passed verification.
            let deltas = events.all.compactMap { if case .delta(let delta) = $0.1 { delta } else { nil } }
            if case .answer(let answer) = result.outcome {
                #expect(answer.sentences.map(\.text).starts(with: deltas.map(\.text)))
                let passages = runtime.retriever.passages
                let draft = Draft(
                    leadIn: nil,
                    sentences: answer.sentences.compactMap { sentence in
                        sentence.citation.map { DraftSentence(text: sentence.text, passage: answer.citations[$0 - 1].chunkID) }
                    }, support: 1)
                #expect(EvidenceVerifier().verify(draft, against: passages).allSupported, "\(question)")
            } else {
                #expect(deltas.isEmpty, "\(question): nothing shown before a non-answer")
            }
        }
    }

    @Test func theModelAloneSaysIDontKnowRatherThanShowAnUnverifiedSentence() async throws {
        let runtime = try Self.runtime(.openAI, mode: .llm)
        defer { Task { await runtime.shutdown() } }
        let conversation = try await runtime.conversations.createConversation()
        let accepted = try await runtime.service.accept("What is the restocking fee for opened electronics?", in: conversation)
        let result = await runtime.service.run(accepted) { _ in }
        let primary = try #require(result.trace.drafting?.first)
        if case .answer(let answer) = result.outcome {
            #expect(primary.result == .answered)
            #expect(answer.sentences.allSatisfy { $0.citation != nil })
        } else {
            #expect(result.outcome.kind == .dontKnow)
            #expect(primary.result != .answered)
        }
    }
}
