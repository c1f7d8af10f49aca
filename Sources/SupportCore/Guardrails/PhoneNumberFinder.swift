import Foundation

/// Finds phone numbers: international (+country code) and common national formats, 7–15 digits.
/// Digit runs that are more likely order numbers, dates, amounts, times, years, IP addresses
/// or postcodes, and the tail of an IBAN-shaped string, are left alone; a bare or two-group
/// number needs a phone word before it.
enum PhoneNumberFinder {
    /// International, "(area) rest", or ASCII digit groups joined by single spaces, dots or
    /// dashes, with an optional extension; not glued to words, amounts ("1,299") or other numbers.
    private static let candidates = CompiledRegex(
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
    private static let ibanHeadBefore = CompiledRegex(#"\b[a-z]{2}[0-9]{2}(?: [a-z0-9]{4})* ?$"#, caseInsensitive: true)
    /// Words right after a number that make it an amount or a quantity.
    private static let units: Set<String> = [
        "eur", "euro", "euros", "usd", "dollar", "dollars", "gbp", "pound", "pounds", "chf", "kr", "sek", "nok", "dkk",
        "yen", "unit", "units", "item", "items", "pcs", "pieces", "boxes", "km", "kg", "g", "lb", "lbs", "miles", "points",
        "pts", "copies", "times", "people", "mb", "gb",
    ]
    private static let currencies: Set<String> = ["usd", "eur", "gbp", "chf", "aud", "cad"]
    private static let contextLength = 40

    static func find(in text: String) -> [PIIFinding] {
        let units = Array(text.utf16)
        return candidates.matches(in: text).compactMap { match in
            let candidate = units[match.range.location..<NSMaxRange(match.range)].map { UInt8(truncatingIfNeeded: $0) }
            return phoneKey(candidate, context: Context(units: units, range: match.range)).map {
                PIIFinding(range: match.range, key: $0)
            }
        }
    }

    /// The UTF-16 text around a candidate.
    struct Context {
        let units: [UInt16]
        let range: NSRange

        var before: ArraySlice<UInt16> {
            units[max(0, range.location - PhoneNumberFinder.contextLength)..<range.location]
        }

        var after: ArraySlice<UInt16> {
            units[NSMaxRange(range)..<min(units.count, NSMaxRange(range) + 16)]
        }
    }

    /// The number's digits (with "+" when international) if the ASCII candidate is judged a phone number.
    static func phoneKey(_ candidate: [UInt8], context: Context) -> String? {
        let number = PhoneNumberShape(candidate)
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
        return accepted && !ibanHeadBefore.isMatch(String(decoding: before, as: UTF16.self)) ? key : nil
    }

    /// A currency sign or code just before, or a unit or currency just after ("12 500 000 points").
    private static func isAmountOrQuantity(before: ArraySlice<UInt16>, after: ArraySlice<UInt16>) -> Bool {
        let currencySigns: Set<UInt16> = [0x24, 0xA3, 0x20AC]  // $ £ €
        let trimmedBefore = before.reversed().drop { $0 == 0x20 }
        if let last = trimmedBefore.first, currencySigns.contains(last) { return true }
        if currencies.contains(asciiWord(trimmedBefore.prefix(while: isLetter).reversed())) { return true }
        let trimmedAfter = after.drop { $0 == 0x20 }
        if let first = trimmedAfter.first, currencySigns.contains(first) || first == 0x25 { return true }  // %
        let firstWord = asciiWord(trimmedAfter.prefix(while: isLetter))
        return !firstWord.isEmpty && units.contains(firstWord)
    }

    private enum Cue { case phone, order(distance: Int) }

    /// The nearest cue word (or "#") before the number, and how far it ends from the number.
    private static func nearestCue(in before: ArraySlice<UInt16>) -> Cue? {
        let units = Array(before)
        var end = units.count
        while end > 0 {
            let unit = units[end - 1]
            if unit == 0x23 { return .order(distance: units.count - end) }  // #
            guard isLetter(unit) else { end -= 1; continue }
            var start = end
            while start > 0, isLetter(units[start - 1]) { start -= 1 }
            let word = asciiWord(units[start..<end])
            if phoneCues.contains(word) || (word == "number" && precedingWord(in: units, before: start) == "my") {
                return .phone
            }
            if otherNumberCues.contains(word) { return .order(distance: units.count - end) }
            end = start
        }
        return nil
    }

    private static func precedingWord(in units: [UInt16], before index: Int) -> String {
        var end = index
        while end > 0, units[end - 1] == 0x20 { end -= 1 }
        var start = end
        while start > 0, isLetter(units[start - 1]) { start -= 1 }
        return asciiWord(units[start..<end])
    }

    /// ASCII letters, lowercased.
    private static func asciiWord(_ letters: some Collection<UInt16>) -> String {
        String(decoding: letters.map { UInt8(truncatingIfNeeded: $0) | 0x20 }, as: UTF8.self)
    }

    private static func isLetter(_ unit: UInt16) -> Bool {
        (65...90).contains(unit) || (97...122).contains(unit)
    }
}
