import Foundation
import Hummingbird
import HummingbirdTesting
import SupportServer
import Testing

@Suite("Health and static pages")
struct HealthAndStaticTests {
    @Test func healthReportsOKWithThePassageCount() async throws {
        try await makeApp().test(.router) { client in
            let response = try await client.execute(uri: "/healthz", method: .get)

            #expect(response.status == .ok)
            let body = try #require(jsonObject(response.body))
            #expect(body["status"] as? String == "ok")
            let passages = try #require(body["passages"] as? Int)
            #expect(passages > 0)
        }
    }

    @Test func theRootServesTheWidgetPage() async throws {
        try await makeApp().test(.router) { client in
            let response = try await client.execute(uri: "/", method: .get)

            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(String(buffer: response.body).contains("<html"))
        }
    }

    @Test func theWidgetScriptIsServed() async throws {
        try await makeApp().test(.router) { client in
            let response = try await client.execute(uri: "/widget.js", method: .get)

            #expect(response.status == .ok)
            #expect(response.body.readableBytes > 0)
        }
    }
}

@Suite("Live server")
struct LiveServerTests {
    @Test func aMessageStreamsOverARealSocketFromStatusToDone() async throws {
        try await makeApp().test(.live) { client in
            let conversation = try await createConversation(client)

            let events = try await postMessage(client, to: conversation, text: "How many days do I have to return an item?")

            #expect(events.first?.name == "status")
            #expect(events.last?.name == "done")
            #expect(events.contains { $0.name == "answer" })
        }
    }
}
