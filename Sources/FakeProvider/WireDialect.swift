import Foundation

/// One provider protocol's streaming format, as the fake writes it. Made per request, since
/// events repeat the request's model and carry a message id.
protocol WireDialect: Sendable {
    init(requestBody: JSONValue?)
    /// How the request's prompt counts for usage and prompt caching.
    var prompt: PromptShape { get }
    /// Events before the first token (the role, the message start).
    func openingEvents(usage: FakeUsage) -> [String]
    /// The event carrying one token of text.
    func textEvent(_ text: String) -> String
    /// Events after the last token: finish reason, usage, end marker.
    func closingEvents(usage: FakeUsage) -> [String]
    /// The whole completion as one JSON body, as the service answers without `stream: true`.
    func unstreamedBody(text: String, usage: FakeUsage) -> JSONValue
    /// The JSON body the real service sends with an error status.
    func errorBody(status: Int) -> JSONValue
}

/// A request's prompt in fake tokens (words), and the prefix a provider would cache.
struct PromptShape: Sendable {
    var tokens: Int
    /// The text up to the cache point; nil when nothing is cacheable.
    var cachePrefix: String?
    /// Whether the protocol reports tokens written to the cache (Anthropic does, OpenAI does not).
    var reportsCacheWrites: Bool

    static func tokens(in text: String) -> Int { text.split(whereSeparator: \.isWhitespace).count }
}

/// The token counts the fake reports for one answer.
struct FakeUsage: Sendable {
    /// All prompt tokens, cached ones included.
    var prompt: Int
    var output: Int
    var cacheRead = 0
    var cacheWrite = 0
}

/// Server-sent event framing, as both services write it.
enum EventFrame {
    static func data(_ payload: JSONValue) -> String { "data: \(json(payload))\n\n" }
    static func data(raw text: String) -> String { "data: \(text)\n\n" }
    static func event(_ name: String, _ payload: JSONValue) -> String { "event: \(name)\ndata: \(json(payload))\n\n" }

    static func json(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // A JSONValue always encodes: it holds only JSON.
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }
}
