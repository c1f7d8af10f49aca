import Foundation
import SupportCore
import SupportLLM
import Testing

/// A real model behind both protocols, when one runs locally (llama.cpp's server answers
/// `/v1/chat/completions` and `/v1/messages` and accepts any model name). Optional: CI has no
/// model, so these run only when `SUPPORTD_TEST_LLM_URL` names one, e.g. http://127.0.0.1:8089/v1.
struct LocalModelTests {
    static let baseURL = ProcessInfo.processInfo.environment["SUPPORTD_TEST_LLM_URL"]
    static let model = ProcessInfo.processInfo.environment["SUPPORTD_TEST_LLM_MODEL"] ?? "smollm2-135m"

    @Test(
        "A local model streams text and usage",
        .enabled(if: baseURL != nil, "set SUPPORTD_TEST_LLM_URL (e.g. http://127.0.0.1:8089/v1) to run against a local model"),
        arguments: ProviderProtocol.allCases)
    func localModelStreamsTextAndUsage(wire: ProviderProtocol) async throws {
        let baseURL = try #require(Self.baseURL)
        let client = ProviderClient(connectTimeout: .seconds(2))
        let settings = ProviderSettings(
            wire: wire, baseURL: baseURL, model: Self.model, headersTimeoutMs: 30_000, idleTimeoutMs: 30_000)
        let request = CompletionRequest(
            system: [PromptBlock("You are a helpful support assistant. Answer in one short sentence.", cacheable: true)],
            messages: [PromptMessage(.user, "How many days do I have to return an item?")], maxTokens: 24, temperature: 0)
        let outcome: StreamOutcome
        do {
            outcome = try await drain(client.provider(settings, environment: [:]).stream(request), limit: .seconds(60))
        } catch {
            try await client.shutdown()
            throw error
        }
        try await client.shutdown()
        #expect(outcome.failure == nil, "\(String(describing: outcome.failure))")
        #expect(!outcome.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        #expect((outcome.usage?.outputTokens ?? 0) > 0)
        #expect(outcome.finishReasons.count == 1)
    }
}
