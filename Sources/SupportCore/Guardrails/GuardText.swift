import Foundation

/// A message prepared once for every rule: the raw text, its normalised form, and where in the
/// normalised form (UTF-16 offsets) each rule trigger word occurs, so a rule can skip its regex
/// or search only around its triggers.
struct GuardText: Sendable {
    let raw: String
    let normalized: String
    let normalizedLength: Int
    private let triggerOffsets: [Substring: [Int]]

    /// Every trigger word of every rule.
    static let vocabulary: Set<Substring> = Set(
        (InjectionRules.all + AbuseLexicon.rules + [InjectionRules.decodeRequest]).flatMap(\.triggers)
    )

    init(_ raw: String) {
        self.raw = raw
        normalized = GuardTextNormalizer.normalize(raw)
        normalizedLength = normalized.utf16.count
        var offsets: [Substring: [Int]] = [:]
        for (word, offset) in GuardTextNormalizer.words(normalized) where Self.vocabulary.contains(word) {
            offsets[word, default: []].append(offset)
        }
        triggerOffsets = offsets
    }

    /// From the first start to the last end (UTF-16 offsets in `normalized`) of any of the
    /// triggers, or nil when none occurs.
    func span(of triggers: [Substring]) -> Range<Int>? {
        var first = Int.max, last = Int.min
        for trigger in triggers {
            guard let offsets = triggerOffsets[trigger], let lowest = offsets.first, let highest = offsets.last else { continue }
            first = min(first, lowest)
            last = max(last, highest + trigger.utf16.count)
        }
        return first <= last ? first..<last : nil
    }
}
