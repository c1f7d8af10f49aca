import Testing
@testable import SupportCore

struct PassageIndexTests {
    static let passages = [
        Fixtures.passage("returns#window", document: "returns", title: "Returns", section: ["Return window"],
            "Items can be returned within 30 days of delivery for a full refund of the item price."),
        Fixtures.passage("shipping#times", document: "shipping", title: "Shipping", section: ["Delivery times"],
            "Standard shipping takes 3 to 5 business days within the US."),
        Fixtures.passage("payments#methods", document: "payments", title: "Payments", section: ["Payment methods"],
            "We accept Visa, Mastercard, American Express and PayPal at checkout."),
        Fixtures.passage("gift#buy", document: "gift", title: "Gift cards", section: ["Buying"],
            "Gift cards come in any amount."),
        Fixtures.passage("gift#returns", document: "gift", title: "Gift cards", section: ["Refunds"],
            "Gift cards cannot be returned or refunded once the code has been redeemed on an order."),
    ]
    static let index = PassageIndex(passages: passages)

    private func top(_ text: String, context: [String] = [], preferred: [DocumentID] = []) -> ScoredPassage? {
        Self.index.search(RetrievalQuery(text: text, context: context, preferredDocuments: preferred)).passages.first
    }

    @Test func passageWithTheQueryWordsRanksFirst() {
        #expect(top("how long do I have to return an item?")?.passage.id == "returns#window")
        #expect(top("which cards do you accept at checkout")?.passage.id == "payments#methods")
        #expect(top("how many business days does standard shipping take")?.passage.id == "shipping#times")
    }

    @Test func coverageIsFullWhenEveryQueryTermIsInThePassage() throws {
        let hit = try #require(top("full refund within 30 days"))
        #expect(hit.passage.id == "returns#window")
        #expect(abs(hit.coverage - 1) < 1e-9)
    }

    @Test func coverageDropsWhenAQueryWordIsUnknown() throws {
        let full = try #require(top("full refund delivery"))
        let partial = try #require(top("full refund bitcoin"))
        #expect(partial.coverage < full.coverage)
        #expect(partial.coverage < 0.9)
        let terms = Self.index.search(RetrievalQuery(text: "full refund bitcoin")).queryTerms
        #expect(terms.first { $0.term == "bitcoin" }?.known == false)
    }

    @Test func queryWithNoKnownWordsFindsNothing() {
        #expect(Self.index.search(RetrievalQuery(text: "bitcoin dogecoin")).passages.isEmpty)
    }

    @Test func oneLetterTypoStillFindsThePassage() {
        #expect(top("retrun window")?.passage.id == "returns#window")
        let terms = Self.index.search(RetrievalQuery(text: "retrun")).queryTerms
        #expect(terms.map(\.term) == ["return"])
        #expect(terms.first?.known == true)
    }

    @Test func preferredDocumentsGetABoost() throws {
        let twins = PassageIndex(passages: [
            Fixtures.passage("a#fees", document: "a", title: "Fees", "A change fee applies to late changes."),
            Fixtures.passage("b#fees", document: "b", title: "Fees", "A change fee applies to late changes."),
        ])
        let plain = twins.search(RetrievalQuery(text: "late change fee")).passages
        let boosted = twins.search(RetrievalQuery(text: "late change fee", preferredDocuments: ["b"])).passages
        #expect(plain.map(\.passage.id) == ["a#fees", "b#fees"])
        #expect(boosted.map(\.passage.id) == ["b#fees", "a#fees"])
        #expect(abs(boosted[0].score / boosted[1].score - PassageIndex.preferredDocumentBoost) < 1e-9)
    }

    @Test func shortFollowUpUsesThePreviousMessage() {
        let context = ["Can I return something for a refund?"]
        let followUp = Self.index.search(RetrievalQuery(text: "and for gift cards?", context: context))
        #expect(followUp.queryTerms.contains { $0.term == "return" })
        #expect(followUp.passages.first?.passage.id == "gift#returns")
        let alone = Self.index.search(RetrievalQuery(text: "and for gift cards?"))
        #expect(!alone.queryTerms.contains { $0.term == "return" })
    }

    @Test func longQuestionDoesNotBorrowContext() {
        let result = Self.index.search(RetrievalQuery(
            text: "which payment cards are accepted at checkout", context: ["Can I return something?"]))
        #expect(!result.queryTerms.contains { $0.term == "return" })
    }

    @Test func limitCapsTheNumberOfPassages() {
        let result = Self.index.search(RetrievalQuery(text: "gift cards returned refund shipping", limit: 2))
        #expect(result.passages.count == 2)
        #expect(result.passages[0].score >= result.passages[1].score)
    }

    @Test func realPoliciesAnswerAReturnQuestionFromTheReturnsPolicy() {
        let result = Fixtures.passageIndex.search(RetrievalQuery(text: "how many days do I have to return an item"))
        #expect(result.passages.first?.passage.documentID == "returns-refunds")
    }
}

struct BM25IndexTests {
    @Test func rarerTermsWeighMore() {
        let index = BM25Index(texts: ["order shipped", "order returned", "order lost parcel"])
        let weights = Dictionary(uniqueKeysWithValues: index.resolve([("order", 1), ("lost", 1)]).map { ($0.term.term, $0.term.weight) })
        #expect(weights["lost"]! > weights["order"]!)
    }

    @Test func repeatedTermScoresHigherInEqualLengthDocuments() {
        let index = BM25Index(termLists: [["refund", "card", "card"], ["refund", "card", "refund"]])
        let hits = index.search([("refund", 1)], limit: 2)
        #expect(hits.map(\.document) == [1, 0])
    }
}
