import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import SupportCore

/// The process's one HTTP client for model providers, and the factory for providers that use it.
/// One client means one connection pool: the live provider and a shadow provider reuse warm
/// (TLS) connections instead of each paying a handshake per turn. Call `shutdown()` once at exit.
public final class ProviderClient: Sendable {
    private let http: HTTPClient
    private let logger: Logger

    /// - Parameter connectTimeout: longest wait for a connection, for every provider of this client
    ///   (AsyncHTTPClient sets it per client); pass the live provider's `settings.connectTimeout`.
    public init(connectTimeout: Duration = .milliseconds(1000), logger: Logger = Logger(label: "supportd.llm")) {
        var configuration = HTTPClient.Configuration()
        configuration.timeout.connect = .nanoseconds(Int64(connectTimeout / .nanoseconds(1)))
        // A refused or failed connection fails the request now; the pool would otherwise retry
        // with backoff until the turn's budget is gone. Retrying is the caller's decision.
        configuration.connectionPool.retryConnectionEstablishment = false
        // A model API that redirects a POST is misconfigured; say so instead of following.
        configuration.redirectConfiguration = .disallow
        http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration, backgroundActivityLogger: logger)
        self.logger = logger
    }

    /// A client whose connect timeout is the live provider's.
    public convenience init(settings: ProviderSettings, logger: Logger = Logger(label: "supportd.llm")) {
        self.init(connectTimeout: settings.connectTimeout, logger: logger)
    }

    /// A provider speaking `settings.wire`. The API key is read now from `environment`, through
    /// the variable `settings.apiKeyEnvironmentVariable` names.
    public func provider(
        _ settings: ProviderSettings, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> any CompletionProvider {
        var providerLogger = logger
        providerLogger[metadataKey: "provider"] = "\(settings.descriptor)"
        let transport = EventStreamTransport(
            client: http, headersTimeout: settings.headersTimeout, idleTimeout: settings.idleTimeout, logger: providerLogger)
        let apiKey = settings.apiKey(in: environment)
        switch settings.wire {
        case .openAI: return OpenAIChatProvider(settings: settings, apiKey: apiKey, transport: transport)
        case .anthropic: return AnthropicMessagesProvider(settings: settings, apiKey: apiKey, transport: transport)
        }
    }

    /// Closes pooled connections and cancels requests still running. Providers made by this client
    /// fail after it.
    public func shutdown() async throws {
        try await http.shutdown()
    }
}
