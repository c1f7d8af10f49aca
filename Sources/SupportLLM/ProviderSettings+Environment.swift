import Foundation
import SupportCore

extension ProviderSettings {
    /// The variables `applying(environment:prefix:)` reads, after the prefix.
    public enum EnvironmentKey: String, CaseIterable, Sendable {
        case wire = "PROTOCOL"
        case baseURL = "BASE_URL"
        case model = "MODEL"
        case apiKeyEnvironmentVariable = "API_KEY_ENV"
        case connectTimeoutMs = "CONNECT_TIMEOUT_MS"
        case headersTimeoutMs = "HEADERS_TIMEOUT_MS"
        case idleTimeoutMs = "IDLE_TIMEOUT_MS"
        case maxTokens = "MAX_TOKENS"
        case temperature = "TEMPERATURE"
        case promptCaching = "PROMPT_CACHING"
    }

    /// These settings with every `\(prefix)KEY` variable that is set and parses applied on top
    /// (e.g. prefix `SUPPORTD_LLM_` reads `SUPPORTD_LLM_MODEL`). A value that does not parse (an
    /// unknown protocol, a non-number) leaves the field as it was rather than inventing one.
    public func applying(environment: [String: String], prefix: String) -> ProviderSettings {
        var settings = self
        func value(_ key: EnvironmentKey) -> String? {
            guard let raw = environment[prefix + key.rawValue] else { return nil }
            let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        }
        if let wire = value(.wire).flatMap({ ProviderProtocol(rawValue: $0.lowercased()) }) { settings.wire = wire }
        if let baseURL = value(.baseURL) { settings.baseURL = baseURL }
        if let model = value(.model) { settings.model = model }
        if let name = value(.apiKeyEnvironmentVariable) { settings.apiKeyEnvironmentVariable = name }
        if let ms = value(.connectTimeoutMs).flatMap(Int.init), ms > 0 { settings.connectTimeoutMs = ms }
        if let ms = value(.headersTimeoutMs).flatMap(Int.init), ms > 0 { settings.headersTimeoutMs = ms }
        if let ms = value(.idleTimeoutMs).flatMap(Int.init), ms > 0 { settings.idleTimeoutMs = ms }
        if let tokens = value(.maxTokens).flatMap(Int.init), tokens > 0 { settings.maxTokens = tokens }
        if let temperature = value(.temperature).flatMap(Double.init) { settings.temperature = temperature }
        if let caching = value(.promptCaching).flatMap(Self.flag) { settings.promptCaching = caching }
        return settings
    }

    private static func flag(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "1": true
        case "false", "0": false
        default: nil
        }
    }
}
