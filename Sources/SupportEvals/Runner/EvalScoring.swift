import Foundation
import SupportCore

/// Turns case results into the metrics defined in evals/README.md.
public enum EvalScoring {
    /// Turns that must be answered from the policies: outcome `answer` and documents to cite.
    static func isPolicyQuestion(_ turn: TurnObservation) -> Bool {
        guard let expectation = turn.expectation else { return false }
        return expectation.expectsAnswer && !expectation.cite.isEmpty
    }

    static func isUnanswerable(_ turn: TurnObservation) -> Bool {
        turn.expectation?.expectsDontKnow ?? false
    }

    public static func metrics(_ cases: [CaseResult]) -> EvalMetrics {
        let turns = cases.flatMap(\.turns)
        let checked = turns.filter(\.checked)
        let policy = checked.filter(isPolicyQuestion)
        let unanswerable = checked.filter(isUnanswerable)
        let withIntent = checked.filter { $0.expectation?.intent != nil }

        func precisionRecall(_ kind: OutcomeKind) -> PrecisionRecall {
            let predicted = checked.filter { $0.outcome == kind }
            let expected = checked.filter { $0.expectation?.outcomes == [kind] }
            return PrecisionRecall(
                precision: Rate(predicted.filter { $0.expectation?.outcomes.contains(kind) == true }.count, of: predicted.count),
                recall: Rate(expected.filter { $0.outcome == kind }.count, of: expected.count))
        }

        var stageTimes: [String: [Double]] = [:]
        for turn in turns {
            for (stage, milliseconds) in turn.trace.timings { stageTimes[stage.rawValue, default: []].append(milliseconds) }
        }
        let shipped = turns.flatMap(\.sentences).filter { $0.supported != nil }
        return EvalMetrics(
            cases: cases.count, checkedTurns: checked.count,
            casePassRate: Rate(cases.filter(\.passed).count, of: cases.count),
            resolutionRate: Rate(policy.filter(\.resolved).count, of: policy.count),
            correctDontKnowRate: Rate(unanswerable.filter(\.passed).count, of: unanswerable.count),
            falseDontKnowRate: Rate(policy.filter { $0.outcome == .dontKnow }.count, of: policy.count),
            handoff: precisionRecall(.handoff), refusal: precisionRecall(.refusal),
            intentAccuracy: Rate(withIntent.filter { $0.intent == $0.expectation?.intent }.count, of: withIntent.count),
            unsupportedSentences: shipped.filter { $0.supported == false }.count, sentencesShipped: shipped.count,
            latency: LatencySummary(turns.filter { $0.error == nil }.map(\.trace.totalMilliseconds)),
            stageLatency: stageTimes.mapValues(LatencySummary.init))
    }

    /// Pass and resolution rates per expected intent (checked turns) and per tag (cases).
    public static func byIntent(_ cases: [CaseResult]) -> [Breakdown] {
        let turns = cases.flatMap(\.turns).filter(\.checked)
        let groups = Dictionary(grouping: turns) { $0.expectation?.intent?.rawValue ?? "(no intent given)" }
        return groups.map { key, turns in breakdown(key, turns) }.sorted { $0.key < $1.key }
    }

    public static func byTag(_ cases: [CaseResult]) -> [Breakdown] {
        var groups: [String: [TurnObservation]] = [:]
        for item in cases {
            for tag in item.tags { groups[tag, default: []] += item.turns.filter(\.checked) }
        }
        return groups.map { key, turns in breakdown(key, turns) }.sorted { $0.key < $1.key }
    }

    static func breakdown(_ key: String, _ turns: [TurnObservation]) -> Breakdown {
        let policy = turns.filter(isPolicyQuestion)
        return Breakdown(
            key: key, turns: turns.count, passed: Rate(turns.filter(\.passed).count, of: turns.count),
            resolution: Rate(policy.filter(\.resolved).count, of: policy.count))
    }

    /// The share of cases that passed in every repeat.
    public static func passAllRepeats(_ runs: [[CaseResult]]) -> Rate {
        guard let first = runs.first else { return Rate(0, of: 0) }
        let passedEverywhere = first.indices.filter { index in runs.allSatisfy { $0[index].passed } }
        return Rate(passedEverywhere.count, of: first.count)
    }

    /// Recall of the expected documents among the retrieved ones, on policy questions.
    public static func recall(at k: Int, _ cases: [CaseResult]) -> Rate {
        let policy = cases.flatMap(\.turns).filter(isPolicyQuestion)
        let hits = policy.filter { turn in
            turn.retrievedDocuments.prefix(k).contains { turn.expectation?.cite.contains($0) == true }
        }
        return Rate(hits.count, of: policy.count)
    }

    /// Moves the "I don't know" threshold over a run made without one: at each threshold, the
    /// policy and unanswerable questions whose evidence reaches it would be answered as they
    /// were in that run; the rest would get "I don't know".
    public static func thresholdCurve(ungated: [CaseResult], step: Double = 0.025) -> [ThresholdPoint] {
        let turns = ungated.flatMap(\.turns).filter { isPolicyQuestion($0) || isUnanswerable($0) }
        guard !turns.isEmpty else { return [] }
        var points: [ThresholdPoint] = []
        for stepIndex in 0...Int((1 / step).rounded()) {
            let threshold = Double(stepIndex) * step
            let isAnswered = { (turn: TurnObservation) in turn.outcome == .answer && (turn.evidence ?? 0) >= threshold }
            let answered = turns.filter(isAnswered)
            let right = answered.filter { isPolicyQuestion($0) && $0.resolved }
            let withheld = turns.filter { isUnanswerable($0) && !isAnswered($0) }
            points.append(ThresholdPoint(
                threshold: threshold, coverage: Double(answered.count) / Double(turns.count),
                accuracy: answered.isEmpty ? 1 : Double(right.count) / Double(answered.count),
                rightDecisions: Double(right.count + withheld.count) / Double(turns.count)))
        }
        return points
    }
}
