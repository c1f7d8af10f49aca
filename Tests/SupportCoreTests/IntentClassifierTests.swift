import Testing
@testable import SupportCore

struct IntentClassifierTests {
    @Test(arguments: [
        ("I need to send back a toaster I bought", "returns"),
        ("get me a human agent now", "talk_to_human"),
        ("what's the weather in Paris tomorrow", "out_of_scope"),
        ("my parcel showed up smashed and the lamp inside is broken", "delivery_problem"),
        ("I forgot my password and can't sign in", "account_security"),
        ("how much money is left on my gift card", "gift_cards"),
    ])
    func routesClearPhrasingsToTheRightIntent(text: String, expected: String) async throws {
        let decision = try await Fixtures.router.route(RoutingRequest(text: text))
        #expect(decision.intent?.rawValue == expected, "ranking: \(decision.ranking)")
        #expect(decision.confidence >= decision.threshold)
    }

    @Test func rankingIsAProbabilityDistributionBestFirst() {
        let ranking = Fixtures.router.classifier.rank("where is my refund")
        #expect(ranking.count == Fixtures.catalog.intents.count)
        #expect(abs(ranking.map(\.score).reduce(0, +) - 1) < 1e-3)
        #expect(zip(ranking, ranking.dropFirst()).allSatisfy { $0.score >= $1.score })
    }

    @Test func lowConfidenceMeansNoIntent() async throws {
        let strict = ClassifierRouter(catalog: Fixtures.catalog, threshold: 1.01)
        let decision = try await strict.route(RoutingRequest(text: "I need to send back a toaster I bought"))
        #expect(decision.intent == nil)
        #expect(decision.ranking.first?.label == "returns")
    }

    static let probes = ["I need to send back a toaster I bought", "get me a human agent now", "asdf qwerty", ""]

    @Test func trainingTwiceGivesTheSameRanking() {
        let examples = Fixtures.catalog.trainingExamples
        let first = IntentClassifier(training: examples)
        let second = IntentClassifier(training: examples)
        for text in Self.probes {
            let a = first.rank(text)
            let b = second.rank(text)
            #expect(a.map(\.label) == b.map(\.label))
            #expect(zip(a, b).allSatisfy { abs($0.score - $1.score) < 1e-5 })
        }
    }

    @Test
    func trainingTwiceGivesIdenticalScores() {
        let examples = Fixtures.catalog.trainingExamples
        let first = IntentClassifier(training: examples)
        let second = IntentClassifier(training: examples)
        for text in Self.probes {
            #expect(first.rank(text) == second.rank(text))
        }
    }
}
