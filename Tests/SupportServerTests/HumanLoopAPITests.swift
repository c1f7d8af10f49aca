import Foundation
import Hummingbird
import HummingbirdTesting
import SupportServer
import Testing

/// A conversation whose customer asked a policy question, then for a person.
func handedOffConversation(_ client: any TestClientProtocol) async throws -> String {
    let conversation = try await createConversation(client)
    _ = try await postMessage(client, to: conversation, text: "How long do I have to return an item?")
    let events = try await postMessage(client, to: conversation, text: "I want to talk to a person")
    #expect(events.contains { $0.name == "handoff" })
    return conversation
}

@Suite("Humans in the loop: console and widget API")
struct HumanLoopAPITests {
    @Test func everyNewConsoleEndpointNeedsAToken() async throws {
        try await makeApp().test(.router) { client in
            for (path, method) in [
                ("/v1/console/me", HTTPRequest.Method.get), ("/v1/console/queue/events", .get),
                ("/v1/console/conversations/c/claim", .post), ("/v1/console/conversations/c/drafts", .post),
                ("/v1/console/conversations/c/replies", .post), ("/v1/console/stats", .get),
                ("/v1/console/verified-answers", .get),
            ] {
                let response = try await client.execute(uri: path, method: method)
                #expect(response.status == .unauthorized, "\(path)")
            }
            let me = try await consoleGet(client, "/me")
            #expect(me["agent"] as? String == "alice")
        }
    }

    @Test func oneAgentHoldsAConversationAndTheOtherGetsAConflict() async throws {
        try await makeApp().test(.router) { client in
            let conversation = try await handedOffConversation(client)
            let claimed = try await consolePost(client, "/conversations/\(conversation)/claim")
            #expect(claimed.status == .ok)
            #expect(jsonObject(claimed.body)?["owner"] as? String == "alice")
            #expect(jsonObject(claimed.body)?["lease_expires_at"] is String)

            let second = try await consolePost(client, "/conversations/\(conversation)/claim", token: bobToken)
            #expect(second.status == .conflict)
            #expect(errorCode(second) == "already_claimed")
            let release = try await consolePost(client, "/conversations/\(conversation)/release", token: bobToken)
            #expect(errorCode(release) == "not_owner")

            #expect(try await consolePost(client, "/conversations/\(conversation)/release").status == .ok)
            #expect(try await consolePost(client, "/conversations/\(conversation)/claim", token: bobToken).status == .ok)
            let detail = try await getConsoleConversation(client, conversation)
            let reasons = (detail["transitions"] as? [JSONObject])?.compactMap { $0["reason"] as? String }
            #expect(reasons == ["handoff", "claimed", "released", "claimed"])
            #expect(detail["owner"] as? String == "bob")
        }
    }

    @Test func whileAPersonHasTheConversationTheAIStaysSilent() async throws {
        try await makeApp().test(.router) { client in
            let conversation = try await handedOffConversation(client)
            _ = try await consolePost(client, "/conversations/\(conversation)/claim")

            let response = try await postMessageRaw(
                client, to: conversation, body: jsonBody(["text": "How long do I have to return an item?"]))

            #expect(response.status == .accepted)
            let body = try #require(jsonObject(response.body))
            #expect(body["status"] as? String == "with_human")
            #expect(body["agent"] as? String == "alice")
            let transcript = try await getTranscript(client, conversation)
            let roles = (transcript["messages"] as? [JSONObject])?.compactMap { $0["role"] as? String }
            #expect(roles == ["customer", "assistant", "customer", "assistant", "customer"])
            #expect(transcript["agent"] as? String == "alice")
        }
    }

    @Test func anAgentAsksForADraftEditsItAndTheFeedbackIsRecorded() async throws {
        try await makeApp().test(.router) { client in
            let conversation = try await handedOffConversation(client)
            _ = try await consolePost(client, "/conversations/\(conversation)/claim")

            let drafted = try await consolePost(client, "/conversations/\(conversation)/drafts")
            #expect(drafted.status == .created)
            let draft = try #require(jsonObject(drafted.body)?["draft"] as? JSONObject)
            let draftText = try #require(draft["text"] as? String)
            #expect(draftText.contains("30 days"))
            #expect(draft["question"] as? String == "How long do I have to return an item?")
            #expect((draft["citations"] as? [JSONObject])?.first?["document_id"] as? String == "returns-refunds")

            let edited = "Hi, Alice here. You can return most items within 30 days of delivery."
            let sent = try await consolePost(
                client, "/conversations/\(conversation)/replies",
                json: ["action": "edit", "draft_id": draft["id"] as Any, "text": edited])
            #expect(sent.status == .created)
            let body = try #require(jsonObject(sent.body))
            let message = try #require(body["message"] as? JSONObject)
            #expect(message["role"] as? String == "agent" && message["author"] as? String == "alice")
            let feedback = try #require(body["feedback"] as? JSONObject)
            #expect(feedback["action"] as? String == "edit")
            #expect(feedback["draft_text"] as? String == draftText)
            #expect(feedback["sent_text"] as? String == edited)
            let distance = try #require(feedback["edit_distance"] as? Double)
            #expect(distance > 0 && distance < 1)
            #expect(feedback["agent"] as? String == "alice")
            #expect(feedback["intent"] as? String == "returns")
            #expect((feedback["documents"] as? [JSONObject])?.first?["document_id"] as? String == "returns-refunds")

            let detail = try await getConsoleConversation(client, conversation)
            #expect((detail["feedback"] as? [JSONObject])?.count == 1)
            #expect((detail["drafts"] as? [JSONObject])?.count == 1)
            let last = (try await getTranscript(client, conversation)["messages"] as? [JSONObject])?.last
            #expect(last?["text"] as? String == edited)
        }
    }

    @Test func badRepliesGetClearErrors() async throws {
        try await makeApp().test(.router) { client in
            let conversation = try await handedOffConversation(client)
            _ = try await consolePost(client, "/conversations/\(conversation)/claim")
            let draft = try #require(
                jsonObject(try await consolePost(client, "/conversations/\(conversation)/drafts").body)?["draft"] as? JSONObject)

            let noText = try await consolePost(
                client, "/conversations/\(conversation)/replies", json: ["action": "edit", "draft_id": draft["id"] as Any])
            #expect(noText.status == .badRequest && errorCode(noText) == "invalid_reply")
            let unknown = try await consolePost(
                client, "/conversations/\(conversation)/replies", json: ["action": "accept", "draft_id": "draft_nope"])
            #expect(unknown.status == .notFound)
            let badAction = try await consolePost(
                client, "/conversations/\(conversation)/replies", json: ["action": "approve", "draft_id": draft["id"] as Any])
            #expect(badAction.status == .badRequest)
            let noDraft = try await consolePost(client, "/conversations/conv_nope/drafts")
            #expect(noDraft.status == .notFound)
        }
    }

    @Test func customersRateRepliesButNotTheirOwnMessages() async throws {
        try await makeApp().test(.router) { client in
            let conversation = try await createConversation(client)
            let events = try await postMessage(client, to: conversation, text: "How long do I have to return an item?")
            let replyID = try #require(events.last { $0.name == "done" }?.json?["message_id"] as? String)
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            func rate(_ message: String, _ body: String) async throws -> TestResponse {
                try await client.execute(
                    uri: "/v1/conversations/\(conversation)/messages/\(message)/rating", method: .post, headers: headers,
                    body: ByteBuffer(string: body))
            }

            let rated = try await rate(replyID, #"{"helpful": true}"#)
            #expect(rated.status == .ok)
            #expect(jsonObject(rated.body)?["helpful"] as? Bool == true)
            let messages = try #require(try await getTranscript(client, conversation)["messages"] as? [JSONObject])
            #expect(messages.last?["rating"] as? Bool == true)
            let own = try #require(messages.first?["id"] as? String)
            #expect(errorCode(try await rate(own, #"{"helpful": true}"#)) == "not_rateable")
            #expect(try await rate("msg_nope", #"{"helpful": true}"#).status == .notFound)
            #expect(try await rate(replyID, #"{"helpful": "yes"}"#).status == .badRequest)
        }
    }

    @Test func resolvingThenWritingAgainReopensWithTheAIAndNoOldHandoff() async throws {
        try await makeApp().test(.router) { client in
            let conversation = try await handedOffConversation(client)
            _ = try await consolePost(client, "/conversations/\(conversation)/claim")
            #expect(try await consolePost(client, "/conversations/\(conversation)/resolve").status == .ok)
            let queue = try await getConsoleQueue(client)
            #expect(!queue.contains { $0["conversation_id"] as? String == conversation })

            let events = try await postMessage(client, to: conversation, text: "How long does a refund take?")

            #expect(events.contains { $0.name == "answer" })
            #expect(!events.contains { $0.name == "handoff" })
            let transcript = try await getTranscript(client, conversation)
            #expect(transcript["status"] as? String == "with_ai")
        }
    }

    @Test func theQueueCarriesTheTypedPacketAndTheStatsCountTheHandoff() async throws {
        try await makeApp().test(.router) { client in
            let conversation = try await handedOffConversation(client)
            let queue = try await getConsoleQueue(client)
            let entry = try #require(queue.first { $0["conversation_id"] as? String == conversation })
            #expect(entry["status"] as? String == "waiting_for_human")
            #expect(entry["waiting_seconds"] is Double)
            #expect(entry["priority"] is Double)
            let packet = try #require((entry["handoff"] as? JSONObject)?["packet"] as? JSONObject)
            #expect(packet["reason"] as? String == "customer_asked")
            #expect((packet["frustration"] as? JSONObject)?["level"] as? String == "none")
            #expect((packet["ai_draft"] as? JSONObject)?["text"] is String)
            #expect((packet["facts"] as? [JSONObject])?.isEmpty == false)

            let stats = try await consoleGet(client, "/stats")
            #expect((stats["conversations"] as? Int ?? 0) >= 1)
            #expect(((stats["handoffs_by_reason"] as? JSONObject)?["customer_asked"] as? JSONObject)?["count"] is Int)
            let bad = try await client.execute(uri: "/v1/console/stats?since=yesterday", method: .get, headers: consoleHeaders())
            #expect(bad.status == .badRequest)
        }
    }
}
