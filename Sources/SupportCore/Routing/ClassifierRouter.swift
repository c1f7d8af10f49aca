import Foundation

/// Routes messages with an `IntentClassifier` trained on the catalog's examples. A message whose
/// best probability is under `threshold`, or whose best intent is the catalog's refuse intent, is
/// out of scope.
public struct ClassifierRouter: IntentRouter {
    public let catalog: IntentCatalog
    public let classifier: IntentClassifier
    public let threshold: Double

    public init(catalog: IntentCatalog, threshold: Double = 0.25, options: IntentClassifier.Options = .init()) {
        self.catalog = catalog
        self.classifier = IntentClassifier(training: catalog.trainingExamples, options: options)
        self.threshold = threshold
    }

    public func route(_ request: RoutingRequest) async throws -> RoutingDecision {
        let ranking = classifier.rank(request.text)
        let best = ranking.first
        let confident = (best?.score ?? 0) >= threshold
        return RoutingDecision(
            intent: confident ? best.map { IntentName($0.label) } : nil,
            confidence: best?.score ?? 0,
            ranking: Array(ranking.prefix(3)),
            threshold: threshold,
            component: "tfidf-softmax"
        )
    }
}
