import Foundation

/// Reads `text,label` CSV files (RFC 4180 quoting; a header row is skipped; extra columns ignored).
public enum LabeledCSV {
    public enum Failure: Error, CustomStringConvertible {
        case unreadable(String)
        case noRows(String)
        public var description: String {
            switch self {
            case .unreadable(let path): "cannot read \(path) as UTF-8 text"
            case .noRows(let path): "\(path) has no text,label rows"
            }
        }
    }

    public static func load(_ url: URL) throws -> [LabeledText] {
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            throw Failure.unreadable(url.path)
        }
        var rows = parse(text)
        if let header = rows.first, header.count >= 2,
            ["text", "sentence", "utterance", "query"].contains(header[0].lowercased())
        {
            rows.removeFirst()
        }
        let examples = rows.compactMap { row -> LabeledText? in
            guard row.count >= 2 else { return nil }
            let text = row[0].trimmingCharacters(in: .whitespaces)
            let label = row[1].trimmingCharacters(in: .whitespaces)
            return text.isEmpty || label.isEmpty ? nil : LabeledText(text: text, label: label)
        }
        if examples.isEmpty { throw Failure.noRows(url.path) }
        return examples
    }

    /// Splits CSV text into rows of fields.
    public static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let scalar = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = next }
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty: quoted = true
            case ",": row.append(field); field = ""
            case "\r": continue
            case "\n":
                row.append(field)
                field = ""
                if row.contains(where: { !$0.isEmpty }) { rows.append(row) }
                row = []
            default: field.unicodeScalars.append(scalar)
            }
        }
        row.append(field)
        if row.contains(where: { !$0.isEmpty }) { rows.append(row) }
        return rows
    }
}
