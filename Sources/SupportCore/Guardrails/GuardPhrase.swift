import Foundation

/// One pattern of a rule, over normalised text (see `GuardTextNormalizer`), with the trigger
/// words of which at least one occurs in every match. The regex runs only when a trigger is in
/// the message, and only over the stretch from `reach` before the first trigger to `reach`
/// after the last, which keeps a 2 KB message well under a millisecond.
///
/// Patterns are lowercase; a literal space matches any one whitespace character, so a phrase
/// split across lines still matches (so no spaces inside character classes). Words split on
/// anything but ASCII letters and digits: "you're" gives "you" and "re". A test checks that
/// triggers never hide a match.
struct GuardPhrase: Sendable {
    let triggers: [Substring]
    let regex: CompiledRegex
    /// How far a match may extend on either side of its trigger word.
    static let reach = 256

    init(_ triggers: [String], _ pattern: String) {
        self.triggers = triggers.map { Substring($0) }
        regex = CompiledRegex(pattern.replacingOccurrences(of: " ", with: #"\s"#))
    }

    func matches(_ text: GuardText) -> Bool {
        guard let span = text.span(of: triggers) else { return false }
        let start = max(0, span.lowerBound - Self.reach)
        let end = min(text.normalizedLength, span.upperBound + Self.reach)
        let options: NSRegularExpression.MatchingOptions = [.withTransparentBounds, .withoutAnchoringBounds]
        return regex.regex.firstMatch(in: text.normalized, options: options, range: NSRange(location: start, length: end - start)) != nil
    }
}
