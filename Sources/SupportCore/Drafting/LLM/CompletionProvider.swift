import Foundation

/// A language model reached over a streaming wire protocol. Implementations live in `SupportLLM`
/// (OpenAI-compatible Chat Completions, Anthropic Messages); the pipeline sees only this.
public protocol CompletionProvider: Sendable {
    /// What answers, for traces and metrics: protocol, base URL and pinned model.
    var descriptor: ProviderDescriptor { get }
    /// Starts one completion and yields its pieces as they arrive. Ending the iteration early, or
    /// cancelling the consuming task, cancels the HTTP request. Failures are `ProviderFailure`s.
    func stream(_ request: CompletionRequest) -> AsyncThrowingStream<CompletionChunk, any Error>
}

public enum ProviderProtocol: String, Sendable, Codable, CaseIterable {
    /// `POST {base}/chat/completions` with `stream: true` (OpenAI, vLLM, llama.cpp, Ollama's `/v1`).
    case openAI = "openai"
    /// `POST {base}/messages` with `stream: true` (Anthropic Messages API).
    case anthropic
}

public struct ProviderDescriptor: Sendable, Hashable, Codable, CustomStringConvertible {
    public var wire: ProviderProtocol
    public var baseURL: String
    public var model: String
    public init(wire: ProviderProtocol, baseURL: String, model: String) {
        self.wire = wire
        self.baseURL = baseURL
        self.model = model
    }
    public var description: String { "\(wire.rawValue):\(model)" }
}

/// One prompt, split so that the part that repeats across turns can be cached by the provider.
public struct CompletionRequest: Sendable, Hashable {
    /// System text, in order. Blocks marked `cacheable` form the stable prefix (instructions, then
    /// the policy passages): Anthropic gets a `cache_control` breakpoint after the last of them.
    public var system: [PromptBlock]
    /// The conversation the model continues; the last one is the customer's question.
    public var messages: [PromptMessage]
    public var maxTokens: Int
    public var temperature: Double

    public init(system: [PromptBlock], messages: [PromptMessage], maxTokens: Int, temperature: Double) {
        self.system = system
        self.messages = messages
        self.maxTokens = maxTokens
        self.temperature = temperature
    }
}

public struct PromptBlock: Sendable, Hashable {
    public var text: String
    public var cacheable: Bool
    public init(_ text: String, cacheable: Bool) {
        self.text = text
        self.cacheable = cacheable
    }
}

public struct PromptMessage: Sendable, Hashable {
    public enum Role: String, Sendable, Hashable { case user, assistant }
    public var role: Role
    public var text: String
    public init(_ role: Role, _ text: String) {
        self.role = role
        self.text = text
    }
}

/// A piece of a streamed completion.
public enum CompletionChunk: Sendable, Hashable {
    /// Generated text, in order.
    case text(String)
    /// Token counts; providers send them at the start and/or end of a stream. Later values for the
    /// same field replace earlier ones.
    case usage(TokenUsage)
    /// Why the model stopped (`stop`, `length`, `end_turn`, `max_tokens`, …), as the provider said it.
    case finished(String)
}

/// Tokens one completion used. Fields a provider does not report stay nil.
public struct TokenUsage: Sendable, Hashable, Codable {
    public var inputTokens: Int?
    public var outputTokens: Int?
    /// Prompt tokens read from the provider's cache (Anthropic `cache_read_input_tokens`, OpenAI `cached_tokens`).
    public var cacheReadTokens: Int?
    /// Prompt tokens written to the provider's cache (Anthropic `cache_creation_input_tokens`).
    public var cacheWriteTokens: Int?

    public init(inputTokens: Int? = nil, outputTokens: Int? = nil, cacheReadTokens: Int? = nil, cacheWriteTokens: Int? = nil) {
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.cacheReadTokens = cacheReadTokens
        self.cacheWriteTokens = cacheWriteTokens
    }

    /// This usage with the fields `newer` reports replaced.
    public func updated(with newer: TokenUsage) -> TokenUsage {
        TokenUsage(
            inputTokens: newer.inputTokens ?? inputTokens, outputTokens: newer.outputTokens ?? outputTokens,
            cacheReadTokens: newer.cacheReadTokens ?? cacheReadTokens, cacheWriteTokens: newer.cacheWriteTokens ?? cacheWriteTokens)
    }

    /// Sums two completions' usage (a retry, a shadow run).
    public static func + (lhs: TokenUsage, rhs: TokenUsage) -> TokenUsage {
        func add(_ a: Int?, _ b: Int?) -> Int? { a == nil && b == nil ? nil : (a ?? 0) + (b ?? 0) }
        return TokenUsage(
            inputTokens: add(lhs.inputTokens, rhs.inputTokens), outputTokens: add(lhs.outputTokens, rhs.outputTokens),
            cacheReadTokens: add(lhs.cacheReadTokens, rhs.cacheReadTokens),
            cacheWriteTokens: add(lhs.cacheWriteTokens, rhs.cacheWriteTokens))
    }
}

/// Why a provider call failed, as far as the wire tells.
public enum ProviderFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// Nothing accepted the connection (refused, unreachable, DNS, TLS handshake).
    case connectionFailed(String)
    /// Connected, but no response headers before the configured timeout.
    case headersTimeout
    /// HTTP 429; `retryAfter` from the `Retry-After` header when given.
    case rateLimited(retryAfter: Duration?)
    /// HTTP 5xx (Anthropic's 529 "overloaded" included).
    case serverError(status: Int)
    /// Any other non-2xx status: a bad key, an unknown model, a malformed request. Not retried.
    case rejected(status: Int, message: String)
    /// The body was not the protocol's event stream (bad JSON, wrong content type, an error event).
    case malformedStream(String)
    /// The stream went quiet for longer than the idle timeout.
    case stalled

    /// Worth another attempt, if the budget allows.
    public var isRetryable: Bool {
        switch self {
        case .connectionFailed, .rateLimited, .serverError: true
        case .headersTimeout, .rejected, .malformedStream, .stalled: false
        }
    }

    public var description: String {
        switch self {
        case .connectionFailed(let detail): "connection failed: \(detail)"
        case .headersTimeout: "no response headers before the timeout"
        case .rateLimited(let after): "rate limited (429)" + (after.map { ", retry after \($0)" } ?? "")
        case .serverError(let status): "server error \(status)"
        case .rejected(let status, let message): "rejected \(status): \(message)"
        case .malformedStream(let detail): "malformed stream: \(detail)"
        case .stalled: "stream stalled"
        }
    }
}
