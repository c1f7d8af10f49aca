import Foundation
import Hummingbird
import HummingbirdTesting
import SupportServer
import Testing

@Suite("Widget API")
struct WidgetAPITests {
    @Test func creatingAConversationReturns201WithItsID() async throws {
        try await makeApp().test(.router) { client in
            let response = try await client.execute(uri: "/v1/conversations", method: .post)

            #expect(response.status == .created)
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            let id = try #require(jsonObject(response.body)?["id"] as? String)
            #expect(id.hasPrefix("conv_"))
        }
    }

    @Test func aPolicyQuestionStreamsStatusIntentPassagesAnswerAndDone() async throws {
        try await makeApp().test(.router) { client in
            let conversation = try await createConversation(client)

            let events = try await postMessage(client, to: conversation, text: "How many days do I have to return an item?")

            try expectAnsweredStream(events)
        }
    }

    @Test
    func theCanonicalReturnQuestionIsAnsweredFromTheReturnsPolicy() async throws {
        try await makeApp().test(.router) { client in
            let conversation = try await createConversation(client)

            let events = try await postMessage(client, to: conversation, text: "How long do I have to return an item?")

            try expectAnsweredStream(events)
        }
    }

    @Test func askingForAHumanStreamsAHandoffThatTheConsoleQueueLists() async throws {
        try await makeApp().test(.router) { client in
            let conversation = try await createConversation(client)

            let events = try await postMessage(client, to: conversation, text: "I want to speak to a human")

            let handoff = try #require(events.first { $0.name == "handoff" }?.json)
            let handoffID = try #require(handoff["handoff_id"] as? String)
            #expect(handoff["reason"] as? String == "customer_asked")
            #expect(handoff["packet"] == nil, "the packet is for agents, not the customer")
            #expect(events.last?.json?["outcome"] as? String == "handoff")

            let queue = try await getConsoleQueue(client)
            let entry = try #require(queue.first { ($0["handoff"] as? JSONObject)?["id"] as? String == handoffID })
            #expect(entry["waiting_seconds"] is Double)
            let listed = try #require(entry["handoff"] as? JSONObject)
            #expect(listed["conversation_id"] as? String == conversation)
            let packet = try #require(listed["packet"] as? JSONObject)
            #expect(packet["customer_messages"] as? [String] == ["I want to speak to a human"])
            #expect(packet["suggested_next_step"] is String)

            let transcript = try await getTranscript(client, conversation)
            #expect(transcript["status"] as? String == "waiting_for_human")
        }
    }

    @Test func aQuestionThePoliciesDoNotCoverStreamsDontKnow() async throws {
        try await makeApp().test(.router) { client in
            let conversation = try await createConversation(client)

            let events = try await postMessage(client, to: conversation, text: "can I pay with bitcoin?")

            let dontKnow = try #require(events.first { $0.name == "dont_know" }?.json)
            #expect(dontKnow["text"] is String)
            #expect(!events.contains { $0.name == "answer" })
            #expect(events.last?.name == "done")
            #expect(events.last?.json?["outcome"] as? String == "dont_know")
        }
    }

    @Test func anOffTopicQuestionIsRefused() async throws {
        try await makeApp().test(.router) { client in
            let conversation = try await createConversation(client)

            let events = try await postMessage(client, to: conversation, text: "how do I kill zombies in Minecraft?")

            let refusal = try #require(events.first { $0.name == "refusal" }?.json)
            #expect(refusal["reason"] as? String == "off_topic")
            #expect(events.last?.json?["outcome"] as? String == "refusal")
        }
    }

    @Test func anEmailAndACardNumberAreRedactedBeforeTheyAreStored() async throws {
        try await makeApp().test(.router) { client in
            let conversation = try await createConversation(client)

            let events = try await postMessage(
                client, to: conversation,
                text: "My email is jane.doe@example.com and my card is 4111 1111 1111 1111, where is my refund?")

            #expect(events.last?.name == "done")
            let transcript = try await getTranscript(client, conversation)
            let customer = try #require((transcript["messages"] as? [JSONObject])?.first)
            let text = try #require(customer["text"] as? String)
            #expect(!text.contains("jane.doe"))
            #expect(!text.contains("example.com"))
            #expect(!text.contains("4111"))
            #expect(!text.replacingOccurrences(of: " ", with: "").contains("4111111111111111"))
            #expect(text.contains("["), "placeholders stand in for the personal data: \(text)")
            #expect(text.contains("where is my refund?"))
            // Nothing anywhere in the stored transcript leaks either value.
            let whole = String(decoding: try JSONSerialization.data(withJSONObject: transcript), as: UTF8.self)
            #expect(!whole.contains("jane.doe@example.com") && !whole.contains("1111 1111"))
            // Nor do the stored turn traces the console shows.
            let detail = try await getConsoleConversation(client, conversation)
            let console = String(decoding: try JSONSerialization.data(withJSONObject: detail), as: UTF8.self)
            #expect(!console.contains("jane.doe@example.com") && !console.contains("1111 1111"))
        }
    }

    @Test func theTranscriptAfterATurnHasTheCustomerThenTheAssistantWithOutcomeAndCitations() async throws {
        try await makeApp().test(.router) { client in
            let conversation = try await createConversation(client)
            _ = try await postMessage(client, to: conversation, text: "How many days do I have to return an item?")

            let transcript = try await getTranscript(client, conversation)

            #expect(transcript["id"] as? String == conversation)
            #expect(transcript["status"] as? String == "with_ai")
            let messages = try #require(transcript["messages"] as? [JSONObject])
            #expect(messages.map { $0["role"] as? String } == ["customer", "assistant"])
            #expect(messages[0]["text"] as? String == "How many days do I have to return an item?")
            #expect(messages[0]["outcome"] == nil)
            #expect(messages[1]["outcome"] as? String == "answer")
            #expect(messages[1]["turn_id"] is String)
            let citations = try #require(messages[1]["citations"] as? [JSONObject])
            #expect(!citations.isEmpty)
            #expect(citations.first?["document_id"] as? String == "returns-refunds")
            #expect(citations.first?["quote"] is String)
        }
    }

    @Test func everyEventHasAUniqueIDAndAJSONObjectAsData() async throws {
        try await makeApp().test(.router) { client in
            let conversation = try await createConversation(client)
            let events = try await postMessage(client, to: conversation, text: "I want to speak to a human")

            let ids = events.compactMap(\.id)
            #expect(ids.count == events.count)
            #expect(Set(ids).count == ids.count)
            #expect(events.allSatisfy { $0.json != nil })
        }
    }
}

/// The stream of a question answered from the returns policy.
func expectAnsweredStream(_ events: [SSEEvent], sourceLocation: SourceLocation = #_sourceLocation) throws {
    let names = events.map { $0.name ?? "?" }
    #expect(names.first == "status", "events: \(names)", sourceLocation: sourceLocation)
    #expect(names.last == "done", "events: \(names)", sourceLocation: sourceLocation)
    let intent = try #require(names.firstIndex(of: "intent"), "events: \(names)", sourceLocation: sourceLocation)
    let passages = try #require(names.firstIndex(of: "passages"), "events: \(names)", sourceLocation: sourceLocation)
    let answer = try #require(names.firstIndex(of: "answer"), "events: \(names)", sourceLocation: sourceLocation)
    #expect(intent < passages && passages < answer && answer < names.count - 1, "events: \(names)", sourceLocation: sourceLocation)
    for event in events {
        #expect(event.id?.isEmpty == false, "event \(event.name ?? "?") has an id", sourceLocation: sourceLocation)
        #expect(event.json != nil, "event \(event.name ?? "?") data is a JSON object", sourceLocation: sourceLocation)
    }

    let citations = try #require(events[answer].json?["citations"] as? [JSONObject], sourceLocation: sourceLocation)
    #expect(!citations.isEmpty, sourceLocation: sourceLocation)
    #expect(citations.first?["document_id"] as? String == "returns-refunds", sourceLocation: sourceLocation)
    #expect(events[answer].json?["text"] is String, sourceLocation: sourceLocation)

    let done = try #require(events.last?.json, sourceLocation: sourceLocation)
    #expect(done["outcome"] as? String == "answer", sourceLocation: sourceLocation)
    #expect(done["turn_id"] is String, sourceLocation: sourceLocation)
    let timings = try #require(done["timings_ms"] as? JSONObject, sourceLocation: sourceLocation)
    #expect(timings["routing"] is Double, sourceLocation: sourceLocation)
    #expect(timings["retrieval"] is Double, sourceLocation: sourceLocation)
}
