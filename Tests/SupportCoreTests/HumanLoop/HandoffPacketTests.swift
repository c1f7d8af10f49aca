import Foundation
import Testing
@testable import SupportCore

@Suite("Handoff packet and escalation")
struct HandoffPacketTests {
    let pipeline = Fixtures.pipeline()

    func run(_ text: String, context: ConversationContext = .init()) async -> TurnResult {
        await pipeline.run(pipeline.screen(text), context: context, clock: pipeline.budget.start(), emit: { _ in })
    }

    @Test func askingForAPersonAfterAQuestionCarriesAVerifiedDraftAndItsFacts() async throws {
        let result = await run(
            "I want to talk to a person",
            context: ConversationContext(
                customerMessages: ["How long do I have to return an item?"], repliesShown: ["You have 30 days."],
                earlierOutcomes: [.answer]))
        guard case .handoff(let handoff) = result.outcome else {
            Issue.record("expected a handoff, got \(result.outcome.kind)")
            return
        }
        let packet = handoff.packet
        #expect(packet.reason == .customerAsked)
        #expect(packet.customerMessages == ["How long do I have to return an item?", "I want to talk to a person"])
        #expect(packet.toldCustomer == ["You have 30 days."])
        let draft = try #require(packet.aiDraft)
        #expect(draft.question == "How long do I have to return an item?")
        #expect(draft.text.contains("30 days"))
        #expect(packet.facts.first?.documentID == "returns-refunds")
        #expect(packet.suggestedNextStep.contains("AI draft"))
    }

    @Test func aSecondDontKnowInARowHandsOffAsRepeatedFailure() async {
        let first = await run("Can I pay with bitcoin?")
        #expect(first.outcome.kind == .dontKnow)
        let second = await run(
            "Can I pay with dogecoin?",
            context: ConversationContext(customerMessages: ["Can I pay with bitcoin?"], earlierOutcomes: [.dontKnow]))
        guard case .handoff(let handoff) = second.outcome else {
            Issue.record("expected a handoff, got \(second.outcome.kind)")
            return
        }
        #expect(handoff.reason == .repeatedFailure)
        #expect(handoff.packet.frustration.cues.contains(.earlierDontKnow))
    }
}
