import Foundation
import SupportCore
import SupportLLM
import Testing

struct ProviderSettingsTests {
    @Test func defaultsAreTheDocumentedOnes() {
        let settings = ProviderSettings()
        #expect(settings.wire == .openAI)
        #expect(settings.baseURL == "http://127.0.0.1:8080/v1")
        #expect(settings.apiKeyEnvironmentVariable == nil)
        #expect(settings.connectTimeoutMs == 1000)
        #expect(settings.headersTimeoutMs == 5000)
        #expect(settings.idleTimeoutMs == 2000)
        #expect(settings.maxTokens == 300)
        #expect(settings.temperature == 0.1)
        #expect(settings.promptCaching)
    }

    @Test func configFileMayNameOnlySomeFields() throws {
        let json = #"{"wire": "anthropic", "model": "claude-sonnet-4-5-20250929", "idleTimeoutMs": 4000}"#
        let settings = try JSONDecoder().decode(ProviderSettings.self, from: Data(json.utf8))
        var expected = ProviderSettings(wire: .anthropic, model: "claude-sonnet-4-5-20250929")
        expected.idleTimeoutMs = 4000
        #expect(settings == expected)
        #expect(settings.descriptor == ProviderDescriptor(wire: .anthropic, baseURL: "http://127.0.0.1:8080/v1", model: "claude-sonnet-4-5-20250929"))
    }

    @Test func encodingRoundTrips() throws {
        let settings = ProviderSettings(
            wire: .anthropic, baseURL: "https://api.anthropic.com/v1", model: "m", apiKeyEnvironmentVariable: "ANTHROPIC_API_KEY",
            connectTimeoutMs: 700, headersTimeoutMs: 9000, idleTimeoutMs: 3000, maxTokens: 50, temperature: 0, promptCaching: false)
        let decoded = try JSONDecoder().decode(ProviderSettings.self, from: JSONEncoder().encode(settings))
        #expect(decoded == settings)
    }

    @Test func environmentOverridesEveryField() {
        let environment = [
            "LLM_PROTOCOL": "Anthropic", "LLM_BASE_URL": "https://api.anthropic.com/v1", "LLM_MODEL": "claude-x",
            "LLM_API_KEY_ENV": "ANTHROPIC_API_KEY", "LLM_CONNECT_TIMEOUT_MS": "800", "LLM_HEADERS_TIMEOUT_MS": "7000",
            "LLM_IDLE_TIMEOUT_MS": "2500", "LLM_MAX_TOKENS": "200", "LLM_TEMPERATURE": "0.3", "LLM_PROMPT_CACHING": "0",
            "OTHER_MODEL": "ignored",
        ]
        let settings = ProviderSettings().applying(environment: environment, prefix: "LLM_")
        #expect(
            settings
                == ProviderSettings(
                    wire: .anthropic, baseURL: "https://api.anthropic.com/v1", model: "claude-x",
                    apiKeyEnvironmentVariable: "ANTHROPIC_API_KEY", connectTimeoutMs: 800, headersTimeoutMs: 7000,
                    idleTimeoutMs: 2500, maxTokens: 200, temperature: 0.3, promptCaching: false))
    }

    @Test func unparseableEnvironmentValuesLeaveFieldsAlone() {
        let base = ProviderSettings(model: "pinned")
        let environment = [
            "LLM_PROTOCOL": "grpc", "LLM_MAX_TOKENS": "lots", "LLM_PROMPT_CACHING": "maybe", "LLM_MODEL": "  ",
            "LLM_IDLE_TIMEOUT_MS": "-5",
        ]
        #expect(base.applying(environment: environment, prefix: "LLM_") == base)
        #expect(base.applying(environment: ["LLM_PROMPT_CACHING": "false"], prefix: "LLM_").promptCaching == false)
        #expect(base.applying(environment: ["LLM_PROMPT_CACHING": "TRUE"], prefix: "LLM_").promptCaching == true)
    }

    @Test func apiKeyComesFromTheNamedVariableOnlyWhenSet() {
        var settings = ProviderSettings()
        #expect(settings.apiKey(in: ["OPENAI_API_KEY": "sk-1"]) == nil)
        settings.apiKeyEnvironmentVariable = "OPENAI_API_KEY"
        #expect(settings.apiKey(in: ["OPENAI_API_KEY": "sk-1"]) == "sk-1")
        #expect(settings.apiKey(in: ["OPENAI_API_KEY": " \n"]) == nil)
        #expect(settings.apiKey(in: [:]) == nil)
    }
}
