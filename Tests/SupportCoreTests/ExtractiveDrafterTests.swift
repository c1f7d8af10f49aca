import Testing
@testable import SupportCore

struct ExtractiveDrafterTests {
    private func draft(_ question: String, preferred: [DocumentID] = []) async throws -> (Draft?, RetrievalResult) {
        let retrieval = Fixtures.passageIndex.search(RetrievalQuery(text: question, preferredDocuments: preferred))
        let draft = ExtractiveDrafter().draft(DraftRequest(question: question, retrieval: retrieval, intent: nil))
        return (draft, retrieval)
    }

    @Test(arguments: [
        "how many days do I have to return an item?",
        "how much does a return label cost?",
        "when will my refund arrive?",
    ])
    func everyDraftedSentenceIsQuotedFromItsCitedPassage(question: String) async throws {
        let (draft, retrieval) = try await draft(question)
        let result = try #require(draft)
        #expect(!result.sentences.isEmpty)
        #expect(result.sentences.count <= ExtractiveDrafter.Settings().sentenceLimit)
        for sentence in result.sentences {
            let passage = try #require(retrieval.passages.first { $0.passage.id == sentence.passage }?.passage)
            #expect(SentenceSplitter.sentences(passage.text).contains(sentence.text), "\(sentence.text)")
        }
    }

    @Test func returnWindowQuestionIsAnsweredWithTheWindow() async throws {
        let (draft, _) = try await draft("how many days do I have to return an item?", preferred: ["returns-refunds"])
        let result = try #require(draft)
        #expect(result.sentences.contains { $0.text.contains("30 days") })
        #expect(result.leadIn == "According to our Returns and Refunds policy:")
    }

    @Test func aHowLongQuestionIsAnsweredWithADurationWhenSentencesTieOnWords() async throws {
        let exclusions = Fixtures.passage("returns#exclusions", document: "returns", title: "Returns",
            "Some items cannot be returned, such as returned items marked final sale.")
        let window = Fixtures.passage("returns#window", document: "returns", title: "Returns",
            "Items can be returned within 30 days of delivery.")
        let retrieval = RetrievalResult(
            passages: [
                ScoredPassage(passage: exclusions, score: 2, coverage: 1),
                ScoredPassage(passage: window, score: 1, coverage: 0.5),
            ],
            queryTerms: [WeightedTerm(term: "return", weight: 1, known: true), WeightedTerm(term: "item", weight: 1, known: true)],
            component: "test")
        for (question, expected) in [
            ("How long do I have to return an item?", "30 days"), ("Which items can I not return?", "final sale"),
        ] {
            let draft = ExtractiveDrafter().draft(DraftRequest(question: question, retrieval: retrieval, intent: nil))
            #expect(draft?.sentences.first?.text.contains(expected) == true, "\(question)")
        }
    }

    @Test func returnsNilWhenPassagesDoNotCoverTheQuestion() async throws {
        let passage = Fixtures.passage("returns#window", document: "returns", title: "Returns",
            "Items can be returned within 30 days of delivery.")
        let retrieval = RetrievalResult(
            passages: [ScoredPassage(passage: passage, score: 1, coverage: 0.1)],
            queryTerms: [
                WeightedTerm(term: "bitcoin", weight: 3, known: false),
                WeightedTerm(term: "wallet", weight: 3, known: false),
                WeightedTerm(term: "item", weight: 0.5, known: true),
            ],
            component: "test")
        let draft = ExtractiveDrafter().draft(
            DraftRequest(question: "can I pay for an item from my bitcoin wallet", retrieval: retrieval, intent: nil))
        #expect(draft == nil)
    }

    @Test func returnsNilWithoutPassages() async throws {
        let retrieval = RetrievalResult(
            passages: [], queryTerms: [WeightedTerm(term: "refund", weight: 2, known: true)], component: "test")
        #expect(ExtractiveDrafter().draft(DraftRequest(question: "refund", retrieval: retrieval, intent: nil)) == nil)
    }
}
