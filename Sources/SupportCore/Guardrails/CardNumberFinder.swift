import Foundation

/// Finds payment card numbers: 13–19 digits, optionally in groups separated by single spaces
/// or dashes, that pass the Luhn check. A 16-digit order number that fails Luhn is left alone.
enum CardNumberFinder {
    /// Runs of ASCII digit groups joined by single spaces or dashes, not glued to words or amounts.
    private static let runs = CompiledRegex(#"(?<![\w+#@/$£€.,-])[0-9]+(?:[ -][0-9]+)*(?![\w@/%]|[.,:][0-9])"#)

    static func find(in text: String) -> [PIIFinding] {
        let units = Array(text.utf16)
        return runs.matches(in: text).flatMap { match in
            cards(inRun: units[match.range.location..<NSMaxRange(match.range)].map { UInt8(truncatingIfNeeded: $0) }, at: match.range.location)
        }
    }

    /// Within one run (ASCII, so byte offsets are UTF-16 offsets), the longest window of whole
    /// groups from the earliest start that has 13–19 digits and passes Luhn; then keeps looking after it.
    private static func cards(inRun run: [UInt8], at location: Int) -> [PIIFinding] {
        var groups: [Range<Int>] = []
        var index = 0
        while index < run.count {
            guard isDigit(run[index]) else { index += 1; continue }
            let start = index
            while index < run.count, isDigit(run[index]) { index += 1 }
            groups.append(start..<index)
        }
        var found: [PIIFinding] = []
        var first = 0
        while first < groups.count {
            var digits: [UInt8] = []
            var card: (last: Int, digits: [UInt8])?
            for last in first..<groups.count {
                digits += run[groups[last]].map { $0 - 48 }
                if digits.count > 19 { break }
                if digits.count >= 13 && PIIChecksums.luhn(digits) { card = (last, digits) }
            }
            guard let card else { first += 1; continue }
            let start = groups[first].lowerBound, end = groups[card.last].upperBound
            let key = String(decoding: card.digits.map { $0 + 48 }, as: UTF8.self)
            found.append(PIIFinding(range: NSRange(location: location + start, length: end - start), key: key))
            first = card.last + 1
        }
        return found
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (48...57).contains(byte) }
}
