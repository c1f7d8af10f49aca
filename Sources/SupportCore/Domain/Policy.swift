import Foundation

/// A policy document as written by the company: front matter plus Markdown body.
public struct PolicyDocument: Sendable, Hashable, Codable {
    public var id: DocumentID
    public var title: String
    /// The author's version label (front matter `version` or `effective`).
    public var version: String
    public var effectiveDate: String?
    public var tags: [String]
    public var body: String
    /// Extra fields from the source (JSONL keys, unknown front-matter keys).
    public var metadata: [String: String]

    public init(
        id: DocumentID, title: String, version: String, effectiveDate: String? = nil, tags: [String] = [],
        body: String, metadata: [String: String] = [:]
    ) {
        self.id = id
        self.title = title
        self.version = version
        self.effectiveDate = effectiveDate
        self.tags = tags
        self.body = body
        self.metadata = metadata
    }
}

/// A retrievable piece of a policy document: the text under one heading.
public struct Passage: Sendable, Hashable, Codable {
    public var id: ChunkID
    public var documentID: DocumentID
    public var documentTitle: String
    /// Headings from the document title down to this chunk's own heading.
    public var sectionPath: [String]
    /// The author's version label of the document ("4", "2026-09-01").
    public var version: String
    /// The stored revision of the document: 1 on first ingest, +1 on every changed re-ingest.
    public var documentRevision: Int
    public var text: String

    public init(
        id: ChunkID, documentID: DocumentID, documentTitle: String, sectionPath: [String], version: String,
        documentRevision: Int, text: String
    ) {
        self.id = id
        self.documentID = documentID
        self.documentTitle = documentTitle
        self.sectionPath = sectionPath
        self.version = version
        self.documentRevision = documentRevision
        self.text = text
    }

    /// The most specific heading, for display ("Return window").
    public var section: String { sectionPath.last ?? documentTitle }
}

/// A passage with its retrieval scores.
public struct ScoredPassage: Sendable, Hashable, Codable {
    public var passage: Passage
    /// Raw BM25 score: comparable only within one query.
    public var score: Double
    /// Share (0…1) of the query's IDF weight found in the passage: comparable across queries,
    /// and the number the "I don't know" threshold is set on.
    public var coverage: Double

    public init(passage: Passage, score: Double, coverage: Double) {
        self.passage = passage
        self.score = score
        self.coverage = coverage
    }
}

/// A source shown to the customer beside an answer.
public struct Citation: Sendable, Hashable, Codable {
    /// 1-based marker used in the answer text.
    public var index: Int
    public var chunkID: ChunkID
    public var documentID: DocumentID
    public var documentTitle: String
    public var section: String
    public var version: String
    public var documentRevision: Int
    public var quote: String

    public init(
        index: Int, chunkID: ChunkID, documentID: DocumentID, documentTitle: String, section: String, version: String,
        documentRevision: Int, quote: String
    ) {
        self.index = index
        self.chunkID = chunkID
        self.documentID = documentID
        self.documentTitle = documentTitle
        self.section = section
        self.version = version
        self.documentRevision = documentRevision
        self.quote = quote
    }

    public init(index: Int, passage: Passage) {
        self.init(
            index: index, chunkID: passage.id, documentID: passage.documentID, documentTitle: passage.documentTitle,
            section: passage.section, version: passage.version, documentRevision: passage.documentRevision,
            quote: passage.text)
    }
}
