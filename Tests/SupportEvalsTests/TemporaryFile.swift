import Foundation

/// Writes `text` to a new file in the temporary directory and returns its URL.
func temporaryFile(_ text: String, extension pathExtension: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("supportd-\(UUID().uuidString)").appendingPathExtension(pathExtension)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url
}
