import ArgumentParser
import Foundation
import SupportCore
import SupportStore

struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest", abstract: "Index a folder of Markdown policies or a JSONL corpus into SQLite.")

    @Argument(help: "A folder of Markdown files, or a JSONL file with {\"id\",\"title\",\"body\"} per line.") var path: String
    @Option(help: "SQLite database file.") var db = "supportd.sqlite"

    func run() async throws {
        let documents = try CorpusLoader.load(URL(fileURLWithPath: path))
        let store = PolicyStore(database: try AppDatabase.file(at: db))
        let showProgress = isatty(STDERR_FILENO) == 1 && documents.count > 50
        let report = try store.ingest(documents) { done, total in
            if showProgress { FileHandle.standardError.write(Data("\ringesting \(done)/\(total) documents".utf8)) }
        }
        if showProgress { FileHandle.standardError.write(Data("\n".utf8)) }
        print(
            "\(documents.count) documents: \(report.added.count) added, \(report.updated.count) updated, "
                + "\(report.unchanged.count) unchanged; \(report.chunksWritten) chunks written to \(db)")
    }
}
