import Foundation
import Hummingbird
import SupportCore
import SupportStore

/// The agent console API: the queue (also live), a conversation with its packet and traces,
/// ownership, AI drafts, replies with feedback, analytics and approved answers.
struct ConsoleController {
    let runtime: SupportRuntime
    var store: SQLiteConversationStore { runtime.conversations }
    var console: ConsoleService { runtime.console }
    var heartbeat: Duration { .milliseconds(Int(runtime.config.heartbeatSeconds * 1000)) }

    struct Me: ResponseEncodable { let agent: String }
    struct Queue: ResponseEncodable { let entries: [QueueEntry] }
    struct ConversationDetail: ResponseEncodable {
        let conversation: TranscriptResponse
        let owner: String?
        let leaseExpiresAt: Date?
        let turns: [StoredTurn]
        let handoffs: [HandoffEntry]
        let transitions: [ConversationTransition]
        let drafts: [AgentDraft]
        let feedback: [FeedbackRecord]
    }
    struct OwnershipResponse: ResponseEncodable {
        let status: ConversationStatus
        let owner: String?
        let leaseExpiresAt: Date?
        init(_ ownership: Ownership) {
            status = ownership.status
            owner = ownership.owner
            leaseExpiresAt = ownership.leaseExpiresAt
        }
    }
    struct DraftResponse: ResponseEncodable { let draft: AgentDraft }
    struct ReplyRequest: Decodable {
        let action: ReplyAction?
        let draftID: DraftID?
        let text: String?
        // The decoder turns `draft_id` into `draftId` before matching keys.
        enum CodingKeys: String, CodingKey {
            case action, text
            case draftID = "draftId"
        }
    }
    struct PlainReply: Decodable { let text: String }
    struct SentMessage: ResponseEncodable {
        let message: TranscriptMessage
        let feedback: FeedbackRecord?
    }
    struct VerifiedAnswers: ResponseEncodable { let answers: [VerifiedAnswer] }
    struct VerifiedAnswerResponse: ResponseEncodable { let answer: VerifiedAnswer }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("me") { _, context in Me(agent: try Self.agent(context)) }
        group.get("queue") { _, _ in Queue(entries: try await store.queue()) }
        group.get("queue/events", use: queueEvents)
        group.get("conversations/{id}", use: conversation)
        group.get("conversations/{id}/events", use: conversationEvents)
        group.post("conversations/{id}/claim") { try await change($0, $1) { .claim(agent: $0) } }
        group.post("conversations/{id}/release") { try await change($0, $1) { .release(agent: $0) } }
        group.post("conversations/{id}/return-to-ai") { try await change($0, $1) { .returnToAI(agent: $0) } }
        group.post("conversations/{id}/resolve") { try await change($0, $1) { .resolve(agent: $0) } }
        group.post("conversations/{id}/drafts", use: draft)
        group.post("conversations/{id}/replies", use: reply)
        group.post("conversations/{id}/messages", use: plainReply)
        group.get("stats", use: stats)
        group.get("verified-answers") { _, _ in VerifiedAnswers(answers: try await store.verifiedAnswers()) }
        group.post("verified-answers/{id}/approve", use: approve)
    }

    static func agent(_ context: AppRequestContext) throws -> String {
        guard let agent = context.agent else { throw APIError(.unauthorized, .unauthorized, "A valid agent token is required.") }
        return agent
    }

    static func conversationID(_ context: AppRequestContext) throws -> ConversationID {
        ConversationID(try context.parameters.require("id"))
    }

    @Sendable func queueEvents(_ request: Request, context: AppRequestContext) async throws -> Response {
        let store = store
        return LiveEventStream.response(pokes: runtime.feed.subscribeToQueue(), heartbeat: heartbeat, cursor: 0) { cursor in
            let data = try WireJSON.encoder.encode(Queue(entries: try await store.queue()))
            return ("id: \(cursor + 1)\nevent: queue\ndata: \(String(decoding: data, as: UTF8.self))\n\n", cursor + 1)
        }
    }

    @Sendable func conversation(_ request: Request, context: AppRequestContext) async throws -> ConversationDetail {
        let id = try Self.conversationID(context)
        guard let transcript = try await store.transcript(id) else { throw ConversationStoreError.conversationNotFound(id) }
        return ConversationDetail(
            conversation: TranscriptResponse(transcript), owner: transcript.ownership.owner,
            leaseExpiresAt: transcript.ownership.leaseExpiresAt, turns: try await store.turns(of: id),
            handoffs: try await store.handoffs(of: id), transitions: try await store.transitions(of: id),
            drafts: try await store.drafts(of: id), feedback: try await store.feedback(of: id))
    }

    @Sendable func conversationEvents(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try Self.conversationID(context)
        guard try await store.transcript(id) != nil else { throw ConversationStoreError.conversationNotFound(id) }
        return LiveEventStream.conversation(
            id, after: LiveEventStream.resumePoint(request), store: store, feed: runtime.feed, heartbeat: heartbeat)
    }

    func change(_ request: Request, _ context: AppRequestContext, _ command: (String) -> OwnershipCommand) async throws
        -> OwnershipResponse
    {
        OwnershipResponse(try await console.change(try Self.conversationID(context), command(try Self.agent(context))))
    }

    @Sendable func draft(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<DraftResponse> {
        let draft = try await console.draft(for: try Self.conversationID(context), agent: try Self.agent(context))
        return EditedResponse(status: .created, response: DraftResponse(draft: draft))
    }

    @Sendable func reply(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<SentMessage> {
        let body = try await request.decode(as: ReplyRequest.self, context: context)
        guard body.action != nil, body.draftID != nil else {
            throw APIError(.badRequest, .invalidReply, "A reply needs an action (accept, edit or reject) and a draft_id.")
        }
        let sent = try await console.reply(
            in: try Self.conversationID(context), agent: try Self.agent(context), action: body.action,
            draftID: body.draftID, text: body.text)
        return EditedResponse(status: .created, response: SentMessage(message: sent.message, feedback: sent.feedback))
    }

    @Sendable func plainReply(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<SentMessage> {
        let body = try await request.decode(as: PlainReply.self, context: context)
        let sent = try await console.reply(
            in: try Self.conversationID(context), agent: try Self.agent(context), action: nil, draftID: nil, text: body.text)
        return EditedResponse(status: .created, response: SentMessage(message: sent.message, feedback: nil))
    }

    @Sendable func stats(_ request: Request, context: AppRequestContext) async throws -> SupportStats {
        let query = request.uri.queryParameters
        var since: Date?
        if let text = query.get("since") {
            guard let date = ISO8601DateFormatter().date(from: text) else {
                throw APIError(.badRequest, .badRequest, "`since` must be an ISO 8601 date, e.g. 2026-11-01T00:00:00Z.")
            }
            since = date
        }
        let minutes = query.get("assume_resolved_after_minutes", as: Double.self) ?? runtime.config.assumeResolvedMinutes
        return SupportStats.compute(
            activity: try await store.activity(since: since), feedback: try await store.feedback(since: since),
            assumeResolvedAfter: minutes * 60, now: Date())
    }

    @Sendable func approve(_ request: Request, context: AppRequestContext) async throws -> VerifiedAnswerResponse {
        let id = VerifiedAnswerID(try context.parameters.require("id"))
        let answer = try await store.approveVerifiedAnswer(
            id, agent: try Self.agent(context), currentRevisions: runtime.currentRevisions)
        try await runtime.refreshVerifiedAnswers()
        return VerifiedAnswerResponse(answer: answer)
    }
}

extension SupportStats: ResponseEncodable {}

/// Lets a console request through only with `Authorization: Bearer <token>` of a configured agent.
struct AgentAuthMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let tokens: [String: String]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer "),
            let agent = tokens[String(header.dropFirst("Bearer ".count)).trimmingCharacters(in: .whitespaces)]
        else {
            throw APIError(.unauthorized, .unauthorized, "A valid agent token is required (Authorization: Bearer <token>).")
        }
        var context = context
        context.agent = agent
        return try await next(request, context)
    }
}
