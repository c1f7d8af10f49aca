import Foundation

/// The stages of one customer turn, in pipeline order.
public enum Stage: String, Sendable, Codable, CaseIterable {
    case inputGuard = "guard"
    case routing
    /// Looking for an approved answer to a closely matching question.
    case verifiedAnswer = "verified_answer"
    case retrieval
    case drafting
    case verification
    case outcome
}

/// What one stage saw, decided and why: enough to replay a turn or explain an eval failure.
public struct StageRecord: Sendable, Hashable, Codable {
    public var stage: Stage
    /// Which implementation made the decision (e.g. `tfidf-logreg`, `bm25`, `extractive`).
    public var component: String
    public var input: String
    public var output: String
    /// The deciding score, when the decision compares one with a threshold.
    public var score: Double?
    public var threshold: Double?
    public var decision: String
    public var milliseconds: Double

    public init(
        stage: Stage, component: String, input: String, output: String, score: Double? = nil,
        threshold: Double? = nil, decision: String, milliseconds: Double
    ) {
        self.stage = stage
        self.component = component
        self.input = input
        self.output = output
        self.score = score
        self.threshold = threshold
        self.decision = decision
        self.milliseconds = milliseconds
    }
}

/// The stored record of one turn's stages.
public struct TurnTrace: Sendable, Hashable, Codable {
    public var stages: [StageRecord]
    public var totalMilliseconds: Double
    /// How the answer was written, when a drafter ran: one entry per drafter tried, in order.
    public var drafting: [DraftingRecord]?

    public init(stages: [StageRecord] = [], totalMilliseconds: Double = 0, drafting: [DraftingRecord]? = nil) {
        self.stages = stages
        self.totalMilliseconds = totalMilliseconds
        self.drafting = drafting
    }

    /// Milliseconds per stage, for the `done` event.
    public var timings: [Stage: Double] {
        stages.reduce(into: [:]) { $0[$1.stage, default: 0] += $1.milliseconds }
    }
}
