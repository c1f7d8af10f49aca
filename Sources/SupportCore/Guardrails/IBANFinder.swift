import Foundation

/// Finds IBANs: two letters, two check digits, up to 30 letters or digits, written compact or
/// in space-separated groups of four, that pass the mod-97 check.
enum IBANFinder {
    private static let pattern = CompiledRegex(
        #"(?<![a-z0-9])[a-z]{2}[0-9]{2}(?: ?[a-z0-9]{4}){2,7}(?: ?[a-z0-9]{1,4})?(?![a-z0-9])"#,
        caseInsensitive: true
    )

    static func find(in text: String) -> [PIIFinding] {
        guard hasIBANHead(text) else { return [] }
        return pattern.matches(in: text).compactMap { match in
            validPrefix(of: String(CompiledRegex.text(text, match.range))).map {
                PIIFinding(range: NSRange(location: match.range.location, length: $0.length), key: $0.compact)
            }
        }
    }

    /// Whether some word starts with two letters and two digits; most messages have none.
    private static func hasIBANHead(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.indices.dropFirst(3).contains { index in
            isLetter(bytes[index - 3]) && isLetter(bytes[index - 2]) && isDigit(bytes[index - 1]) && isDigit(bytes[index])
                && (index == 3 || !(isLetter(bytes[index - 4]) || isDigit(bytes[index - 4])))
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (48...57).contains(byte) }
    private static func isLetter(_ byte: UInt8) -> Bool { (65...90).contains(byte) || (97...122).contains(byte) }

    /// The longest run of whole groups from the start that is a valid IBAN: a trailing group
    /// may be a following word ("… 0130 00 and"), so shorter prefixes are tried too.
    private static func validPrefix(of candidate: String) -> (length: Int, compact: String)? {
        var groups = candidate.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        while !groups.isEmpty {
            let compact = groups.joined().uppercased()
            if PIIChecksums.ibanMod97(compact) {
                return (groups.joined(separator: " ").utf16.count, compact)
            }
            if compact.count < 15 { return nil }
            groups.removeLast()
        }
        return nil
    }
}
