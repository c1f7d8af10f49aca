import Foundation

/// A trained text classifier: TF-IDF features and softmax regression. Its top probability is the
/// confidence the router compares with the out-of-scope threshold.
public struct IntentClassifier: Sendable {
    public struct Options: Sendable, Hashable {
        public var features = TextFeaturizer.Options()
        public var model = SoftmaxRegression.Options()
        public init() {}
    }

    public let labels: [String]
    private let featurizer: TextFeaturizer
    private let model: SoftmaxRegression

    public init(training examples: [LabeledText], options: Options = Options()) {
        let labels = Array(Set(examples.map(\.label))).sorted()
        let labelIndex = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        let featurizer = TextFeaturizer(training: examples.map(\.text), options: options.features)
        self.labels = labels
        self.featurizer = featurizer
        self.model = SoftmaxRegression(
            vectors: examples.map { featurizer.vector($0.text) },
            labels: examples.map { labelIndex[$0.label]! },
            classCount: labels.count,
            featureCount: featurizer.featureCount,
            options: options.model
        )
    }

    /// Every label with its probability, best first.
    public func rank(_ text: String) -> [ScoredLabel] {
        let probabilities = model.probabilities(featurizer.vector(text))
        return zip(labels, probabilities)
            .map { ScoredLabel(label: $0, score: Double($1)) }
            .sorted { $0.score > $1.score || ($0.score == $1.score && $0.label < $1.label) }
    }
}
