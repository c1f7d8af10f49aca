import Foundation

/// An in-memory Okapi BM25 index over short documents. Built once from the store, read by many
/// turns at once; immutable after construction.
public struct BM25Index: Sendable {
    public struct Hit: Sendable, Hashable {
        /// Position of the document in the list the index was built from.
        public var document: Int
        public var score: Double
        /// Share of the query's weight the document contains (0…1).
        public var coverage: Double
    }

    public let k1: Double
    public let b: Double
    private let termIDs: [String: Int32]
    private let idf: [Double]
    /// Postings of each term: documents and term frequencies, in parallel arrays.
    private let postingDocs: [[Int32]]
    private let postingFreqs: [[Float]]
    private let lengthNorm: [Double]
    private let fuzzy: FuzzyTermIndex
    public let documentCount: Int

    /// Indexes `texts` (one per document) with the shared term analysis.
    public init(texts: [String], k1: Double = 1.2, b: Double = 0.75) {
        self.init(termLists: texts.map(TextNormalizer.terms), k1: k1, b: b)
    }

    public init(termLists: [[String]], k1: Double = 1.2, b: Double = 0.75) {
        self.k1 = k1
        self.b = b
        var termIDs: [String: Int32] = [:]
        var postingDocs: [[Int32]] = []
        var postingFreqs: [[Float]] = []
        var lengths: [Double] = []
        for (doc, terms) in termLists.enumerated() {
            lengths.append(Double(terms.count))
            var counts: [String: Int] = [:]
            for term in terms { counts[term, default: 0] += 1 }
            for (term, count) in counts {
                let id: Int32
                if let existing = termIDs[term] {
                    id = existing
                } else {
                    id = Int32(postingDocs.count)
                    termIDs[term] = id
                    postingDocs.append([])
                    postingFreqs.append([])
                }
                postingDocs[Int(id)].append(Int32(doc))
                postingFreqs[Int(id)].append(Float(count))
            }
        }
        let n = Double(termLists.count)
        let averageLength = max(1, lengths.reduce(0, +) / max(1, n))
        self.termIDs = termIDs
        self.postingDocs = postingDocs
        self.postingFreqs = postingFreqs
        let idf = postingDocs.map { docs in log(1 + (n - Double(docs.count) + 0.5) / (Double(docs.count) + 0.5)) }
        self.idf = idf
        self.unknownTermWeight = idf.isEmpty ? 1 : idf.reduce(0, +) / Double(idf.count)
        self.lengthNorm = lengths.map { k1 * (1 - b + b * $0 / averageLength) }
        self.fuzzy = FuzzyTermIndex(terms: Array(termIDs.keys))
        self.documentCount = termLists.count
    }

    /// The weight of a term the index has never seen: the mean IDF of its vocabulary. A word the
    /// policies never use may be the heart of the question ("bitcoin") or incidental ("grandma").
    public let unknownTermWeight: Double

    /// A query term resolved against the index: its weight, its posting list, its boost.
    public struct ResolvedTerm: Sendable, Hashable {
        public var term: WeightedTerm
        var id: Int32?
        public var boost: Double
    }

    /// Resolves analysed query terms to index terms (correcting one-letter typos) with their IDF.
    public func resolve(_ terms: [(term: String, boost: Double)]) -> [ResolvedTerm] {
        var seen: [String: Int] = [:]
        var result: [ResolvedTerm] = []
        for (term, boost) in terms {
            var resolved = term
            var id = termIDs[term]
            var effectiveBoost = boost
            if id == nil, let correction = fuzzy.correction(for: term, frequency: { postingDocs[Int(termIDs[$0]!)].count }) {
                resolved = correction
                id = termIDs[correction]
                effectiveBoost *= 0.8
            }
            if let index = seen[resolved] {
                result[index].boost = max(result[index].boost, effectiveBoost)
                continue
            }
            seen[resolved] = result.count
            let weight = id.map { idf[Int($0)] } ?? unknownTermWeight
            result.append(ResolvedTerm(term: WeightedTerm(term: resolved, weight: weight, known: id != nil), id: id, boost: effectiveBoost))
        }
        return result
    }

    /// The best `limit` documents for the weighted query terms, best first.
    /// `boost` multiplies the score of chosen documents (e.g. the routed intent's policies).
    public func search(
        _ terms: [(term: String, boost: Double)], limit: Int, boost: ((Int) -> Double)? = nil
    ) -> [Hit] {
        search(resolved: resolve(terms), limit: limit, boost: boost)
    }

    /// The same for terms already resolved with `resolve(_:)`.
    public func search(resolved: [ResolvedTerm], limit: Int, boost: ((Int) -> Double)? = nil) -> [Hit] {
        let totalWeight = resolved.reduce(0) { $0 + $1.term.weight * $1.boost }
        guard totalWeight > 0, documentCount > 0 else { return [] }
        var scores = [Double](repeating: 0, count: documentCount)
        var matched = [Double](repeating: 0, count: documentCount)
        var touched: [Int32] = []
        for resolvedTerm in resolved {
            guard let id = resolvedTerm.id else { continue }
            let docs = postingDocs[Int(id)]
            let freqs = postingFreqs[Int(id)]
            let weight = resolvedTerm.term.weight * resolvedTerm.boost
            for i in 0..<docs.count {
                let doc = Int(docs[i])
                let tf = Double(freqs[i])
                if scores[doc] == 0 { touched.append(docs[i]) }
                scores[doc] += weight * tf * (k1 + 1) / (tf + lengthNorm[doc])
                matched[doc] += weight
            }
        }
        var hits: [Hit] = []
        hits.reserveCapacity(touched.count)
        for doc32 in touched {
            let doc = Int(doc32)
            let score = scores[doc] * (boost?(doc) ?? 1)
            hits.append(Hit(document: doc, score: score, coverage: min(1, matched[doc] / totalWeight)))
        }
        return TopK.select(hits, limit: limit) { $0.score > $1.score || ($0.score == $1.score && $0.document < $1.document) }
    }
}

/// Selects the best `limit` elements without sorting everything.
enum TopK {
    static func select<T>(_ items: [T], limit: Int, by isBetter: (T, T) -> Bool) -> [T] {
        guard limit > 0 else { return [] }
        if items.count <= limit { return items.sorted(by: isBetter) }
        var best: [T] = []
        best.reserveCapacity(limit + 1)
        for item in items {
            if best.count < limit {
                best.append(item)
                if best.count == limit { best.sort(by: isBetter) }
            } else if isBetter(item, best[limit - 1]) {
                var index = limit - 1
                while index > 0, isBetter(item, best[index - 1]) { index -= 1 }
                best.insert(item, at: index)
                best.removeLast()
            }
        }
        return best.count < limit ? best.sorted(by: isBetter) : best
    }
}
