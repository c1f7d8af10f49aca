import Foundation

/// Finds payment card numbers: 13–19 digits, optionally in groups separated by single spaces
/// or dashes, that pass the Luhn check. A 16-digit order number that fails Luhn is left alone.
enum CardNumberFinder {
    /// Runs of digit groups joined by single spaces or dashes, not glued to words or amounts.
    private static let runs = GuardRegex(#"(?<![\w+#@/$£€.,-])\d+(?:[ -]\d+)*(?![\w@/%]|[.,:]\d)"#)
    private static let groupPattern = GuardRegex(#"\d+"#)

    static func find(in text: String) -> [PIIFinding] {
        runs.matches(in: text).flatMap { cards(inRun: $0.range, of: text) }
    }

    /// Within one run, the longest window of whole groups (from the earliest start) that has
    /// 13–19 digits and passes Luhn; then keeps looking after it.
    private static func cards(inRun run: NSRange, of text: String) -> [PIIFinding] {
        let nsText = text as NSString
        let groups = groupPattern.regex.matches(in: text, range: run).map { match in
            (range: match.range, digits: nsText.substring(with: match.range).utf8.map { $0 - 48 })
        }
        var found: [PIIFinding] = []
        var start = 0
        while start < groups.count {
            // Windows starting here with at most 19 digits, longest last.
            var windows: [(end: Int, digits: [UInt8])] = []
            var digits: [UInt8] = []
            for end in start..<groups.count {
                digits += groups[end].digits
                if digits.count > 19 { break }
                windows.append((end, digits))
            }
            let card = windows.last { (13...19).contains($0.digits.count) && PIIChecksums.luhn($0.digits) }
            if let card {
                let first = groups[start].range, last = groups[card.end].range
                let range = NSRange(location: first.location, length: NSMaxRange(last) - first.location)
                found.append(PIIFinding(range: range, key: card.digits.map(String.init).joined()))
                start = card.end + 1
            } else {
                start += 1
            }
        }
        return found
    }
}
