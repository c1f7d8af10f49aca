import Foundation
import Hummingbird
import HummingbirdTesting
import SupportServer
import Testing

@Suite("Bad input")
struct BadInputTests {
    @Test func theTranscriptOfAnUnknownConversationIsNotFound() async throws {
        try await makeApp().test(.router) { client in
            let response = try await client.execute(uri: "/v1/conversations/conv_unknown", method: .get)

            #expect(response.status == .notFound)
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(errorCode(response) == "not_found")
        }
    }

    @Test func aMessageToAnUnknownConversationIsNotFound() async throws {
        try await makeApp().test(.router) { client in
            let response = try await postMessageRaw(client, to: "conv_unknown", body: jsonBody(["text": "Hello"]))

            #expect(response.status == .notFound)
            #expect(errorCode(response) == "not_found")
        }
    }

    @Test(arguments: ["{\"text\": ", "not json at all", "[\"text\"]", "{\"text\": 42}"])
    func malformedJSONIsABadRequest(body: String) async throws {
        try await makeApp().test(.router) { client in
            let conversation = try await createConversation(client)

            let response = try await postMessageRaw(client, to: conversation, body: ByteBuffer(string: body))

            #expect(response.status == .badRequest)
            #expect(errorCode(response) == "invalid_json")
        }
    }

    @Test func jsonWithoutTextIsABadRequest() async throws {
        try await makeApp().test(.router) { client in
            let conversation = try await createConversation(client)

            let response = try await postMessageRaw(client, to: conversation, body: jsonBody(["message": "hello"]))

            #expect(response.status == .badRequest)
            #expect(errorCode(response) == "invalid_json")
        }
    }

    @Test(arguments: ["", "   ", "\n\t  \n"])
    func anEmptyMessageIsABadRequest(text: String) async throws {
        try await makeApp().test(.router) { client in
            let conversation = try await createConversation(client)

            let response = try await postMessageRaw(client, to: conversation, body: jsonBody(["text": text]))

            #expect(response.status == .badRequest)
            #expect(errorCode(response) == "empty_message")
            let transcript = try await getTranscript(client, conversation)
            #expect((transcript["messages"] as? [JSONObject])?.isEmpty == true)
        }
    }

    @Test
    func aBodyOver64KiBIsTooLarge() async throws {
        try await makeApp().test(.router) { client in
            let conversation = try await createConversation(client)
            let text = String(repeating: "a", count: 70 * 1024)

            let response = try await postMessageRaw(client, to: conversation, body: jsonBody(["text": text]))

            #expect(response.status == .contentTooLarge)
            #expect(errorCode(response) == "body_too_large")
        }
    }

    @Test func aMessageOver4000CharactersIsTooLong() async throws {
        try await makeApp().test(.router) { client in
            let conversation = try await createConversation(client)
            let text = String(repeating: "x", count: 4001)

            let response = try await postMessageRaw(client, to: conversation, body: jsonBody(["text": text]))

            #expect(response.status == .contentTooLarge)
            #expect(errorCode(response) == "message_too_long")
            let transcript = try await getTranscript(client, conversation)
            #expect((transcript["messages"] as? [JSONObject])?.isEmpty == true)
        }
    }

    @Test func aMessageOfExactly4000CharactersIsAccepted() async throws {
        try await makeApp().test(.router) { client in
            let conversation = try await createConversation(client)
            let events = try await postMessage(client, to: conversation, text: String(repeating: "x", count: 4000))
            #expect(events.last?.name == "done")
        }
    }

    @Test func invalidUTF8InTheBodyIsABadRequest() async throws {
        try await makeApp().test(.router) { client in
            let conversation = try await createConversation(client)
            var body = ByteBuffer(string: "{\"text\": \"hello ")
            body.writeBytes([0xFF, 0xFE, 0xC3, 0x28, 0x80])
            body.writeString(" world\"}")

            let response = try await postMessageRaw(client, to: conversation, body: body)

            #expect(response.status == .badRequest)
            #expect(errorCode(response) == "invalid_json")
        }
    }

    @Test(arguments: [
        "<script>alert(1)</script>",
        String(repeating: "refund ", count: 430),
        "Hello\u{0000}\u{0007}\u{001B}[31m where is my \u{0008}order\u{007F}?\r\n",
    ])
    func hostileTextStillGetsAStreamThatEndsInDone(text: String) async throws {
        try await makeApp().test(.router) { client in
            let conversation = try await createConversation(client)

            let events = try await postMessage(client, to: conversation, text: text)

            #expect(events.first?.name == "status")
            #expect(events.last?.name == "done")
            #expect(events.allSatisfy { $0.json != nil })
            let transcript = try await getTranscript(client, conversation)
            #expect((transcript["messages"] as? [JSONObject])?.count == 2)
        }
    }

    @Test func anUnknownRouteIsNotFoundAsJSON() async throws {
        try await makeApp().test(.router) { client in
            let response = try await client.execute(uri: "/v1/nothing-here", method: .get)

            #expect(response.status == .notFound)
        }
    }
}
