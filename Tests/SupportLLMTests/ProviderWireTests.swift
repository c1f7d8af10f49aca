import FakeProvider
import SupportCore
import SupportLLM
import Testing

/// Both protocols over real HTTP against the fake provider: what is sent, and what comes back.
struct ProviderWireTests {
    static let answer = "You can return shoes within 30 days of delivery."

    @Test(arguments: ProviderProtocol.allCases)
    func textArrivesInOrderWithUsageAndFinishReason(wire: ProviderProtocol) async throws {
        try await withFakeProvider { server, client in
            server.enqueue(.answer(Self.answer))
            let provider = client.provider(Fixtures.settings(wire, server), environment: [:])
            let outcome = try await drain(provider.stream(Fixtures.request))
            #expect(outcome.failure == nil)
            #expect(outcome.texts == ["You", " can", " return", " shoes", " within", " 30", " days", " of", " delivery."])
            #expect(outcome.text == Self.answer)
            #expect(outcome.finishReasons == [wire == .openAI ? "stop" : "end_turn"])
            #expect(outcome.usage?.outputTokens == 9)
            #expect((outcome.usage?.inputTokens ?? 0) > 0)
            #expect(provider.descriptor == ProviderDescriptor(wire: wire, baseURL: server.baseURL, model: Fixtures.model))
        }
    }

    @Test(arguments: ProviderProtocol.allCases)
    func requestCarriesModelLimitsAndStreamFlag(wire: ProviderProtocol) async throws {
        try await withFakeProvider { server, client in
            let provider = client.provider(Fixtures.settings(wire, server), environment: [:])
            _ = try await drain(provider.stream(Fixtures.request))
            let recorded = try #require(server.requests.first)
            let body = try #require(recorded.body)
            #expect(recorded.path == (wire == .openAI ? "/v1/chat/completions" : "/v1/messages"))
            #expect(recorded.header("content-type") == "application/json")
            #expect(body["model"]?.stringValue == Fixtures.model)
            #expect(body["max_tokens"]?.intValue == 120)
            #expect(body["temperature"]?.doubleValue == 0.2)
            #expect(body["stream"]?.boolValue == true)
            let lastMessage = try #require(body["messages"]?.arrayValue?.last)
            #expect(lastMessage["role"]?.stringValue == "user")
            #expect(lastMessage["content"]?.stringValue == "Can I return shoes I bought last week?")
        }
    }

    @Test func openAIJoinsSystemBlocksIntoOneSystemMessageAndAsksForUsage() async throws {
        try await withFakeProvider { server, client in
            let provider = client.provider(Fixtures.settings(.openAI, server), environment: [:])
            _ = try await drain(provider.stream(Fixtures.request))
            let body = try #require(server.requests.first?.body)
            let messages = try #require(body["messages"]?.arrayValue)
            #expect(messages.count == 2)
            #expect(messages[0]["role"]?.stringValue == "system")
            #expect(messages[0]["content"]?.stringValue == Fixtures.request.system.map(\.text).joined(separator: "\n\n"))
            #expect(body["stream_options"]?["include_usage"]?.boolValue == true)
        }
    }

    @Test func anthropicMarksTheLastCacheableSystemBlock() async throws {
        try await withFakeProvider { server, client in
            let provider = client.provider(Fixtures.settings(.anthropic, server), environment: [:])
            _ = try await drain(provider.stream(Fixtures.request))
            let recorded = try #require(server.requests.first)
            let system = try #require(recorded.body?["system"]?.arrayValue)
            #expect(system.map { $0["text"]?.stringValue } == Fixtures.request.system.map(\.text))
            #expect(system.map { $0["type"]?.stringValue } == ["text", "text", "text"])
            #expect(system.map { $0["cache_control"] } == [nil, ["type": "ephemeral"], nil])
            #expect(recorded.header("anthropic-version") == "2023-06-01")
        }
    }

    @Test func anthropicSendsNoCacheMarkerWhenPromptCachingIsOff() async throws {
        try await withFakeProvider { server, client in
            var settings = Fixtures.settings(.anthropic, server)
            settings.promptCaching = false
            _ = try await drain(client.provider(settings, environment: [:]).stream(Fixtures.request))
            let system = try #require(server.requests.first?.body?["system"]?.arrayValue)
            #expect(system.count == 3)
            #expect(system.allSatisfy { $0["cache_control"] == nil })
        }
    }

    @Test func anthropicReportsCacheWritesThenCacheReads() async throws {
        try await withFakeProvider { server, client in
            let provider = client.provider(Fixtures.settings(.anthropic, server), environment: [:])
            let first = try #require(try await drain(provider.stream(Fixtures.request)).usage)
            let second = try #require(try await drain(provider.stream(Fixtures.request)).usage)
            #expect((first.cacheWriteTokens ?? 0) > 0)
            #expect(first.cacheReadTokens == 0)
            #expect(second.cacheWriteTokens == 0)
            #expect(second.cacheReadTokens == first.cacheWriteTokens)
            #expect(second.inputTokens == first.inputTokens)
            #expect((second.outputTokens ?? 0) > 0)
        }
    }

    @Test func openAIReportsCachedPromptTokensOnARepeatedPrefix() async throws {
        try await withFakeProvider { server, client in
            let provider = client.provider(Fixtures.settings(.openAI, server), environment: [:])
            let first = try #require(try await drain(provider.stream(Fixtures.request)).usage)
            let second = try #require(try await drain(provider.stream(Fixtures.request)).usage)
            #expect(first.cacheReadTokens == 0)
            #expect((second.cacheReadTokens ?? 0) > 0)
            #expect(second.inputTokens == first.inputTokens)
            #expect(second.cacheWriteTokens == nil)
        }
    }

    @Test(arguments: ProviderProtocol.allCases)
    func keyHeaderIsSentOnlyWhenTheVariableIsSet(wire: ProviderProtocol) async throws {
        try await withFakeProvider { server, client in
            var settings = Fixtures.settings(wire, server)
            settings.apiKeyEnvironmentVariable = "FAKE_PROVIDER_KEY"
            _ = try await drain(client.provider(settings, environment: ["FAKE_PROVIDER_KEY": "sk-test-123"]).stream(Fixtures.request))
            _ = try await drain(client.provider(settings, environment: [:]).stream(Fixtures.request))
            let requests = server.requests
            try #require(requests.count == 2)
            let keyHeader = wire == .openAI ? "authorization" : "x-api-key"
            #expect(requests[0].header(keyHeader) == (wire == .openAI ? "Bearer sk-test-123" : "sk-test-123"))
            #expect(requests[1].header(keyHeader) == nil)
            #expect(requests[1].header(wire == .openAI ? "x-api-key" : "authorization") == nil)
        }
    }

    @Test(arguments: ProviderProtocol.allCases)
    func emptyAnswerIsAWellFormedStreamWithoutText(wire: ProviderProtocol) async throws {
        try await withFakeProvider { server, client in
            server.enqueue(.empty)
            let outcome = try await drain(client.provider(Fixtures.settings(wire, server), environment: [:]).stream(Fixtures.request))
            #expect(outcome.failure == nil)
            #expect(outcome.texts.isEmpty)
            #expect(outcome.finishReasons.count == 1)
            #expect(outcome.usage?.outputTokens == 0)
        }
    }

    /// A live and a shadow provider share the one client and stream at the same time.
    @Test func liveAndShadowProvidersShareOneClient() async throws {
        try await withFakeProvider { server, client in
            server.defaultBehaviour = .drip("One two three four.", tokenDelay: .milliseconds(20))
            let live = client.provider(Fixtures.settings(.anthropic, server), environment: [:])
            let shadow = client.provider(Fixtures.settings(.openAI, server), environment: [:])
            async let liveOutcome = drain(live.stream(Fixtures.request))
            async let shadowOutcome = drain(shadow.stream(Fixtures.request))
            let (a, b) = try await (liveOutcome, shadowOutcome)
            #expect(a.text == "One two three four.")
            #expect(b.text == "One two three four.")
            #expect(server.requests.count == 2)
        }
    }
}
