import Testing
@testable import SupportCore
@testable import SupportEvals

struct RoutingEvaluationTests {
    private func rows(_ label: String, _ texts: [String]) -> [LabeledText] {
        texts.map { LabeledText(text: $0, label: label) }
    }

    private var train: [LabeledText] {
        rows("refund", ["where is my refund", "refund not received", "when do I get my refund", "refund status please"])
            + rows("shipping", ["when will my parcel ship", "parcel shipping time", "track my parcel", "parcel delivery date"])
            + rows("password", ["reset my password", "forgot password", "password not working", "change password"])
    }

    private var test: [LabeledText] {
        rows("refund", ["my refund please", "refund?"]) + rows("shipping", ["parcel?", "ship my parcel"])
            + rows("password", ["password help", "lost password"])
    }

    @Test func separableDataIsRoutedPerfectly() {
        let report = RoutingEvaluation().run(train: train, test: test)
        #expect(report.accuracy == 1.0)
        #expect(report.macroF1 == 1.0)
        #expect(report.trainRows == 12)
        #expect(report.testRows == 6)
        #expect(report.labels == 3)
        #expect(report.outOfScope.isEmpty)
        #expect(report.latencyMicroseconds.count == 6)
    }

    @Test func wrongPredictionsLowerAccuracy() {
        let mislabelled = test.map { LabeledText(text: $0.text, label: $0.label == "refund" ? "password" : $0.label) }
        let report = RoutingEvaluation().run(train: train, test: mislabelled)
        #expect(abs(report.accuracy - 4.0 / 6.0) < 1e-9)
        #expect(report.macroF1 < 1)
    }

    @Test func outOfScopeRecallIsMeasuredAtTheFalseRejectTarget() throws {
        let oosTrain = rows("oos", ["weather tomorrow", "football score", "banana bread recipe", "tell me a joke"])
        let oosTest = rows("oos", ["weather forecast", "football tonight", "a funny joke"])
        let report = RoutingEvaluation(outOfScopeLabel: "oos").run(train: train + oosTrain, test: test + oosTest)
        #expect(report.inScopeTestRows == 6)
        #expect(report.outOfScopeTestRows == 3)
        #expect(report.accuracy == 1.0)
        let atFivePercent = try #require(report.outOfScope.first { $0.targetFalseRejectRate == 0.05 })
        #expect(atFivePercent.falseRejectRate <= 0.05)
        #expect(atFivePercent.outOfScopeRecall == 1.0)
        #expect(atFivePercent.inScopeAccuracy == 1.0)
        #expect(report.outOfScope.map(\.targetFalseRejectRate) == [0.05, 0.02])
    }

    @Test func thresholdRejectsAtMostTheTargetShare() {
        let confidences = (1...20).map { Double($0) / 20 }
        let threshold = RoutingEvaluation.threshold(rejecting: 0.05, of: confidences.shuffled())
        #expect(threshold == 0.1)
        #expect(confidences.filter { $0 < threshold }.count == 1)
        #expect(RoutingEvaluation.threshold(rejecting: 0.05, of: []) == 0)
    }
}

struct LatencySummaryTests {
    @Test func percentilesOfKnownValues() {
        let summary = LatencySummary((0...100).map(Double.init).shuffled())
        #expect(summary.count == 101)
        #expect(summary.p50 == 50)
        #expect(summary.p95 == 95)
        #expect(summary.p99 == 99)
        #expect(summary.mean == 50)
    }

    @Test func singleAndEmptyInputs() {
        let one = LatencySummary([7])
        #expect([one.p50, one.p95, one.p99, one.mean] == [7, 7, 7, 7])
        let none = LatencySummary([])
        #expect(none.count == 0 && none.p99 == 0 && none.mean == 0)
    }
}
