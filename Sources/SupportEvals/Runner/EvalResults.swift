import Foundation
import SupportCore

/// One check of one turn against its expectation.
public struct CheckResult: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable {
        case outcome, reason, intent, cite
        case mustInclude = "must_include"
        case mustNotInclude = "must_not_include"
        case verified
    }
    public var kind: Kind
    public var passed: Bool
    /// What was expected and what happened, for the report.
    public var detail: String
}

/// An answer sentence as shipped, re-checked against the passage it cites.
public struct SentenceCheck: Sendable, Hashable, Codable {
    public var text: String
    public var citation: Int?
    public var chunkID: ChunkID?
    /// nil for frame text (lead-in), which cites nothing by design.
    public var supported: Bool?
    public var detail: String
}

/// What happened on one customer turn.
public struct TurnObservation: Sendable, Hashable, Codable {
    public var index: Int
    public var message: String
    public var outcome: OutcomeKind?
    public var reason: String?
    public var intent: IntentName?
    public var intentConfidence: Double?
    public var reply: String
    public var answerSource: Answer.Source?
    public var citations: [Citation]
    /// Documents retrieved, best first, without repeats.
    public var retrievedDocuments: [DocumentID]
    /// The top passage's coverage of the question (what the "I don't know" threshold compares).
    public var evidence: Double?
    public var sentences: [SentenceCheck]
    public var expectation: TurnExpectation?
    public var checks: [CheckResult]
    public var trace: TurnTrace
    public var error: String?

    public var checked: Bool { expectation != nil }
    public var passed: Bool { checks.allSatisfy(\.passed) }
    public var unsupportedSentences: Int { sentences.filter { $0.supported == false }.count }

    /// Right outcome, an expected document cited, every fact present, nothing forbidden, every
    /// sentence verified. The intent and reason checks are reported but not part of it.
    public var resolved: Bool {
        checks.filter { ![.intent, .reason].contains($0.kind) }.allSatisfy(\.passed)
    }
}

/// One run of one case.
public struct CaseResult: Sendable, Hashable, Codable {
    public var id: String
    public var tags: [String]
    public var turns: [TurnObservation]
    public var passed: Bool { turns.allSatisfy(\.passed) }
}

/// A rate with its 95% Wilson score interval.
public struct Rate: Sendable, Hashable, Codable {
    public var numerator: Int
    public var denominator: Int
    public var value: Double
    public var low: Double
    public var high: Double

    public init(_ numerator: Int, of denominator: Int) {
        self.numerator = numerator
        self.denominator = denominator
        guard denominator > 0 else {
            value = 0
            low = 0
            high = 0
            return
        }
        let n = Double(denominator)
        let p = Double(numerator) / n
        let z = 1.959964
        let centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        let half = z * ((p * (1 - p) / n + z * z / (4 * n * n)).squareRoot()) / (1 + z * z / n)
        value = p
        low = max(0, centre - half)
        high = min(1, centre + half)
    }
}

extension Rate {
    /// "29.4% [22.0%–38.1%] (35/119)", or "–" when nothing was counted.
    public var display: String {
        guard denominator > 0 else { return "–" }
        func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
        return "\(percent(value)) [\(percent(low))–\(percent(high))] (\(numerator)/\(denominator))"
    }
}

public struct PrecisionRecall: Sendable, Hashable, Codable {
    public var precision: Rate
    public var recall: Rate
}

/// The headline numbers of a run; every one is defined in evals/README.md.
public struct EvalMetrics: Sendable, Hashable, Codable {
    public var cases: Int
    public var checkedTurns: Int
    public var casePassRate: Rate
    public var resolutionRate: Rate
    public var correctDontKnowRate: Rate
    public var falseDontKnowRate: Rate
    public var handoff: PrecisionRecall
    public var refusal: PrecisionRecall
    public var intentAccuracy: Rate
    public var unsupportedSentences: Int
    public var sentencesShipped: Int
    /// Turn latency in milliseconds, and per stage.
    public var latency: LatencySummary
    public var stageLatency: [String: LatencySummary]
}

/// Counts for one slice of the cases (an intent or a tag).
public struct Breakdown: Sendable, Hashable, Codable {
    public var key: String
    public var turns: Int
    public var passed: Rate
    public var resolution: Rate
}

/// One point of the "I don't know" threshold curve.
public struct ThresholdPoint: Sendable, Hashable, Codable {
    public var threshold: Double
    /// Share of the policy and unanswerable questions that would be answered.
    public var coverage: Double
    /// Share of those answers that resolve the question.
    public var accuracy: Double
    /// Share of questions handled right: resolved answers plus "I don't know" to unanswerable ones.
    public var rightDecisions: Double
}

/// Everything a run produced: written as results.json and rendered as report.html.
public struct EvalResults: Sendable, Codable {
    public var suite: String
    public var casesFile: String
    public var corpus: String
    public var settings: [String: String]
    public var startedAt: Date
    public var runSeconds: Double
    public var metrics: EvalMetrics
    public var repeats: Int
    /// Share of cases passed in every one of the repeats (pass^k).
    public var passAllRepeats: Rate?
    public var byIntent: [Breakdown]
    public var byTag: [Breakdown]
    public var thresholdCurve: [ThresholdPoint]
    public var currentThreshold: Double
    /// Retrieval recall of the expected documents, for cases that name them.
    public var recallAt1: Rate
    public var recallAt5: Rate
    /// Drafter results, faults, dropped sentences, tokens and timings, when a drafter ran.
    public var drafting: DraftingSummary?
    public var cases: [CaseResult]
}
