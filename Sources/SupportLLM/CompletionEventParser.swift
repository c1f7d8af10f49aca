import SupportCore

/// Turns one wire protocol's server-sent events into completion chunks. The transport owns the
/// bytes, timeouts and HTTP errors; a parser owns only the meaning of events, so each protocol is
/// a small value that can be tested by feeding it events.
protocol CompletionEventParser: Sendable {
    /// The chunks one event carries (often none). Throws a `ProviderFailure` for an error event or
    /// data that is not the protocol's JSON.
    mutating func chunks(from event: ServerSentEvent) throws -> [CompletionChunk]
    /// True once the protocol's end marker arrived: the answer is complete.
    var reachedEnd: Bool { get }
    /// Called when the body ends; throws when the answer is cut short (no end marker).
    func checkBodyEnded() throws
}
