import Foundation

/// Replaces personal data in a customer's message with numbered placeholders
/// (`[EMAIL_1]`, `[PHONE_1]`, `[CARD_1]`, `[IBAN_1]`).
public struct PIIRedactor: Sendable {
    /// A redactor for e-mail addresses, IBANs, payment cards and phone numbers.
    public init() {}

    /// The text with e-mail addresses, IBANs, payment cards and phone numbers replaced, in that
    /// order (so a card's digits are never half-read as a phone), and one redaction per distinct value.
    public func redact(_ text: String) -> (text: String, redactions: [Redaction]) {
        let result = redactWithOriginals(text)
        return (result.text, result.redactions)
    }

    /// The same, with what each placeholder replaced. The originals live only in memory for the
    /// turn, so the reply to this customer can show their own details back to them.
    public func redactWithOriginals(_ text: String) -> (text: String, redactions: [Redaction], originals: [String: String]) {
        var current = text
        var redactions: [Redaction] = []
        var originals: [String: String] = [:]
        for kind in [PIIKind.email, .iban, .paymentCard, .phone] {
            let findings = Self.find(kind, in: current)
            guard !findings.isEmpty else { continue }
            var book = PlaceholderBook(kind: kind)
            current = Self.replace(findings, in: current, book: &book)
            redactions += book.redactions
            originals.merge(book.originals) { first, _ in first }
        }
        return (current, redactions, originals)
    }

    private static func find(_ kind: PIIKind, in text: String) -> [PIIFinding] {
        // Cheap skips: most messages have no "@", many no digits.
        if kind == .email ? !text.utf8.contains(UInt8(ascii: "@")) : !text.utf8.contains(where: { (48...57).contains($0) }) {
            return []
        }
        return switch kind {
        case .email: EmailFinder.find(in: text)
        case .iban: IBANFinder.find(in: text)
        case .paymentCard: CardNumberFinder.find(in: text)
        case .phone: PhoneNumberFinder.find(in: text)
        }
    }

    /// Rebuilds the text with each finding (sorted, non-overlapping) swapped for its placeholder.
    private static func replace(_ findings: [PIIFinding], in text: String, book: inout PlaceholderBook) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var cursor = text.startIndex
        for finding in findings.sorted(by: { $0.range.location < $1.range.location }) {
            guard let range = Range(finding.range, in: text), range.lowerBound >= cursor else { continue }
            result += text[cursor..<range.lowerBound]
            result += book.placeholder(for: finding.key, original: String(text[range]))
            cursor = range.upperBound
        }
        result += text[cursor...]
        return result
    }
}
