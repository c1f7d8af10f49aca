import Foundation
import GRDB

/// The SQLite database: one writer, migrated at start. Inject it; there is no shared instance.
public final class AppDatabase: Sendable {
    public let writer: any DatabaseWriter

    public init(_ writer: any DatabaseWriter) throws {
        self.writer = writer
        try Self.migrator.migrate(writer)
    }

    /// A database file in WAL mode (created when missing).
    public static func file(at path: String) throws -> AppDatabase {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            // WAL with synchronous=NORMAL survives a killed process; FULL also survives power loss.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return try AppDatabase(DatabasePool(path: path, configuration: configuration))
    }

    /// A private in-memory database, for tests and one-off commands.
    public static func inMemory() throws -> AppDatabase {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        return try AppDatabase(DatabaseQueue(configuration: configuration))
    }

    public var reader: any DatabaseReader { writer }
}
