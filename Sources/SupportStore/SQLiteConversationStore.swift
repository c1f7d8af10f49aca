import Foundation
import GRDB
import SupportCore

/// Conversations, messages, turns, citations, handoffs, ownership and the event log in SQLite.
/// Every write appends to the conversation's event log in the same transaction, then pokes the
/// change feed so open streams read the log again.
public struct SQLiteConversationStore: ConversationStore {
    public let database: AppDatabase
    public let feed: ChangeFeed
    let now: @Sendable () -> Date

    public init(database: AppDatabase, feed: ChangeFeed = ChangeFeed(), now: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.feed = feed
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
        try await database.reader.read { db in try Self.transcript(db, id) }
    }

    static func transcript(_ db: Database, _ id: ConversationID) throws -> Transcript? {
        guard let conversation = try ConversationRecord.fetchOne(db, key: id.rawValue) else { return nil }
        let messages = try MessageRecord.filter(MessageRecord.Columns.conversationID == id.rawValue)
            .order(MessageRecord.Columns.sequence).fetchAll(db)
        let turns = try TurnRow.filter(TurnRow.Columns.conversationID == id.rawValue).fetchAll(db)
        let turnsByReply = Dictionary(
            turns.compactMap { turn in turn.replyMessageID.map { ($0, turn) } }, uniquingKeysWith: { a, _ in a })
        var citationsByTurn: [String: [Citation]] = [:]
        if !turns.isEmpty {
            let rows = try CitationRecord.filter(turns.map(\.id).contains(CitationRecord.Columns.turnID))
                .order(CitationRecord.Columns.marker).fetchAll(db)
            for row in rows { citationsByTurn[row.turnID, default: []].append(citation(row)) }
        }
        let ratings = try RatingRecord.filter(Column("conversationID") == id.rawValue).fetchAll(db)
        let ratingByMessage = Dictionary(ratings.map { ($0.messageID, $0.helpful) }, uniquingKeysWith: { _, b in b })
        let lastEvent = try Int.fetchOne(
            db, sql: "SELECT COALESCE(MAX(sequence), 0) FROM conversationEvent WHERE conversationID = ?",
            arguments: [id.rawValue]) ?? 0
        return Transcript(
            id: id, ownership: conversation.ownership, createdAt: conversation.createdAt,
            messages: messages.map { message in
                let turn = turnsByReply[message.id]
                return TranscriptMessage(
                    id: MessageID(message.id), role: MessageRole(rawValue: message.role) ?? .customer,
                    text: message.text, createdAt: message.createdAt,
                    outcome: turn.flatMap { OutcomeKind(rawValue: $0.outcome) }, reason: turn?.reason,
                    citations: turn.map { citationsByTurn[$0.id] ?? [] } ?? [], author: message.author,
                    turnID: message.turnID.map { TurnID($0) }, rating: ratingByMessage[message.id])
            },
            lastEventSequence: lastEvent)
    }

    public func receiveCustomerMessage(_ conversation: ConversationID, text: String, redactions: [Redaction]) async throws
        -> ReceivedMessage
    {
        let date = now()
        let received = try await database.writer.write { db in
            var record = try Self.conversation(db, conversation)
            let ownership = try Self.apply(.customerWrote, to: &record, rules: OwnershipRules(), db: db, date: date)
            let message = try Self.insertMessage(
                db, conversation: &record, role: .customer, text: text, redactions: redactions, author: nil, turnID: nil,
                date: date)
            return ReceivedMessage(message: message, ownership: ownership)
        }
        feed.changed(conversation, queue: !received.ownership.aiMayReply)
        return received
    }

    public func attachShadow(_ attempt: DraftingRecord, to turn: TurnID) async throws {
        try await database.writer.write { db in
            guard var row = try TurnRow.fetchOne(db, key: turn.rawValue) else { return }
            var trace = try JSONColumn.decode(TurnTrace.self, row.trace)
            trace.drafting = (trace.drafting ?? []) + [attempt]
            row.trace = JSONColumn.encode(trace)
            try row.update(db)
        }
    }

    public func recordTurn(_ turn: TurnRecord) async throws -> TranscriptMessage? {
        let date = now()
        let outcome = turn.result.outcome
        let reply = try await database.writer.write { db -> TranscriptMessage? in
            var record = try Self.conversation(db, turn.conversationID)
            var reply: TranscriptMessage?
            if record.ownership.aiMayReply {
                reply = try Self.insertMessage(
                    db, conversation: &record, role: .assistant, text: outcome.text, redactions: [], author: nil,
                    turnID: turn.id, date: date, outcome: outcome.kind, reason: outcome.reasonCode,
                    citations: outcome.citations)
            }
            try TurnRow(
                id: turn.id.rawValue, conversationID: turn.conversationID.rawValue,
                customerMessageID: turn.customerMessageID.rawValue, replyMessageID: reply?.id.rawValue,
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
            if reply != nil, case .handoff(let handoff) = outcome {
                try Self.closeOpenHandoffs(db, of: turn.conversationID.rawValue)
                try HandoffRecord(
                    id: handoff.id.rawValue, conversationID: turn.conversationID.rawValue, turnID: turn.id.rawValue,
                    reason: handoff.reason.rawValue, packet: JSONColumn.encode(handoff.packet), status: "open",
                    createdAt: date
                ).insert(db)
                _ = try Self.apply(.handoff, to: &record, rules: OwnershipRules(), db: db, date: date)
            }
            return reply
        }
        feed.changed(turn.conversationID, queue: outcome.kind == .handoff)
        return reply
    }

    public func appendAgentReply(
        _ conversation: ConversationID, text: String, agent: String, feedback: FeedbackRecord?, rules: OwnershipRules
    ) async throws -> TranscriptMessage {
        let date = now()
        let message = try await database.writer.write { db in
            var record = try Self.conversation(db, conversation)
            _ = try Self.apply(.renew(agent: agent), to: &record, rules: rules, db: db, date: date)
            let message = try Self.insertMessage(
                db, conversation: &record, role: .agent, text: text, redactions: [], author: agent, turnID: nil, date: date)
            if var feedback {
                feedback.messageID = message.id
                try Self.insertFeedback(db, feedback)
            }
            return message
        }
        feed.changed(conversation, queue: true)
        return message
    }

    public func changeOwnership(_ conversation: ConversationID, _ command: OwnershipCommand, rules: OwnershipRules)
        async throws -> Ownership
    {
        let date = now()
        let ownership = try await database.writer.write { db in
            var record = try Self.conversation(db, conversation)
            return try Self.apply(command, to: &record, rules: rules, db: db, date: date)
        }
        feed.changed(conversation, queue: true)
        return ownership
    }

    public func expireLeases(rules: OwnershipRules) async throws -> [ConversationID] {
        let date = now()
        let expired = try await database.writer.write { db in
            let records = try ConversationRecord
                .filter(Column("status") == ConversationStatus.withHuman.rawValue && Column("leaseExpiresAt") <= date)
                .fetchAll(db)
            for var record in records {
                _ = try Self.apply(.expireLease, to: &record, rules: rules, db: db, date: date)
            }
            return records.map { ConversationID($0.id) }
        }
        for id in expired { feed.changed(id, queue: true) }
        return expired
    }

    public func transitions(of conversation: ConversationID) async throws -> [ConversationTransition] {
        try await database.reader.read { db in
            try TransitionRecord.filter(Column("conversationID") == conversation.rawValue).order(Column("id")).fetchAll(db)
                .map { row in
                    ConversationTransition(
                        from: ConversationStatus(rawValue: row.fromStatus) ?? .withAI,
                        to: ConversationStatus(rawValue: row.toStatus) ?? .withAI,
                        by: Party(kind: Party.Kind(rawValue: row.byKind) ?? .system, name: row.byName),
                        reason: TransitionReason(rawValue: row.reason) ?? .handoff, createdAt: row.createdAt)
                }
        }
    }

    public func events(of conversation: ConversationID, after sequence: Int) async throws -> [ConversationEvent] {
        try await database.reader.read { db in
            try EventRecord.filter(Column("conversationID") == conversation.rawValue && Column("sequence") > sequence)
                .order(Column("sequence")).fetchAll(db)
                .map { row in
                    let payload: ConversationEvent.Payload =
                        row.kind == ConversationEvent.Name.state.rawValue
                        ? .state(try JSONColumn.decode(StateNotice.self, row.payload))
                        : .message(try JSONColumn.decode(TranscriptMessage.self, row.payload))
                    return ConversationEvent(sequence: row.sequence, payload: payload, createdAt: row.createdAt)
                }
        }
    }

    public func queue() async throws -> [QueueEntry] {
        let date = now()
        return try await database.reader.read { db in
            let records = try ConversationRecord.filter(
                [ConversationStatus.waitingForHuman.rawValue, ConversationStatus.withHuman.rawValue].contains(Column("status"))
            ).fetchAll(db)
            let entries = try records.compactMap { record -> QueueEntry? in
                guard
                    let handoff = try HandoffRecord
                        .filter(HandoffRecord.Columns.conversationID == record.id && HandoffRecord.Columns.status == "open")
                        .order(HandoffRecord.Columns.createdAt.desc).fetchOne(db).map(Self.entry)
                else { return nil }
                let last = try String.fetchOne(
                    db, sql: "SELECT text FROM message WHERE conversationID = ? AND role = 'customer' ORDER BY sequence DESC LIMIT 1",
                    arguments: [record.id])
                let waited = date.timeIntervalSince(handoff.createdAt)
                return QueueEntry(
                    conversationID: ConversationID(record.id), status: record.ownership.status, owner: record.owner,
                    leaseExpiresAt: record.leaseExpiresAt, handoff: handoff, waitingSince: handoff.createdAt,
                    waitingSeconds: (waited * 10).rounded() / 10,
                    priority: QueueOrder.priority(
                        reason: handoff.reason, frustration: handoff.packet.frustration, waitingSeconds: waited),
                    lastCustomerMessage: last)
            }
            return QueueOrder.sorted(entries)
        }
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
                        trace: try JSONColumn.decode(TurnTrace.self, row.trace), createdAt: row.createdAt,
                        delivered: row.replyMessageID != nil)
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

    // MARK: - Inside a transaction

    static func conversation(_ db: Database, _ id: ConversationID) throws -> ConversationRecord {
        guard let record = try ConversationRecord.fetchOne(db, key: id.rawValue) else {
            throw ConversationStoreError.conversationNotFound(id)
        }
        return record
    }

    /// Applies the rules, saves the new state, records the transition and tells the customer.
    static func apply(
        _ command: OwnershipCommand, to record: inout ConversationRecord, rules: OwnershipRules, db: Database, date: Date
    ) throws -> Ownership {
        let before = record.ownership
        let change = try rules.apply(command, to: before, at: date)
        record.status = change.next.status.rawValue
        record.owner = change.next.owner
        record.leaseExpiresAt = change.next.leaseExpiresAt
        record.updatedAt = date
        try record.update(db)
        if let reason = change.reason {
            let party = OwnershipRules.party(of: command)
            let transition = ConversationTransition(from: before.status, to: change.next.status, by: party, reason: reason, createdAt: date)
            try TransitionRecord(
                id: nil, conversationID: record.id, fromStatus: before.status.rawValue, toStatus: change.next.status.rawValue,
                byKind: party.kind.rawValue, byName: party.name, reason: reason.rawValue, createdAt: date
            ).insert(db)
            if reason == .resolved || reason == .returnedToAI {
                try closeOpenHandoffs(db, of: record.id)
            }
            if let notice = StateNotice.forTransition(transition, owner: change.next.owner ?? before.owner) {
                try appendEvent(db, conversation: ConversationID(record.id), payload: .state(notice), date: date)
            }
        }
        return change.next
    }

    /// A new handoff, a resolution or a return to the AI ends any handoff still open.
    static func closeOpenHandoffs(_ db: Database, of conversation: String) throws {
        try db.execute(
            sql: "UPDATE handoff SET status = 'closed' WHERE conversationID = ? AND status = 'open'", arguments: [conversation])
    }

    static func insertMessage(
        _ db: Database, conversation record: inout ConversationRecord, role: MessageRole, text: String,
        redactions: [Redaction], author: String?, turnID: TurnID?, date: Date, outcome: OutcomeKind? = nil,
        reason: String? = nil, citations: [Citation] = []
    ) throws -> TranscriptMessage {
        let id = MessageID.generate(prefix: "msg")
        let sequence = try Int.fetchOne(
            db, sql: "SELECT COALESCE(MAX(sequence), 0) + 1 FROM message WHERE conversationID = ?",
            arguments: [record.id]) ?? 1
        try MessageRecord(
            id: id.rawValue, conversationID: record.id, sequence: sequence, role: role.rawValue, text: text,
            redactions: JSONColumn.encode(redactions), author: author, turnID: turnID?.rawValue, createdAt: date
        ).insert(db)
        record.updatedAt = date
        try record.update(db)
        let message = TranscriptMessage(
            id: id, role: role, text: text, createdAt: date, outcome: outcome, reason: reason, citations: citations,
            author: author, turnID: turnID)
        try appendEvent(db, conversation: ConversationID(record.id), payload: .message(message), date: date)
        return message
    }

    @discardableResult
    static func appendEvent(_ db: Database, conversation: ConversationID, payload: ConversationEvent.Payload, date: Date)
        throws -> Int
    {
        let sequence = try Int.fetchOne(
            db, sql: "SELECT COALESCE(MAX(sequence), 0) + 1 FROM conversationEvent WHERE conversationID = ?",
            arguments: [conversation.rawValue]) ?? 1
        let kind: ConversationEvent.Name
        let json: String
        switch payload {
        case .message(let message):
            kind = .message
            json = JSONColumn.encode(message)
        case .state(let notice):
            kind = .state
            json = JSONColumn.encode(notice)
        }
        try EventRecord(conversationID: conversation.rawValue, sequence: sequence, kind: kind.rawValue, payload: json, createdAt: date)
            .insert(db)
        return sequence
    }

    static func entry(_ record: HandoffRecord) throws -> HandoffEntry {
        HandoffEntry(
            id: HandoffID(record.id), conversationID: ConversationID(record.conversationID),
            reason: HandoffReason(rawValue: record.reason) ?? .customerAsked,
            packet: try JSONColumn.decode(HandoffPacket.self, record.packet), createdAt: record.createdAt)
    }

    static func citation(_ row: CitationRecord) -> Citation {
        Citation(
            index: row.marker, chunkID: ChunkID(row.chunkID), documentID: DocumentID(row.documentID),
            documentTitle: row.documentTitle, section: row.section, version: row.version,
            documentRevision: row.documentRevision, quote: row.quote)
    }
}
