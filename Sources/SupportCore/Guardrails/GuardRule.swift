import Foundation

/// A named pattern over normalised text (see `GuardTextNormalizer`). Patterns are written in
/// lowercase; a literal space in a pattern matches any one whitespace character, so a phrase
/// split across lines still matches. Do not put spaces inside character classes.
///
/// `triggers` are words of which at least one occurs in every possible match (a trailing "*"
/// makes a prefix); the regex runs only when one of them is in the message, which keeps a 2 KB
/// message well under a millisecond. Words split on anything but ASCII letters and digits, so
/// "you're" gives "you" and "re". A test checks the triggers never hide a match.
struct GuardRule: Sendable {
    let name: String
    let triggers: [Substring]
    let regex: GuardRegex

    init(_ name: String, triggers: [String], _ pattern: String) {
        self.name = name
        self.triggers = triggers.map { Substring($0) }
        regex = GuardRegex(pattern.replacingOccurrences(of: " ", with: #"\s"#))
    }

    func matches(_ text: GuardText) -> Bool {
        text.hasAny(of: triggers) && regex.isMatch(text.normalized)
    }
}
