import Foundation

/// Finds phone numbers: international (+country code) and common national formats, 7–15 digits.
/// Digit runs that are more likely order numbers, dates, amounts, times, years, IP addresses
/// or postcodes, and the tail of an IBAN-shaped string, are left alone; a bare or two-group
/// number needs a phone word before it.
enum PhoneNumberFinder {
    /// International, "(area) rest", or digit groups joined by single spaces, dots or dashes,
    /// with an optional extension; not glued to words, amounts ("1,299") or other numbers.
    private static let candidates = GuardRegex(
        #"(?:(?<![\w+])\+\d{1,3}(?:[ .-]?\(0\))?(?:[ .-]?\(?\d{1,5}\)?){1,6}|(?<![\w+#@/$£€.-])(?<!\d,)(?:\(\d{2,5}\)[ .-]?\d{2,7}(?:[ .-]\d{2,7}){0,3}|\d{2,15}(?:[ .-]\d{2,7}){0,4}))(?: ?(?:x|ext\.?) ?\d{1,5})?(?![\w@/%]|[.,:]\d)"#,
        caseInsensitive: true
    )
    private static let northAmerican = GuardRegex(#"^(?:\(\d{3}\) ?|\d{3}[ .-])\d{3}[ .-]\d{4}$"#)
    /// Words before a number that say what it is; the nearest one wins.
    private static let cues = GuardRegex(
        #"\b(phone|telephone|tel|mobile|mob|cell|cellphone|call|calling|ring|text|txt|sms|whatsapp|fax|desk|office|landline|reach|registered|contact|dial|my number)\b|(\b(?:order|orders|invoice|inv|tracking|track|ref|reference|ticket|case|account|acct|customer|client|member|id|po|sku|item|article|product|parcel|package|shipment|consignment|confirmation|booking|reservation|receipt|transaction|txn|serial|model|part|voucher|coupon|promo|code|pin|postcode|zip|postal|qty|quantity|amount|total|price|cost|paid|pay|charged|refund|balance|points|no|nr|number|num)\b|#)"#,
        caseInsensitive: true
    )
    private static let unitAfter = GuardRegex(
        #"^ ?(?:%|€|£|\$|(?:eur|euros?|usd|dollars?|gbp|pounds?|chf|kr|sek|nok|dkk|yen|units?|items?|pcs|pieces|boxes|km|kg|g|lbs?|miles|points|pts|copies|times|people|mb|gb)\b)"#,
        caseInsensitive: true
    )
    private static let currencyBefore = GuardRegex(#"(?:[$£€]|\b(?:usd|eur|gbp|chf|aud|cad))\s?$"#, caseInsensitive: true)
    /// The start of an IBAN-shaped string ("GB83 WEST "): what follows is its tail, not a phone.
    private static let ibanHeadBefore = GuardRegex(#"\b[a-z]{2}\d{2}(?: [a-z0-9]{4})* ?$"#, caseInsensitive: true)
    private static let contextLength = 40

    static func find(in text: String) -> [PIIFinding] {
        let nsText = text as NSString
        return candidates.matches(in: text).compactMap { match in
            let range = match.range
            let beforeStart = max(0, range.location - contextLength)
            let before = nsText.substring(with: NSRange(location: beforeStart, length: range.location - beforeStart))
            let afterLength = min(16, nsText.length - NSMaxRange(range))
            let after = nsText.substring(with: NSRange(location: NSMaxRange(range), length: afterLength))
            guard let key = phoneKey(nsText.substring(with: range), before: before, after: after) else { return nil }
            return PIIFinding(range: range, key: key)
        }
    }

    /// The number's digits (with "+" when international) if the candidate is judged a phone number.
    static func phoneKey(_ candidate: String, before: String, after: String) -> String? {
        let main = String(candidate.prefix { !$0.isLetter }).trimmingCharacters(in: .whitespaces)
        let international = main.hasPrefix("+")
        let digits = (international ? main.replacingOccurrences(of: "(0)", with: "") : main).filter(\.isASCIIDigit)
        guard (7...15).contains(digits.count) else { return nil }
        let key = (international ? "+" : "") + digits
        if international { return key }

        let groups = main.split { !$0.isASCIIDigit }.map(String.init)
        let separators = Set(main.filter { !$0.isASCIIDigit })
        if looksLikeOtherNumber(groups: groups, separators: separators) { return nil }
        if unitAfter.isMatch(after) || currencyBefore.isMatch(before) || ibanHeadBefore.isMatch(before) { return nil }

        let spacedPairs = separators == [" "] && groups.allSatisfy { $0.count <= 2 }
        let strongShape = northAmerican.isMatch(main) || main.hasPrefix("(")
            || (groups.count >= 3 && !spacedPairs)
            || (main.hasPrefix("0") && (groups.count >= 2 || (10...11).contains(digits.count)))
        switch nearestCue(in: before) {
        case .order(let distance): return strongShape && distance > 12 ? key : nil
        case .phone: return key
        case nil: return strongShape ? key : nil
        }
    }

    /// Dates, years, IP addresses, ZIP+4 codes and dotted thousands.
    private static func looksLikeOtherNumber(groups: [String], separators: Set<Character>) -> Bool {
        let lengths = groups.map(\.count)
        func isYear(_ group: String) -> Bool { group.count == 4 && (group.hasPrefix("19") || group.hasPrefix("20")) }
        if groups.count == 3 {
            if isYear(groups[0]) && lengths[1] <= 2 && lengths[2] <= 2 { return true }
            if lengths[0] <= 2 && lengths[1] <= 2 && isYear(groups[2]) { return true }
        }
        if groups.count >= 2 && groups.allSatisfy(isYear) { return true }
        if groups.count == 4 && separators == ["."] && lengths.allSatisfy({ $0 <= 3 }) { return true }
        if lengths == [5, 4] && separators == ["-"] { return true }
        if separators == ["."] && lengths[0] <= 3 && lengths.dropFirst().allSatisfy({ $0 == 3 }) { return true }
        return false
    }

    private enum Cue { case phone, order(distance: Int) }

    private static func nearestCue(in before: String) -> Cue? {
        guard let last = cues.matches(in: before).last else { return nil }
        if last.range(at: 1).location != NSNotFound { return .phone }
        return .order(distance: (before as NSString).length - NSMaxRange(last.range))
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
