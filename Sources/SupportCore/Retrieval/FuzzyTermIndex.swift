/// Finds an indexed term one edit away from an unknown query term ("retrun" → "return"),
/// through a table of single-character deletions (the symmetric-delete method).
struct FuzzyTermIndex: Sendable {
    private let deletions: [String: [String]]
    static let minimumLength = 5

    init(terms: [String]) {
        var deletions: [String: [String]] = [:]
        for term in terms where term.count >= Self.minimumLength - 1 && term.allSatisfy(\.isLetter) {
            for variant in Self.variants(of: term) { deletions[variant, default: []].append(term) }
        }
        self.deletions = deletions
    }

    /// The term itself and each form with one character deleted.
    static func variants(of term: String) -> Set<String> {
        var result: Set<String> = [term]
        let chars = Array(term)
        for i in chars.indices {
            var copy = chars
            copy.remove(at: i)
            result.insert(String(copy))
        }
        return result
    }

    /// The most frequent indexed term within one edit (insert, delete, substitute, transpose).
    func correction(for term: String, frequency: (String) -> Int) -> String? {
        guard term.count >= Self.minimumLength, term.allSatisfy(\.isLetter) else { return nil }
        var best: (term: String, frequency: Int)?
        for variant in Self.variants(of: term) {
            for candidate in deletions[variant] ?? [] where candidate != term {
                guard Self.withinOneEdit(term, candidate) else { continue }
                let f = frequency(candidate)
                if best == nil || f > best!.frequency || (f == best!.frequency && candidate < best!.term) {
                    best = (candidate, f)
                }
            }
        }
        return best?.term
    }

    static func withinOneEdit(_ a: String, _ b: String) -> Bool {
        let x = Array(a)
        let y = Array(b)
        if abs(x.count - y.count) > 1 { return false }
        if x.count == y.count {
            let diffs = x.indices.filter { x[$0] != y[$0] }
            if diffs.count <= 1 { return true }
            return diffs.count == 2 && diffs[1] == diffs[0] + 1 && x[diffs[0]] == y[diffs[1]] && x[diffs[1]] == y[diffs[0]]
        }
        let (short, long) = x.count < y.count ? (x, y) : (y, x)
        var i = 0
        while i < short.count, short[i] == long[i] { i += 1 }
        return Array(short[i...]) == Array(long[(i + 1)...])
    }
}
