import Foundation

/// Numbers the passages an answer cites in order of first citation ([1], [2], …). The streamed
/// `delta` events and the final `answer` both number through it, so their markers agree.
struct CitationBook: Sendable {
    private(set) var citations: [Citation] = []

    /// The citation for `passage`: its existing number, or the next one.
    mutating func cite(_ passage: Passage) -> Citation {
        if let existing = citations.first(where: { $0.chunkID == passage.id }) { return existing }
        let citation = Citation(index: citations.count + 1, passage: passage)
        citations.append(citation)
        return citation
    }
}
