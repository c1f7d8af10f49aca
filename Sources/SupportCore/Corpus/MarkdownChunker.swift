import Foundation

/// A chunk of a document before it is stored: its section path and text.
public struct DocumentChunk: Sendable, Hashable {
    public var sectionPath: [String]
    public var text: String
    /// Stable within a document: derived from the section path ("return-window").
    public var slug: String
}

/// Cuts a Markdown document into chunks at its headings. Each chunk keeps the path of headings
/// above it; long sections are cut again at paragraph breaks.
public enum MarkdownChunker {
    public static let maximumCharacters = 1500

    public static func chunks(of body: String, title: String) -> [DocumentChunk] {
        var chunks: [DocumentChunk] = []
        var path: [(level: Int, heading: String)] = []
        var lines: [Substring] = []
        var usedSlugs: [String: Int] = [:]

        func flush() {
            let text = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            lines.removeAll()
            guard !text.isEmpty else { return }
            // The top heading usually repeats the title; keep it out of the path.
            var headings = path.map(\.heading)
            if headings.first == title { headings.removeFirst() }
            let baseSlug = slugify(headings.isEmpty ? "overview" : headings.joined(separator: " "))
            for piece in split(text) {
                let count = usedSlugs[baseSlug, default: 0] + 1
                usedSlugs[baseSlug] = count
                let slug = count == 1 ? baseSlug : "\(baseSlug)-\(count)"
                chunks.append(DocumentChunk(sectionPath: headings, text: piece, slug: slug))
            }
        }

        var inFence = false
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inFence.toggle() }
            if !inFence, let (level, heading) = heading(line) {
                flush()
                path.removeAll { $0.level >= level }
                path.append((level, heading))
            } else {
                lines.append(line)
            }
        }
        flush()
        return chunks
    }

    static func heading(_ line: Substring) -> (Int, String)? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        let text = line.dropFirst(hashes).trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : (hashes, text)
    }

    /// Paragraph-sized pieces of at most `maximumCharacters` (a longer paragraph stays whole).
    static func split(_ text: String) -> [String] {
        guard text.count > maximumCharacters else { return [text] }
        var pieces: [String] = []
        var current = ""
        for paragraph in text.components(separatedBy: "\n\n") {
            if !current.isEmpty, current.count + paragraph.count > maximumCharacters {
                pieces.append(current)
                current = ""
            }
            current += current.isEmpty ? paragraph : "\n\n" + paragraph
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    public static func slugify(_ text: String) -> String {
        let words = TextNormalizer.words(text).map { $0.replacingOccurrences(of: ".", with: "") }
        let slug = words.joined(separator: "-")
        return slug.isEmpty ? "section" : String(slug.prefix(80))
    }
}
