import Foundation
import Hummingbird
import SupportCore

/// The customer-facing API the chat widget talks to.
struct WidgetController {
    let service: TurnService
    let store: any ConversationStore

    struct CreatedConversation: ResponseEncodable { let id: ConversationID }
    struct PostMessage: Decodable { let text: String }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post(use: create)
        group.get("{id}", use: transcript)
        group.post("{id}/messages", use: postMessage)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<CreatedConversation> {
        EditedResponse(status: .created, response: CreatedConversation(id: try await store.createConversation()))
    }

    @Sendable func transcript(_ request: Request, context: AppRequestContext) async throws -> TranscriptResponse {
        let id = ConversationID(try context.parameters.require("id"))
        guard let transcript = try await store.transcript(id) else {
            throw ConversationStoreError.conversationNotFound(id)
        }
        return TranscriptResponse(transcript)
    }

    @Sendable func postMessage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let received = ContinuousClock.now
        let id = ConversationID(try context.parameters.require("id"))
        let body = try await request.decode(as: PostMessage.self, context: context)
        let accepted = try await service.accept(body.text, in: id, receivedAt: received)
        return TurnEventStream(service: service, accepted: accepted).response()
    }
}

/// A transcript as the API returns it.
struct TranscriptResponse: ResponseEncodable {
    let id: ConversationID
    let status: ConversationStatus
    let createdAt: Date
    let messages: [TranscriptMessage]

    init(_ transcript: Transcript) {
        id = transcript.id
        status = transcript.status
        createdAt = transcript.createdAt
        messages = transcript.messages
    }
}

