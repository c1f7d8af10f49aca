import Foundation
import Hummingbird
import NIOCore
import SupportCore

/// An error as the API reports it: a status and a JSON body `{"error": {"code", "message"}}`.
public struct APIError: HTTPResponseError, Sendable {
    public enum Code: String, Sendable, Codable {
        case badRequest = "bad_request"
        case invalidJSON = "invalid_json"
        case emptyMessage = "empty_message"
        case messageTooLong = "message_too_long"
        case bodyTooLarge = "body_too_large"
        case notFound = "not_found"
        case unauthorized
        case methodNotAllowed = "method_not_allowed"
        case alreadyClaimed = "already_claimed"
        case notOwner = "not_owner"
        case invalidTransition = "invalid_transition"
        case noCustomerMessage = "no_customer_message"
        case invalidReply = "invalid_reply"
        case notRateable = "not_rateable"
        case internalError = "internal_error"
    }

    public var status: HTTPResponse.Status
    public var code: Code
    public var message: String

    public init(_ status: HTTPResponse.Status, _ code: Code, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let data = try WireJSON.encoder.encode(ErrorBody(error: .init(code: code, message: message)))
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The API's view of any error thrown below it.
    static func from(_ error: any Error) -> APIError? {
        switch error {
        case let error as APIError:
            return error
        case let error as HTTPError:
            switch error.status {
            case .contentTooLarge:
                return APIError(.contentTooLarge, .bodyTooLarge, "The request body is larger than \(AppRequestContext.uploadLimit) bytes.")
            case .badRequest:
                return APIError(.badRequest, .invalidJSON, error.body ?? "The request body is not valid JSON of the expected shape.")
            case .notFound:
                return APIError(.notFound, .notFound, error.body ?? "Not found.")
            case .methodNotAllowed:
                return APIError(.methodNotAllowed, .methodNotAllowed, "Method not allowed.")
            case .unauthorized:
                return APIError(.unauthorized, .unauthorized, error.body ?? "A valid agent token is required.")
            default:
                return nil
            }
        case is NIOTooManyBytesError:
            return APIError(.contentTooLarge, .bodyTooLarge, "The request body is larger than \(AppRequestContext.uploadLimit) bytes.")
        case is DecodingError:
            return APIError(.badRequest, .invalidJSON, "The request body is not valid JSON of the expected shape.")
        case ConversationStoreError.conversationNotFound(let id):
            return APIError(.notFound, .notFound, "No conversation with id \(id).")
        case ConversationStoreError.messageNotFound(let id):
            return APIError(.notFound, .notFound, "No message with id \(id) in this conversation.")
        case ConversationStoreError.draftNotFound(let id):
            return APIError(.notFound, .notFound, "No draft with id \(id).")
        case ConversationStoreError.verifiedAnswerNotFound(let id):
            return APIError(.notFound, .notFound, "No verified answer with id \(id).")
        case ConversationStoreError.notRateable:
            return APIError(.conflict, .notRateable, "Only replies from supportd or an agent can be rated.")
        case OwnershipError.alreadyClaimed(let owner):
            return APIError(.conflict, .alreadyClaimed, "\(owner) holds this conversation.")
        case OwnershipError.notOwner(let owner):
            return APIError(
                .conflict, .notOwner,
                owner.map { "\($0) holds this conversation." } ?? "Claim the conversation first.")
        case OwnershipError.invalidTransition(let from):
            return APIError(.conflict, .invalidTransition, "Not possible while the conversation is \(from.rawValue).")
        case ConsoleService.Failure.noCustomerMessage:
            return APIError(.conflict, .noCustomerMessage, "The customer has not written anything to draft a reply to.")
        case ConsoleService.Failure.draftNotInConversation(let id):
            return APIError(.notFound, .notFound, "No draft with id \(id) in this conversation.")
        case ConsoleService.Failure.missingText(let action):
            return APIError(.badRequest, .invalidReply, "`\(action.rawValue)` needs the text to send.")
        case TurnService.Rejection.emptyMessage:
            return APIError(.badRequest, .emptyMessage, "The message text is empty.")
        case TurnService.Rejection.messageTooLong(let limit):
            return APIError(.contentTooLarge, .messageTooLong, "The message is longer than \(limit) characters.")
        default:
            return nil
        }
    }
}

struct ErrorBody: Encodable {
    struct Detail: Encodable {
        let code: APIError.Code
        let message: String
    }
    let error: Detail
}

/// Turns every error into the API's JSON error body; unexpected errors are logged and become 500.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            if let apiError = APIError.from(error) { throw apiError }
            context.logger.error("request failed", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            throw APIError(.internalServerError, .internalError, "Something went wrong on our side.")
        }
    }
}
