import Foundation

/// Finds IBANs: two letters, two check digits, up to 30 letters or digits, written compact or
/// in space-separated groups of four, that pass the mod-97 check.
enum IBANFinder {
    private static let pattern = GuardRegex(
        #"(?<![a-z0-9])[a-z]{2}[0-9]{2}(?: ?[a-z0-9]{4}){2,7}(?: ?[a-z0-9]{1,4})?(?![a-z0-9])"#,
        caseInsensitive: true
    )

    static func find(in text: String) -> [PIIFinding] {
        let nsText = text as NSString
        return pattern.matches(in: text).compactMap { match in
            validPrefix(of: nsText.substring(with: match.range)).map {
                PIIFinding(range: NSRange(location: match.range.location, length: $0.length), key: $0.compact)
            }
        }
    }

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
