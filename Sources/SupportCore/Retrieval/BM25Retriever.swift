import Foundation
import Synchronization

/// The default retriever: BM25 over an in-memory index that is swapped whole after an ingest.
public final class BM25Retriever: Retriever {
    private let current: Mutex<PassageIndex>

    public init(index: PassageIndex) {
        current = Mutex(index)
    }

    public convenience init(passages: [Passage]) {
        self.init(index: PassageIndex(passages: passages))
    }

    /// Replaces the index, e.g. after policies were re-ingested. Turns in flight keep the old one.
    public func replace(with index: PassageIndex) {
        current.withLock { $0 = index }
    }

    public var passageCount: Int { current.withLock { $0.passages.count } }

    /// The passages the index currently serves.
    public var passages: [Passage] { current.withLock { $0.passages } }

    public func retrieve(_ query: RetrievalQuery) async throws -> RetrievalResult {
        let index = current.withLock { $0 }
        return index.search(query)
    }
}
