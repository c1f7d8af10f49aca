import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import SupportServer
import Testing

/// The package root, found from this file: Tests/SupportServerTests/ServerFixtures.swift.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

let agentToken = "test-token-123456"
let bobToken = "test-token-bob-7890"

/// The real runtime on an in-memory database, assembled once: every test uses its own conversations.
let sharedRuntime = Result<SupportRuntime, any Error> {
    var config = SupportConfig()
    config.databasePath = ":memory:"
    config.policiesPath = packageRoot.appendingPathComponent("policies").path
    config.webRoot = packageRoot.appendingPathComponent("web-static").path
    config.agentTokens = [agentToken: "alice", bobToken: "bob"]
    var logger = Logger(label: "supportd-tests")
    logger.logLevel = .warning
    return try SupportRuntime.assemble(config, ingest: .always, logger: logger)
}

/// The application exactly as the server builds its router.
func makeApp() throws -> some ApplicationProtocol {
    var logger = Logger(label: "supportd-tests")
    logger.logLevel = .critical
    return Application(router: buildRouter(try sharedRuntime.get()), logger: logger)
}

// MARK: - JSON

typealias JSONObject = [String: Any]

func jsonObject(_ buffer: ByteBuffer) -> JSONObject? {
    try? JSONSerialization.jsonObject(with: Data(buffer: buffer)) as? JSONObject
}

func jsonBody(_ object: [String: String]) -> ByteBuffer {
    ByteBuffer(bytes: try! JSONEncoder().encode(object))
}

/// The `code` of an API error body `{"error": {"code", "message"}}`.
func errorCode(_ response: TestResponse) -> String? {
    let error = jsonObject(response.body)?["error"] as? JSONObject
    #expect(error?["message"] is String, "error body has a message")
    return error?["code"] as? String
}

// MARK: - Server-Sent Events

struct SSEEvent: Sendable {
    var id: String?
    var name: String?
    var data: String?
    var json: JSONObject? { data.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? JSONObject } }
}

/// Splits an event-stream body into its events.
func parseEvents(_ text: String) -> [SSEEvent] {
    text.components(separatedBy: "\n\n").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }.map { frame in
        var event = SSEEvent()
        for line in frame.split(separator: "\n") {
            if line.hasPrefix("id: ") { event.id = String(line.dropFirst(4)) }
            if line.hasPrefix("event: ") { event.name = String(line.dropFirst(7)) }
            if line.hasPrefix("data: ") { event.data = String(line.dropFirst(6)) }
        }
        return event
    }
}

// MARK: - One helper per endpoint

/// `POST /v1/conversations` → the new conversation's id.
func createConversation(_ client: any TestClientProtocol) async throws -> String {
    let response = try await client.execute(uri: "/v1/conversations", method: .post)
    #expect(response.status == .created)
    return try #require(jsonObject(response.body)?["id"] as? String)
}

/// `POST /v1/conversations/{id}/messages` with a raw body.
func postMessageRaw(_ client: any TestClientProtocol, to conversation: String, body: ByteBuffer) async throws -> TestResponse {
    var headers = HTTPFields()
    headers[.contentType] = "application/json"
    return try await client.execute(
        uri: "/v1/conversations/\(conversation)/messages", method: .post, headers: headers, body: body)
}

/// `POST /v1/conversations/{id}/messages` → the streamed events (after checking it is a 200 event stream).
func postMessage(_ client: any TestClientProtocol, to conversation: String, text: String) async throws -> [SSEEvent] {
    let response = try await postMessageRaw(client, to: conversation, body: jsonBody(["text": text]))
    #expect(response.status == .ok)
    #expect(response.headers[.contentType]?.hasPrefix("text/event-stream") == true)
    return parseEvents(String(buffer: response.body))
}

/// `GET /v1/conversations/{id}` → the transcript.
func getTranscript(_ client: any TestClientProtocol, _ conversation: String) async throws -> JSONObject {
    let response = try await client.execute(uri: "/v1/conversations/\(conversation)", method: .get)
    #expect(response.status == .ok)
    return try #require(jsonObject(response.body))
}

func consoleHeaders(token: String? = agentToken) -> HTTPFields {
    var headers = HTTPFields()
    if let token { headers[.authorization] = "Bearer \(token)" }
    headers[.contentType] = "application/json"
    return headers
}

/// `GET /v1/console/conversations/{id}` with the agent token → conversation, turns, handoffs.
func getConsoleConversation(_ client: any TestClientProtocol, _ conversation: String) async throws -> JSONObject {
    let response = try await client.execute(
        uri: "/v1/console/conversations/\(conversation)", method: .get, headers: consoleHeaders())
    #expect(response.status == .ok)
    return try #require(jsonObject(response.body))
}

/// `GET /v1/console/queue` with the agent token → the queue entries.
func getConsoleQueue(_ client: any TestClientProtocol) async throws -> [JSONObject] {
    let response = try await client.execute(uri: "/v1/console/queue", method: .get, headers: consoleHeaders())
    #expect(response.status == .ok)
    return try #require(jsonObject(response.body)?["entries"] as? [JSONObject])
}

/// `POST /v1/console/conversations/{id}/messages` as `token`.
func postAgentMessage(
    _ client: any TestClientProtocol, to conversation: String, text: String, token: String? = agentToken
) async throws -> TestResponse {
    try await client.execute(
        uri: "/v1/console/conversations/\(conversation)/messages", method: .post, headers: consoleHeaders(token: token),
        body: jsonBody(["text": text]))
}

/// `POST /v1/console{path}` with the agent token (`token`) and an optional JSON body.
func consolePost(
    _ client: any TestClientProtocol, _ path: String, json: [String: Any]? = nil, token: String? = agentToken
) async throws -> TestResponse {
    let body = try json.map { ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: $0)) }
    return try await client.execute(uri: "/v1/console\(path)", method: .post, headers: consoleHeaders(token: token), body: body)
}

/// `GET /v1/console{path}` with the agent token → the JSON object.
func consoleGet(_ client: any TestClientProtocol, _ path: String) async throws -> JSONObject {
    let response = try await client.execute(uri: "/v1/console\(path)", method: .get, headers: consoleHeaders())
    #expect(response.status == .ok)
    return try #require(jsonObject(response.body))
}
