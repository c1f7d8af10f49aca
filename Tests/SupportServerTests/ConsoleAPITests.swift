import Foundation
import Hummingbird
import HummingbirdTesting
import SupportServer
import Testing

@Suite("Console API")
struct ConsoleAPITests {
    @Test func theConsoleWithoutATokenIsUnauthorizedWithAJSONError() async throws {
        try await makeApp().test(.router) { client in
            let response = try await client.execute(uri: "/v1/console/queue", method: .get)

            #expect(response.status == .unauthorized)
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(response.headers[.wwwAuthenticate] == "Bearer")
            #expect(errorCode(response) == "unauthorized")
        }
    }

    @Test(arguments: ["Bearer wrong-token-000000", "Bearer ", "Basic dGVzdC10b2tlbi0xMjM0NTY=", "test-token-123456"])
    func theConsoleWithAWrongTokenIsUnauthorized(authorization: String) async throws {
        try await makeApp().test(.router) { client in
            var headers = HTTPFields()
            headers[.authorization] = authorization

            let response = try await client.execute(uri: "/v1/console/queue", method: .get, headers: headers)

            #expect(response.status == .unauthorized)
            #expect(errorCode(response) == "unauthorized")
        }
    }

    @Test func anAgentReplyWithoutATokenIsNotStored() async throws {
        try await makeApp().test(.router) { client in
            let conversation = try await createConversation(client)

            let response = try await postAgentMessage(client, to: conversation, text: "Hi", token: nil)

            #expect(response.status == .unauthorized)
            let transcript = try await getTranscript(client, conversation)
            #expect((transcript["messages"] as? [JSONObject])?.isEmpty == true)
        }
    }

    @Test func anAgentReplyIsStoredAsTheAgentAndShownInTheTranscript() async throws {
        try await makeApp().test(.router) { client in
            let conversation = try await createConversation(client)
            _ = try await postMessage(client, to: conversation, text: "I want to speak to a human")
            let unclaimed = try await postAgentMessage(client, to: conversation, text: "Hi")
            #expect(unclaimed.status == .conflict)
            #expect(errorCode(unclaimed) == "not_owner")
            #expect(try await consolePost(client, "/conversations/\(conversation)/claim").status == .ok)

            let response = try await postAgentMessage(client, to: conversation, text: "Hi, Alice here. How can I help?")

            #expect(response.status == .created)
            let sent = try #require(jsonObject(response.body)?["message"] as? JSONObject)
            #expect(sent["role"] as? String == "agent")
            #expect(sent["author"] as? String == "alice")
            let transcript = try await getTranscript(client, conversation)
            #expect(transcript["status"] as? String == "with_human")
            let last = try #require((transcript["messages"] as? [JSONObject])?.last)
            #expect(last["role"] as? String == "agent")
            #expect(last["author"] as? String == "alice")
            #expect(last["text"] as? String == "Hi, Alice here. How can I help?")
            #expect(last["id"] as? String == sent["id"] as? String)
        }
    }

    @Test func anEmptyAgentReplyIsABadRequest() async throws {
        try await makeApp().test(.router) { client in
            let conversation = try await createConversation(client)

            let response = try await postAgentMessage(client, to: conversation, text: "   ")

            #expect(response.status == .badRequest)
            #expect(errorCode(response) == "empty_message")
        }
    }

    @Test func anAgentReplyToAnUnknownConversationIsNotFound() async throws {
        try await makeApp().test(.router) { client in
            let response = try await postAgentMessage(client, to: "conv_unknown", text: "Hello")

            #expect(response.status == .notFound)
            #expect(errorCode(response) == "not_found")
        }
    }

    @Test func theConsoleConversationHasTheTranscriptTurnsWithTracesAndHandoffs() async throws {
        try await makeApp().test(.router) { client in
            let conversation = try await createConversation(client)
            _ = try await postMessage(client, to: conversation, text: "How many days do I have to return an item?")
            let handoffEvents = try await postMessage(client, to: conversation, text: "I want to speak to a human")
            let handoffID = handoffEvents.first { $0.name == "handoff" }?.json?["handoff_id"] as? String

            let detail = try await getConsoleConversation(client, conversation)

            let transcript = try #require(detail["conversation"] as? JSONObject)
            #expect(transcript["id"] as? String == conversation)
            #expect((transcript["messages"] as? [JSONObject])?.count == 4)
            let turns = try #require(detail["turns"] as? [JSONObject])
            #expect(turns.map { $0["outcome"] as? String } == ["answer", "handoff"])
            for turn in turns {
                let stages = try #require((turn["trace"] as? JSONObject)?["stages"] as? [JSONObject])
                #expect(!stages.isEmpty)
            }
            let handoffs = try #require(detail["handoffs"] as? [JSONObject])
            #expect(handoffs.map { $0["id"] as? String } == [handoffID])
            #expect((handoffs.first?["packet"] as? JSONObject)?["customer_messages"] as? [String]
                == ["How many days do I have to return an item?", "I want to speak to a human"])
        }
    }

    @Test func theStoredTraceOfAnAnsweredQuestionRecordsEveryStageWithItsMilliseconds() async throws {
        try await makeApp().test(.router) { client in
            let conversation = try await createConversation(client)
            _ = try await postMessage(client, to: conversation, text: "How many days do I have to return an item?")

            let detail = try await getConsoleConversation(client, conversation)

            let turn = try #require((detail["turns"] as? [JSONObject])?.first)
            #expect(turn["outcome"] as? String == "answer")
            #expect(turn["intent"] as? String == "returns")
            let trace = try #require(turn["trace"] as? JSONObject)
            #expect(trace["total_milliseconds"] is Double)
            let stages = try #require(trace["stages"] as? [JSONObject])
            #expect(stages.map { $0["stage"] as? String }
                == ["guard", "routing", "verified_answer", "retrieval", "drafting", "verification", "outcome"])
            for stage in stages {
                let milliseconds = try #require(stage["milliseconds"] as? Double, "\(stage["stage"] ?? "?") has milliseconds")
                #expect(milliseconds >= 0)
                #expect(stage["component"] is String)
                #expect(stage["decision"] is String)
            }
        }
    }

    @Test func theConsoleConversationOfAnUnknownIDIsNotFound() async throws {
        try await makeApp().test(.router) { client in
            let response = try await client.execute(
                uri: "/v1/console/conversations/conv_unknown", method: .get, headers: consoleHeaders())

            #expect(response.status == .notFound)
            #expect(errorCode(response) == "not_found")
        }
    }
}
