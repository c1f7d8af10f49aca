import Foundation
import Hummingbird
import SupportCore

/// The first agent console API: the handoff queue, a conversation with its traces, human replies.
struct ConsoleController {
    let store: any ConversationStore

    struct QueueEntry: Encodable {
        let handoff: HandoffEntry
        let waitingSeconds: Double
    }
    struct Queue: ResponseEncodable { let entries: [QueueEntry] }
    struct ConversationDetail: ResponseEncodable {
        let conversation: TranscriptResponse
        let turns: [StoredTurn]
        let handoffs: [HandoffEntry]
    }
    struct AgentReply: Decodable { let text: String }
    struct SentMessage: ResponseEncodable { let message: TranscriptMessage }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("queue", use: queue)
        group.get("conversations/{id}", use: conversation)
        group.post("conversations/{id}/messages", use: reply)
    }

    @Sendable func queue(_ request: Request, context: AppRequestContext) async throws -> Queue {
        let now = Date()
        return Queue(entries: try await store.openHandoffs().map {
            QueueEntry(handoff: $0, waitingSeconds: now.timeIntervalSince($0.createdAt))
        })
    }

    @Sendable func conversation(_ request: Request, context: AppRequestContext) async throws -> ConversationDetail {
        let id = ConversationID(try context.parameters.require("id"))
        guard let transcript = try await store.transcript(id) else { throw ConversationStoreError.conversationNotFound(id) }
        return ConversationDetail(
            conversation: TranscriptResponse(transcript), turns: try await store.turns(of: id),
            handoffs: try await store.handoffs(of: id))
    }

    @Sendable func reply(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<SentMessage> {
        let id = ConversationID(try context.parameters.require("id"))
        let body = try await request.decode(as: AgentReply.self, context: context)
        let text = body.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw TurnService.Rejection.emptyMessage }
        guard text.count <= TurnService.maximumMessageCharacters else {
            throw TurnService.Rejection.messageTooLong(limit: TurnService.maximumMessageCharacters)
        }
        let message = try await store.appendAgentMessage(id, text: text, agent: context.agent ?? "agent")
        return EditedResponse(status: .created, response: SentMessage(message: message))
    }
}

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
