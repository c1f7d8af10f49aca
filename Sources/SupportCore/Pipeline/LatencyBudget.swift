import Foundation

/// How long a turn, and each stage of it, may take. Carried through the turn as a value.
public struct LatencyBudget: Sendable, Hashable, Codable {
    /// The whole turn, from the request's arrival to the outcome.
    public var total: Duration
    /// Per-stage limits; a stage without one may use what is left of `total`.
    public var stageLimits: [Stage: Duration]
    /// T1: the first verified sentence must reach the customer this long after the message
    /// arrived, or the drafter is cancelled and the turn falls back.
    public var firstSentence: Duration
    /// T2: the whole answer by then; the drafter is cancelled and what was shown stands.
    public var answer: Duration
    /// While a drafter works, a `status` event at least this often.
    public var heartbeat: Duration

    public init(
        total: Duration, stageLimits: [Stage: Duration] = [:], firstSentence: Duration = .seconds(4),
        answer: Duration = .seconds(9), heartbeat: Duration = .milliseconds(800)
    ) {
        self.total = total
        self.stageLimits = stageLimits
        self.firstSentence = firstSentence
        self.answer = answer
        self.heartbeat = heartbeat
    }

    /// Defaults for chat. The extractive path takes milliseconds, so these bite only on an LLM or a
    /// fault: a first sentence by 4 s, the answer by 9 s, and a second for the fallback and storing,
    /// inside the ten seconds of silence after which customers leave a chat.
    public static let chat = LatencyBudget(
        total: .seconds(10),
        stageLimits: [
            .inputGuard: .milliseconds(250), .routing: .milliseconds(500), .retrieval: .milliseconds(1000),
            .verification: .milliseconds(500),
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
    /// T1 and T2 as instants, never past the turn's deadline.
    public var firstSentenceDeadline: ContinuousClock.Instant { min(startedAt + budget.firstSentence, turnDeadline) }
    public var answerDeadline: ContinuousClock.Instant { min(startedAt + budget.answer, turnDeadline) }

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
