import Foundation
import Testing
@testable import SupportCore

@Suite("Ownership rules")
struct OwnershipRulesTests {
    let rules = OwnershipRules(lease: 60)
    let now = Date(timeIntervalSince1970: 1_000_000)

    func held(by agent: String, expiresIn seconds: TimeInterval) -> Ownership {
        Ownership(status: .withHuman, owner: agent, leaseExpiresAt: now.addingTimeInterval(seconds))
    }

    @Test func aClaimTakesAWaitingConversationWithALease() throws {
        let change = try rules.apply(.claim(agent: "alice"), to: Ownership(status: .waitingForHuman), at: now)
        #expect(change.next == held(by: "alice", expiresIn: 60))
        #expect(change.reason == .claimed)
        #expect(!change.next.aiMayReply)
    }

    @Test func aSecondAgentCannotClaimWhileTheLeaseIsLiveButCanAfterItExpires() throws {
        #expect(throws: OwnershipError.alreadyClaimed(owner: "alice")) {
            try rules.apply(.claim(agent: "bob"), to: held(by: "alice", expiresIn: 30), at: now)
        }
        let taken = try rules.apply(.claim(agent: "bob"), to: held(by: "alice", expiresIn: -1), at: now)
        #expect(taken.next.owner == "bob")
        #expect(taken.reason == .claimed)
    }

    @Test func claimingAgainRenewsTheLeaseWithoutARecordedTransition() throws {
        let change = try rules.apply(.claim(agent: "alice"), to: held(by: "alice", expiresIn: 5), at: now)
        #expect(change.next.leaseExpiresAt == now.addingTimeInterval(60))
        #expect(change.reason == nil)
    }

    @Test func onlyTheOwnerReleasesOrReturnsToTheAI() throws {
        #expect(throws: OwnershipError.notOwner(owner: "alice")) {
            try rules.apply(.release(agent: "bob"), to: held(by: "alice", expiresIn: 30), at: now)
        }
        #expect(throws: OwnershipError.notOwner(owner: "alice")) {
            try rules.apply(.returnToAI(agent: "bob"), to: held(by: "alice", expiresIn: 30), at: now)
        }
        #expect(try rules.apply(.release(agent: "alice"), to: held(by: "alice", expiresIn: 30), at: now).next.status == .waitingForHuman)
        let back = try rules.apply(.returnToAI(agent: "alice"), to: held(by: "alice", expiresIn: 30), at: now)
        #expect(back.next == Ownership(status: .withAI))
        #expect(back.next.aiMayReply)
    }

    @Test func aCustomerMessageReopensAResolvedConversationAndChangesNothingElse() throws {
        let reopened = try rules.apply(.customerWrote, to: Ownership(status: .resolved), at: now)
        #expect(reopened.next.status == .withAI)
        #expect(reopened.reason == .reopened)
        let held = held(by: "alice", expiresIn: 30)
        let unchanged = try rules.apply(.customerWrote, to: held, at: now)
        #expect(unchanged.next == held && unchanged.reason == nil)
    }

    @Test func aLeaseExpiresOnlyOnceItHasRunOut() throws {
        #expect(throws: OwnershipError.invalidTransition(from: .withHuman)) {
            try rules.apply(.expireLease, to: held(by: "alice", expiresIn: 10), at: now)
        }
        let expired = try rules.apply(.expireLease, to: held(by: "alice", expiresIn: -10), at: now)
        #expect(expired.next == Ownership(status: .waitingForHuman))
        #expect(expired.reason == .leaseExpired)
        #expect(OwnershipRules.party(of: .expireLease) == .system)
    }

    @Test func aResolvedConversationCannotBeResolvedOrClaimedAgain() {
        #expect(throws: OwnershipError.invalidTransition(from: .resolved)) {
            try rules.apply(.resolve(agent: "alice"), to: Ownership(status: .resolved), at: now)
        }
        #expect(throws: OwnershipError.invalidTransition(from: .resolved)) {
            try rules.apply(.claim(agent: "alice"), to: Ownership(status: .resolved), at: now)
        }
    }
}

@Suite("Edit distance, frustration, queue order")
struct HumanLoopMeasuresTests {
    @Test func normalisedEditDistanceIsZeroForTheSameTextAndOneForNothingInCommon() {
        #expect(EditDistance.normalised("Refunds take 5 days.", "Refunds  take 5 days.") == 0)
        #expect(EditDistance.normalised("abc", "xyz") == 1)
        #expect(EditDistance.normalised("", "") == 0)
        let small = EditDistance.normalised("You have 30 days to return it.", "You have 30 days to return it!")
        #expect(small > 0 && small < 0.05)
        #expect(abs(EditDistance.normalised("kitten", "sitting") - 3.0 / 7.0) < 1e-9)
    }

    @Test func aCalmQuestionHasNoFrustration() {
        let signal = FrustrationMeter().measure(messages: ["How long do I have to return an item?"], earlierOutcomes: [])
        #expect(signal.level == .none)
        #expect(signal.cues.isEmpty)
    }

    @Test func shoutingRepeatingAndEarlierDontKnowsAddUp() {
        let signal = FrustrationMeter().measure(
            messages: ["where is my parcel", "WHERE IS MY PARCEL?? this is RIDICULOUS"],
            earlierOutcomes: [.dontKnow])
        #expect(signal.level == .high)
        #expect(Set(signal.cues).isSuperset(of: [.shouting, .exclamations, .negativeWords, .repeatedQuestion, .earlierDontKnow]))
    }

    @Test func theQueuePutsUrgentReasonsAndFrustrationFirstAndAgesWaitingCustomers() {
        let calm = QueueOrder.priority(reason: .customerAsked, frustration: .calm, waitingSeconds: 0)
        let angry = QueueOrder.priority(
            reason: .frustration, frustration: FrustrationSignal(level: .high, score: 0.8, cues: [.shouting]), waitingSeconds: 0)
        let calmButLong = QueueOrder.priority(reason: .customerAsked, frustration: .calm, waitingSeconds: 30 * 60)
        #expect(angry > calm)
        #expect(calmButLong > angry)
    }
}
