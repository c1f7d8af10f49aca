import Foundation
import Testing
@testable import SupportCore

struct CorpusLoaderTests {
    private func writeTemporary(_ text: String, name: String = "policies.jsonl") throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("supportcore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func jsonlKeepsKnownFieldsAndExtraFieldsAsMetadata() throws {
        let url = try writeTemporary("""
            {"id": "returns", "title": "Returns", "version": 3, "tags": ["refunds"], "body": "Return within 30 days.", "region": "EU", "priority": 2}
            
            {"id": "shipping", "body": "Ships in 2 days."}
            """)
        let documents = try CorpusLoader.load(url)
        #expect(documents.map(\.id) == ["returns", "shipping"])
        #expect(documents[0].title == "Returns")
        #expect(documents[0].version == "3")
        #expect(documents[0].tags == ["refunds"])
        #expect(documents[0].metadata == ["region": "EU", "priority": "2"])
        #expect(documents[1].title == "shipping")
        #expect(documents[1].body == "Ships in 2 days.")
    }

    @Test func jsonlLineWithoutIdOrBodyIsRejectedWithItsLineNumber() throws {
        let url = try writeTemporary("""
            {"id": "a", "body": "A"}

            {"title": "no id", "body": "B"}
            """)
        #expect {
            try CorpusLoader.load(url)
        } throws: { error in
            guard case .invalidLine(_, let line, _) = error as? CorpusLoader.Failure else { return false }
            return line == 3
        }
        let noBody = try writeTemporary(#"{"id": "a"}"#)
        #expect(throws: CorpusLoader.Failure.self) { try CorpusLoader.load(noBody) }
    }

    @Test func duplicateIdsAreRejected() throws {
        let url = try writeTemporary("{\"id\": \"a\", \"body\": \"A\"}\n{\"id\": \"a\", \"body\": \"B\"}\n")
        #expect {
            try CorpusLoader.load(url)
        } throws: { error in
            guard case .duplicateID(let id) = error as? CorpusLoader.Failure else { return false }
            return id == "a"
        }
    }

    @Test func missingPathIsReported() {
        #expect(throws: CorpusLoader.Failure.self) {
            try CorpusLoader.load(URL(fileURLWithPath: "/nonexistent/supportd/policies"))
        }
    }

    @Test func realPoliciesLoadWithMetadataAndSeveralChunksEach() throws {
        let documents = try CorpusLoader.load(Fixtures.policiesFolder)
        #expect(documents.count >= 12)
        #expect(Set(documents.map(\.id)).count == documents.count)
        for document in documents {
            #expect(!document.id.rawValue.isEmpty)
            #expect(!document.title.isEmpty && document.title != document.id.rawValue, "\(document.id) has no title")
            #expect(!document.version.isEmpty)
            #expect(!document.body.hasPrefix("---"), "\(document.id) kept its front matter in the body")
            let chunks = MarkdownChunker.chunks(of: document.body, title: document.title)
            #expect(chunks.count >= 3, "\(document.id) has \(chunks.count) chunks")
        }
    }

    @Test func realReturnsPolicyHasItsFrontMatter() throws {
        let returns = try #require(Fixtures.documents.first { $0.id == "returns-refunds" })
        #expect(returns.title == "Returns and Refunds")
        #expect(returns.version == "4")
        #expect(returns.effectiveDate == "2026-09-01")
        #expect(returns.tags.contains("money back"))
    }
}
