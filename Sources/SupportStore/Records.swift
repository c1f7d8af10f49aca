import Foundation
import GRDB

// One Codable record per table. JSON columns are stored as text.

struct DocumentRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "document"
    var id: String
    var title: String
    var version: String
    var effectiveDate: String?
    var tags: String
    var metadata: String
    var body: String
    var contentHash: String
    var revision: Int
    var updatedAt: Date
}

struct ChunkRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "chunk"
    var id: String
    var documentID: String
    var revision: Int
    var position: Int
    var sectionPath: String
    var text: String
    var isCurrent: Bool

    enum Columns {
        static let documentID = Column(CodingKeys.documentID)
        static let isCurrent = Column(CodingKeys.isCurrent)
        static let position = Column(CodingKeys.position)
    }
}

struct ConversationRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "conversation"
    var id: String
    var status: String
    var createdAt: Date
    var updatedAt: Date
}

struct MessageRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "message"
    var id: String
    var conversationID: String
    var sequence: Int
    var role: String
    var text: String
    var redactions: String
    var author: String?
    var turnID: String?
    var createdAt: Date

    enum Columns {
        static let conversationID = Column(CodingKeys.conversationID)
        static let sequence = Column(CodingKeys.sequence)
    }
}

struct TurnRow: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "turn"
    var id: String
    var conversationID: String
    var customerMessageID: String
    var replyMessageID: String
    var outcome: String
    var reason: String?
    var intent: String?
    var confidence: Double?
    var trace: String
    var totalMilliseconds: Double
    var createdAt: Date

    enum Columns {
        static let conversationID = Column(CodingKeys.conversationID)
        static let createdAt = Column(CodingKeys.createdAt)
    }
}

struct CitationRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "citation"
    var turnID: String
    var marker: Int
    var chunkID: String
    var documentID: String
    var documentTitle: String
    var section: String
    var version: String
    var documentRevision: Int
    var quote: String

    enum Columns {
        static let turnID = Column(CodingKeys.turnID)
        static let marker = Column(CodingKeys.marker)
    }
}

struct HandoffRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "handoff"
    var id: String
    var conversationID: String
    var turnID: String
    var reason: String
    var packet: String
    var status: String
    var createdAt: Date

    enum Columns {
        static let conversationID = Column(CodingKeys.conversationID)
        static let status = Column(CodingKeys.status)
        static let createdAt = Column(CodingKeys.createdAt)
    }
}

/// JSON text for the JSON columns.
enum JSONColumn {
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? "null"
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(text.utf8))
    }
}
