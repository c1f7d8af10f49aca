/// What the fake provider does with one request. Each case is a way a real provider behaves,
/// well or badly, so the client's handling of it can be tested on the wire.
public indirect enum FakeBehaviour: Sendable, Hashable {
    /// Streams `text` split into word-sized tokens, one event each, then the usage and end marker.
    case answer(String, tokenDelay: Duration = .zero)
    /// The same as `answer`, named for slow streams (latency and cancellation tests).
    case drip(String, tokenDelay: Duration)
    /// Streams `text`, then keeps the connection open sending nothing, until the client leaves or
    /// the server stops.
    case stall(after: String)
    /// Waits before sending the response head (a queued or overloaded server), then behaves as `then`.
    case delayHeaders(Duration, then: FakeBehaviour)
    /// A 200 event stream whose events are not JSON.
    case garbage
    /// An error status with the protocol's JSON error body, and `Retry-After` when given.
    case status(Int, retryAfterSeconds: Int? = nil)
    /// Streams `text`, then ends the response without the finish reason or end marker.
    case closeEarly(after: String)
    /// A well-formed stream with no text.
    case empty
    /// One JSON completion instead of an event stream, as a server that ignores `stream: true` answers.
    case unstreamed(String)
}
