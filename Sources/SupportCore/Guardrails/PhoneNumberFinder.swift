import Foundation

/// Finds phone numbers: international (+country code) and common national formats, 7–15 digits.
/// Digit runs that are more likely order numbers, dates, amounts, times, years, IP addresses
/// or postcodes, and the tail of an IBAN-shaped string, are left alone; a bare or two-group
/// number needs a phone word before it.
enum PhoneNumberFinder {
    /// International, "(area) rest", or ASCII digit groups joined by single spaces, dots or
    /// dashes, with an optional extension; not glued to words, amounts ("1,299") or other numbers.
    private static let candidates = GuardRegex(
        #"(?:(?<![\w+])\+[0-9]{1,3}(?:[ .-]?\(0\))?(?:[ .-]?\(?[0-9]{1,5}\)?){1,6}|(?<![\w+#@/$£€.-])(?<![0-9],)(?:\([0-9]{2,5}\)[ .-]?[0-9]{2,7}(?:[ .-][0-9]{2,7}){0,3}|[0-9]{2,15}(?:[ .-][0-9]{2,7}){0,4}))(?: ?(?:x|ext\.?) ?[0-9]{1,5})?(?![\w@/%]|[.,:][0-9])"#,
        caseInsensitive: true
    )
    /// Words before a number that say what it is; the nearest one wins ("my number" is a phone cue).
    private static let phoneCues: Set<String> = [
        "phone", "telephone", "tel", "mobile", "mob", "cell", "cellphone", "call", "calling", "ring", "text", "txt",
        "sms", "whatsapp", "fax", "desk", "office", "landline", "reach", "registered", "contact", "dial",
    ]
    private static let otherNumberCues: Set<String> = [
        "order", "orders", "invoice", "inv", "tracking", "track", "ref", "reference", "ticket", "case", "account", "acct",
        "customer", "client", "member", "id", "po", "sku", "item", "article", "product", "parcel", "package", "shipment",
        "consignment", "confirmation", "booking", "reservation", "receipt", "transaction", "txn", "serial", "model",
        "part", "voucher", "coupon", "promo", "code", "pin", "postcode", "zip", "postal", "qty", "quantity", "amount",
        "total", "price", "cost", "paid", "pay", "charged", "refund", "balance", "points", "no", "nr", "number", "num",
    ]
    /// The start of an IBAN-shaped string ("GB83 WEST "): what follows is its tail, not a phone.
    private static let ibanHeadBefore = GuardRegex(#"\b[a-z]{2}[0-9]{2}(?: [a-z0-9]{4})* ?$"#, caseInsensitive: true)
    /// Words right after a number that make it an amount or a quantity.
    private static let units: Set<String> = [
        "eur", "euro", "euros", "usd", "dollar", "dollars", "gbp", "pound", "pounds", "chf", "kr", "sek", "nok", "dkk",
        "yen", "unit", "units", "item", "items", "pcs", "pieces", "boxes", "km", "kg", "g", "lb", "lbs", "miles", "points",
        "pts", "copies", "times", "people", "mb", "gb",
    ]
    private static let currencies: Set<String> = ["usd", "eur", "gbp", "chf", "aud", "cad"]
    private static let contextLength = 40

    static func find(in text: String) -> [PIIFinding] {
        let nsText = text as NSString
        return candidates.matches(in: text).compactMap { match in
            let context = Context(text: nsText, range: match.range)
            return phoneKey(Array(nsText.substring(with: match.range).utf8), context: context).map {
                PIIFinding(range: match.range, key: $0)
            }
        }
    }

    /// The text around a candidate, cut out only when a check needs it.
    struct Context {
        let text: NSString
        let range: NSRange

        var before: String {
            let start = max(0, range.location - PhoneNumberFinder.contextLength)
            return text.substring(with: NSRange(location: start, length: range.location - start))
        }

        var after: String {
            text.substring(with: NSRange(location: NSMaxRange(range), length: min(16, text.length - NSMaxRange(range))))
        }
    }

    /// The number's digits (with "+" when international) if the ASCII candidate is judged a phone number.
    static func phoneKey(_ candidate: [UInt8], context: Context) -> String? {
        let number = NumberShape(candidate)
        guard (7...15).contains(number.digits.count) else { return nil }
        let key = (number.international ? "+" : "") + String(decoding: number.digits, as: UTF8.self)
        if number.international { return key }
        if number.looksLikeOtherNumber { return nil }
        let before = context.before
        if isAmountOrQuantity(before: before, after: context.after) { return nil }
        let accepted = switch nearestCue(in: before) {
        case .order(let distance): number.strongShape && distance > 12
        case .phone: true
        case nil: number.strongShape
        }
        return accepted && !ibanHeadBefore.isMatch(before) ? key : nil
    }

    /// A currency sign or code just before, or a unit or currency just after ("12 500 000 points").
    private static func isAmountOrQuantity(before: String, after: String) -> Bool {
        let reversed = before.unicodeScalars.reversed().drop { $0 == " " }
        if let last = reversed.first, "$£€".unicodeScalars.contains(last) { return true }
        let lastWord = String(String.UnicodeScalarView(reversed.prefix { $0.properties.isAlphabetic }.reversed()))
        if currencies.contains(lastWord.lowercased()) { return true }
        let following = after.unicodeScalars.drop { $0 == " " }
        if let first = following.first, "%€£$".unicodeScalars.contains(first) { return true }
        let firstWord = String(String.UnicodeScalarView(following.prefix { $0.properties.isAlphabetic }))
        return !firstWord.isEmpty && units.contains(firstWord.lowercased())
    }

    private enum Cue { case phone, order(distance: Int) }

    /// The nearest cue word (or "#") before the number, and how far it ends from the number.
    private static func nearestCue(in before: String) -> Cue? {
        let bytes = Array(before.utf8)
        var end = bytes.count
        while end > 0 {
            let byte = bytes[end - 1]
            if byte == UInt8(ascii: "#") { return .order(distance: bytes.count - end) }
            guard isLetter(byte) else { end -= 1; continue }
            var start = end
            while start > 0, isLetter(bytes[start - 1]) { start -= 1 }
            let word = String(decoding: bytes[start..<end], as: UTF8.self).lowercased()
            if phoneCues.contains(word) || (word == "number" && precedingWord(in: bytes, before: start) == "my") {
                return .phone
            }
            // Distance in bytes; the window is short and mostly ASCII, so close enough to characters.
            if otherNumberCues.contains(word) { return .order(distance: bytes.count - end) }
            end = start
        }
        return nil
    }

    private static func precedingWord(in bytes: [UInt8], before index: Int) -> String {
        var end = index
        while end > 0, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        var start = end
        while start > 0, isLetter(bytes[start - 1]) { start -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self).lowercased()
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (65...90).contains(byte) || (97...122).contains(byte)
    }
}
        if last.range(at: 1).location != NSNotFound { return .phone }
        return .order(distance: before.utf16.count - NSMaxRange(last.range))
    }
}
