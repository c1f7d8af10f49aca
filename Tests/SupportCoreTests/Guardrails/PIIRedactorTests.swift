import Testing
@testable import SupportCore

@Suite("Guardrails: PII redaction")
struct GuardrailsPIIRedactorTests {
    let redactor = PIIRedactor()

    func redacted(_ text: String) -> String { redactor.redact(text).text }

    @Test func redactsEmailAddresses() {
        let result = redactor.redact("Reach me at Jane.Doe+orders@example.co.uk or jdoe@mail.example.com.")
        #expect(result.text == "Reach me at [EMAIL_1] or [EMAIL_2].")
        #expect(result.redactions == [Redaction(kind: .email, placeholder: "[EMAIL_1]"), Redaction(kind: .email, placeholder: "[EMAIL_2]")])
    }

    @Test func sameValueGetsSamePlaceholder() {
        let result = redactor.redact("Email jane@example.com, I repeat JANE@example.com, or bob@example.com")
        #expect(result.text == "Email [EMAIL_1], I repeat [EMAIL_1], or [EMAIL_2]")
        #expect(result.redactions.count == 2)
    }

    @Test func numbersPlaceholdersPerKind() {
        let result = redactor.redact("Card 4111 1111 1111 1111, call 555-010-1234, mail a@b.io, card 5555555555554444")
        #expect(result.text == "Card [CARD_1], call [PHONE_1], mail [EMAIL_1], card [CARD_2]")
        #expect(result.redactions.map(\.placeholder) == ["[EMAIL_1]", "[CARD_1]", "[CARD_2]", "[PHONE_1]"])
    }

    @Test(arguments: [
        "4111 1111 1111 1111", "4111-1111-1111-1111", "4111111111111111", "3782 822463 10005", "5555555555554444",
        "4222222222222",
    ])
    func redactsLuhnValidCards(number: String) {
        #expect(redacted("My card is \(number), please refund it.") == "My card is [CARD_1], please refund it.")
    }

    @Test func keepsLuhnInvalidNumbers() {
        #expect(redacted("Order number 4111 1111 1111 1112 has not arrived") == "Order number 4111 1111 1111 1112 has not arrived")
        #expect(redacted("Tracking 1234567812345678 is stuck") == "Tracking 1234567812345678 is stuck")
    }

    @Test func findsCardInsideLongerDigitRun() {
        #expect(redacted("qty 3 4111 1111 1111 1111 thanks") == "qty 3 [CARD_1] thanks")
    }

    @Test(arguments: ["GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432", "de89370400440532013000", "DE89 3704 0044 0532 0130 00"])
    func redactsValidIBANs(iban: String) {
        let result = redactor.redact("Please refund to \(iban) and thanks")
        #expect(result.text == "Please refund to [IBAN_1] and thanks")
        #expect(result.redactions == [Redaction(kind: .iban, placeholder: "[IBAN_1]")])
    }

    @Test func keepsIBANsWithWrongCheckDigits() {
        #expect(redacted("IBAN GB83 WEST 1234 5698 7654 32") == "IBAN GB83 WEST 1234 5698 7654 32")
        #expect(redacted("IBAN GB82WEST12345698765433") == "IBAN GB82WEST12345698765433")
    }

    @Test func ibanDigitsAreNotReadAsCardOrPhone() {
        let result = redactor.redact("IBAN DE89 3704 0044 0532 0130 00")
        #expect(result.text == "IBAN [IBAN_1]")
        #expect(result.redactions.map(\.kind) == [.iban])
    }

    @Test(arguments: [
        "(555) 010-1234", "555-010-1234", "555.010.1234", "+44 20 7946 0958", "07700 900123", "+1 (555) 010-1234",
        "+41 (0)38 549 02 90", "+447700900123", "020 7946 0958", "555-010-1234 ext. 12",
    ])
    func redactsPhoneFormats(phone: String) {
        #expect(redacted("You can call me on \(phone) tomorrow") == "You can call me on [PHONE_1] tomorrow")
    }

    @Test func redactsBarePhoneWhenAPhoneWordPrecedesIt() {
        #expect(redacted("my mobile is 5550101234") == "my mobile is [PHONE_1]")
        #expect(redacted("Phone: 358 0594") == "Phone: [PHONE_1]")
    }

    @Test(arguments: [
        "Where is order 4821937?", "Order #FH-20931 is late", "It shipped on 2026-03-14 at 10:30", "Delivered 14/03/2026",
        "I paid $1,299.00 for it", "I paid €1.299,00", "I ordered 12 boxes in 2025", "Between 2019 2020 and now",
        "ZIP 90210-1234", "My postcode is SW1A 1AA", "Tracking number 1234567890 is stuck", "order 4821937 12 items",
        "Invoice INV-2026-004821 attached", "server 192.168.100.200 is down", "I have 1 250 000 points",
        "It weighs 12.500.000 grams", "Delivered 14.03.2026 at 10.30", "Your account 48219370 was charged",
        "Address 3536 1659 Hoog St",
    ])
    func keepsNumbersThatAreNotPhones(text: String) {
        #expect(redacted(text) == text)
    }

    @Test func phoneWordAfterOrderNumberStillRedactsThePhone() {
        #expect(redacted("order 4821937, call me on 555 0101 234") == "order 4821937, call me on [PHONE_1]")
    }

    @Test func leavesTextWithoutPersonalDataUnchanged() {
        let text = "Hi, my parcel was due Tuesday and hasn't arrived. Can you check?"
        let result = redactor.redact(text)
        #expect(result.text == text)
        #expect(result.redactions.isEmpty)
    }
}
