/// A message prepared once for every rule: the raw text, its normalised form, and the sorted
/// distinct words of the normalised form, which let a rule skip its regex when none of its
/// trigger words occurs.
struct GuardText: Sendable {
    let raw: String
    let normalized: String
    private let words: [Substring]

    init(_ raw: String) {
        self.raw = raw
        normalized = GuardTextNormalizer.normalize(raw)
        words = Array(Set(GuardTextNormalizer.words(normalized))).sorted()
    }

    /// Whether any trigger occurs as a word; a trigger ending in "*" matches as a word prefix.
    func hasAny(of triggers: [Substring]) -> Bool {
        triggers.contains { trigger in
            if trigger.last == "*" {
                let prefix = trigger.dropLast()
                let index = lowerBound(prefix)
                return index < words.count && words[index].hasPrefix(prefix)
            }
            let index = lowerBound(trigger)
            return index < words.count && words[index] == trigger
        }
    }

    private func lowerBound(_ value: Substring) -> Int {
        var low = 0, high = words.count
        while low < high {
            let mid = (low + high) / 2
            if words[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
