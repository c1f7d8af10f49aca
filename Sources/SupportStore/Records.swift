import Foundation
import GRDB
import SupportCore

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
    var owner: String?
    var leaseExpiresAt: Date?

    var ownership: Ownership {
        Ownership(status: ConversationStatus(rawValue: status) ?? .withAI, owner: owner, leaseExpiresAt: leaseExpiresAt)
    }
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
    var replyMessageID: String?
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

struct TransitionRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "transition"
    var id: Int64?
    var conversationID: String
    var fromStatus: String
    var toStatus: String
    var byKind: String
    var byName: String?
    var reason: String
    var createdAt: Date
}

struct EventRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "conversationEvent"
    var conversationID: String
    var sequence: Int
    var kind: String
    var payload: String
    var createdAt: Date
}

struct DraftRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "draft"
    var id: String
    var conversationID: String
    var forMessageID: String
    var question: String
    var outcome: String
    var reason: String?
    var text: String
    var citations: String
    var intent: String?
    var trace: String
    var requestedBy: String
    var createdAt: Date
}

struct FeedbackRow: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "feedback"
    var id: String
    var conversationID: String
    var draftID: String
    var messageID: String
    var action: String
    var question: String
    var draftText: String
    var sentText: String
    var editDistance: Double
    var agent: String
    var intent: String?
    var documents: String
    var createdAt: Date
}

struct RatingRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "rating"
    var messageID: String
    var conversationID: String
    var helpful: Bool
    var createdAt: Date
}

struct VerifiedAnswerRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "verifiedAnswer"
    var id: String
    var question: String
    var answer: String
    var citations: String
    var provenance: String
    var intent: String?
    var status: String
    var approvedBy: String
    var approvedAt: Date
    var sourceFeedbackID: String?
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
