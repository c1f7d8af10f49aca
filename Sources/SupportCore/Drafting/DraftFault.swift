import Foundation

/// Why a drafter produced no usable text, named for traces and metrics. Each ends the attempt
/// safely: the turn falls back to the extractive draft (when configured) or to "I don't know".
public enum DraftFault: String, Sendable, Codable, CaseIterable {
    /// The provider could not be reached (refused, unreachable, TLS).
    case providerUnreachable = "provider_unreachable"
    /// Connected, but no response headers in time.
    case headersTimeout = "headers_timeout"
    /// 429 on every attempt the budget allowed.
    case rateLimited = "rate_limited"
    /// 5xx on every attempt the budget allowed.
    case providerError = "provider_error"
    /// Another 4xx: a bad key, an unknown model. Not retried.
    case providerRejected = "provider_rejected"
    /// The body was not the protocol's event stream.
    case malformedStream = "malformed_stream"
    /// The stream went quiet mid-answer.
    case stalledStream = "stalled_stream"
    /// The stream ended without any text.
    case emptyAnswer = "empty_answer"
    /// The answer is in another language than the customer's message.
    case wrongLanguage = "wrong_language"
    /// The model refused ("I'm sorry, I can't help with that").
    case refusal
    /// No verified sentence by the first-sentence deadline (T1).
    case firstSentenceDeadline = "first_sentence_deadline"
    /// The answer was not complete by the answer deadline (T2).
    case answerDeadline = "answer_deadline"
    /// Any other error from the drafter.
    case drafterFailed = "drafter_failed"

    public init(_ failure: ProviderFailure) {
        switch failure {
        case .connectionFailed: self = .providerUnreachable
        case .headersTimeout: self = .headersTimeout
        case .rateLimited: self = .rateLimited
        case .serverError: self = .providerError
        case .rejected: self = .providerRejected
        case .malformedStream: self = .malformedStream
        case .stalled: self = .stalledStream
        }
    }

    /// The "don't know" reason a turn gets when this fault leaves it without an answer.
    public var dontKnowReason: DontKnowReason {
        switch self {
        case .firstSentenceDeadline, .answerDeadline, .headersTimeout: .deadline
        default: .stageFailed
        }
    }
}

/// A drafter's failure with its named fault and what the wire said.
public struct DraftFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public var fault: DraftFault
    public var detail: String
    public init(_ fault: DraftFault, _ detail: String) {
        self.fault = fault
        self.detail = detail
    }
    public var description: String { "\(fault.rawValue): \(detail)" }
}
