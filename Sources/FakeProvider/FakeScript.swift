import Synchronization

/// The fake's shared, thread-safe state: the scripted behaviours, what it received and how each
/// stream ended. Request handlers run concurrently on event loop threads, and tests read it from
/// their own tasks, so everything goes through one lock.
final class FakeScript: Sendable {
    private struct State {
        var queue: [FakeBehaviour] = []
        var defaultBehaviour: FakeBehaviour
        var requests: [RecordedRequest] = []
        var disconnects = 0
        var completions = 0
        var cachedPrefixes: Set<String> = []
        var stopping = false
    }
    private let state: Mutex<State>

    init(defaultBehaviour: FakeBehaviour) {
        state = Mutex(State(defaultBehaviour: defaultBehaviour))
    }

    var defaultBehaviour: FakeBehaviour {
        get { state.withLock { $0.defaultBehaviour } }
        set { state.withLock { $0.defaultBehaviour = newValue } }
    }

    func enqueue(_ behaviours: [FakeBehaviour]) { state.withLock { $0.queue.append(contentsOf: behaviours) } }

    /// Records the request and hands out the behaviour for it: the next scripted one, else the default.
    func receive(_ request: RecordedRequest) -> FakeBehaviour {
        state.withLock { state in
            state.requests.append(request)
            return state.queue.isEmpty ? state.defaultBehaviour : state.queue.removeFirst()
        }
    }

    var requests: [RecordedRequest] { state.withLock { $0.requests } }
    var disconnects: Int { state.withLock { $0.disconnects } }
    var completions: Int { state.withLock { $0.completions } }

    func noteDisconnect() { state.withLock { $0.disconnects += 1 } }
    func noteCompletion() { state.withLock { $0.completions += 1 } }

    /// Whether `prefix` was seen before, remembering it now: the fake's prompt cache.
    func cacheHit(for prefix: String) -> Bool {
        state.withLock { !$0.cachedPrefixes.insert(prefix).inserted }
    }

    /// Set by `stop()` so streams that wait (stalls, slow drips) end instead of holding shutdown.
    var stopping: Bool {
        get { state.withLock { $0.stopping } }
        set { state.withLock { $0.stopping = newValue } }
    }
}
