import Testing
@testable import SupportCore

struct EvidenceVerifierTests {
    static let passage = Fixtures.passage("returns#window", document: "returns", title: "Returns",
        section: ["Return window"],
        "Items can be returned within 30 days of delivery. A prepaid return label costs $7.95.")

    private func verdict(_ sentence: String, cites id: ChunkID = passage.id) -> SentenceVerdict {
        let draft = Draft(leadIn: nil, sentences: [DraftSentence(text: sentence, passage: id)], support: 1)
        return EvidenceVerifier().verify(draft, against: [Self.passage]).verdicts[0]
    }

    @Test func verbatimSentencePasses() {
        #expect(verdict("Items can be returned within 30 days of delivery.").failure == nil)
        #expect(verdict("A prepaid return label costs $7.95.").supported)
    }

    @Test func numberNotInThePassageFails() {
        let result = verdict("Items can be returned within 45 days of delivery.")
        #expect(result.failure == .missingNumber)
        #expect(result.detail == "45")
        #expect(verdict("A prepaid return label costs $9.95.").failure == .missingNumber)
    }

    @Test func reformattedNumbersStillPass() {
        #expect(verdict("Items have a 30-day return window after delivery.").failure != .missingNumber)
        #expect(verdict("A prepaid return label costs 7.950 dollars.").failure != .missingNumber)
    }

    @Test func contentWordsNotInThePassageFail() {
        let result = verdict("Items can be returned within 30 days of purchase at any store.")
        #expect(result.failure == .missingContentWords)
        #expect(result.detail.contains(Stemmer.stem("store")))
        #expect(!result.detail.contains("item"))
    }

    @Test func citingAPassageThatWasNotRetrievedFails() {
        #expect(verdict("Items can be returned within 30 days of delivery.", cites: "other#chunk").failure
            == .citedPassageMissing)
    }

    @Test func reportIsSupportedOnlyWhenEverySentenceIs() {
        let draft = Draft(leadIn: nil, sentences: [
            DraftSentence(text: "Items can be returned within 30 days of delivery.", passage: Self.passage.id),
            DraftSentence(text: "Items can be returned within 90 days of delivery.", passage: Self.passage.id),
        ], support: 1)
        let report = EvidenceVerifier().verify(draft, against: [Self.passage])
        #expect(report.verdicts.map(\.supported) == [true, false])
        #expect(!report.allSupported)
    }
}
