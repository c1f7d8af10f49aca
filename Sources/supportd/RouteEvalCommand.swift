import ArgumentParser
import Foundation
import SupportCore
import SupportEvals

struct RouteEvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route-eval",
        abstract: "Train the intent classifier on one CSV (text,label) and measure it on another."
    )

    @Option(help: "Training CSV (text,label).") var train: String
    @Option(help: "Test CSV (text,label).") var test: String
    @Option(name: .customLong("oos-label"), help: "The label of out-of-scope rows (e.g. oos).") var oosLabel: String?
    @Option(help: "Training epochs.") var epochs: Int?
    @Option(help: "L2 regularisation.") var l2: Float?
    @Option(name: .customLong("learning-rate"), help: "Initial SGD learning rate.") var learningRate: Float?
    @Flag(help: "Print the report as JSON.") var json = false

    func run() async throws {
        let trainRows = try LabeledCSV.load(URL(fileURLWithPath: train))
        let testRows = try LabeledCSV.load(URL(fileURLWithPath: test))
        var options = IntentClassifier.Options()
        if let epochs { options.model.epochs = epochs }
        if let l2 { options.model.l2 = l2 }
        if let learningRate { options.model.learningRate = learningRate }
        let report = RoutingEvaluation(outOfScopeLabel: oosLabel, options: options).run(train: trainRows, test: testRows)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
            return
        }
        print("train rows      \(report.trainRows) (\(report.labels) labels), trained in \(fmt(report.trainingSeconds, 2)) s")
        print("test rows       \(report.testRows) (\(report.inScopeTestRows) in scope, \(report.outOfScopeTestRows) out of scope)")
        print("accuracy        \(fmt(report.accuracy * 100, 2))% (in-scope rows, best in-scope label)")
        print("macro-F1        \(fmt(report.macroF1 * 100, 2))%")
        let l = report.latencyMicroseconds
        print("latency/query   p50 \(fmt(l.p50, 1)) µs, p95 \(fmt(l.p95, 1)) µs, p99 \(fmt(l.p99, 1)) µs")
        for point in report.outOfScope {
            print(
                "oos @\(fmt(point.targetFalseRejectRate * 100, 0))% FRR    recall \(fmt(point.outOfScopeRecall * 100, 2))% "
                    + "(threshold \(fmt(point.threshold, 3)), actual FRR \(fmt(point.falseRejectRate * 100, 2))%, "
                    + "in-scope accuracy \(fmt(point.inScopeAccuracy * 100, 2))%)")
        }
    }

    private func fmt(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
}
