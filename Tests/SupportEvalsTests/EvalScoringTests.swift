import Foundation
import SupportCore
import Testing
@testable import SupportEvals

struct EvalScoringTests {
    /// A turn as the runner would record it, with its checks computed from the expectation.
    private func turn(
        _ expectation: TurnExpectation, outcome: OutcomeKind, reply: String = "", cited: [DocumentID] = [],
        evidence: Double = 0.9, unsupported: Bool = false
    ) -> TurnObservation {
        var observation = TurnObservation(
            index: 0, message: "q", outcome: outcome, reason: nil, intent: nil, intentConfidence: nil, reply: reply,
            answerSource: outcome == .answer ? .policy : nil,
            citations: cited.enumerated().map { index, document in
                Citation(
                    index: index + 1, chunkID: ChunkID("\(document)#s"), documentID: document, documentTitle: "", section: "",
                    version: "1", documentRevision: 1, quote: "")
            },
            retrievedDocuments: cited, evidence: evidence,
            sentences: outcome == .answer
                ? [SentenceCheck(text: reply, citation: 1, chunkID: nil, supported: !unsupported, detail: "")] : [],
            expectation: expectation, checks: [], trace: TurnTrace(), error: nil)
        observation.checks = EvalRunner.checks(observation, against: expectation)
        return observation
    }

    private func single(_ turn: TurnObservation, id: String = UUID().uuidString) -> CaseResult {
        CaseResult(id: id, tags: ["t"], turns: [turn])
    }

    let returns = TurnExpectation(outcomes: [.answer], cite: ["returns"], mustInclude: ["30 days"], mustNotInclude: ["60 days"])
    let unknown = TurnExpectation(outcomes: [.dontKnow])
    let person = TurnExpectation(outcomes: [.handoff])

    @Test func resolutionNeedsTheOutcomeCitationFactsAndVerifiedSentences() {
        let cases = [
            single(turn(returns, outcome: .answer, reply: "You have thirty days.", cited: ["returns"])),  // resolved
            single(turn(returns, outcome: .answer, reply: "You have 30 days.", cited: ["shipping"])),  // wrong source
            single(turn(returns, outcome: .answer, reply: "You have a while.", cited: ["returns"])),  // fact missing
            single(turn(returns, outcome: .answer, reply: "30 days, or 60 days.", cited: ["returns"])),  // forbidden text
            single(turn(returns, outcome: .answer, reply: "30 days.", cited: ["returns"], unsupported: true)),
            single(turn(returns, outcome: .dontKnow)),  // false IDK
        ]
        let metrics = EvalScoring.metrics(cases)
        #expect(metrics.resolutionRate.numerator == 1)
        #expect(metrics.resolutionRate.denominator == 6)
        #expect(metrics.falseDontKnowRate.numerator == 1)
        #expect(metrics.unsupportedSentences == 1)
        #expect(metrics.sentencesShipped == 5)
    }

    @Test func dontKnowAndHandoffRatesCountTheRightTurns() {
        let cases = [
            single(turn(unknown, outcome: .dontKnow)),
            single(turn(unknown, outcome: .answer, reply: "made up", cited: ["returns"])),
            single(turn(person, outcome: .handoff)),
            single(turn(person, outcome: .dontKnow)),
            single(turn(unknown, outcome: .handoff)),
        ]
        let metrics = EvalScoring.metrics(cases)
        #expect(metrics.correctDontKnowRate.numerator == 1)
        #expect(metrics.correctDontKnowRate.denominator == 3)
        // Two handoffs made, one expected: precision 1/2; two expected, one made: recall 1/2.
        #expect(metrics.handoff.precision.numerator == 1)
        #expect(metrics.handoff.precision.denominator == 2)
        #expect(metrics.handoff.recall.numerator == 1)
        #expect(metrics.handoff.recall.denominator == 2)
        #expect(metrics.refusal.precision.denominator == 0)
    }

    @Test func wilsonIntervalsBracketTheRate() {
        let rate = Rate(8, of: 10)
        #expect(rate.value == 0.8)
        #expect(abs(rate.low - 0.490) < 0.001)
        #expect(abs(rate.high - 0.943) < 0.001)
        #expect(Rate(0, of: 0).value == 0)
        #expect(Rate(5, of: 5).high == 1)
    }

    @Test func passAllRepeatsNeedsEveryRunToPass() {
        let good = single(turn(unknown, outcome: .dontKnow), id: "a")
        let bad = single(turn(unknown, outcome: .answer, cited: ["x"]), id: "a")
        let other = single(turn(person, outcome: .handoff), id: "b")
        let rate = EvalScoring.passAllRepeats([[good, other], [bad, other], [good, other]])
        #expect(rate.numerator == 1)
        #expect(rate.denominator == 2)
    }

    @Test func thresholdCurveTradesCoverageForAccuracy() {
        let cases = [
            single(turn(returns, outcome: .answer, reply: "30 days", cited: ["returns"], evidence: 0.9)),
            single(turn(returns, outcome: .answer, reply: "nothing useful", cited: ["returns"], evidence: 0.4)),
            single(turn(unknown, outcome: .answer, reply: "guess", cited: ["returns"], evidence: 0.3)),
        ]
        let curve = EvalScoring.thresholdCurve(ungated: cases, step: 0.25)
        #expect(curve.map(\.threshold) == [0, 0.25, 0.5, 0.75, 1])
        let open = curve[0]
        #expect(abs(open.coverage - 1) < 1e-9)
        #expect(abs(open.accuracy - 1.0 / 3) < 1e-9)
        let strict = curve[2]  // only the 0.9 answer remains
        #expect(abs(strict.coverage - 1.0 / 3) < 1e-9)
        #expect(strict.accuracy == 1)
        #expect(abs(strict.rightDecisions - 2.0 / 3) < 1e-9)
    }

    @Test func baselineGateFailsOnADropBeyondTheMarginOrAnyUnsupportedSentence() {
        let good = EvalScoring.metrics([single(turn(returns, outcome: .answer, reply: "30 days", cited: ["returns"]))])
        let baseline = Baseline(suite: "s", metrics: good, margin: 0.05)
        #expect(baseline.violations(of: good).isEmpty)
        let worse = EvalScoring.metrics([
            single(turn(returns, outcome: .answer, reply: "30 days", cited: ["returns"])),
            single(turn(returns, outcome: .dontKnow)),
        ])
        #expect(baseline.violations(of: worse).count == 1)
        let unsupported = EvalScoring.metrics([
            single(turn(returns, outcome: .answer, reply: "30 days", cited: ["returns"], unsupported: true))
        ])
        #expect(baseline.violations(of: unsupported).contains { $0.contains("unsupported") })
    }
}
