import Foundation
import GRDB
import SupportCore

/// Conversations, messages, turns, citations and handoffs in SQLite.
public struct SQLiteConversationStore: ConversationStore {
    public let database: AppDatabase
    private let now: @Sendable () -> Date

    public init(database: AppDatabase, now: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.now = now
    }

    public func createConversation() async throws -> ConversationID {
        let id = ConversationID.generate(prefix: "conv")
        let date = now()
        try await database.writer.write { db in
            try ConversationRecord(id: id.rawValue, status: ConversationStatus.withAI.rawValue, createdAt: date, updatedAt: date)
                .insert(db)
        }
        return id
    }

    public func conversations(activeSince since: Date?) async throws -> [ConversationID] {
        try await database.reader.read { db in
            var request = ConversationRecord.order(Column("createdAt"), Column("id"))
            if let since { request = request.filter(Column("updatedAt") >= since) }
            return try request.fetchAll(db).map { ConversationID($0.id) }
        }
    }

    public func transcript(_ id: ConversationID) async throws -> Transcript? {
        try await database.reader.read { db in
            guard let conversation = try ConversationRecord.fetchOne(db, key: id.rawValue) else { return nil }
            let messages = try MessageRecord.filter(MessageRecord.Columns.conversationID == id.rawValue)
                .order(MessageRecord.Columns.sequence).fetchAll(db)
            let turns = try TurnRow.filter(TurnRow.Columns.conversationID == id.rawValue).fetchAll(db)
            let turnsByReply = Dictionary(turns.map { ($0.replyMessageID, $0) }, uniquingKeysWith: { a, _ in a })
            var citationsByTurn: [String: [Citation]] = [:]
            if !turns.isEmpty {
                let rows = try CitationRecord.filter(turns.map(\.id).contains(CitationRecord.Columns.turnID))
                    .order(CitationRecord.Columns.marker).fetchAll(db)
                for row in rows { citationsByTurn[row.turnID, default: []].append(Self.citation(row)) }
            }
            return Transcript(
                id: id, status: ConversationStatus(rawValue: conversation.status) ?? .withAI,
                createdAt: conversation.createdAt,
                messages: messages.map { message in
                    let turn = turnsByReply[message.id]
                    return TranscriptMessage(
                        id: MessageID(message.id), role: MessageRole(rawValue: message.role) ?? .customer,
                        text: message.text, createdAt: message.createdAt,
                        outcome: turn.flatMap { OutcomeKind(rawValue: $0.outcome) }, reason: turn?.reason,
                        citations: turn.map { citationsByTurn[$0.id] ?? [] } ?? [], author: message.author,
                        turnID: message.turnID.map { TurnID($0) })
                })
        }
    }

    public func appendCustomerMessage(_ conversation: ConversationID, text: String, redactions: [Redaction]) async throws
        -> TranscriptMessage
    {
        try await append(conversation, role: .customer, text: text, redactions: redactions, author: nil, turnID: nil, status: nil)
    }

    public func appendAgentMessage(_ conversation: ConversationID, text: String, agent: String) async throws
        -> TranscriptMessage
    {
        try await append(conversation, role: .agent, text: text, redactions: [], author: agent, turnID: nil, status: .withHuman)
    }

    private func append(
        _ conversation: ConversationID, role: MessageRole, text: String, redactions: [Redaction], author: String?,
        turnID: TurnID?, status: ConversationStatus?
    ) async throws -> TranscriptMessage {
        let date = now()
        let id = MessageID.generate(prefix: "msg")
        try await database.writer.write { db in
            try Self.insertMessage(
                db, id: id, conversation: conversation, role: role, text: text, redactions: redactions, author: author,
                turnID: turnID, date: date, status: status)
        }
        return TranscriptMessage(id: id, role: role, text: text, createdAt: date, author: author, turnID: turnID)
    }

    private static func insertMessage(
        _ db: Database, id: MessageID, conversation: ConversationID, role: MessageRole, text: String,
        redactions: [Redaction], author: String?, turnID: TurnID?, date: Date, status: ConversationStatus?
    ) throws {
        guard var record = try ConversationRecord.fetchOne(db, key: conversation.rawValue) else {
            throw ConversationStoreError.conversationNotFound(conversation)
        }
        let sequence = try Int.fetchOne(
            db, sql: "SELECT COALESCE(MAX(sequence), 0) + 1 FROM message WHERE conversationID = ?",
            arguments: [conversation.rawValue]) ?? 1
        try MessageRecord(
            id: id.rawValue, conversationID: conversation.rawValue, sequence: sequence, role: role.rawValue, text: text,
            redactions: JSONColumn.encode(redactions), author: author, turnID: turnID?.rawValue, createdAt: date
        ).insert(db)
        record.updatedAt = date
        if let status { record.status = status.rawValue }
        try record.update(db)
    }

    public func recordTurn(_ turn: TurnRecord) async throws -> TranscriptMessage {
        let date = now()
        let replyID = MessageID.generate(prefix: "msg")
        let outcome = turn.result.outcome
        try await database.writer.write { db in
            let newStatus: ConversationStatus? = outcome.kind == .handoff ? .waitingForHuman : nil
            try Self.insertMessage(
                db, id: replyID, conversation: turn.conversationID, role: .assistant, text: outcome.text, redactions: [],
                author: nil, turnID: turn.id, date: date, status: newStatus)
            try TurnRow(
                id: turn.id.rawValue, conversationID: turn.conversationID.rawValue,
                customerMessageID: turn.customerMessageID.rawValue, replyMessageID: replyID.rawValue,
                outcome: outcome.kind.rawValue, reason: outcome.reasonCode,
                intent: turn.result.routing?.intent?.rawValue, confidence: turn.result.routing?.confidence,
                trace: JSONColumn.encode(turn.result.trace), totalMilliseconds: turn.result.trace.totalMilliseconds,
                createdAt: date
            ).insert(db)
            for citation in outcome.citations {
                try CitationRecord(
                    turnID: turn.id.rawValue, marker: citation.index, chunkID: citation.chunkID.rawValue,
                    documentID: citation.documentID.rawValue, documentTitle: citation.documentTitle,
                    section: citation.section, version: citation.version, documentRevision: citation.documentRevision,
                    quote: citation.quote
                ).insert(db)
            }
            if case .handoff(let handoff) = outcome {
                try HandoffRecord(
                    id: handoff.id.rawValue, conversationID: turn.conversationID.rawValue, turnID: turn.id.rawValue,
                    reason: handoff.reason.rawValue, packet: JSONColumn.encode(handoff.packet), status: "open",
                    createdAt: date
                ).insert(db)
            }
        }
        return TranscriptMessage(
            id: replyID, role: .assistant, text: outcome.text, createdAt: date, outcome: outcome.kind,
            reason: outcome.reasonCode, citations: outcome.citations, turnID: turn.id)
    }

    public func turns(of conversation: ConversationID) async throws -> [StoredTurn] {
        try await database.reader.read { db in
            try TurnRow.filter(TurnRow.Columns.conversationID == conversation.rawValue)
                .order(TurnRow.Columns.createdAt).fetchAll(db)
                .map { row in
                    StoredTurn(
                        id: TurnID(row.id), customerMessageID: MessageID(row.customerMessageID),
                        outcome: OutcomeKind(rawValue: row.outcome) ?? .dontKnow, reason: row.reason,
                        intent: row.intent.map { IntentName($0) }, confidence: row.confidence,
                        trace: try JSONColumn.decode(TurnTrace.self, row.trace), createdAt: row.createdAt)
                }
        }
    }

    public func openHandoffs() async throws -> [HandoffEntry] {
        try await database.reader.read { db in
            try HandoffRecord.filter(HandoffRecord.Columns.status == "open").order(HandoffRecord.Columns.createdAt)
                .fetchAll(db).map(Self.entry)
        }
    }

    public func handoffs(of conversation: ConversationID) async throws -> [HandoffEntry] {
        try await database.reader.read { db in
            try HandoffRecord.filter(HandoffRecord.Columns.conversationID == conversation.rawValue)
                .order(HandoffRecord.Columns.createdAt).fetchAll(db).map(Self.entry)
        }
    }

    private static func entry(_ record: HandoffRecord) throws -> HandoffEntry {
        HandoffEntry(
            id: HandoffID(record.id), conversationID: ConversationID(record.conversationID),
            reason: HandoffReason(rawValue: record.reason) ?? .customerAsked,
            packet: try JSONColumn.decode(HandoffPacket.self, record.packet), createdAt: record.createdAt)
    }

    private static func citation(_ row: CitationRecord) -> Citation {
        Citation(
            index: row.marker, chunkID: ChunkID(row.chunkID), documentID: DocumentID(row.documentID),
            documentTitle: row.documentTitle, section: row.section, version: row.version,
            documentRevision: row.documentRevision, quote: row.quote)
    }
}
