import Foundation

/// How eval, replay and baseline files are written and read: snake_case JSON with ISO 8601 dates,
/// and a JSON file beside its HTML rendering.
public enum ReportFiles {
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }

    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    /// Writes `value` as `jsonName` and `html` as `htmlName` into `directory`, creating it.
    public static func write(_ value: some Encodable, as jsonName: String, html: String, as htmlName: String, to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try encoder().encode(value).write(to: directory.appendingPathComponent(jsonName), options: .atomic)
        try Data(html.utf8).write(to: directory.appendingPathComponent(htmlName), options: .atomic)
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each only the first time it appears.
    func removingRepeats() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
