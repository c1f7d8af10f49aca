import Foundation
import Hummingbird
import SupportCore

/// The customer-facing API the chat widget talks to.
struct WidgetController {
    let service: TurnService
    let store: any ConversationStore & FeedbackStore
    let feed: ChangeFeed
    let heartbeat: Duration

    struct CreatedConversation: ResponseEncodable { let id: ConversationID }
    struct PostMessage: Decodable { let text: String }
    /// The answer to a message that went to a person rather than to the AI.
    struct HeldMessage: ResponseEncodable {
        let message: TranscriptMessage
        let status: ConversationStatus
        let agent: String?
    }
    struct RatingRequest: Decodable { let helpful: Bool }
    struct RatingResponse: ResponseEncodable {
        let messageID: MessageID
        let helpful: Bool
    }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post(use: create)
        group.get("{id}", use: transcript)
        group.post("{id}/messages", use: postMessage)
        group.get("{id}/events", use: events)
        group.post("{id}/messages/{message}/rating", use: rate)
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

    /// With the AI: the turn's events as a stream. With (or waiting for) a person: 202 and the stored message.
    @Sendable func postMessage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let received = ContinuousClock.now
        let id = ConversationID(try context.parameters.require("id"))
        let body = try await request.decode(as: PostMessage.self, context: context)
        let accepted = try await service.accept(body.text, in: id, receivedAt: received)
        guard accepted.forAI else {
            let held = HeldMessage(message: accepted.message, status: accepted.ownership.status, agent: accepted.ownership.owner)
            return try EditedResponse(status: .accepted, response: held).response(from: request, context: context)
        }
        return TurnEventStream(service: service, accepted: accepted).response()
    }

    /// The conversation's messages and changes of hands, live; resumes after `Last-Event-ID`.
    @Sendable func events(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = ConversationID(try context.parameters.require("id"))
        guard try await store.transcript(id) != nil else { throw ConversationStoreError.conversationNotFound(id) }
        return LiveEventStream.conversation(
            id, after: LiveEventStream.resumePoint(request), store: store, feed: feed, heartbeat: heartbeat)
    }

    @Sendable func rate(_ request: Request, context: AppRequestContext) async throws -> RatingResponse {
        let id = ConversationID(try context.parameters.require("id"))
        let message = MessageID(try context.parameters.require("message"))
        let body = try await request.decode(as: RatingRequest.self, context: context)
        let rating = try await store.rate(message, in: id, helpful: body.helpful)
        return RatingResponse(messageID: rating.messageID, helpful: rating.helpful)
    }
}

/// A transcript as the API returns it.
struct TranscriptResponse: ResponseEncodable {
    let id: ConversationID
    let status: ConversationStatus
    /// The agent holding the conversation, if a person has it.
    let agent: String?
    let createdAt: Date
    /// Open `GET …/events?after=` with this to receive only what comes next.
    let lastEventID: Int
    let messages: [TranscriptMessage]

    init(_ transcript: Transcript) {
        id = transcript.id
        status = transcript.status
        agent = transcript.ownership.status == .withHuman ? transcript.ownership.owner : nil
        createdAt = transcript.createdAt
        lastEventID = transcript.lastEventSequence
        messages = transcript.messages
    }
}
