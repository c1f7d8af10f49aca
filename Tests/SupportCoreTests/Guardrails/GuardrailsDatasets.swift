import Foundation

/// Finds the shared public datasets beside the package (`<package>/../shared/datasets`), so
/// data-driven tests run where the data is and skip where it is not.
enum GuardrailsDatasets {
    /// This file is `<package>/Tests/SupportCoreTests/Guardrails/GuardrailsDatasets.swift`.
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("../shared/datasets").standardizedFileURL
    }()

    static func url(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    static func available(_ relativePath: String) -> Bool {
        let present = FileManager.default.fileExists(atPath: url(relativePath).path)
        if !present { print("skipping: dataset \(relativePath) not found under \(root.path)") }
        return present
    }

    static func load<T: Decodable>(_ type: T.Type, from relativePath: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(contentsOf: url(relativePath)))
    }

    static func share(_ hits: Int, of total: Int) -> Double {
        total == 0 ? 0 : Double(hits) / Double(total)
    }

    static func format(_ value: Double) -> String {
        String(format: "%.3f", value)
    }
}
