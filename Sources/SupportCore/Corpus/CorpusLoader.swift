import Foundation

/// Reads policy documents from a folder of Markdown files or a JSONL file.
public enum CorpusLoader {
    public enum Failure: Error, CustomStringConvertible {
        case notFound(String)
        case invalidLine(file: String, line: Int, reason: String)
        case duplicateID(String)

        public var description: String {
            switch self {
            case .notFound(let path): "no Markdown folder or JSONL file at \(path)"
            case .invalidLine(let file, let line, let reason): "\(file):\(line): \(reason)"
            case .duplicateID(let id): "two documents have the id \(id)"
            }
        }
    }

    /// Loads every document at `url` (a folder is searched recursively for `.md` files).
    public static func load(_ url: URL) throws -> [PolicyDocument] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw Failure.notFound(url.path)
        }
        let documents = isDirectory.boolValue ? try loadMarkdownFolder(url) : try loadJSONL(url)
        var seen: Set<DocumentID> = []
        for document in documents where !seen.insert(document.id).inserted {
            throw Failure.duplicateID(document.id.rawValue)
        }
        return documents
    }

    static func loadMarkdownFolder(_ folder: URL) throws -> [PolicyDocument] {
        let files = (FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? [])
            .filter { ["md", "markdown"].contains($0.pathExtension.lowercased()) && $0.lastPathComponent.lowercased() != "readme.md" }
            .sorted { $0.path < $1.path }
        return try files.map { file in
            let text = try String(contentsOf: file, encoding: .utf8)
            return markdownDocument(text, fallbackID: file.deletingPathExtension().lastPathComponent)
        }
    }

    /// A document from Markdown text with optional front matter.
    public static func markdownDocument(_ text: String, fallbackID: String) -> PolicyDocument {
        let front = FrontMatter(parsing: text)
        let firstHeading = front.body.split(separator: "\n").first { $0.hasPrefix("# ") }
            .map { String($0.dropFirst(2)).trimmingCharacters(in: .whitespaces) }
        let known: Set<String> = ["id", "title", "version", "effective", "tags"]
        return PolicyDocument(
            id: DocumentID(front.fields["id"].flatMap { $0.isEmpty ? nil : $0 } ?? fallbackID),
            title: front.fields["title"] ?? firstHeading ?? fallbackID,
            version: front.fields["version"] ?? front.fields["effective"] ?? "1",
            effectiveDate: front.fields["effective"],
            tags: front.list("tags"),
            body: front.body,
            metadata: front.fields.filter { !known.contains($0.key) }
        )
    }

    static func loadJSONL(_ file: URL) throws -> [PolicyDocument] {
        let text = try String(contentsOf: file, encoding: .utf8)
        var documents: [PolicyDocument] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            let number = offset + 1
            guard let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any] else {
                throw Failure.invalidLine(file: file.lastPathComponent, line: number, reason: "not a JSON object")
            }
            guard let id = scalarString(object["id"]), !id.isEmpty, let body = object["body"] as? String else {
                throw Failure.invalidLine(file: file.lastPathComponent, line: number, reason: "needs \"id\" and \"body\"")
            }
            var metadata: [String: String] = [:]
            for (key, value) in object where !["id", "title", "body", "version", "tags"].contains(key) {
                metadata[key] = scalarString(value) ?? jsonString(value)
            }
            documents.append(
                PolicyDocument(
                    id: DocumentID(id), title: (object["title"] as? String) ?? id,
                    version: scalarString(object["version"]) ?? "1", effectiveDate: object["effective"] as? String,
                    tags: (object["tags"] as? [String]) ?? [], body: body, metadata: metadata))
        }
        return documents
    }

    private static func scalarString(_ value: Any?) -> String? {
        switch value {
        case let string as String: string
        case let number as NSNumber: number.stringValue
        default: nil
        }
    }

    private static func jsonString(_ value: Any) -> String {
        guard JSONSerialization.isValidJSONObject(value), let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])
        else { return String(describing: value) }
        return String(decoding: data, as: UTF8.self)
    }
}
