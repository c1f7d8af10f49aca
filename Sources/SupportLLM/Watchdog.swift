import Synchronization
import SupportCore

/// Fails a streaming exchange that goes quiet. AsyncHTTPClient's own deadline stops applying once
/// the response headers arrive, and a model server that hangs mid-answer would otherwise hold a
/// turn forever; so the exchange runs beside this watchdog, which it re-arms as bytes arrive.
/// The first arming covers the wait for headers, later ones the gaps between body chunks.
final class Watchdog: Sendable {
    private struct Alarm {
        var deadline: ContinuousClock.Instant
        var failure: ProviderFailure
    }
    private let alarm: Mutex<Alarm>

    init(after delay: Duration, failing failure: ProviderFailure) {
        alarm = Mutex(Alarm(deadline: .now + delay, failure: failure))
    }

    /// Moves the deadline to `delay` from now; the failure names what was being waited for.
    func rearm(after delay: Duration, failing failure: ProviderFailure) {
        alarm.withLock { $0 = Alarm(deadline: .now + delay, failure: failure) }
    }

    /// How often the watchdog looks again: a re-arm may bring the deadline closer (the idle
    /// timeout replacing a longer headers timeout), which a single long sleep would miss.
    static let checkInterval: Duration = .milliseconds(50)

    /// Waits until the deadline and throws its failure unless it was moved meanwhile. Ends only
    /// by throwing: the failure, or `CancellationError` when the exchange finished first.
    func watch() async throws -> Never {
        while true {
            let current = alarm.withLock { $0 }
            let now = ContinuousClock.now
            if now >= current.deadline { throw current.failure }
            try await Task.sleep(until: min(current.deadline, now + Self.checkInterval), clock: .continuous)
        }
    }
}
