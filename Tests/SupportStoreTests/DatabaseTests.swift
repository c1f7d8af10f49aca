import Foundation
import GRDB
import SupportCore
import SupportStore
import Testing

@Suite("App database")
struct DatabaseTests {
    @Test func aMessageAppendedToAFileDatabaseIsReadableFromASecondConnection() async throws {
        // Given a database file in WAL mode
        let path = temporaryDatabasePath()
        defer { try? FileManager.default.removeItem(at: path.deletingLastPathComponent()) }
        let first = try AppDatabase.file(at: path.path)
        let journalMode = try await first.reader.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(journalMode?.lowercased() == "wal")
        let synchronous = try await first.writer.read { try Int.fetchOne($0, sql: "PRAGMA synchronous") }
        #expect(synchronous == 2, "synchronous = FULL")

        // When a message is appended through it
        let writer = SQLiteConversationStore(database: first)
        let id = try await writer.createConversation()
        let sent = try await writer.appendCustomerMessage(id, text: "Is this saved?", redactions: [])

        // Then a second database opened on the same file reads it
        let second = try AppDatabase.file(at: path.path)
        let transcript = try #require(try await SQLiteConversationStore(database: second).transcript(id))
        #expect(transcript.messages.map(\.id) == [sent.id])
        #expect(transcript.messages.first?.text == "Is this saved?")
    }

    @Test func openingAFileDatabaseCreatesItsFolderAndMigratesIt() throws {
        let path = temporaryDatabasePath()
        defer { try? FileManager.default.removeItem(at: path.deletingLastPathComponent()) }

        let database = try AppDatabase.file(at: path.path)

        #expect(FileManager.default.fileExists(atPath: path.path))
        let tables = try database.reader.read {
            try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        #expect(Set(["document", "chunk", "conversation", "message", "turn", "citation", "handoff"]).isSubset(of: Set(tables)))
    }

    @Test func aMessageWithAnUnknownRoleIsRejectedByTheSchema() async throws {
        // Given a conversation
        let database = try AppDatabase.inMemory()
        let id = try await SQLiteConversationStore(database: database).createConversation()

        // When a message with an invalid role is inserted with raw SQL
        // Then the CHECK constraint rejects it
        let error = #expect(throws: DatabaseError.self) {
            try database.writer.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO message (id, conversationID, sequence, role, text, createdAt)
                        VALUES ('msg_bad', ?, 1, 'robot', 'beep', '2026-01-01 00:00:00.000')
                        """,
                    arguments: [id.rawValue])
            }
        }
        #expect(error?.resultCode == .SQLITE_CONSTRAINT)
        #expect(error?.message?.contains("CHECK") == true)
        #expect(try await SQLiteConversationStore(database: database).transcript(id)?.messages.isEmpty == true)
    }

    @Test func aMessageForAMissingConversationIsRejectedByTheForeignKey() throws {
        let database = try AppDatabase.inMemory()
        let error = #expect(throws: DatabaseError.self) {
            try database.writer.write { db in
                try db.execute(sql: """
                    INSERT INTO message (id, conversationID, sequence, role, text, createdAt)
                    VALUES ('msg_orphan', 'conv_missing', 1, 'customer', 'hi', '2026-01-01 00:00:00.000')
                    """)
            }
        }
        #expect(error?.resultCode == .SQLITE_CONSTRAINT)
    }

    @Test func aConversationWithAnUnknownStatusIsRejectedByTheSchema() throws {
        let database = try AppDatabase.inMemory()
        #expect(throws: DatabaseError.self) {
            try database.writer.write { db in
                try db.execute(sql: """
                    INSERT INTO conversation (id, status, createdAt, updatedAt)
                    VALUES ('conv_bad', 'archived', '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000')
                    """)
            }
        }
    }
}
