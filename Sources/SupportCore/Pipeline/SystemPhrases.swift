/// The fixed texts supportd may say without a policy passage behind them.
public struct SystemPhrases: Sendable, Hashable {
    public var company: String

    public init(company: String = "our company") { self.company = company }

    public var dontKnow: String {
        "I'm sorry, I couldn't find that in \(company)'s policies, and I'd rather not guess. "
            + "Would you like me to connect you with a person from our support team?"
    }

    /// Said instead of the AI's reply when a person took the conversation over mid-turn.
    public var personTookOver: String { "A member of our team has joined and will reply to you here." }

    public func handoff(_ reason: HandoffReason) -> String {
        switch reason {
        case .customerAsked:
            "Of course. I'm connecting you with a person from the \(company) support team. "
                + "They will see this conversation, so you won't need to repeat yourself."
        case .frustration:
            "I'm sorry this has been frustrating. I'm passing this conversation to a person from the \(company) "
                + "support team who can look into it personally."
        default:
            "I'm passing this conversation to a person from the \(company) support team, who will reply here."
        }
    }

    public func refusal(_ reason: RefusalReason) -> String {
        switch reason {
        case .offTopic:
            "I can only help with questions about \(company): orders, delivery, returns, payments and your account. "
                + "Is there something like that I can help with?"
        case .injection:
            "I can't help with that request. I'm happy to answer questions about your \(company) orders, "
                + "delivery, returns or account."
        case .abuse:
            "I want to help, but I can't continue with messages like that. If you have a question about an order, "
                + "I'm here."
        }
    }

    /// What the status events say during each phase.
    public func status(_ phase: StatusPhase) -> String {
        switch phase {
        case .inputGuard: "Reading your message…"
        case .routing: "Working out what you're asking about…"
        case .retrieval: "Looking through \(company)'s policies…"
        case .drafting: "Writing an answer from the policy text…"
        case .verifying: "Checking the answer against the policy…"
        case .finishing: "Finishing up…"
        }
    }

    /// What the heartbeat says while an answer is being written and checked (beat 1, 2, …).
    public func heartbeat(_ beat: Int) -> String {
        let lines = [
            "Still writing your answer from the policy text…",
            "Checking each sentence against the policy…",
            "Almost there: making sure every detail matches the policy…",
        ]
        return lines[(beat - 1) % lines.count]
    }
}
