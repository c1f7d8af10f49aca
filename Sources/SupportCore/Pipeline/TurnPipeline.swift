import Foundation

/// A customer message after the input guard: the only form that is stored or passed on.
public struct ScreenedMessage: Sendable {
    public var verdict: GuardVerdict
    public var record: StageRecord
    public var text: String { verdict.redactedText }
}

/// What the pipeline knows about the conversation so far.
public struct ConversationContext: Sendable {
    /// Earlier customer messages, oldest first (redacted).
    public var customerMessages: [String]
    /// Earlier replies the customer saw, oldest first.
    public var repliesShown: [String]
    /// How supportd's earlier turns ended, oldest first.
    public var earlierOutcomes: [OutcomeKind]
    public init(customerMessages: [String] = [], repliesShown: [String] = [], earlierOutcomes: [OutcomeKind] = []) {
        self.customerMessages = customerMessages
        self.repliesShown = repliesShown
        self.earlierOutcomes = earlierOutcomes
    }
}

/// How a turn ended, and the record of how it got there.
public struct TurnResult: Sendable {
    public var outcome: TurnOutcome
    public var trace: TurnTrace
    public var routing: RoutingDecision?
    /// The shadow drafter's attempt (shadow mode): never shown, stored beside the turn for comparison.
    public var shadow: Task<DraftingRecord, Never>?
}

/// Thresholds the pipeline decides with.
public struct PipelineSettings: Sendable, Hashable {
    /// The top passage must hold this share of the query's weight before a draft is attempted.
    public var evidenceThreshold = 0.4
    /// Evidence strong enough to answer even when the router said out of scope.
    public var overrideOutOfScopeEvidence = 0.8
    public var passageLimit = 5
    /// Verified sentences are shown only once together they cover this share of the question's
    /// weighted terms; less does not answer it.
    public var minimumAnswerCoverage = 0.2
    /// A "don't know" right after another becomes a handoff (reason `repeated_failure`).
    public var handOffAfterRepeatedDontKnow = true
    /// A "don't know" to a customer this frustrated becomes a handoff (reason `frustration`).
    public var frustrationHandoffLevel: FrustrationSignal.Level = .high
    public init() {}
}

/// Orders the stages of one customer turn: guard → route → retrieve → draft → verify → outcome.
/// Each stage runs against its deadline; an overrun or failure degrades the turn, never hangs it.
public struct TurnPipeline: Sendable {
    public let inputGuard: any InputGuard
    public let router: any IntentRouter
    public let retriever: any Retriever
    public private(set) var drafter: any Drafter
    /// Tried when `drafter` gives no answer (the extractive drafter behind an LLM), or nil.
    public private(set) var fallbackDrafter: (any Drafter)?
    /// A candidate run beside `drafter` on every drafted turn and recorded, never shown (shadow mode).
    public private(set) var shadowDrafter: (any Drafter)?
    public let verifier: any Verifier
    /// Answers humans approved, consulted before retrieval.
    public let verifiedAnswers: (any VerifiedAnswerSource)?
    public let frustrationMeter = FrustrationMeter()
    public let catalog: IntentCatalog
    public let budget: LatencyBudget
    public private(set) var settings: PipelineSettings
    public let phrases: SystemPhrases

    public init(
        inputGuard: any InputGuard, router: any IntentRouter, retriever: any Retriever, drafter: any Drafter,
        fallbackDrafter: (any Drafter)? = nil, shadowDrafter: (any Drafter)? = nil,
        verifier: any Verifier, verifiedAnswers: (any VerifiedAnswerSource)? = nil, catalog: IntentCatalog,
        budget: LatencyBudget = .chat, settings: PipelineSettings = .init(), phrases: SystemPhrases? = nil
    ) {
        self.inputGuard = inputGuard
        self.router = router
        self.retriever = retriever
        self.drafter = drafter
        self.fallbackDrafter = fallbackDrafter
        self.shadowDrafter = shadowDrafter
        self.verifier = verifier
        self.verifiedAnswers = verifiedAnswers
        self.catalog = catalog
        self.budget = budget
        self.settings = settings
        self.phrases = phrases ?? SystemPhrases(company: catalog.company ?? "our company")
    }

    /// The same stages deciding with other thresholds (the eval's threshold sweep uses this).
    public func with(settings: PipelineSettings) -> TurnPipeline {
        var copy = self
        copy.settings = settings
        return copy
    }

    /// The same stages with another set of drafters.
    func with(drafter: any Drafter, fallback: (any Drafter)?, shadow: (any Drafter)?) -> TurnPipeline {
        var copy = self
        copy.drafter = drafter
        copy.fallbackDrafter = fallback
        copy.shadowDrafter = shadow
        return copy
    }

    /// For drafts an agent asked for: the live drafters, no shadow run.
    var withoutShadow: TurnPipeline { with(drafter: drafter, fallback: fallbackDrafter, shadow: nil) }

    /// For the draft in a handoff packet, written inside the customer's turn: the fast drafter only.
    var quick: TurnPipeline { with(drafter: fallbackDrafter ?? drafter, fallback: nil, shadow: nil) }

    /// Runs the input guard. Cheap and synchronous, so the caller can store the redacted message
    /// before it acknowledges the request.
    public func screen(_ text: String) -> ScreenedMessage {
        let start = ContinuousClock.now
        let verdict = inputGuard.screen(text)
        let decision: String
        switch verdict.decision {
        case .pass: decision = "pass"
        case .refuse(let reason): decision = "refuse:\(reason.rawValue)"
        }
        let record = StageRecord(
            stage: .inputGuard, component: String(describing: type(of: inputGuard)),
            input: "\(text.count) characters", output: verdict.explanation, decision: decision,
            milliseconds: (ContinuousClock.now - start).milliseconds)
        return ScreenedMessage(verdict: verdict, record: record)
    }

    /// Runs the rest of the turn, reporting progress through `emit`. Always returns an outcome.
    public func run(
        _ message: ScreenedMessage, context: ConversationContext, clock: TurnClock,
        emit: @escaping @Sendable (TurnEvent) async -> Void
    ) async -> TurnResult {
        var run = TurnRun(pipeline: self, message: message, context: context, clock: clock, emit: emit)
        return await run.execute()
    }

    /// A verified answer to the newest of `candidates` (customer messages, oldest first) that
    /// can be answered from policy, for an agent to send or change. Nothing is emitted or stored.
    /// Inside a customer's turn (`within` its clock) the draft must not outlive that turn: it
    /// shares the turn's deadlines and uses the quick drafter (the fallback when there is one).
    public func suggestReply(
        to candidates: [String], context: ConversationContext, within clock: TurnClock? = nil
    ) async -> SuggestedReply? {
        let writer = clock == nil ? self.withoutShadow : self.quick
        for text in candidates.reversed().prefix(3) {
            let screened = screen(text)
            guard case .pass = screened.verdict.decision else { continue }
            var run = TurnRun(
                pipeline: writer, message: screened, context: context, clock: clock ?? budget.start(), emit: { _ in },
                suggestsDrafts: false)
            let result = await run.execute()
            if case .answer(let answer) = result.outcome, answer.source != .fixedPhrase {
                return SuggestedReply(
                    question: screened.text, text: answer.text, citations: answer.citations, intent: result.routing?.intent)
            }
        }
        return nil
    }
}
