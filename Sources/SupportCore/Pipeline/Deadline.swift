import Foundation
import Synchronization

/// The result of work run against a deadline.
public enum DeadlineResult<Value: Sendable>: Sendable {
    case value(Value)
    case failed(any Error)
    case timedOut
}

/// Runs `operation` until `deadline`. Returns at the deadline even if the operation does not
/// cooperate with cancellation (it is cancelled and its late result discarded).
public func runWithDeadline<Value: Sendable>(
    _ deadline: ContinuousClock.Instant,
    _ operation: @escaping @Sendable () async throws -> Value
) async -> DeadlineResult<Value> {
    let gate = ResumeOnce<DeadlineResult<Value>>()
    let racers = Mutex<[Task<Void, Never>]>([])
    let result = await withTaskCancellationHandler {
        await withCheckedContinuation { continuation in
            gate.arm(continuation)
            let work = Task {
                do { gate.resume(.value(try await operation())) } catch { gate.resume(.failed(error)) }
            }
            let timer = Task {
                try? await Task.sleep(until: deadline, clock: .continuous)
                gate.resume(.timedOut)
            }
            racers.withLock { $0 = [work, timer] }
        }
    } onCancel: {
        gate.resume(.failed(CancellationError()))
    }
    // Whoever lost the race is done with: the timer stops sleeping, a late operation is cancelled.
    racers.withLock { $0.forEach { $0.cancel() } }
    return result
}

/// Resumes a continuation once, whichever of several racers gets there first.
private final class ResumeOnce<Value: Sendable>: Sendable {
    private let state = Mutex<(continuation: CheckedContinuation<Value, Never>?, pending: Value?, done: Bool)>(
        (nil, nil, false))

    func arm(_ continuation: CheckedContinuation<Value, Never>) {
        let early: Value? = state.withLock { state in
            if let pending = state.pending {
                state.pending = nil
                return pending
            }
            state.continuation = continuation
            return nil
        }
        if let early { continuation.resume(returning: early) }
    }

    /// Returns true when this call was the one that resumed.
    @discardableResult
    func resume(_ value: Value) -> Bool {
        let (continuation, won): (CheckedContinuation<Value, Never>?, Bool) = state.withLock { state in
            if state.done { return (nil, false) }
            state.done = true
            if let continuation = state.continuation {
                state.continuation = nil
                return (continuation, true)
            }
            state.pending = value
            return (nil, true)
        }
        continuation?.resume(returning: value)
        return won
    }
}
