import Foundation

/// Finds e-mail addresses.
enum EmailFinder {
    private static let pattern = GuardRegex(
        #"(?<![a-z0-9._%+-])[a-z0-9._%+-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,24}(?![a-z0-9-])"#,
        caseInsensitive: true
    )

    static func find(in text: String) -> [PIIFinding] {
        let nsText = text as NSString
        return pattern.matches(in: text).map {
            PIIFinding(range: $0.range, key: nsText.substring(with: $0.range).lowercased())
        }
    }
}
