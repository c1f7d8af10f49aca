import Foundation
import Synchronization
import GRDB
import SupportCore
@testable import SupportStore
import Testing

/// A clock the test moves forward.
final class TestClock: Sendable {
    private let seconds = Mutex<TimeInterval>(0)
    func advance(_ by: TimeInterval) { seconds.withLock { $0 += by } }
    var now: Date { fixedNow.addingTimeInterval(seconds.withLock { $0 }) }
}

@Suite("Human loop in the store: ownership, event log, feedback")
struct HumanLoopStoreTests {
    let clock = TestClock()
    let store: SQLiteConversationStore
    let rules = OwnershipRules(lease: 60)

    init() throws {
        let clock = clock
        store = SQLiteConversationStore(database: try AppDatabase.inMemory(), now: { clock.now })
    }

    /// A conversation whose customer asked for a person and got the handoff.
    func handedOff() async throws -> ConversationID {
        let id = try await store.createConversation()
        let question = try await store.appendCustomerMessage(id, text: "I want to speak to a human", redactions: [])
        _ = try await store.recordTurn(TurnRecord(
            id: .generate(prefix: "turn"), conversationID: id, customerMessageID: question.id,
            result: await turnResult(for: question.text)))
        return id
    }

    @Test func everyMessageAndChangeOfHandsIsInTheEventLogInOrder() async throws {
        let id = try await handedOff()
        _ = try await store.changeOwnership(id, .claim(agent: "alice"), rules: rules)
        _ = try await store.appendAgentReply(id, text: "Hi, Alice here.", agent: "alice", feedback: nil, rules: rules)

        let events = try await store.events(of: id, after: 0)
        #expect(events.map(\.sequence) == [1, 2, 3, 4, 5])
        #expect(events.map(\.name) == [.message, .message, .state, .state, .message])
        guard case .state(let claimed) = events[3].payload else {
            Issue.record("expected a state event")
            return
        }
        #expect(claimed.agent == "alice" && claimed.status == .withHuman && claimed.reason == .claimed)
        guard case .message(let reply) = events[4].payload else {
            Issue.record("expected a message event")
            return
        }
        #expect(reply.author == "alice" && reply.role == .agent)
        #expect(try await store.events(of: id, after: 3).map(\.sequence) == [4, 5])
        #expect(try await store.transcript(id)?.lastEventSequence == 5)
    }

    @Test func transitionsRecordWhoWhenAndWhy() async throws {
        let id = try await handedOff()
        _ = try await store.changeOwnership(id, .claim(agent: "alice"), rules: rules)
        _ = try await store.changeOwnership(id, .release(agent: "alice"), rules: rules)
        _ = try await store.changeOwnership(id, .claim(agent: "bob"), rules: rules)
        _ = try await store.changeOwnership(id, .resolve(agent: "bob"), rules: rules)

        let transitions = try await store.transitions(of: id)
        #expect(transitions.map(\.reason) == [.handoff, .claimed, .released, .claimed, .resolved])
        #expect(transitions.map(\.by) == [.ai, .agent("alice"), .agent("alice"), .agent("bob"), .agent("bob")])
        #expect(transitions.last?.to == .resolved)
        #expect(try await store.openHandoffs().isEmpty)
    }

    @Test func theAIsReplyIsWithheldWhenAPersonTookOverDuringTheTurn() async throws {
        let id = try await store.createConversation()
        let question = try await store.appendCustomerMessage(id, text: "How long is the return window?", redactions: [])
        let result = await turnResult(for: question.text)
        // A person claims the conversation while the turn runs.
        _ = try await store.changeOwnership(id, .claim(agent: "alice"), rules: rules)

        let reply = try await store.recordTurn(
            TurnRecord(id: .generate(prefix: "turn"), conversationID: id, customerMessageID: question.id, result: result))

        #expect(reply == nil)
        let transcript = try #require(try await store.transcript(id))
        #expect(transcript.messages.map(\.role) == [.customer])
        let turns = try await store.turns(of: id)
        #expect(turns.count == 1 && turns[0].delivered == false && turns[0].outcome == .answer)
    }

    @Test func aMessageAfterResolutionReopensWithTheAIWithoutTheOldHandoff() async throws {
        let id = try await handedOff()
        _ = try await store.changeOwnership(id, .claim(agent: "alice"), rules: rules)
        _ = try await store.changeOwnership(id, .resolve(agent: "alice"), rules: rules)

        let received = try await store.receiveCustomerMessage(id, text: "One more question", redactions: [])

        #expect(received.ownership.status == .withAI)
        #expect(received.ownership.aiMayReply)
        #expect(try await store.transitions(of: id).last?.reason == .reopened)
        #expect(try await store.openHandoffs().isEmpty)
        #expect(try await store.queue().isEmpty)
    }

    @Test func aCustomerMessageToAPersonIsNotForTheAI() async throws {
        let id = try await handedOff()
        let waiting = try await store.receiveCustomerMessage(id, text: "Hello?", redactions: [])
        #expect(!waiting.ownership.aiMayReply)
        _ = try await store.changeOwnership(id, .claim(agent: "alice"), rules: rules)
        let held = try await store.receiveCustomerMessage(id, text: "Are you there?", redactions: [])
        #expect(held.ownership.status == .withHuman && held.ownership.owner == "alice")
    }

    @Test func anExpiredLeaseGoesBackToTheQueueAndIsRecordedAsTheSystems() async throws {
        let id = try await handedOff()
        _ = try await store.changeOwnership(id, .claim(agent: "alice"), rules: rules)
        #expect(try await store.expireLeases(rules: rules).isEmpty)

        clock.advance(61)
        #expect(try await store.expireLeases(rules: rules) == [id])

        let transcript = try #require(try await store.transcript(id))
        #expect(transcript.status == .waitingForHuman && transcript.ownership.owner == nil)
        let last = try #require(try await store.transitions(of: id).last)
        #expect(last.reason == .leaseExpired && last.by == .system)
        #expect(try await store.queue().first?.status == .waitingForHuman)
    }

    @Test func theQueueListsWaitingConversationsWithTheirPacketAndWaitingTime() async throws {
        let id = try await handedOff()
        clock.advance(90)
        let queue = try await store.queue()
        #expect(queue.count == 1)
        #expect(queue[0].conversationID == id)
        #expect(queue[0].handoff.reason == .customerAsked)
        #expect(queue[0].waitingSeconds == 90)
        #expect(queue[0].lastCustomerMessage == "I want to speak to a human")
        #expect(queue[0].priority > QueueOrder.weight(of: .customerAsked))
    }

    @Test func draftsFeedbackAndRatingsRoundTrip() async throws {
        let id = try await handedOff()
        _ = try await store.changeOwnership(id, .claim(agent: "alice"), rules: rules)
        let question = try #require(try await store.transcript(id)?.messages.first)
        let citation = Citation(index: 1, passage: returnWindowPassage)
        let draft = AgentDraft(
            id: "draft_1", conversationID: id, forMessageID: question.id, question: question.text, outcome: .answer,
            reason: nil, text: "You have 30 days.", citations: [citation], intent: "returns",
            trace: TurnTrace(stages: [], totalMilliseconds: 1), requestedBy: "alice", createdAt: clock.now)
        try await store.saveDraft(draft)
        #expect(try await store.draft("draft_1") == draft)

        let feedback = FeedbackRecord(
            id: "fb_1", conversationID: id, draftID: "draft_1", messageID: "", action: .edit, question: question.text,
            draftText: draft.text, sentText: "You have 30 days from delivery.", editDistance: 0.4, agent: "alice",
            intent: "returns", documents: draft.documents, createdAt: clock.now)
        let sent = try await store.appendAgentReply(id, text: feedback.sentText, agent: "alice", feedback: feedback, rules: rules)

        let stored = try #require(try await store.feedback(of: id).first)
        #expect(stored.messageID == sent.id)
        #expect(stored.action == .edit && stored.editDistance == 0.4)
        #expect(stored.documents == [DocumentVersion(documentID: "returns-refunds", version: "4", revision: 1)])

        _ = try await store.rate(sent.id, in: id, helpful: false)
        _ = try await store.rate(sent.id, in: id, helpful: true)
        #expect(try await store.transcript(id)?.messages.last?.rating == true)
        await #expect(throws: ConversationStoreError.notRateable(question.id)) {
            _ = try await store.rate(question.id, in: id, helpful: true)
        }
        await #expect(throws: ConversationStoreError.messageNotFound("msg_nope")) {
            _ = try await store.rate("msg_nope", in: id, helpful: true)
        }
    }

    @Test func verifiedAnswersGoStaleWhenTheirPolicyChangesAndComeBackWhenApprovedAgain() async throws {
        let answer = VerifiedAnswer(
            id: "va_1", question: "How long is the return window?", answer: "30 days.",
            citations: [Citation(index: 1, passage: returnWindowPassage)],
            provenance: [DocumentVersion(documentID: "returns-refunds", version: "4", revision: 1)], intent: "returns",
            status: .approved, approvedBy: "alice", approvedAt: fixedNow, sourceFeedbackID: "fb_1")
        try await store.saveVerifiedAnswers([answer])
        #expect(try await store.markStaleVerifiedAnswers(currentRevisions: ["returns-refunds": 1]) == 0)

        #expect(try await store.markStaleVerifiedAnswers(currentRevisions: ["returns-refunds": 2]) == 1)
        #expect(try await store.verifiedAnswers().first?.status == .stale)

        let approved = try await store.approveVerifiedAnswer("va_1", agent: "bob", currentRevisions: ["returns-refunds": 2])
        #expect(approved.status == .approved && approved.approvedBy == "bob")
        #expect(approved.provenance.first?.revision == 2)
        #expect(try await store.verifiedAnswers() == [approved])
    }

    @Test func aVersionOneDatabaseMigratesAndKeepsItsConversationsAsEvents() throws {
        let path = temporaryDatabasePath()
        try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: path.path)
        var migrator = AppDatabase.migrator
        try migrator.migrate(queue, upTo: "v1-conversations")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO conversation (id, status, createdAt, updatedAt) VALUES ('conv_old', 'with_ai', '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000');
                INSERT INTO message (id, conversationID, sequence, role, text, createdAt) VALUES ('msg_1', 'conv_old', 1, 'customer', 'Hello', '2026-01-01 00:00:00.000');
                """)
        }
        migrator = AppDatabase.migrator
        try migrator.migrate(queue)
        let events = try queue.read { db in try EventRecord.filter(Column("conversationID") == "conv_old").fetchAll(db) }
        #expect(events.map(\.sequence) == [1])
        #expect(events.first?.kind == "message")
        #expect(try queue.read { db in try ConversationRecord.fetchOne(db, key: "conv_old")?.status } == "with_ai")
    }
}
