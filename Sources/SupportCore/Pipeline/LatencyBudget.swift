import Foundation

/// How long a turn, and each stage of it, may take. Carried through the turn as a value.
public struct LatencyBudget: Sendable, Hashable, Codable {
    /// The whole turn, from the request's arrival to the outcome.
    public var total: Duration
    /// Per-stage limits; a stage without one may use what is left of `total`.
    public var stageLimits: [Stage: Duration]

    public init(total: Duration, stageLimits: [Stage: Duration] = [:]) {
        self.total = total
        self.stageLimits = stageLimits
    }

    /// Defaults for chat: the extractive path takes milliseconds, so these only bite on a fault.
    public static let chat = LatencyBudget(
        total: .seconds(8),
        stageLimits: [
            .inputGuard: .milliseconds(250), .routing: .milliseconds(500), .retrieval: .milliseconds(1000),
            .drafting: .seconds(6), .verification: .milliseconds(500),
        ]
    )

    /// Starts the clock for one turn.
    public func start(at start: ContinuousClock.Instant = .now) -> TurnClock {
        TurnClock(budget: self, startedAt: start)
    }
}

/// A running budget: the deadline of each stage given when the turn started.
public struct TurnClock: Sendable {
    public let budget: LatencyBudget
    public let startedAt: ContinuousClock.Instant

    public var turnDeadline: ContinuousClock.Instant { startedAt + budget.total }

    /// The stage's deadline: its own limit from now, never past the turn's deadline.
    public func deadline(for stage: Stage, now: ContinuousClock.Instant = .now) -> ContinuousClock.Instant {
        guard let limit = budget.stageLimits[stage] else { return turnDeadline }
        return min(now + limit, turnDeadline)
    }

    public var elapsedMilliseconds: Double { (ContinuousClock.now - startedAt).milliseconds }
}

extension Duration {
    public var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}
