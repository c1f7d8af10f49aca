import Foundation
import GRDB
import SupportCore

/// Drafts, feedback, ratings, verified answers and the analytics' raw material, in the same
/// database as the conversations.
extension SQLiteConversationStore: FeedbackStore {
    public func saveDraft(_ draft: AgentDraft) async throws {
        try await database.writer.write { db in
            try DraftRecord(
                id: draft.id.rawValue, conversationID: draft.conversationID.rawValue,
                forMessageID: draft.forMessageID.rawValue, question: draft.question, outcome: draft.outcome.rawValue,
                reason: draft.reason, text: draft.text, citations: JSONColumn.encode(draft.citations),
                intent: draft.intent?.rawValue, trace: JSONColumn.encode(draft.trace), requestedBy: draft.requestedBy,
                createdAt: draft.createdAt
            ).insert(db)
        }
    }

    public func draft(_ id: DraftID) async throws -> AgentDraft? {
        try await database.reader.read { db in try DraftRecord.fetchOne(db, key: id.rawValue).map(Self.draft) }
    }

    public func drafts(of conversation: ConversationID) async throws -> [AgentDraft] {
        try await database.reader.read { db in
            try DraftRecord.filter(Column("conversationID") == conversation.rawValue).order(Column("createdAt"))
                .fetchAll(db).map(Self.draft)
        }
    }

    public func feedback(of conversation: ConversationID) async throws -> [FeedbackRecord] {
        try await database.reader.read { db in
            try FeedbackRow.filter(Column("conversationID") == conversation.rawValue).order(Column("createdAt"))
                .fetchAll(db).map(Self.feedback)
        }
    }

    public func feedback(since: Date?) async throws -> [FeedbackRecord] {
        try await database.reader.read { db in
            var request = FeedbackRow.order(Column("createdAt"), Column("id"))
            if let since { request = request.filter(Column("createdAt") >= since) }
            return try request.fetchAll(db).map(Self.feedback)
        }
    }

    public func rate(_ message: MessageID, in conversation: ConversationID, helpful: Bool) async throws -> Rating {
        let date = now()
        try await database.writer.write { db in
            guard
                let record = try MessageRecord.fetchOne(db, key: message.rawValue),
                record.conversationID == conversation.rawValue
            else { throw ConversationStoreError.messageNotFound(message) }
            guard record.role != MessageRole.customer.rawValue else { throw ConversationStoreError.notRateable(message) }
            try RatingRecord(messageID: message.rawValue, conversationID: conversation.rawValue, helpful: helpful, createdAt: date)
                .save(db)
        }
        return Rating(messageID: message, conversationID: conversation, helpful: helpful, createdAt: date)
    }

    public func verifiedAnswers() async throws -> [VerifiedAnswer] {
        try await database.reader.read { db in
            try VerifiedAnswerRecord.order(Column("approvedAt"), Column("id")).fetchAll(db).map(Self.verified)
        }
    }

    public func saveVerifiedAnswers(_ answers: [VerifiedAnswer]) async throws {
        try await database.writer.write { db in
            for answer in answers { try Self.record(answer).save(db) }
        }
    }

    public func approveVerifiedAnswer(_ id: VerifiedAnswerID, agent: String, currentRevisions: [DocumentID: Int])
        async throws -> VerifiedAnswer
    {
        let date = now()
        return try await database.writer.write { db in
            guard let record = try VerifiedAnswerRecord.fetchOne(db, key: id.rawValue) else {
                throw ConversationStoreError.verifiedAnswerNotFound(id)
            }
            var answer = try Self.verified(record)
            answer.provenance = answer.provenance.map { document in
                var document = document
                document.revision = currentRevisions[document.documentID] ?? document.revision
                return document
            }
            answer.citations = answer.citations.map { citation in
                var citation = citation
                citation.documentRevision = currentRevisions[citation.documentID] ?? citation.documentRevision
                return citation
            }
            answer.status = .approved
            answer.approvedBy = agent
            answer.approvedAt = date
            try Self.record(answer).save(db)
            return answer
        }
    }

    public func markStaleVerifiedAnswers(currentRevisions: [DocumentID: Int]) async throws -> Int {
        try await database.writer.write { db in try Self.markStale(db, currentRevisions: currentRevisions) }
    }

    /// Marks stale answers and returns all of them, synchronously (for start-up and ingest).
    public func refreshVerifiedAnswersNow(currentRevisions: [DocumentID: Int]) throws -> [VerifiedAnswer] {
        try database.writer.write { db in
            try Self.markStale(db, currentRevisions: currentRevisions)
            return try VerifiedAnswerRecord.order(Column("approvedAt"), Column("id")).fetchAll(db).map(Self.verified)
        }
    }

    static func markStale(_ db: Database, currentRevisions: [DocumentID: Int]) throws -> Int {
        var changed = 0
        for record in try VerifiedAnswerRecord.filter(Column("status") == VerifiedAnswer.Status.approved.rawValue).fetchAll(db) {
            var answer = try verified(record)
            guard !answer.changedDocuments(currentRevisions: currentRevisions).isEmpty else { continue }
            answer.status = .stale
            try Self.record(answer).save(db)
            changed += 1
        }
        return changed
    }

    public func activity(since: Date?) async throws -> [ConversationActivity] {
        try await database.reader.read { db in
            var request = ConversationRecord.order(Column("createdAt"), Column("id"))
            if let since { request = request.filter(Column("updatedAt") >= since) }
            let conversations = try request.fetchAll(db)
            let ids = conversations.map(\.id)
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT m.conversationID, m.role, m.createdAt, t.outcome
                    FROM message m LEFT JOIN turn t ON t.replyMessageID = m.id
                    WHERE m.conversationID IN (SELECT value FROM json_each(?))
                    ORDER BY m.conversationID, m.sequence
                    """, arguments: [JSONColumn.encode(ids)])
            var messages: [String: [ConversationActivity.Message]] = [:]
            for row in rows {
                let outcome: String? = row["outcome"]
                messages[row["conversationID"], default: []].append(ConversationActivity.Message(
                    role: MessageRole(rawValue: row["role"]) ?? .customer, outcome: outcome.flatMap(OutcomeKind.init(rawValue:)),
                    createdAt: row["createdAt"]))
            }
            var handoffs: [String: [ConversationActivity.HandoffMark]] = [:]
            for record in try HandoffRecord.filter(ids.contains(HandoffRecord.Columns.conversationID))
                .order(HandoffRecord.Columns.createdAt).fetchAll(db)
            {
                handoffs[record.conversationID, default: []].append(ConversationActivity.HandoffMark(
                    reason: HandoffReason(rawValue: record.reason) ?? .customerAsked, createdAt: record.createdAt))
            }
            var ratings: [String: [Rating]] = [:]
            for record in try RatingRecord.filter(ids.contains(Column("conversationID"))).order(Column("createdAt")).fetchAll(db) {
                ratings[record.conversationID, default: []].append(Rating(
                    messageID: MessageID(record.messageID), conversationID: ConversationID(record.conversationID),
                    helpful: record.helpful, createdAt: record.createdAt))
            }
            return conversations.map { record in
                ConversationActivity(
                    id: ConversationID(record.id), status: record.ownership.status, messages: messages[record.id] ?? [],
                    handoffs: handoffs[record.id] ?? [], ratings: ratings[record.id] ?? [])
            }
        }
    }

    // MARK: - Rows

    static func insertFeedback(_ db: Database, _ feedback: FeedbackRecord) throws {
        try FeedbackRow(
            id: feedback.id.rawValue, conversationID: feedback.conversationID.rawValue, draftID: feedback.draftID.rawValue,
            messageID: feedback.messageID.rawValue, action: feedback.action.rawValue, question: feedback.question,
            draftText: feedback.draftText, sentText: feedback.sentText, editDistance: feedback.editDistance,
            agent: feedback.agent, intent: feedback.intent?.rawValue, documents: JSONColumn.encode(feedback.documents),
            createdAt: feedback.createdAt
        ).insert(db)
    }

    static func draft(_ row: DraftRecord) throws -> AgentDraft {
        AgentDraft(
            id: DraftID(row.id), conversationID: ConversationID(row.conversationID), forMessageID: MessageID(row.forMessageID),
            question: row.question, outcome: OutcomeKind(rawValue: row.outcome) ?? .dontKnow, reason: row.reason,
            text: row.text, citations: try JSONColumn.decode([Citation].self, row.citations),
            intent: row.intent.map { IntentName($0) }, trace: try JSONColumn.decode(TurnTrace.self, row.trace),
            requestedBy: row.requestedBy, createdAt: row.createdAt)
    }

    static func feedback(_ row: FeedbackRow) throws -> FeedbackRecord {
        FeedbackRecord(
            id: FeedbackID(row.id), conversationID: ConversationID(row.conversationID), draftID: DraftID(row.draftID),
            messageID: MessageID(row.messageID), action: ReplyAction(rawValue: row.action) ?? .reject,
            question: row.question, draftText: row.draftText, sentText: row.sentText, editDistance: row.editDistance,
            agent: row.agent, intent: row.intent.map { IntentName($0) },
            documents: try JSONColumn.decode([DocumentVersion].self, row.documents), createdAt: row.createdAt)
    }

    static func verified(_ row: VerifiedAnswerRecord) throws -> VerifiedAnswer {
        VerifiedAnswer(
            id: VerifiedAnswerID(row.id), question: row.question, answer: row.answer,
            citations: try JSONColumn.decode([Citation].self, row.citations),
            provenance: try JSONColumn.decode([DocumentVersion].self, row.provenance),
            intent: row.intent.map { IntentName($0) }, status: VerifiedAnswer.Status(rawValue: row.status) ?? .stale,
            approvedBy: row.approvedBy, approvedAt: row.approvedAt, sourceFeedbackID: row.sourceFeedbackID.map { FeedbackID($0) })
    }

    static func record(_ answer: VerifiedAnswer) -> VerifiedAnswerRecord {
        VerifiedAnswerRecord(
            id: answer.id.rawValue, question: answer.question, answer: answer.answer,
            citations: JSONColumn.encode(answer.citations), provenance: JSONColumn.encode(answer.provenance),
            intent: answer.intent?.rawValue, status: answer.status.rawValue, approvedBy: answer.approvedBy,
            approvedAt: answer.approvedAt, sourceFeedbackID: answer.sourceFeedbackID?.rawValue)
    }
}
