import Foundation
import SupportCore

/// How to reach one language model: which wire protocol, where, which pinned model, and how long
/// to wait at each stage of a streamed answer. Read from a JSON config file (any subset of keys)
/// and then from environment variables, so a deployment can change one field without a file.
public struct ProviderSettings: Codable, Sendable, Hashable {
    public var wire: ProviderProtocol
    /// Everything before the protocol's path, including the version: `https://api.openai.com/v1`,
    /// `https://api.anthropic.com/v1`, `http://127.0.0.1:8080/v1` for a local llama.cpp server.
    public var baseURL: String
    /// The pinned model name. Pin a dated snapshot: a moving alias changes answers under the evals.
    public var model: String
    /// The NAME of the environment variable holding the API key (e.g. `OPENAI_API_KEY`), never the
    /// key itself, so config files and traces can be shared. Nil or unset sends no key (local servers).
    public var apiKeyEnvironmentVariable: String?
    /// Longest wait for a TCP (and TLS) connection; one value for the process-wide client.
    public var connectTimeoutMs: Int
    /// Longest wait from sending the request to the response headers (queueing, prompt processing).
    public var headersTimeoutMs: Int
    /// Longest silence between body bytes once the stream has started.
    public var idleTimeoutMs: Int
    /// Defaults for the requests the drafting stage builds; the provider sends what a request says.
    public var maxTokens: Int
    public var temperature: Double
    /// Mark the stable prompt prefix for Anthropic's prompt cache. OpenAI caches by itself.
    public var promptCaching: Bool

    public init(
        wire: ProviderProtocol = .openAI, baseURL: String = "http://127.0.0.1:8080/v1", model: String = "",
        apiKeyEnvironmentVariable: String? = nil, connectTimeoutMs: Int = 1000, headersTimeoutMs: Int = 5000,
        idleTimeoutMs: Int = 2000, maxTokens: Int = 300, temperature: Double = 0.1, promptCaching: Bool = true
    ) {
        self.wire = wire
        self.baseURL = baseURL
        self.model = model
        self.apiKeyEnvironmentVariable = apiKeyEnvironmentVariable
        self.connectTimeoutMs = connectTimeoutMs
        self.headersTimeoutMs = headersTimeoutMs
        self.idleTimeoutMs = idleTimeoutMs
        self.maxTokens = maxTokens
        self.temperature = temperature
        self.promptCaching = promptCaching
    }

    /// Missing keys keep their defaults, so a config file names only what it changes.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = ProviderSettings()
        wire = try container.decodeIfPresent(ProviderProtocol.self, forKey: .wire) ?? defaults.wire
        baseURL = try container.decodeIfPresent(String.self, forKey: .baseURL) ?? defaults.baseURL
        model = try container.decodeIfPresent(String.self, forKey: .model) ?? defaults.model
        apiKeyEnvironmentVariable = try container.decodeIfPresent(String.self, forKey: .apiKeyEnvironmentVariable)
        connectTimeoutMs = try container.decodeIfPresent(Int.self, forKey: .connectTimeoutMs) ?? defaults.connectTimeoutMs
        headersTimeoutMs = try container.decodeIfPresent(Int.self, forKey: .headersTimeoutMs) ?? defaults.headersTimeoutMs
        idleTimeoutMs = try container.decodeIfPresent(Int.self, forKey: .idleTimeoutMs) ?? defaults.idleTimeoutMs
        maxTokens = try container.decodeIfPresent(Int.self, forKey: .maxTokens) ?? defaults.maxTokens
        temperature = try container.decodeIfPresent(Double.self, forKey: .temperature) ?? defaults.temperature
        promptCaching = try container.decodeIfPresent(Bool.self, forKey: .promptCaching) ?? defaults.promptCaching
    }

    public var descriptor: ProviderDescriptor { ProviderDescriptor(wire: wire, baseURL: baseURL, model: model) }

    public var connectTimeout: Duration { .milliseconds(connectTimeoutMs) }
    public var headersTimeout: Duration { .milliseconds(headersTimeoutMs) }
    public var idleTimeout: Duration { .milliseconds(idleTimeoutMs) }

    /// The key from `environment`, when the named variable is set to something non-blank.
    public func apiKey(in environment: [String: String]) -> String? {
        guard let name = apiKeyEnvironmentVariable, !name.isEmpty,
            let value = environment[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty
        else { return nil }
        return value
    }
}
