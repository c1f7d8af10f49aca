import Foundation

/// One span of personal data found in a text: where it is (UTF-16 range) and a normalised key,
/// so the same value written twice gets the same placeholder.
struct PIIFinding: Sendable, Hashable {
    var range: NSRange
    var key: String
}
