import FakeProvider
import SupportCore
import SupportLLM
import Testing

/// Every way a provider fails, acted out on the wire by the fake, for both protocols. Time bounds
/// are generous upper limits for a loaded two-core machine, not performance targets.
struct ProviderFaultTests {
    static let slack: Duration = .seconds(2)

    @Test(arguments: ProviderProtocol.allCases)
    func rateLimitCarriesRetryAfter(wire: ProviderProtocol) async throws {
        try await withFakeProvider { server, client in
            server.enqueue(.status(429, retryAfterSeconds: 7))
            let outcome = try await drain(client.provider(Fixtures.settings(wire, server), environment: [:]).stream(Fixtures.request))
            #expect(outcome.providerFailure == .rateLimited(retryAfter: .seconds(7)))
            #expect(outcome.texts.isEmpty)
        }
    }

    @Test(arguments: ProviderProtocol.allCases, [500, 503, 529])
    func serverErrorsAreRetryable(wire: ProviderProtocol, status: Int) async throws {
        try await withFakeProvider { server, client in
            server.enqueue(.status(status))
            let outcome = try await drain(client.provider(Fixtures.settings(wire, server), environment: [:]).stream(Fixtures.request))
            #expect(outcome.providerFailure == .serverError(status: status))
            #expect(outcome.providerFailure?.isRetryable == true)
        }
    }

    @Test(arguments: ProviderProtocol.allCases)
    func unauthorizedIsRejectedWithTheProvidersMessage(wire: ProviderProtocol) async throws {
        try await withFakeProvider { server, client in
            server.enqueue(.status(401))
            let outcome = try await drain(client.provider(Fixtures.settings(wire, server), environment: [:]).stream(Fixtures.request))
            let message = wire == .openAI ? "Incorrect API key provided." : "invalid x-api-key"
            #expect(outcome.providerFailure == .rejected(status: 401, message: message))
            #expect(outcome.providerFailure?.isRetryable == false)
        }
    }

    @Test(arguments: ProviderProtocol.allCases)
    func refusedConnectionFailsFast(wire: ProviderProtocol) async throws {
        // A port that was just listening and no longer is: nothing accepts there.
        let gone = FakeProviderServer()
        try await gone.start()
        let baseURL = gone.baseURL
        await gone.stop()
        try await withProviderClient { client in
            let settings = ProviderSettings(wire: wire, baseURL: baseURL, model: Fixtures.model)
            let outcome = try await drain(client.provider(settings, environment: [:]).stream(Fixtures.request))
            guard case .connectionFailed = outcome.providerFailure else {
                Issue.record("expected connectionFailed, got \(String(describing: outcome.failure))")
                return
            }
            #expect(outcome.providerFailure?.isRetryable == true)
            #expect(outcome.elapsed < .seconds(1) + Self.slack)
        }
    }

    @Test(arguments: ProviderProtocol.allCases)
    func slowHeadersTimeOutAfterTheHeadersTimeout(wire: ProviderProtocol) async throws {
        try await withFakeProvider { server, client in
            server.enqueue(.delayHeaders(.seconds(10), then: .answer("Too late.")))
            var settings = Fixtures.settings(wire, server)
            settings.headersTimeoutMs = 500
            let outcome = try await drain(client.provider(settings, environment: [:]).stream(Fixtures.request))
            #expect(outcome.providerFailure == .headersTimeout)
            #expect(outcome.elapsed >= .milliseconds(450))
            #expect(outcome.elapsed < .milliseconds(500) + Self.slack)
            // Giving up closed the connection, so the server stops waiting too.
            #expect(await server.waitForDisconnects(atLeast: 1, within: .seconds(3)))
        }
    }

    @Test(arguments: ProviderProtocol.allCases)
    func stallAfterSomeTextFailsAfterTheIdleTimeoutKeepingTheText(wire: ProviderProtocol) async throws {
        try await withFakeProvider { server, client in
            server.enqueue(.stall(after: "Returns are accepted"))
            var settings = Fixtures.settings(wire, server)
            settings.idleTimeoutMs = 500
            let outcome = try await drain(client.provider(settings, environment: [:]).stream(Fixtures.request))
            #expect(outcome.texts == ["Returns", " are", " accepted"])
            #expect(outcome.providerFailure == .stalled)
            #expect(outcome.elapsed >= .milliseconds(450))
            #expect(outcome.elapsed < .milliseconds(500) + Self.slack)
            #expect(await server.waitForDisconnects(atLeast: 1, within: .seconds(3)))
        }
    }

    @Test(arguments: ProviderProtocol.allCases)
    func garbageEventsAreAMalformedStream(wire: ProviderProtocol) async throws {
        try await withFakeProvider { server, client in
            server.enqueue(.garbage)
            let outcome = try await drain(client.provider(Fixtures.settings(wire, server), environment: [:]).stream(Fixtures.request))
            guard case .malformedStream = outcome.providerFailure else {
                Issue.record("expected malformedStream, got \(String(describing: outcome.failure))")
                return
            }
            #expect(outcome.texts.isEmpty)
        }
    }

    @Test(arguments: ProviderProtocol.allCases)
    func jsonAnswerInsteadOfAnEventStreamIsAMalformedStream(wire: ProviderProtocol) async throws {
        try await withFakeProvider { server, client in
            server.enqueue(.unstreamed("Returns are accepted."))
            let outcome = try await drain(client.provider(Fixtures.settings(wire, server), environment: [:]).stream(Fixtures.request))
            #expect(outcome.providerFailure == .malformedStream("expected text/event-stream, got application/json"))
        }
    }

    @Test(arguments: ProviderProtocol.allCases)
    func streamClosedBeforeItsEndIsAMalformedStream(wire: ProviderProtocol) async throws {
        try await withFakeProvider { server, client in
            server.enqueue(.closeEarly(after: "Returns are"))
            let outcome = try await drain(client.provider(Fixtures.settings(wire, server), environment: [:]).stream(Fixtures.request))
            #expect(outcome.text == "Returns are")
            #expect(outcome.providerFailure == .malformedStream("stream ended early"))
        }
    }

    @Test(arguments: ProviderProtocol.allCases)
    func stoppingIterationCancelsTheRequestOnTheWire(wire: ProviderProtocol) async throws {
        try await withFakeProvider { server, client in
            server.enqueue(.drip(String(repeating: "word ", count: 50), tokenDelay: .milliseconds(100)))
            let provider = client.provider(Fixtures.settings(wire, server), environment: [:])
            let firstText = try await firstText { provider.stream(Fixtures.request) }
            #expect(firstText == "word")
            #expect(await server.waitForDisconnects(atLeast: 1, within: .seconds(3)))
            #expect(server.completedRequests == 0)
        }
    }

    @Test(arguments: ProviderProtocol.allCases)
    func cancellingTheConsumingTaskCancelsTheRequestOnTheWire(wire: ProviderProtocol) async throws {
        try await withFakeProvider { server, client in
            server.enqueue(.drip(String(repeating: "word ", count: 50), tokenDelay: .milliseconds(100)))
            let stream = client.provider(Fixtures.settings(wire, server), environment: [:]).stream(Fixtures.request)
            let consumer = Task { try await drain(stream) }
            try await Task.sleep(for: .milliseconds(350))
            consumer.cancel()
            let outcome = try await consumer.value
            #expect(outcome.texts.count < 50)
            #expect(await server.waitForDisconnects(atLeast: 1, within: .seconds(3)))
        }
    }

    /// Stopping the fake must not wait for a stalled stream; the client then sees the stream break.
    @Test(arguments: ProviderProtocol.allCases)
    func stoppingTheFakeEndsAStalledStream(wire: ProviderProtocol) async throws {
        let server = FakeProviderServer(defaultBehaviour: .stall(after: "Returns are"))
        try await server.start()
        try await withProviderClient { client in
            var settings = Fixtures.settings(wire, server)
            settings.idleTimeoutMs = 30_000
            let provider = client.provider(settings, environment: [:])
            let consumer = Task { try await drain(provider.stream(Fixtures.request)) }
            try await within(.seconds(5)) {
                while server.requests.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
            }
            try await Task.sleep(for: .milliseconds(100))
            let stopStarted = ContinuousClock.now
            try await within(.seconds(5)) { await server.stop() }
            #expect(ContinuousClock.now - stopStarted < Self.slack)
            let outcome = try await consumer.value
            #expect(outcome.text == "Returns are")
            guard case .malformedStream = outcome.providerFailure else {
                Issue.record("expected malformedStream, got \(String(describing: outcome.failure))")
                return
            }
            #expect(outcome.elapsed < Self.slack + .seconds(1))
        }
    }

    /// Reads up to the first text chunk and stops iterating (bounded, like `drain`). The stream is
    /// made inside so nothing else holds it: an AsyncThrowingStream terminates when its iterator
    /// and the stream itself are released, not at `break` while a variable still holds it.
    private func firstText(
        of makeStream: @escaping @Sendable () -> AsyncThrowingStream<CompletionChunk, any Error>
    ) async throws -> String? {
        try await withThrowingTaskGroup(of: String?.self) { group in
            group.addTask {
                for try await chunk in makeStream() {
                    if case .text(let text) = chunk { return text }
                }
                return nil
            }
            group.addTask {
                try await Task.sleep(for: .seconds(10))
                throw HarnessTimeout(limit: .seconds(10))
            }
            defer { group.cancelAll() }
            return try await group.next() ?? nil
        }
    }
}
