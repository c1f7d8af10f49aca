import Foundation

/// Policy passages with a BM25 index over their titles, headings and text.
public struct PassageIndex: Sendable {
    public let passages: [Passage]
    private let index: BM25Index
    private let positionsByDocument: [DocumentID: Set<Int>]

    public init(passages: [Passage]) {
        self.passages = passages
        // Headings say what a passage is about in the words customers use; count them twice.
        self.index = BM25Index(texts: passages.map { passage in
            let headings = ([passage.documentTitle] + passage.sectionPath).joined(separator: " ")
            return headings + " " + headings + " " + passage.text
        })
        self.positionsByDocument = Dictionary(grouping: passages.indices, by: { passages[$0].documentID })
            .mapValues(Set.init)
    }

    /// A short follow-up ("and for gift cards?") borrows the previous message's terms at half weight.
    public static let followUpTermLimit = 3
    public static let preferredDocumentBoost = 1.25

    /// Numbers in a question are mostly the customer's own facts ("after 20 days"), not topics.
    public static let numberBoost = 0.3

    public func search(_ query: RetrievalQuery) -> RetrievalResult {
        var terms = TextNormalizer.terms(query.text).map { term in
            (term: term, boost: term.first?.isNumber == true ? Self.numberBoost : 1.0)
        }
        if terms.count <= Self.followUpTermLimit, let previous = query.context.last {
            terms += TextNormalizer.terms(previous).map { (term: $0, boost: 0.5) }
        }
        return search(terms: terms, limit: query.limit, preferredDocuments: query.preferredDocuments)
    }

    /// Searches with analysed, weighted terms (for callers that build their own query).
    public func search(terms: [(term: String, boost: Double)], limit: Int, preferredDocuments: [DocumentID] = [])
        -> RetrievalResult
    {
        let preferred = preferredDocuments.reduce(into: Set<Int>()) {
            $0.formUnion(positionsByDocument[$1] ?? [])
        }
        let resolved = index.resolve(terms)
        let hits = index.search(resolved: resolved, limit: limit) { preferred.contains($0) ? Self.preferredDocumentBoost : 1 }
        return RetrievalResult(
            passages: hits.map { ScoredPassage(passage: passages[$0.document], score: $0.score, coverage: $0.coverage) },
            queryTerms: resolved.map(\.term),
            component: "bm25"
        )
    }
}
