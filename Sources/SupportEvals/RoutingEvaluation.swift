import Foundation
import SupportCore

/// Trains an intent classifier on one labelled set and measures it on another.
public struct RoutingEvaluation: Sendable {
    public struct Report: Sendable, Codable {
        public var trainRows: Int
        public var testRows: Int
        public var inScopeTestRows: Int
        public var outOfScopeTestRows: Int
        public var labels: Int
        public var trainingSeconds: Double
        /// Share of in-scope test rows whose best in-scope label is right (no threshold).
        public var accuracy: Double
        /// Mean F1 over in-scope labels (no threshold).
        public var macroF1: Double
        public var latencyMicroseconds: LatencySummary
        /// Out-of-scope recall at the thresholds that falsely reject 5% and 2% of in-scope rows.
        public var outOfScope: [OutOfScopePoint]
    }

    public struct OutOfScopePoint: Sendable, Codable {
        public var targetFalseRejectRate: Double
        public var threshold: Double
        public var falseRejectRate: Double
        public var outOfScopeRecall: Double
        /// Accuracy on in-scope rows counting a false reject as wrong.
        public var inScopeAccuracy: Double
    }

    public var outOfScopeLabel: String?
    public var options: IntentClassifier.Options

    public init(outOfScopeLabel: String? = nil, options: IntentClassifier.Options = .init()) {
        self.outOfScopeLabel = outOfScopeLabel
        self.options = options
    }

    public func run(train: [LabeledText], test: [LabeledText]) -> Report {
        let trainingStart = ContinuousClock.now
        let classifier = IntentClassifier(training: train, options: options)
        let trainingSeconds = (ContinuousClock.now - trainingStart).milliseconds / 1000

        var predictions: [(gold: String, predicted: String, confidence: Double)] = []
        var latencies: [Double] = []
        predictions.reserveCapacity(test.count)
        for row in test {
            let start = ContinuousClock.now
            let ranking = classifier.rank(row.text)
            latencies.append((ContinuousClock.now - start).milliseconds * 1000)
            // The confidence of a message is its best in-scope probability; a message whose best
            // label is the out-of-scope class is rejected at any threshold.
            let best = ranking.first { $0.label != outOfScopeLabel } ?? ScoredLabel(label: "", score: 0)
            let rejected = ranking.first?.label == outOfScopeLabel
            predictions.append((row.label, best.label, rejected ? 0 : best.score))
        }

        let inScope = predictions.filter { $0.gold != outOfScopeLabel }
        let outOfScope = predictions.filter { $0.gold == outOfScopeLabel }
        let accuracy = Double(inScope.filter { $0.gold == $0.predicted }.count) / Double(max(1, inScope.count))
        let points: [OutOfScopePoint] =
            outOfScope.isEmpty
            ? []
            : [0.05, 0.02].map { target in
                let threshold = Self.threshold(rejecting: target, of: inScope.map(\.confidence))
                let falseRejects = inScope.filter { $0.confidence < threshold }.count
                let caught = outOfScope.filter { $0.confidence < threshold }.count
                let correctAccepted = inScope.filter { $0.confidence >= threshold && $0.gold == $0.predicted }.count
                return OutOfScopePoint(
                    targetFalseRejectRate: target, threshold: threshold,
                    falseRejectRate: Double(falseRejects) / Double(inScope.count),
                    outOfScopeRecall: Double(caught) / Double(outOfScope.count),
                    inScopeAccuracy: Double(correctAccepted) / Double(inScope.count))
            }
        return Report(
            trainRows: train.count, testRows: test.count, inScopeTestRows: inScope.count,
            outOfScopeTestRows: outOfScope.count, labels: classifier.labels.count,
            trainingSeconds: trainingSeconds, accuracy: accuracy,
            macroF1: Self.macroF1(inScope.map { ($0.gold, $0.predicted) }),
            latencyMicroseconds: LatencySummary(latencies), outOfScope: points)
    }

    /// The lowest threshold that rejects at most `rate` of the given in-scope confidences.
    static func threshold(rejecting rate: Double, of confidences: [Double]) -> Double {
        let sorted = confidences.sorted()
        guard !sorted.isEmpty else { return 0 }
        let allowed = Int((rate * Double(sorted.count)).rounded(.down))
        return allowed >= sorted.count ? sorted.last! : sorted[allowed]
    }

    static func macroF1(_ pairs: [(gold: String, predicted: String)]) -> Double {
        let labels = Set(pairs.map(\.gold))
        guard !labels.isEmpty else { return 0 }
        var total = 0.0
        for label in labels {
            let tp = Double(pairs.filter { $0.gold == label && $0.predicted == label }.count)
            let fp = Double(pairs.filter { $0.gold != label && $0.predicted == label }.count)
            let fn = Double(pairs.filter { $0.gold == label && $0.predicted != label }.count)
            total += tp == 0 ? 0 : 2 * tp / (2 * tp + fp + fn)
        }
        return total / Double(labels.count)
    }
}

/// Percentiles of a list of measurements.
public struct LatencySummary: Sendable, Codable, Hashable {
    public var count: Int
    public var p50: Double
    public var p95: Double
    public var p99: Double
    public var mean: Double

    public init(_ values: [Double]) {
        let sorted = values.sorted()
        count = sorted.count
        func percentile(_ p: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            let index = min(sorted.count - 1, Int((p * Double(sorted.count - 1)).rounded()))
            return sorted[index]
        }
        p50 = percentile(0.5)
        p95 = percentile(0.95)
        p99 = percentile(0.99)
        mean = sorted.isEmpty ? 0 : sorted.reduce(0, +) / Double(sorted.count)
    }
}
