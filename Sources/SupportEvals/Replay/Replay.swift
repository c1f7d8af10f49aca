import Foundation
import SupportCore

/// What a stored turn said, or what the current pipeline says now.
public struct ReplayReply: Sendable, Hashable, Codable {
    public var outcome: OutcomeKind?
    public var reason: String?
    public var documents: [DocumentID]
    public var text: String
}

/// One customer message, then and now.
public struct ReplayTurn: Sendable, Hashable, Codable {
    public enum Change: String, Sendable, Codable, CaseIterable {
        case outcome, citations, text
    }
    public var message: String
    public var before: ReplayReply
    public var after: ReplayReply
    public var changes: [Change]
}

public struct ReplayConversation: Sendable, Hashable, Codable {
    public var id: ConversationID
    public var createdAt: Date
    public var turns: [ReplayTurn]
    public var changed: Bool { turns.contains { !$0.changes.isEmpty } }
}

/// Totals over every replayed turn.
public struct ReplayTotals: Sendable, Hashable, Codable {
    public var conversations: Int
    public var conversationsChanged: Int
    public var turns: Int
    public var unchanged: Int
    public var outcomeChanged: Int
    public var citationsChanged: Int
    public var textChanged: Int
    /// "answer → dont_know": how many turns moved between outcomes.
    public var transitions: [String: Int]
}

public struct ReplayReport: Sendable, Codable {
    public var source: String
    public var since: Date?
    public var totals: ReplayTotals
    public var conversations: [ReplayConversation]
}

/// Re-runs the customer messages of stored conversations through the current pipeline and
/// says what changed: how a new policy set, threshold or drafter would have treated real traffic.
public struct Replay: Sendable {
    /// Where the conversations were served.
    public let source: any ConversationStore
    /// The current pipeline, with a store of its own so the source is never written to.
    public let service: TurnService

    public init(source: any ConversationStore, service: TurnService) {
        self.source = source
        self.service = service
    }

    public func run(since: Date?, sourceName: String) async throws -> ReplayReport {
        var conversations: [ReplayConversation] = []
        for id in try await source.conversations(activeSince: since) {
            guard let transcript = try await source.transcript(id) else { continue }
            conversations.append(try await replay(transcript))
        }
        return ReplayReport(source: sourceName, since: since, totals: Self.totals(conversations), conversations: conversations)
    }

    func replay(_ transcript: Transcript) async throws -> ReplayConversation {
        let fresh = try await service.store.createConversation()
        var turns: [ReplayTurn] = []
        for (index, message) in transcript.messages.enumerated() where message.role == .customer {
            // The stored reply is supportd's message right after the customer's, if there is one.
            let next = transcript.messages.dropFirst(index + 1).first
            let stored = next?.role == .assistant ? next : nil
            let before = ReplayReply(
                outcome: stored?.outcome, reason: stored?.reason,
                documents: (stored?.citations ?? []).map(\.documentID).removingRepeats(),
                text: stored?.text ?? "")
            let after: ReplayReply
            do {
                let accepted = try await service.accept(message.text, in: fresh)
                if !accepted.forAI {
                    // Replay measures the pipeline on every customer message, also those a person answered.
                    _ = try await service.store.changeOwnership(fresh, .returnToAI(agent: "replay"), rules: OwnershipRules())
                }
                let result = await service.run(accepted) { _ in }
                after = ReplayReply(
                    outcome: result.outcome.kind, reason: result.outcome.reasonCode,
                    documents: result.outcome.citations.map(\.documentID).removingRepeats(), text: result.outcome.text)
            } catch {
                after = ReplayReply(outcome: nil, reason: "rejected: \(error)", documents: [], text: "")
            }
            var changes: [ReplayTurn.Change] = []
            if before.outcome != after.outcome { changes.append(.outcome) }
            if Set(before.documents) != Set(after.documents) { changes.append(.citations) }
            if before.text != after.text { changes.append(.text) }
            turns.append(ReplayTurn(message: message.text, before: before, after: after, changes: changes))
        }
        return ReplayConversation(id: transcript.id, createdAt: transcript.createdAt, turns: turns)
    }

    static func totals(_ conversations: [ReplayConversation]) -> ReplayTotals {
        let turns = conversations.flatMap(\.turns)
        var transitions: [String: Int] = [:]
        for turn in turns where turn.changes.contains(.outcome) {
            transitions["\(turn.before.outcome?.rawValue ?? "none") → \(turn.after.outcome?.rawValue ?? "none")", default: 0] += 1
        }
        return ReplayTotals(
            conversations: conversations.count, conversationsChanged: conversations.filter(\.changed).count,
            turns: turns.count, unchanged: turns.filter { $0.changes.isEmpty }.count,
            outcomeChanged: turns.filter { $0.changes.contains(.outcome) }.count,
            citationsChanged: turns.filter { $0.changes.contains(.citations) }.count,
            textChanged: turns.filter { $0.changes.contains(.text) }.count, transitions: transitions)
    }
}
