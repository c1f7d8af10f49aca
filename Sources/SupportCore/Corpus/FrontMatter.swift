/// The `---`-delimited header of a policy file: simple `key: value` lines, lists as `[a, b]`.
public struct FrontMatter: Sendable, Hashable {
    public var fields: [String: String]
    public var body: String

    /// Splits `text` into front matter and body; text without front matter is all body.
    public init(parsing text: String) {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        var lines = normalized.split(separator: "\n", omittingEmptySubsequences: false)
        fields = [:]
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---",
            let end = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" })
        else {
            body = normalized
            return
        }
        for line in lines[1..<end] {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if !key.isEmpty { fields[key] = Self.unquote(value) }
        }
        lines.removeSubrange(0...end)
        body = lines.joined(separator: "\n")
    }

    /// A list value: `[a, b]` or `a, b`.
    public func list(_ key: String) -> [String] {
        guard var value = fields[key] else { return [] }
        if value.hasPrefix("["), value.hasSuffix("]") { value = String(value.dropFirst().dropLast()) }
        return value.split(separator: ",").map { Self.unquote($0.trimmingCharacters(in: .whitespaces)) }
            .filter { !$0.isEmpty }
    }

    private static func unquote(_ value: String) -> String {
        for quote in ["\"", "'"] where value.count >= 2 && value.hasPrefix(quote) && value.hasSuffix(quote) {
            return String(value.dropFirst().dropLast())
        }
        return value
    }
}
