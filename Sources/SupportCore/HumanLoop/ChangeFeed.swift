import Foundation
import Synchronization

/// Tells open streams that something changed, so they read the log again. Notifications carry no
/// data and coalesce: the log in the store is the one source of truth, so a slow reader never
/// misses or repeats an event.
public final class ChangeFeed: Sendable {
    private let state = Mutex(Subscribers())

    private struct Subscribers {
        var next = 0
        var conversation: [ConversationID: [Int: AsyncStream<Void>.Continuation]] = [:]
        var queue: [Int: AsyncStream<Void>.Continuation] = [:]
    }

    public init() {}

    /// Pokes every stream open on the conversation and, when the queue changed, every queue stream.
    public func changed(_ conversation: ConversationID, queue: Bool) {
        let targets = state.withLock { subscribers in
            Array((subscribers.conversation[conversation] ?? [:]).values) + (queue ? Array(subscribers.queue.values) : [])
        }
        for continuation in targets { continuation.yield() }
    }

    /// A stream of pokes for one conversation; it ends when the consumer stops iterating.
    public func subscribe(to conversation: ConversationID) -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let key = state.withLock { subscribers in
            subscribers.next += 1
            subscribers.conversation[conversation, default: [:]][subscribers.next] = continuation
            return subscribers.next
        }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { subscribers in
                subscribers.conversation[conversation]?[key] = nil
                if subscribers.conversation[conversation]?.isEmpty == true { subscribers.conversation[conversation] = nil }
            }
        }
        return stream
    }

    public func subscribeToQueue() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let key = state.withLock { subscribers in
            subscribers.next += 1
            subscribers.queue[subscribers.next] = continuation
            return subscribers.next
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.queue.removeValue(forKey: key) }
        }
        return stream
    }
}
