import Foundation

/// Who made a change to a conversation.
public struct Party: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case customer, ai, agent, system
    }
    public var kind: Kind
    /// The agent's name, for agents.
    public var name: String?

    public init(kind: Kind, name: String? = nil) {
        self.kind = kind
        self.name = name
    }

    public static let customer = Party(kind: .customer)
    public static let ai = Party(kind: .ai)
    public static let system = Party(kind: .system)
    public static func agent(_ name: String) -> Party { Party(kind: .agent, name: name) }
}

/// Why a conversation changed state.
public enum TransitionReason: String, Sendable, Codable, CaseIterable {
    /// The AI handed the conversation over (the handoff record says why).
    case handoff
    case claimed
    case released
    case leaseExpired = "lease_expired"
    case returnedToAI = "returned_to_ai"
    case resolved
    /// A customer wrote again after the conversation was resolved.
    case reopened
}

/// One recorded change of state: who, when, why.
public struct ConversationTransition: Sendable, Hashable, Codable {
    public var from: ConversationStatus
    public var to: ConversationStatus
    public var by: Party
    public var reason: TransitionReason
    public var createdAt: Date

    public init(from: ConversationStatus, to: ConversationStatus, by: Party, reason: TransitionReason, createdAt: Date) {
        self.from = from
        self.to = to
        self.by = by
        self.reason = reason
        self.createdAt = createdAt
    }
}

/// Where a conversation stands and who holds it. `with_human` always has an owner and a lease.
public struct Ownership: Sendable, Hashable, Codable {
    public var status: ConversationStatus
    public var owner: String?
    public var leaseExpiresAt: Date?

    public init(status: ConversationStatus, owner: String? = nil, leaseExpiresAt: Date? = nil) {
        self.status = status
        self.owner = owner
        self.leaseExpiresAt = leaseExpiresAt
    }

    /// Whether the AI may reply to a customer message now.
    public var aiMayReply: Bool { status == .withAI || status == .resolved }

    public func leaseIsLive(at now: Date) -> Bool {
        status == .withHuman && (leaseExpiresAt.map { $0 > now } ?? false)
    }
}

/// What someone asks to do with a conversation.
public enum OwnershipCommand: Sendable, Hashable {
    case handoff
    case claim(agent: String)
    case renew(agent: String)
    case release(agent: String)
    case returnToAI(agent: String)
    case resolve(agent: String)
    case expireLease
    case customerWrote
}

public enum OwnershipError: Error, Equatable, Sendable {
    /// Another agent holds a live lease.
    case alreadyClaimed(owner: String)
    /// Only the agent holding the conversation may do this.
    case notOwner(owner: String?)
    /// The command makes no sense in this state (e.g. releasing a resolved conversation).
    case invalidTransition(from: ConversationStatus)
}

/// The rules of ownership: one pure function from (state, command) to the next state and the
/// reason to record. `nil` reason means nothing changed that needs recording (a lease renewal).
public struct OwnershipRules: Sendable {
    /// How long a claim holds without activity.
    public var lease: TimeInterval

    public init(lease: TimeInterval = 600) { self.lease = lease }

    public struct Change: Sendable, Hashable {
        public var next: Ownership
        public var reason: TransitionReason?
    }

    public func apply(_ command: OwnershipCommand, to current: Ownership, at now: Date) throws -> Change {
        let leased = Ownership(status: .withHuman, owner: nil, leaseExpiresAt: now.addingTimeInterval(lease))
        switch command {
        case .handoff:
            guard current.status == .withAI || current.status == .resolved else {
                throw OwnershipError.invalidTransition(from: current.status)
            }
            return Change(next: Ownership(status: .waitingForHuman), reason: .handoff)
        case .claim(let agent):
            var next = leased
            next.owner = agent
            switch current.status {
            case .withAI, .waitingForHuman:
                return Change(next: next, reason: .claimed)
            case .withHuman where current.owner == agent:
                return Change(next: next, reason: nil)
            case .withHuman where current.leaseIsLive(at: now):
                throw OwnershipError.alreadyClaimed(owner: current.owner ?? "")
            case .withHuman:
                return Change(next: next, reason: .claimed)
            case .resolved:
                throw OwnershipError.invalidTransition(from: current.status)
            }
        case .renew(let agent):
            try requireOwner(agent, current)
            var next = leased
            next.owner = agent
            return Change(next: next, reason: nil)
        case .release(let agent):
            try requireOwner(agent, current)
            return Change(next: Ownership(status: .waitingForHuman), reason: .released)
        case .returnToAI(let agent):
            if current.status == .waitingForHuman { return Change(next: Ownership(status: .withAI), reason: .returnedToAI) }
            try requireOwner(agent, current)
            return Change(next: Ownership(status: .withAI), reason: .returnedToAI)
        case .resolve(let agent):
            switch current.status {
            case .resolved: throw OwnershipError.invalidTransition(from: current.status)
            case .withHuman: try requireOwner(agent, current)
            case .withAI, .waitingForHuman: break
            }
            return Change(next: Ownership(status: .resolved), reason: .resolved)
        case .expireLease:
            guard current.status == .withHuman, !current.leaseIsLive(at: now) else {
                throw OwnershipError.invalidTransition(from: current.status)
            }
            return Change(next: Ownership(status: .waitingForHuman), reason: .leaseExpired)
        case .customerWrote:
            if current.status == .resolved { return Change(next: Ownership(status: .withAI), reason: .reopened) }
            return Change(next: current, reason: nil)
        }
    }

    private func requireOwner(_ agent: String, _ current: Ownership) throws {
        guard current.status == .withHuman else { throw OwnershipError.notOwner(owner: nil) }
        guard current.owner == agent else { throw OwnershipError.notOwner(owner: current.owner) }
    }

    /// Who issued a command, for the transition record.
    public static func party(of command: OwnershipCommand) -> Party {
        switch command {
        case .handoff: .ai
        case .claim(let agent), .renew(let agent), .release(let agent), .returnToAI(let agent), .resolve(let agent):
            .agent(agent)
        case .expireLease: .system
        case .customerWrote: .customer
        }
    }
}
