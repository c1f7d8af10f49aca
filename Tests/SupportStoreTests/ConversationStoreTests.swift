import Foundation
import SupportCore
import SupportStore
import Testing

@Suite("SQLite conversation store")
struct ConversationStoreTests {
    let store: SQLiteConversationStore

    init() throws {
        store = SQLiteConversationStore(database: try AppDatabase.inMemory(), now: { fixedNow })
    }

    @Test func aNewConversationHasAnEmptyTranscriptWithTheAI() async throws {
        let id = try await store.createConversation()

        let transcript = try #require(try await store.transcript(id))
        #expect(id.rawValue.hasPrefix("conv_"))
        #expect(transcript.id == id)
        #expect(transcript.messages.isEmpty)
        #expect(transcript.status == .withAI)
        #expect(transcript.createdAt == fixedNow)
    }

    @Test func anAppendedCustomerMessageIsInTheTranscriptWithItsRedactions() async throws {
        let id = try await store.createConversation()
        let redaction = Redaction(kind: .email, placeholder: "[EMAIL_1]")

        let appended = try await store.appendCustomerMessage(id, text: "Write to [EMAIL_1] please", redactions: [redaction])

        let transcript = try #require(try await store.transcript(id))
        #expect(transcript.messages == [appended])
        #expect(appended.role == .customer)
        #expect(appended.text == "Write to [EMAIL_1] please")
        #expect(appended.outcome == nil && appended.author == nil)
    }

    @Test func recordingAnAnsweredTurnStoresTheReplyOutcomeAndCitations() async throws {
        // Given a conversation with a customer message
        let id = try await store.createConversation()
        let question = try await store.appendCustomerMessage(id, text: "How long is the return window?", redactions: [])
        let result = await turnResult(for: question.text)
        #expect(result.outcome.kind == .answer)
        #expect(!result.outcome.citations.isEmpty)

        // When the turn is recorded
        let turnID = TurnID.generate(prefix: "turn")
        let reply = try await store.recordTurn(
            TurnRecord(id: turnID, conversationID: id, customerMessageID: question.id, result: result))

        // Then the transcript has the assistant message with its outcome and the same citations
        let transcript = try #require(try await store.transcript(id))
        #expect(transcript.messages.map(\.role) == [.customer, .assistant])
        let stored = transcript.messages[1]
        #expect(stored == reply)
        #expect(stored.text == result.outcome.text)
        #expect(stored.outcome == .answer)
        #expect(stored.reason == nil)
        #expect(stored.turnID == turnID)
        #expect(stored.citations == result.outcome.citations)
        #expect(stored.citations.first?.documentID == "returns-refunds")
        #expect(stored.citations.first?.section == "Return window")
        #expect(transcript.status == .withAI)

        // And the turn with its trace is stored
        let turns = try await store.turns(of: id)
        #expect(turns.count == 1)
        #expect(turns.first?.id == turnID)
        #expect(turns.first?.customerMessageID == question.id)
        #expect(turns.first?.outcome == .answer)
        #expect(turns.first?.intent == "returns")
        #expect(turns.first?.trace == result.trace)
        #expect(try await store.openHandoffs().isEmpty)
    }

    @Test func recordingAHandoffOpensAHandoffAndWaitsForAHuman() async throws {
        // Given a customer asking for a person
        let id = try await store.createConversation()
        let question = try await store.appendCustomerMessage(id, text: "I want to speak to a human", redactions: [])
        let result = await turnResult(for: question.text)
        guard case .handoff(let handoff) = result.outcome else {
            Issue.record("expected a handoff, got \(result.outcome.kind)")
            return
        }

        // When the turn is recorded
        _ = try await store.recordTurn(
            TurnRecord(id: .generate(prefix: "turn"), conversationID: id, customerMessageID: question.id, result: result))

        // Then the handoff is open with its packet, and the conversation waits for a human
        let open = try await store.openHandoffs()
        #expect(open.map(\.id) == [handoff.id])
        #expect(open.first?.conversationID == id)
        #expect(open.first?.reason == .customerAsked)
        #expect(open.first?.packet == handoff.packet)
        #expect(open.first?.packet.customerMessages == ["I want to speak to a human"])
        #expect(try await store.handoffs(of: id).map(\.id) == [handoff.id])
        let transcript = try #require(try await store.transcript(id))
        #expect(transcript.status == .waitingForHuman)
        #expect(transcript.messages.last?.outcome == .handoff)
        #expect(transcript.messages.last?.reason == "customer_asked")
    }

    @Test func anAgentReplyNeedsTheLeaseAndKeepsItsAuthor() async throws {
        let id = try await store.createConversation()
        _ = try await store.appendCustomerMessage(id, text: "Hello?", redactions: [])
        await #expect(throws: OwnershipError.notOwner(owner: nil)) {
            _ = try await store.appendAgentReply(id, text: "Hi", agent: "alice", feedback: nil, rules: OwnershipRules())
        }

        _ = try await store.changeOwnership(id, .claim(agent: "alice"), rules: OwnershipRules())
        let sent = try await store.appendAgentReply(
            id, text: "Hi, this is Alice.", agent: "alice", feedback: nil, rules: OwnershipRules())

        let transcript = try #require(try await store.transcript(id))
        #expect(transcript.status == .withHuman)
        #expect(transcript.messages.map(\.role) == [.customer, .agent])
        #expect(transcript.messages.last == sent)
        #expect(transcript.messages.last?.author == "alice")
        #expect(transcript.messages.last?.text == "Hi, this is Alice.")
    }

    @Test func messagesKeepTheOrderTheyWereAppendedIn() async throws {
        let id = try await store.createConversation()
        for index in 1...5 {
            _ = try await store.appendCustomerMessage(id, text: "message \(index)", redactions: [])
        }
        let transcript = try #require(try await store.transcript(id))
        #expect(transcript.messages.map(\.text) == (1...5).map { "message \($0)" })
    }

    @Test func conversationsDoNotSeeEachOthersMessages() async throws {
        let first = try await store.createConversation()
        let second = try await store.createConversation()
        _ = try await store.appendCustomerMessage(first, text: "only in the first", redactions: [])

        #expect(try await store.transcript(second)?.messages.isEmpty == true)
        #expect(try await store.transcript(first)?.messages.count == 1)
    }

    @Test func anUnknownConversationHasNoTranscriptAndRejectsMessages() async throws {
        let unknown = ConversationID("conv_does_not_exist")

        #expect(try await store.transcript(unknown) == nil)
        await #expect(throws: ConversationStoreError.conversationNotFound(unknown)) {
            _ = try await store.appendCustomerMessage(unknown, text: "hello", redactions: [])
        }
        await #expect(throws: ConversationStoreError.conversationNotFound(unknown)) {
            _ = try await store.appendAgentReply(unknown, text: "hello", agent: "alice", feedback: nil, rules: OwnershipRules())
        }
        #expect(try await store.turns(of: unknown).isEmpty)
        #expect(try await store.handoffs(of: unknown).isEmpty)
    }

    @Test func recordingATurnForAnUnknownConversationThrowsAndStoresNothing() async throws {
        let unknown = ConversationID("conv_does_not_exist")
        let result = await turnResult(for: "I want to speak to a human")

        await #expect(throws: ConversationStoreError.conversationNotFound(unknown)) {
            _ = try await store.recordTurn(
                TurnRecord(id: .generate(prefix: "turn"), conversationID: unknown, customerMessageID: "msg_x", result: result))
        }
        #expect(try await store.openHandoffs().isEmpty)
    }
}
