import Foundation
import GRDB
import SupportCore

/// What an ingest changed.
public struct IngestReport: Sendable, Hashable, Codable {
    public var added: [DocumentID] = []
    public var updated: [DocumentID] = []
    public var unchanged: [DocumentID] = []
    public var chunksWritten = 0
    public init() {}
}

/// Policy documents, their chunks per revision, and the full-text index of current chunks.
public struct PolicyStore: Sendable {
    public let database: AppDatabase
    public init(database: AppDatabase) { self.database = database }

    /// Stores the documents: an unchanged document (same content hash) is left alone; a changed
    /// one gets a new revision whose chunks replace the old ones in the index (old chunks are kept
    /// for the citations that point at them). `progress` is called after each document.
    public func ingest(
        _ documents: [PolicyDocument], now: Date = Date(), progress: ((Int, Int) -> Void)? = nil
    ) throws -> IngestReport {
        var report = IngestReport()
        // One transaction per batch keeps a large ingest fast without holding the writer for long.
        let batchSize = 200
        var index = 0
        while index < documents.count {
            let batch = documents[index..<min(index + batchSize, documents.count)]
            try database.writer.write { db in
                for document in batch { try ingest(document, db: db, now: now, report: &report) }
            }
            index += batch.count
            progress?(index, documents.count)
        }
        try database.writer.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('policies_ingested_at', ?)",
                           arguments: [now.timeIntervalSince1970])
        }
        return report
    }

    private func ingest(_ document: PolicyDocument, db: Database, now: Date, report: inout IngestReport) throws {
        let hash = ContentHash.of(document)
        let existing = try DocumentRecord.fetchOne(db, key: document.id.rawValue)
        if let existing, existing.contentHash == hash {
            report.unchanged.append(document.id)
            return
        }
        let revision = (existing?.revision ?? 0) + 1
        try DocumentRecord(
            id: document.id.rawValue, title: document.title, version: document.version,
            effectiveDate: document.effectiveDate, tags: JSONColumn.encode(document.tags),
            metadata: JSONColumn.encode(document.metadata), body: document.body, contentHash: hash,
            revision: revision, updatedAt: now
        ).save(db)
        if existing != nil {
            try db.execute(sql: "UPDATE chunk SET isCurrent = 0 WHERE documentID = ?", arguments: [document.id.rawValue])
            try db.execute(sql: "DELETE FROM chunk_fts WHERE chunkID IN (SELECT id FROM chunk WHERE documentID = ?)",
                           arguments: [document.id.rawValue])
            report.updated.append(document.id)
        } else {
            report.added.append(document.id)
        }
        for (position, chunk) in MarkdownChunker.chunks(of: document.body, title: document.title).enumerated() {
            let id = "\(document.id.rawValue)@\(revision)#\(chunk.slug)"
            try ChunkRecord(
                id: id, documentID: document.id.rawValue, revision: revision, position: position,
                sectionPath: JSONColumn.encode(chunk.sectionPath), text: chunk.text, isCurrent: true
            ).insert(db)
            try db.execute(
                sql: "INSERT INTO chunk_fts(chunkID, title, section, text) VALUES (?, ?, ?, ?)",
                arguments: [id, document.title, chunk.sectionPath.joined(separator: " / "), chunk.text])
            report.chunksWritten += 1
        }
    }

    /// Every current passage, in document and section order: what the retriever indexes.
    public func currentPassages() throws -> [Passage] {
        try database.reader.read { db in
            let documents = try DocumentRecord.fetchAll(db)
            let byID = Dictionary(uniqueKeysWithValues: documents.map { ($0.id, $0) })
            let chunks = try ChunkRecord.filter(ChunkRecord.Columns.isCurrent == true)
                .order(ChunkRecord.Columns.documentID, ChunkRecord.Columns.position).fetchAll(db)
            return try chunks.compactMap { chunk in
                guard let document = byID[chunk.documentID] else { return nil }
                return Passage(
                    id: ChunkID(chunk.id), documentID: DocumentID(chunk.documentID), documentTitle: document.title,
                    sectionPath: try JSONColumn.decode([String].self, chunk.sectionPath), version: document.version,
                    documentRevision: chunk.revision, text: chunk.text)
            }
        }
    }

    public func documentCount() throws -> Int {
        try database.reader.read { try DocumentRecord.fetchCount($0) }
    }

    /// When policies were last ingested, if ever.
    public func lastIngestDate() throws -> Date? {
        try database.reader.read { db in
            try Double.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'policies_ingested_at'")
                .map { Date(timeIntervalSince1970: $0) }
        }
    }

    /// Ranks current chunks with SQLite FTS5 bm25: the reference the in-memory index is compared with.
    public func fullTextSearch(_ text: String, limit: Int) throws -> [(chunkID: ChunkID, score: Double)] {
        let terms = TextNormalizer.words(text).filter { !StopWords.contains($0) }
        guard !terms.isEmpty else { return [] }
        let query = terms.map { "\"\($0.replacingOccurrences(of: "\"", with: ""))\"" }.joined(separator: " OR ")
        return try database.reader.read { db in
            try Row.fetchAll(
                db, sql: "SELECT chunkID, bm25(chunk_fts) AS score FROM chunk_fts WHERE chunk_fts MATCH ? ORDER BY score LIMIT ?",
                arguments: [query, limit]
            ).map { (ChunkID($0["chunkID"] as String), -($0["score"] as Double)) }
        }
    }
}

/// A stable fingerprint of a document's content (FNV-1a, 64 bits): enough to notice a change.
enum ContentHash {
    static func of(_ document: PolicyDocument) -> String {
        let metadata = document.metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\n")
        let text = [document.title, document.version, document.effectiveDate ?? "", document.tags.joined(separator: ","),
                    metadata, document.body].joined(separator: "\u{1F}")
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
