import Foundation

/// What the customer's widget sees while a turn is worked on. Event names on the wire come from `Name`.
public enum TurnEvent: Sendable, Hashable {
    case status(StatusUpdate)
    case intent(IntentUpdate)
    case passages([PassageSummary])
    /// A sentence of the answer being written, sent only after it passed verification.
    case delta(AnswerDelta)
    case answer(Answer)
    case dontKnow(DontKnow)
    case handoff(Handoff)
    case refusal(Refusal)
    case error(TurnError)
    case done(TurnSummary)

    public enum Name: String, Sendable, Codable, CaseIterable {
        case status, intent, passages, delta, answer
        case dontKnow = "dont_know"
        case handoff, refusal, error, done
    }

    public var name: Name {
        switch self {
        case .status: .status
        case .intent: .intent
        case .passages: .passages
        case .delta: .delta
        case .answer: .answer
        case .dontKnow: .dontKnow
        case .handoff: .handoff
        case .refusal: .refusal
        case .error: .error
        case .done: .done
        }
    }

    /// The event announcing a turn's outcome.
    public static func outcome(_ outcome: TurnOutcome) -> TurnEvent {
        switch outcome {
        case .answer(let value): .answer(value)
        case .dontKnow(let value): .dontKnow(value)
        case .handoff(let value): .handoff(value)
        case .refusal(let value): .refusal(value)
        }
    }
}

/// One verified sentence of an answer, streamed before the `answer` event that completes it.
/// Sentences arrive in order (`index` from 0) and are never taken back; the `answer` event
/// carries the same sentences, possibly followed by more.
public struct AnswerDelta: Sendable, Hashable, Codable {
    public var index: Int
    public var text: String
    /// The passage the sentence rests on; nil for frame text such as the lead-in.
    public var citation: Citation?
    public init(index: Int, text: String, citation: Citation?) {
        self.index = index
        self.text = text
        self.citation = citation
    }
}

/// The phase a `status` event reports.
public enum StatusPhase: String, Sendable, Codable, CaseIterable {
    case inputGuard = "guard"
    case routing, retrieval, drafting, verifying, finishing
}

public struct StatusUpdate: Sendable, Hashable, Codable {
    public var phase: StatusPhase
    public var text: String
    public init(phase: StatusPhase, text: String) {
        self.phase = phase
        self.text = text
    }
}

public struct IntentUpdate: Sendable, Hashable, Codable {
    public var intent: IntentName?
    public var confidence: Double
    public var action: IntentAction.Kind?
    public init(intent: IntentName?, confidence: Double, action: IntentAction.Kind?) {
        self.intent = intent
        self.confidence = confidence
        self.action = action
    }
}

public struct TurnError: Sendable, Hashable, Codable {
    public var code: String
    public var message: String
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }
}

/// The final event: the outcome and where the time went.
public struct TurnSummary: Sendable, Hashable, Codable {
    public var outcome: OutcomeKind
    public var turnID: TurnID
    /// The stored reply, the same id the conversation's event stream carries.
    public var messageID: MessageID?
    /// False when a person took over while the turn ran and the reply was withheld.
    public var delivered: Bool
    public var totalMs: Double
    public var timingsMs: [String: Double]
    public init(outcome: OutcomeKind, turnID: TurnID, trace: TurnTrace, messageID: MessageID? = nil) {
        self.outcome = outcome
        self.turnID = turnID
        self.messageID = messageID
        self.delivered = messageID != nil
        self.totalMs = trace.totalMilliseconds
        self.timingsMs = Dictionary(uniqueKeysWithValues: trace.timings.map { ($0.key.rawValue, $0.value) })
    }
}
