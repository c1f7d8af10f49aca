import Foundation

/// A named pattern over normalised text (see `GuardTextNormalizer`). Patterns are written in
/// lowercase; a literal space in a pattern matches any one whitespace character, so a phrase
/// split across lines still matches. Do not put spaces inside character classes.
struct GuardRule: Sendable {
    let name: String
    let regex: GuardRegex

    init(_ name: String, _ pattern: String) {
        self.name = name
        regex = GuardRegex(pattern.replacingOccurrences(of: " ", with: #"\s"#))
    }

    func matches(_ normalized: String) -> Bool {
        regex.isMatch(normalized)
    }
}
