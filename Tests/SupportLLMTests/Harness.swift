import FakeProvider
import Foundation
import SupportCore
import SupportLLM
import Testing

/// What one drained stream produced.
struct StreamOutcome {
    var texts: [String] = []
    var usage: TokenUsage?
    var finishReasons: [String] = []
    var failure: (any Error)?
    var elapsed: Duration = .zero

    var text: String { texts.joined() }
    var providerFailure: ProviderFailure? { failure as? ProviderFailure }
}

struct HarnessTimeout: Error, CustomStringConvertible {
    let limit: Duration
    var description: String { "stream did not end within \(limit)" }
}

/// Drains a stream into an outcome. Bounded: a stream that has not ended after `limit` fails the
/// test instead of hanging the suite (the consuming task is cancelled, which cancels the request).
func drain(
    _ stream: AsyncThrowingStream<CompletionChunk, any Error>, startedAt start: ContinuousClock.Instant = .now,
    limit: Duration = .seconds(15)
) async throws -> StreamOutcome {
    try await withThrowingTaskGroup(of: StreamOutcome?.self) { group in
        group.addTask {
            var outcome = StreamOutcome()
            do {
                for try await chunk in stream {
                    switch chunk {
                    case .text(let text): outcome.texts.append(text)
                    case .usage(let usage): outcome.usage = outcome.usage.map { $0.updated(with: usage) } ?? usage
                    case .finished(let reason): outcome.finishReasons.append(reason)
                    }
                }
            } catch {
                outcome.failure = error
            }
            outcome.elapsed = ContinuousClock.now - start
            return outcome
        }
        group.addTask {
            try await Task.sleep(for: limit)
            return nil
        }
        defer { group.cancelAll() }
        guard let outcome = try await group.next() ?? nil else { throw HarnessTimeout(limit: limit) }
        return outcome
    }
}

/// Runs `body` with a provider client and always shuts it down (a client left running trips
/// AsyncHTTPClient's debug check).
func withProviderClient<T>(
    connectTimeout: Duration = .seconds(1), _ body: (ProviderClient) async throws -> T
) async throws -> T {
    let client = ProviderClient(connectTimeout: connectTimeout)
    do {
        let result = try await body(client)
        try await client.shutdown()
        return result
    } catch {
        try? await client.shutdown()
        throw error
    }
}

/// Runs `body` with a started fake provider and a provider client, and always stops both.
func withFakeProvider<T>(_ body: (FakeProviderServer, ProviderClient) async throws -> T) async throws -> T {
    let server = FakeProviderServer()
    try await server.start()
    do {
        let result = try await withProviderClient { client in try await body(server, client) }
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}

/// The value of `operation`, or a `HarnessTimeout` if it takes longer than `limit`.
func within<T: Sendable>(_ limit: Duration, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: limit)
            throw HarnessTimeout(limit: limit)
        }
        defer { group.cancelAll() }
        return try await group.next()!
    }
}

enum Fixtures {
    static let model = "fake-model-2025-01-01"

    /// Settings for the fake, with short timeouts so fault tests finish quickly.
    static func settings(_ wire: ProviderProtocol, _ server: FakeProviderServer) -> ProviderSettings {
        ProviderSettings(wire: wire, baseURL: server.baseURL, model: model, headersTimeoutMs: 3000, idleTimeoutMs: 2000)
    }

    /// A prompt shaped like the drafting stage's: two cacheable blocks (instructions, passages),
    /// then one that changes every turn.
    static let request = CompletionRequest(
        system: [
            PromptBlock("You answer customer questions using only the policy passages below.", cacheable: true),
            PromptBlock("[returns] Items can be returned within 30 days of delivery.", cacheable: true),
            PromptBlock("Today is 2025-03-14.", cacheable: false),
        ],
        messages: [PromptMessage(.user, "Can I return shoes I bought last week?")],
        maxTokens: 120, temperature: 0.2)
}
