import Testing
@testable import SupportCore

struct TextNormalizerTests {
    @Test func inflectionsOfAVerbShareOneTerm() {
        let terms = ["returns", "returned", "returning", "return"].map(Stemmer.stem)
        #expect(Set(terms).count == 1)
        #expect(Set(TextNormalizer.terms("Returns RETURNED returning")).count == 1)
    }

    @Test func doubledConsonantsAreUndoneAfterSuffixStripping() {
        #expect(Stemmer.stem("shipping") == Stemmer.stem("ship"))
        #expect(Stemmer.stem("cancelled") == Stemmer.stem("cancel"))
        #expect(Stemmer.stem("policies") == Stemmer.stem("policy"))
    }

    @Test func pricesKeepTheirValueWithoutThousandsSeparators() {
        #expect(TextNormalizer.words("$1,299.00") == ["1299.00"])
        #expect(NumberExtractor.numbers(in: "$1,299.00") == ["1299"])
        #expect(TextNormalizer.words("costs $7.95.") == ["costs", "7.95"])
    }

    @Test func stopWordsAreDroppedFromTerms() {
        #expect(TextNormalizer.terms("How do I return my order?") == ["return", "order"])
        #expect(TextNormalizer.terms("the and of to") == [])
    }

    @Test func negationsAreKeptBecauseTheyChangeTheMeaning() {
        #expect(TextNormalizer.terms("not delivered").contains("not"))
    }

    @Test func caseDiacriticsAndApostrophesAreFolded() {
        #expect(TextNormalizer.words("Café DON'T customer’s") == ["cafe", "dont", "customers"])
    }
}
