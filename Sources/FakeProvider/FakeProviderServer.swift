import Hummingbird
import NIOCore
import Synchronization

/// A stand-in model provider on loopback that speaks both streaming protocols on the wire
/// (`POST /v1/chat/completions`, `POST /v1/messages`), so the real HTTP client, timeouts and
/// parsers are tested against bytes rather than mocks. Each request acts out the next scripted
/// `FakeBehaviour` (or the default); every request is recorded.
public final class FakeProviderServer: Sendable {
    public enum Failure: Error, Equatable {
        /// The server stopped before it was listening (e.g. the address could not be bound).
        case didNotStart
    }

    private struct Lifecycle {
        var port: Int?
        var task: Task<Void, any Error>?
    }
    private let script: FakeScript
    private let lifecycle = Mutex(Lifecycle())

    public init(defaultBehaviour: FakeBehaviour = .answer("Hello from the fake provider.")) {
        script = FakeScript(defaultBehaviour: defaultBehaviour)
    }

    /// The behaviour for requests when no scripted one is queued.
    public var defaultBehaviour: FakeBehaviour {
        get { script.defaultBehaviour }
        set { script.defaultBehaviour = newValue }
    }

    /// Queues behaviours, used one per request in order.
    public func enqueue(_ behaviours: FakeBehaviour...) { script.enqueue(behaviours) }

    /// The port it listens on; nil before `start()`. It stays known after `stop()`, when nothing
    /// listens there: a handy refused port.
    public var port: Int? { lifecycle.withLock { $0.port } }

    /// `http://127.0.0.1:PORT/v1`, the base URL a provider's settings take.
    public var baseURL: String {
        guard let port else { preconditionFailure("FakeProviderServer.baseURL read before start()") }
        return "http://127.0.0.1:\(port)/v1"
    }

    /// Every request received so far, in order.
    public var requests: [RecordedRequest] { script.requests }
    /// Requests whose client went away before the response ended (cancellation reaching the wire).
    public var disconnectedRequests: Int { script.disconnects }
    /// Streamed responses written to their end.
    public var completedRequests: Int { script.completions }

    /// Waits until at least `count` clients have disconnected mid-response, or `timeout` passes.
    public func waitForDisconnects(atLeast count: Int, within timeout: Duration) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while script.disconnects < count {
            if ContinuousClock.now >= deadline { return false }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return true
    }

    /// Binds 127.0.0.1 on a free port and returns once it accepts connections. A server starts
    /// once and stops once; make a new one for a fresh start.
    public func start() async throws {
        let router = Router(context: FakeRequestContext.self)
        let openAI = FakeResponder<OpenAIWire>(script: script)
        let anthropic = FakeResponder<AnthropicWire>(script: script)
        router.post("/v1/chat/completions") { request, context in try await openAI.respond(to: request, context: context) }
        router.post("/v1/messages") { request, context in try await anthropic.respond(to: request, context: context) }

        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        var app = Application(
            router: router,
            server: .http1(configuration: .init(additionalChannelHandlers: [HangUpHandler()])),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            })
        // A test suite starts dozens of these. Their "listening on" lines are noise, and `stop()`
        // cancels the server, which Hummingbird reports as an error; what the fake received is
        // in `requests` instead.
        app.logger.logLevel = .critical
        let task = Task {
            defer { portContinuation.finish() }
            try await app.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            task.cancel()
            throw Failure.didNotStart
        }
        lifecycle.withLock {
            $0.port = port
            $0.task = task
        }
    }

    /// Stops listening and ends every response: streams that wait (stalls, drips, delayed heads)
    /// end at once instead of holding the shutdown. Returns when the server has stopped.
    public func stop() async {
        script.stopping = true
        let task = lifecycle.withLock { state in
            defer { state.task = nil }
            return state.task
        }
        guard let task else { return }
        // Hummingbird's graceful shutdown is driven through ServiceLifecycle, which this target does
        // not depend on; cancelling the application's task closes the listener and every connection.
        task.cancel()
        _ = try? await task.value
    }
}
