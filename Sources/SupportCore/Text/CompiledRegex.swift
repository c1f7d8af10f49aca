import Foundation

/// A regular expression compiled once and shared across threads. `NSRegularExpression` is
/// immutable after creation and documented as thread-safe; unlike `Regex` it supports lookbehind
/// and is `Sendable` on Linux.
struct CompiledRegex: Sendable {
    let regex: NSRegularExpression

    /// Compiles `pattern`; a bad pattern is a programming error, caught by the first test run.
    init(_ pattern: String, caseInsensitive: Bool = false) {
        do {
            regex = try NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
        } catch {
            preconditionFailure("invalid pattern \(pattern): \(error)")
        }
    }

    func matches(in text: String) -> [NSTextCheckingResult] {
        regex.matches(in: text, range: NSRange(location: 0, length: text.utf16.count))
    }

    func firstMatch(in text: String) -> NSRange? {
        regex.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count))?.range
    }

    func isMatch(_ text: String) -> Bool {
        firstMatch(in: text) != nil
    }

    func matches(in text: String, range: NSRange) -> [NSTextCheckingResult] {
        regex.matches(in: text, options: [.withTransparentBounds], range: range)
    }

    /// The text with every match replaced by `template` (`$1` refers to a group).
    func replacingMatches(in text: String, with template: String) -> String {
        regex.stringByReplacingMatches(
            in: text, range: NSRange(location: 0, length: text.utf16.count), withTemplate: template)
    }

    /// The text of a match; slicing the String is much faster on Linux than `NSString.substring`.
    static func text(_ text: String, _ range: NSRange) -> Substring {
        Range(range, in: text).map { text[$0] } ?? ""
    }
}
