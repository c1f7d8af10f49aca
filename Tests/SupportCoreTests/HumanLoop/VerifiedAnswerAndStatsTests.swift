import Foundation
import Testing
@testable import SupportCore

@Suite("Verified answers")
struct VerifiedAnswerIndexTests {
    func answer(_ question: String, revision: Int = 1, status: VerifiedAnswer.Status = .approved) -> VerifiedAnswer {
        VerifiedAnswer(
            id: "va_1", question: question, answer: "Refunds arrive within 5 business days.", citations: [],
            provenance: [DocumentVersion(documentID: "returns-refunds", version: "4", revision: revision)], intent: "returns",
            status: status, approvedBy: "alice", approvedAt: Date(), sourceFeedbackID: nil)
    }

    @Test func aCloseParaphraseIsServedAndAnotherQuestionIsNot() {
        let index = VerifiedAnswerIndex(threshold: 0.8)
        index.replace(answers: [answer("How long does a refund take?")], currentRevisions: ["returns-refunds": 1])
        #expect(index.match("how long does the refund take") != nil)
        #expect(index.match("How long does delivery take?") == nil)
    }

    @Test func differentNumbersNeverMatch() {
        let index = VerifiedAnswerIndex(threshold: 0.5)
        index.replace(answers: [answer("Can I return an item after 40 days?")], currentRevisions: ["returns-refunds": 1])
        #expect(index.match("Can I return an item after 40 days?") != nil)
        #expect(index.match("Can I return an item after 90 days?") == nil)
    }

    @Test func aChangedPolicyOrAStaleAnswerIsNotServed() {
        let index = VerifiedAnswerIndex()
        index.replace(answers: [answer("How long does a refund take?")], currentRevisions: ["returns-refunds": 2])
        #expect(index.match("How long does a refund take?") == nil)
        index.replace(answers: [answer("How long does a refund take?", status: .stale)], currentRevisions: ["returns-refunds": 1])
        #expect(index.match("How long does a refund take?") == nil)
    }

    @Test func thePipelineServesAVerifiedAnswerBeforeRetrievalAndRecordsTheStage() async {
        let index = VerifiedAnswerIndex()
        index.replace(answers: [answer("How long does a refund take?")], currentRevisions: ["returns-refunds": 1])
        let base = Fixtures.pipeline()
        let pipeline = TurnPipeline(
            inputGuard: base.inputGuard, router: base.router, retriever: base.retriever, drafter: base.drafter,
            verifier: base.verifier, verifiedAnswers: index, catalog: base.catalog)
        let result = await pipeline.run(
            pipeline.screen("how long does a refund take?"), context: .init(), clock: pipeline.budget.start(), emit: { _ in })
        guard case .answer(let served) = result.outcome else {
            Issue.record("expected an answer, got \(result.outcome.kind)")
            return
        }
        #expect(served.source == .verifiedAnswer)
        #expect(served.text == "Refunds arrive within 5 business days.")
        #expect(result.trace.stages.first { $0.stage == .verifiedAnswer }?.decision == "served")
        #expect(!result.trace.stages.contains { $0.stage == .retrieval })
    }
}

@Suite("Analytics")
struct SupportStatsTests {
    let start = Date(timeIntervalSince1970: 1_000_000)

    func message(_ role: MessageRole, _ outcome: OutcomeKind? = nil, at seconds: TimeInterval) -> ConversationActivity.Message {
        .init(role: role, outcome: outcome, createdAt: start.addingTimeInterval(seconds))
    }

    func feedback(_ action: ReplyAction, intent: IntentName, distance: Double) -> FeedbackRecord {
        FeedbackRecord(
            id: .generate(prefix: "fb"), conversationID: "c", draftID: "d", messageID: "m", action: action, question: "q",
            draftText: "a", sentText: "b", editDistance: distance, agent: "alice", intent: intent,
            documents: [DocumentVersion(documentID: "returns-refunds", version: "4", revision: 1)], createdAt: start)
    }

    @Test func confirmedAndAssumedResolutionAreCountedApart() {
        let confirmed = ConversationActivity(
            id: "a", status: .withAI, messages: [message(.customer, at: 0), message(.assistant, .answer, at: 1)], handoffs: [],
            ratings: [Rating(messageID: "m", conversationID: "a", helpful: true, createdAt: start)])
        let assumed = ConversationActivity(
            id: "b", status: .withAI, messages: [message(.customer, at: 0), message(.assistant, .answer, at: 1)], handoffs: [],
            ratings: [])
        let tooRecent = ConversationActivity(
            id: "c", status: .withAI, messages: [message(.customer, at: 0), message(.assistant, .answer, at: 3500)],
            handoffs: [], ratings: [])
        let handedOff = ConversationActivity(
            id: "d", status: .withHuman,
            messages: [message(.customer, at: 0), message(.assistant, .handoff, at: 1), message(.agent, at: 61)],
            handoffs: [.init(reason: .customerAsked, createdAt: start.addingTimeInterval(1))], ratings: [])
        let stats = SupportStats.compute(
            activity: [confirmed, assumed, tooRecent, handedOff],
            feedback: [
                feedback(.accept, intent: "returns", distance: 0), feedback(.edit, intent: "returns", distance: 0.2),
                feedback(.edit, intent: "shipping", distance: 0.4), feedback(.reject, intent: "shipping", distance: 0.9),
            ],
            assumeResolvedAfter: 1800, now: start.addingTimeInterval(3600))
        #expect(stats.conversations == 4)
        #expect(stats.resolvedConfirmed.count == 1)
        #expect(stats.resolvedAssumed.count == 1)
        #expect(stats.containment.count == 3)
        #expect(stats.handoffsByReason["customer_asked"]?.count == 1)
        #expect(stats.medianSecondsToFirstHumanReply == 60)
        #expect(stats.replyRates.accepted.rate == 0.25)
        #expect(stats.replyRates.edited.rate == 0.5)
        #expect(stats.replyRates.meanEditDistance == 0.3)
        #expect(stats.replyRatesByIntent["returns"]?.accepted.rate == 0.5)
        #expect(stats.replyRatesByDocument["returns-refunds"]?.replies == 4)
    }
}
