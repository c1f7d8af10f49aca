import Foundation
import GRDB
import SupportCore
import SupportStore
import Testing

@Suite("Policy store")
struct PolicyStoreTests {
    @Test func ingestingThePoliciesStoresEveryDocumentAndItsChunksAsRevisionOne() throws {
        // Given the real policies and an empty database
        let documents = try realPolicies()
        let store = PolicyStore(database: try AppDatabase.inMemory())

        // When they are ingested
        let report = try store.ingest(documents)

        // Then every document is added and its chunks are current passages at revision 1
        #expect(Set(report.added) == Set(documents.map(\.id)))
        #expect(report.updated.isEmpty && report.unchanged.isEmpty)
        #expect(try store.documentCount() == documents.count)
        let passages = try store.currentPassages()
        #expect(!passages.isEmpty)
        #expect(report.chunksWritten == passages.count)
        #expect(try store.lastIngestDate() != nil)

        for document in documents {
            let stored = passages.filter { $0.documentID == document.id }
            let expected = MarkdownChunker.chunks(of: document.body, title: document.title)
            #expect(stored.map(\.sectionPath) == expected.map(\.sectionPath), "section paths of \(document.id)")
            #expect(stored.map(\.text) == expected.map(\.text), "texts of \(document.id)")
            for passage in stored {
                #expect(passage.documentTitle == document.title)
                #expect(passage.version == document.version)
                #expect(passage.documentRevision == 1)
                #expect(passage.id.rawValue.hasPrefix("\(document.id.rawValue)@1#"))
            }
        }
        let returnWindow = try #require(passages.first { $0.id == "returns-refunds@1#return-window" })
        #expect(returnWindow.documentTitle == "Returns and Refunds")
        #expect(returnWindow.sectionPath == ["Return window"])
        #expect(returnWindow.version == "4")
    }

    @Test func reingestingUnchangedDocumentsReportsThemUnchangedAndWritesNoChunks() throws {
        // Given the policies already ingested
        let documents = try realPolicies()
        let store = try ingestedPolicyStore()
        let chunksBefore = try chunkCount(store)

        // When the same documents are ingested again
        let report = try store.ingest(documents)

        // Then nothing is written
        #expect(Set(report.unchanged) == Set(documents.map(\.id)))
        #expect(report.added.isEmpty && report.updated.isEmpty)
        #expect(report.chunksWritten == 0)
        #expect(try chunkCount(store) == chunksBefore)
        #expect(try store.currentPassages().allSatisfy { $0.documentRevision == 1 })
    }

    @Test func changingOneDocumentGivesItRevisionTwoAndRetiresItsOldChunks() throws {
        // Given the policies already ingested
        var documents = try realPolicies()
        let store = try ingestedPolicyStore()
        let oldChunkIDs = try store.currentPassages().filter { $0.documentID == "returns-refunds" }.map(\.id)

        // When the returns policy's body changes and everything is ingested again
        let index = try #require(documents.firstIndex { $0.id == "returns-refunds" })
        documents[index].body += "\n\n## Store credit\n\nCustomers can choose Fernhollow store credit instead of a refund.\n"
        let report = try store.ingest(documents)

        // Then only that document is updated, to revision 2, and only its revision-2 chunks are current
        #expect(report.updated == ["returns-refunds"])
        #expect(report.added.isEmpty)
        #expect(report.unchanged.count == documents.count - 1)
        let passages = try store.currentPassages()
        let returns = passages.filter { $0.documentID == "returns-refunds" }
        #expect(!returns.isEmpty)
        #expect(returns.allSatisfy { $0.documentRevision == 2 && $0.id.rawValue.hasPrefix("returns-refunds@2#") })
        #expect(returns.contains { $0.sectionPath == ["Store credit"] })
        #expect(report.chunksWritten == returns.count)
        #expect(Set(passages.map(\.id)).isDisjoint(with: oldChunkIDs))
        #expect(passages.filter { $0.documentID != "returns-refunds" }.allSatisfy { $0.documentRevision == 1 })

        // And the old chunks are kept (for old citations) but out of the full-text index
        let retired = try store.database.reader.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM chunk WHERE documentID = 'returns-refunds' AND revision = 1 AND isCurrent = 0")
        }
        #expect(retired == oldChunkIDs.count)
        let hits = try store.fullTextSearch("return window days refund", limit: 50).map(\.chunkID.rawValue)
        #expect(!hits.contains { $0.hasPrefix("returns-refunds@1#") })
        #expect(hits.contains("returns-refunds@2#return-window"))
    }

    @Test func fullTextSearchFindsTheReturnWindowChunk() throws {
        // Given the policies ingested
        let store = try ingestedPolicyStore()

        // When searching with FTS5
        let hits = try store.fullTextSearch("return window days", limit: 3)

        // Then the return-window chunk is among the best hits, scored positive
        #expect(hits.map(\.chunkID).contains("returns-refunds@1#return-window"))
        #expect(hits.allSatisfy { $0.score > 0 })
    }

    @Test func fullTextSearchOfOnlyStopWordsFindsNothing() throws {
        let store = try ingestedPolicyStore()
        #expect(try store.fullTextSearch("the and of", limit: 5).isEmpty)
    }

    @Test func fullTextSearchToleratesQuotesAndOperators() throws {
        let store = try ingestedPolicyStore()
        let hits = try store.fullTextSearch("\"return\" window AND OR NOT* (days", limit: 5)
        #expect(!hits.isEmpty)
    }

    private func chunkCount(_ store: PolicyStore) throws -> Int {
        try store.database.reader.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM chunk") ?? 0 }
    }
}
