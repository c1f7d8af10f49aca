import Testing
@testable import SupportEvals

struct FactMatcherTests {
    @Test(arguments: [
        ("You have thirty days to return it.", "30 days"),
        ("Returns are accepted within a 30-day window.", "30 days"),
        ("Orders over $1,000 need a signature.", "1000 USD"),
        ("Orders over 1,000 dollars need a signature.", "$1,000"),
        ("Standard shipping costs $7.95.", "$7.95"),
        ("A fee of $5.00 applies.", "5 dollars"),
        ("The link is valid for sixty minutes.", "60 minutes"),
        ("Gold members earn one hundred and twenty points.", "120 points"),
        ("Klarna splits the total into 4 payments.", "klarna"),
        ("Two-step verification protects the account.", "two-step verification"),
        ("It costs USD 50 to ship.", "$50"),
    ])
    func findsTheFactInAnySpelling(text: String, fact: String) {
        #expect(FactMatcher.contains(text, fact: fact))
    }

    @Test(arguments: [
        ("You have 30 days to return it.", "3 days"),
        ("You have 300 days to return it.", "30 days"),
        ("Standard shipping costs $7.95.", "$7"),
        ("Refunds take 5 to 10 business days.", "15 days"),
        ("The warranty lasts two years.", "2 months"),
        ("A parcel is late after 7 days.", "late parcels"),
    ])
    func doesNotMatchOtherNumbersOrPartsOfWords(text: String, fact: String) {
        #expect(!FactMatcher.contains(text, fact: fact))
    }

    @Test func matchesOnWordBoundariesOnly() {
        #expect(!FactMatcher.contains("Contact our returns desk.", fact: "turn"))
        #expect(FactMatcher.contains("Contact our Returns desk.", fact: "returns desk"))
    }
}
