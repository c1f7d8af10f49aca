import Testing
@testable import SupportCore

struct NumberExtractorTests {
    @Test func formattedAndPlainPricesMatch() {
        #expect(NumberExtractor.numbers(in: "It costs $1,299.00") == NumberExtractor.numbers(in: "It costs 1299"))
        #expect(NumberExtractor.numbers(in: "$7.50") == NumberExtractor.numbers(in: "7.5"))
    }

    @Test func hyphenatedPhrasesCarryTheirNumber() {
        #expect(NumberExtractor.numbers(in: "our 30-day return window").contains("30"))
        #expect(NumberExtractor.numbers(in: "the 2nd item") == ["2"])
    }

    @Test func differentNumbersDoNotMatch() {
        #expect(NumberExtractor.numbers(in: "within 45 days") != NumberExtractor.numbers(in: "within 30 days"))
        #expect(NumberExtractor.numbers(in: "$7.95") != NumberExtractor.numbers(in: "$795"))
    }

    @Test func textWithoutNumbersHasNone() {
        #expect(NumberExtractor.numbers(in: "Returns are free for members.").isEmpty)
    }
}
