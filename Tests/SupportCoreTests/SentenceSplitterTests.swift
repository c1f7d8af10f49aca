import Testing
@testable import SupportCore

struct SentenceSplitterTests {
    @Test func splitsAtSentenceEnds() {
        #expect(SentenceSplitter.sentences("Returns are free. Refunds take 5 days! Need help? Ask us.")
            == ["Returns are free.", "Refunds take 5 days!", "Need help?", "Ask us."])
    }

    @Test func doesNotSplitInsideAPrice() {
        #expect(SentenceSplitter.sentences("A label costs $7.95. It is deducted from the refund.")
            == ["A label costs $7.95.", "It is deducted from the refund."])
    }

    @Test func doesNotSplitAfterAbbreviations() {
        #expect(SentenceSplitter.sentences("Use a tracked carrier, e.g. UPS or DHL. Keep the receipt.")
            == ["Use a tracked carrier, e.g. UPS or DHL.", "Keep the receipt."])
    }

    @Test func bulletsAndNumberedItemsBecomeSentences() {
        let text = "These items are final:\n- Gift cards\n* Opened earbuds\n1. Sign in\n2. Open Orders"
        #expect(SentenceSplitter.sentences(text)
            == ["These items are final:", "Gift cards", "Opened earbuds", "Sign in", "Open Orders"])
    }

    @Test func headingsAndBlankLinesAreNotSentences() {
        #expect(SentenceSplitter.sentences("## Return window\n\nReturn within 30 days.") == ["Return within 30 days."])
    }
}
