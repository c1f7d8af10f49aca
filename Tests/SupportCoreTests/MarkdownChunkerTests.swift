import Testing
@testable import SupportCore

struct FrontMatterTests {
    @Test func readsFieldsListsAndBody() {
        let front = FrontMatter(parsing: """
            ---
            id: returns
            Title: "Returns: the basics"
            tags: [returns, 'money back', refunds]
            ---
            # Returns
            Body text.
            """)
        #expect(front.fields["id"] == "returns")
        #expect(front.fields["title"] == "Returns: the basics")
        #expect(front.list("tags") == ["returns", "money back", "refunds"])
        #expect(front.list("missing") == [])
        #expect(front.body == "# Returns\nBody text.")
    }

    @Test func textWithoutFrontMatterIsAllBody() {
        let front = FrontMatter(parsing: "# Title\n\nid: not a field")
        #expect(front.fields.isEmpty)
        #expect(front.body == "# Title\n\nid: not a field")
    }

    @Test func markdownDocumentFallsBackToHeadingAndKeepsUnknownFieldsAsMetadata() {
        let document = CorpusLoader.markdownDocument(
            "---\nowner: legal\neffective: 2026-01-01\n---\n# Warranty\n\nTwo years.", fallbackID: "warranty")
        #expect(document.id == "warranty")
        #expect(document.title == "Warranty")
        #expect(document.version == "2026-01-01")
        #expect(document.metadata == ["owner": "legal"])
    }
}

struct MarkdownChunkerTests {
    static let body = """
        # Returns

        Most items can be returned.

        ## Return window

        Return within 30 days.

        ### Holiday extension

        December orders until January 31.

        ## Notes

        First note.

        ## Notes

        Second note.

        ```
        ## not a heading inside code
        ```
        """

    @Test func chunksAtHeadingsWithSectionPaths() {
        let chunks = MarkdownChunker.chunks(of: Self.body, title: "Returns")
        #expect(chunks.map(\.sectionPath) == [[], ["Return window"], ["Return window", "Holiday extension"], ["Notes"], ["Notes"]])
        #expect(chunks[1].text == "Return within 30 days.")
        #expect(chunks[2].text == "December orders until January 31.")
        #expect(chunks[4].text.contains("## not a heading inside code"))
    }

    @Test func slugsAreReadableAndUniqueForDuplicateHeadings() {
        let slugs = MarkdownChunker.chunks(of: Self.body, title: "Returns").map(\.slug)
        #expect(slugs == ["overview", "return-window", "return-window-holiday-extension", "notes", "notes-2"])
    }

    @Test func longSectionsAreSplitAtParagraphs() {
        let paragraph = String(repeating: "Refunds go to the original card. ", count: 15)
        let body = "## Refunds\n\n" + Array(repeating: paragraph, count: 8).joined(separator: "\n\n")
        let chunks = MarkdownChunker.chunks(of: body, title: "Policy")
        #expect(chunks.count > 1)
        #expect(chunks.allSatisfy { $0.text.count <= MarkdownChunker.maximumCharacters })
        #expect(chunks.allSatisfy { $0.sectionPath == ["Refunds"] })
        #expect(Set(chunks.map(\.slug)).count == chunks.count)
        let words = { (s: String) in s.split(whereSeparator: \.isWhitespace) }
        #expect(chunks.flatMap { words($0.text) } == words(body).dropFirst(2).map { $0 })
    }
}
