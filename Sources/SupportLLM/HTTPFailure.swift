import AsyncHTTPClient
import Foundation
import SupportCore

/// How HTTP-level outcomes become `ProviderFailure`s: statuses, error bodies and transport errors.
enum HTTPFailure {
    /// Error bodies are read up to this size for their message; the rest is not worth memory.
    static let errorBodyLimit = 64 * 1024
    /// The longest provider message kept in a `.rejected` failure.
    static let messageLimit = 300

    /// The failure a non-2xx status means, or nil when the body must be read for the message (`.rejected`).
    static func immediateFailure(status: Int, retryAfterHeader: String?) -> ProviderFailure? {
        switch status {
        case 429: .rateLimited(retryAfter: retryAfter(retryAfterHeader))
        case 500...599: .serverError(status: status)
        default: nil
        }
    }

    /// `Retry-After` in seconds. The HTTP-date form is not used by model APIs and is ignored.
    static func retryAfter(_ header: String?) -> Duration? {
        guard let value = header?.trimmingCharacters(in: .whitespaces),
            let seconds = Double(value), seconds >= 0, seconds.isFinite
        else { return nil }
        return .milliseconds(Int64((seconds * 1000).rounded()))
    }

    /// The provider's own words from an error body: `error.message` (OpenAI, Anthropic),
    /// `error` as a string, `message` (vLLM) or `detail` (FastAPI servers); otherwise the text itself, or `fallback` (the reason
    /// phrase) when empty. Shortened to `messageLimit`.
    static func message(fromErrorBody body: some Sequence<UInt8>, fallback: String) -> String {
        let bytes = Data(body)
        var text = String(decoding: bytes, as: UTF8.self)
        if let object = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any] {
            if let error = object["error"] as? [String: Any], let message = error["message"] as? String {
                text = message
            } else if let error = object["error"] as? String {
                text = error
            } else if let message = (object["message"] ?? object["detail"]) as? String {
                text = message
            }
        }
        text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { text = fallback }
        return shortened(text)
    }

    /// A transport error before the response headers. Cancellation stays cancellation; everything
    /// else (refused, DNS, TLS, connect timeout, reset) means the provider was not reached.
    static func beforeHeaders(_ error: any Error) -> any Error {
        if isCancellation(error) { return CancellationError() }
        if error is ProviderFailure { return error }
        return ProviderFailure.connectionFailed(shortened(String(describing: error)))
    }

    /// A transport error while the body streams: the answer so far may have been shown, so this
    /// is not a connection failure to retry but a broken stream.
    static func duringBody(_ error: any Error) -> any Error {
        if isCancellation(error) { return CancellationError() }
        if error is ProviderFailure { return error }
        if error is ServerSentEventDecoder.Failure { return ProviderFailure.malformedStream("event line too long") }
        return ProviderFailure.malformedStream("connection lost: \(shortened(String(describing: error)))")
    }

    private static func isCancellation(_ error: any Error) -> Bool {
        if error is CancellationError { return true }
        if let error = error as? HTTPClientError, error == .cancelled { return true }
        return Task.isCancelled
    }

    static func shortened(_ text: String) -> String {
        text.count <= messageLimit ? text : String(text.prefix(messageLimit)) + "…"
    }
}
