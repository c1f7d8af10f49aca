import Foundation

/// The state of one turn as it moves through the stages.
struct TurnRun {
    let pipeline: TurnPipeline
    let message: ScreenedMessage
    let context: ConversationContext
    let clock: TurnClock
    let emit: @Sendable (TurnEvent) async -> Void
    var records: [StageRecord] = []
    /// Each drafter tried this turn, in order.
    var drafting: [DraftingRecord] = []
    /// The candidate drafter's attempt, when shadow mode is on; it finishes on its own time.
    var shadow: Task<DraftingRecord, Never>?
    var routing: RoutingDecision?
    var retrieval: RetrievalResult?
    /// Whether a handoff packet gets an AI draft (off for the nested runs that make one).
    let suggestsDrafts: Bool

    init(
        pipeline: TurnPipeline, message: ScreenedMessage, context: ConversationContext, clock: TurnClock,
        emit: @escaping @Sendable (TurnEvent) async -> Void, suggestsDrafts: Bool = true
    ) {
        self.suggestsDrafts = suggestsDrafts
        self.pipeline = pipeline
        self.message = message
        self.context = context
        self.clock = clock
        self.emit = emit
        self.records = [message.record]
        self.queryText = PlaceholderBook.pattern.replacingMatches(in: message.text, with: " ")
    }

    var phrases: SystemPhrases { pipeline.phrases }

    /// The message as routing and retrieval see it: redaction placeholders carry no meaning there.
    let queryText: String

    mutating func execute() async -> TurnResult {
        let outcome = await escalate(await decide())
        let finishing = ContinuousClock.now
        records.append(StageRecord(
            stage: .outcome, component: "pipeline", input: "", output: outcome.reasonCode ?? outcome.kind.rawValue,
            decision: outcome.kind.rawValue, milliseconds: (ContinuousClock.now - finishing).milliseconds))
        return TurnResult(
            outcome: outcome,
            trace: TurnTrace(stages: records, totalMilliseconds: clock.elapsedMilliseconds, drafting: drafting.isEmpty ? nil : drafting),
            routing: routing, shadow: shadow)
    }

    private mutating func decide() async -> TurnOutcome {
        await status(.inputGuard)
        if case .refuse(let reason) = message.verdict.decision {
            return .refusal(Refusal(reason: reason, text: phrases.refusal(reason)))
        }

        await status(.routing)
        guard let routing = await route() else { return dontKnow(.stageFailed) }
        self.routing = routing
        let action = routing.intent.flatMap { pipeline.catalog.definition(of: $0) }?.action
        await emit(.intent(IntentUpdate(intent: routing.intent, confidence: routing.confidence, action: action?.kind)))

        switch action {
        case .reply(let text):
            return .answer(Answer(text: text, sentences: [AnswerSentence(text: text, citation: nil)], citations: [], source: .fixedPhrase))
        case .handoff:
            let reason: HandoffReason = routing.intent == "complaint" ? .frustration : .customerAsked
            return await handoff(reason)
        case .refuse:
            await status(.retrieval)
            guard let retrieval = await retrieve(preferred: []) else { return refusal(.offTopic) }
            let evidence = retrieval.passages.first?.coverage ?? 0
            if evidence < pipeline.settings.overrideOutOfScopeEvidence { return refusal(.offTopic) }
            return await answer(from: retrieval)
        case .answer(let documents):
            if let verified = await verifiedAnswer() { return verified }
            await status(.retrieval)
            guard let retrieval = await retrieve(preferred: documents) else { return dontKnow(.stageFailed) }
            return await answer(from: retrieval)
        case nil:
            if let verified = await verifiedAnswer() { return verified }
            // The router is unsure: answer only on strong evidence, otherwise admit it.
            await status(.retrieval)
            guard let retrieval = await retrieve(preferred: []) else { return dontKnow(.stageFailed) }
            return await answer(from: retrieval)
        }
    }

    private mutating func answer(from retrieval: RetrievalResult) async -> TurnOutcome {
        let evidence = retrieval.passages.first?.coverage ?? 0
        guard evidence >= pipeline.settings.evidenceThreshold else { return dontKnow(.noEvidence) }

        await status(.drafting)
        let request = DraftRequest(
            question: queryText, retrieval: retrieval, intent: routing?.intent, retryBefore: clock.firstSentenceDeadline)
        let passages = retrieval.passages.map(\.passage)
        let deltas = DeltaNumbering(passages: passages, originals: message.verdict.originals)
        let emit = emit
        let phrases = phrases
        let live = streamer(
            passages: passages, retrieval: retrieval, firstSentenceBy: clock.firstSentenceDeadline,
            show: { sentences, leadIn in
                for delta in deltas.number(sentences, leadIn: leadIn) { await emit(.delta(delta)) }
            },
            heartbeat: { beat in
                await emit(.status(StatusUpdate(phase: beat % 2 == 1 ? .drafting : .verifying, text: phrases.heartbeat(beat))))
            })
        if let candidate = pipeline.shadowDrafter {
            let quiet = streamer(
                passages: passages, retrieval: retrieval, firstSentenceBy: clock.firstSentenceDeadline,
                show: { _, _ in }, heartbeat: { _ in })
            shadow = Task { await quiet.run(candidate, request: request, role: .shadow).record }
        }

        var attempt = await live.run(pipeline.drafter, request: request, role: .primary)
        drafting.append(attempt.record)
        if attempt.shown.isEmpty, let fallback = pipeline.fallbackDrafter {
            // The extractive fallback takes milliseconds; it may use the rest of the turn.
            let rescue = streamer(
                passages: passages, retrieval: retrieval, firstSentenceBy: clock.turnDeadline, show: live.show,
                heartbeat: live.heartbeat)
            attempt = await rescue.run(fallback, request: request, role: .fallback)
            drafting.append(attempt.record)
        }
        recordDrafting()
        guard !attempt.shown.isEmpty else {
            let last = drafting.last!
            switch last.result {
            case .failed: return dontKnow(last.fault?.dontKnowReason ?? .stageFailed)
            case .unverified: return dontKnow(.unverifiedDraft)
            case .noDraft, .declined, .answered: return dontKnow(.noEvidence)
            }
        }
        // Verification happened sentence by sentence while drafting (the heartbeat says so).
        await status(.finishing)
        return .answer(Self.assemble(Draft(leadIn: attempt.leadIn, sentences: attempt.shown, support: attempt.record.coverage), passages: passages))
    }

    private func streamer(
        passages: [Passage], retrieval: RetrievalResult, firstSentenceBy: ContinuousClock.Instant,
        show: @escaping @Sendable ([DraftSentence], String?) async -> Void, heartbeat: @escaping @Sendable (Int) async -> Void
    ) -> DraftStreamer {
        DraftStreamer(
            verifier: pipeline.verifier, passages: passages,
            weights: Dictionary(retrieval.queryTerms.map { ($0.term, $0.weight) }, uniquingKeysWith: { max($0, $1) }),
            requiredCoverage: pipeline.settings.minimumAnswerCoverage, clock: clock, firstSentenceBy: firstSentenceBy,
            answerBy: max(firstSentenceBy, clock.answerDeadline), show: show, heartbeat: heartbeat)
    }

    /// The drafting and verification stages of the trace, from the attempts made.
    private mutating func recordDrafting() {
        for attempt in drafting {
            let usage = attempt.usage.map { " tokens in \($0.inputTokens ?? 0) out \($0.outputTokens ?? 0) cached \($0.cacheReadTokens ?? 0)" } ?? ""
            records.append(StageRecord(
                stage: .drafting, component: attempt.drafter,
                input: "\(retrieval?.passages.count ?? 0) passages" + (attempt.prompt.map { "; prompt \($0)" } ?? ""),
                output: "\(attempt.role.rawValue): \(attempt.sentencesWritten) written, \(attempt.sentencesVerified) verified, \(attempt.sentencesShown) shown;"
                    + usage + (attempt.faultDetail.map { "; \($0)" } ?? ""),
                score: attempt.coverage, threshold: pipeline.settings.minimumAnswerCoverage,
                decision: attempt.fault?.rawValue ?? attempt.result.rawValue, milliseconds: attempt.finishedMs - attempt.startedMs))
            records.append(StageRecord(
                stage: .verification, component: String(describing: type(of: pipeline.verifier)),
                input: "\(attempt.sentencesWritten) sentences",
                output: attempt.dropped.isEmpty
                    ? "all sentences supported"
                    : attempt.dropped.map { "\($0.failure!.rawValue): \($0.detail)" }.joined(separator: "; "),
                score: Double(attempt.sentencesVerified) / Double(max(1, attempt.sentencesWritten)), threshold: 1,
                decision: attempt.dropped.isEmpty ? "verified" : "dropped \(attempt.dropped.count)", milliseconds: 0))
        }
    }

    /// The answer text: lead-in, then each sentence followed by its citation marker.
    static func assemble(_ draft: Draft, passages: [Passage]) -> Answer {
        var book = CitationBook()
        var sentences: [AnswerSentence] = []
        for sentence in draft.sentences {
            guard let passage = passages.first(where: { $0.id == sentence.passage }) else { continue }
            sentences.append(AnswerSentence(text: sentence.text, citation: book.cite(passage).index))
        }
        let body = sentences.map { "\($0.text) [\($0.citation!)]" }.joined(separator: " ")
        let text = [draft.leadIn, body].compactMap { $0 }.joined(separator: " ")
        if let leadIn = draft.leadIn { sentences.insert(AnswerSentence(text: leadIn, citation: nil), at: 0) }
        return Answer(text: text, sentences: sentences, citations: book.citations, source: .policy)
    }

    /// An answer a human approved for a closely matching question, when one is current.
    private mutating func verifiedAnswer() async -> TurnOutcome? {
        guard let source = pipeline.verifiedAnswers else { return nil }
        let started = ContinuousClock.now
        let match = source.match(queryText)
        records.append(StageRecord(
            stage: .verifiedAnswer, component: String(describing: type(of: source)), input: queryText,
            output: match.map { "\($0.answer.id): \($0.answer.question)" } ?? "no close approved answer",
            score: match?.similarity, threshold: source.threshold, decision: match == nil ? "none" : "served",
            milliseconds: (ContinuousClock.now - started).milliseconds))
        guard let verified = match?.answer else { return nil }
        await status(.finishing)
        let sentences = [AnswerSentence(text: verified.answer, citation: verified.citations.first?.index)]
        return .answer(Answer(text: verified.answer, sentences: sentences, citations: verified.citations, source: .verifiedAnswer))
    }

    /// A second "don't know" in a row, or one to a very frustrated customer, goes to a person instead.
    private mutating func escalate(_ outcome: TurnOutcome) async -> TurnOutcome {
        guard case .dontKnow = outcome else { return outcome }
        let frustration = frustration
        if pipeline.settings.handOffAfterRepeatedDontKnow, context.earlierOutcomes.last == .dontKnow {
            return await handoff(.repeatedFailure, frustration: frustration)
        }
        if frustration.level >= pipeline.settings.frustrationHandoffLevel {
            return await handoff(.frustration, frustration: frustration)
        }
        return outcome
    }

    var frustration: FrustrationSignal {
        pipeline.frustrationMeter.measure(
            messages: context.customerMessages + [message.text], earlierOutcomes: context.earlierOutcomes)
    }

    // MARK: - Stages with deadlines

    private mutating func route() async -> RoutingDecision? {
        let router = pipeline.router
        let request = RoutingRequest(text: queryText, earlierMessages: context.customerMessages)
        let started = ContinuousClock.now
        let result = await runWithDeadline(clock.deadline(for: .routing)) { try await router.route(request) }
        let elapsed = (ContinuousClock.now - started).milliseconds
        switch result {
        case .value(let decision):
            let ranking = decision.ranking.map { "\($0.label)=\(String(format: "%.3f", $0.score))" }
            records.append(StageRecord(
                stage: .routing, component: decision.component, input: message.text,
                output: ranking.joined(separator: ", "), score: decision.confidence, threshold: decision.threshold,
                decision: decision.intent?.rawValue ?? "unsure", milliseconds: elapsed))
            return decision
        case .failed(let error):
            recordFailure(.routing, component: "router", error: error, milliseconds: elapsed)
        case .timedOut:
            recordFailure(.routing, component: "router", error: nil, milliseconds: elapsed)
        }
        return nil
    }

    private mutating func retrieve(preferred: [DocumentID]) async -> RetrievalResult? {
        let retriever = pipeline.retriever
        let query = RetrievalQuery(
            text: queryText, context: context.customerMessages, preferredDocuments: preferred,
            limit: pipeline.settings.passageLimit)
        let started = ContinuousClock.now
        let result = await runWithDeadline(clock.deadline(for: .retrieval)) { try await retriever.retrieve(query) }
        let elapsed = (ContinuousClock.now - started).milliseconds
        switch result {
        case .value(let retrieval):
            self.retrieval = retrieval
            let top = retrieval.passages.first
            records.append(StageRecord(
                stage: .retrieval, component: retrieval.component,
                input: retrieval.queryTerms.map { "\($0.term)\($0.known ? "" : "?")" }.joined(separator: " "),
                output: retrieval.passages.map { "\($0.passage.id) (\(String(format: "%.2f", $0.coverage)))" }
                    .joined(separator: ", "),
                score: top?.coverage ?? 0, threshold: pipeline.settings.evidenceThreshold,
                decision: (top?.coverage ?? 0) >= pipeline.settings.evidenceThreshold ? "evidence" : "no_evidence",
                milliseconds: elapsed))
            await emit(.passages(retrieval.passages.map(PassageSummary.init)))
            return retrieval
        case .failed(let error):
            recordFailure(.retrieval, component: "retriever", error: error, milliseconds: elapsed)
        case .timedOut:
            recordFailure(.retrieval, component: "retriever", error: nil, milliseconds: elapsed)
        }
        return nil
    }

    /// Records a stage that threw (`error`) or overran its deadline (`error == nil`).
    private mutating func recordFailure(_ stage: Stage, component: String, error: (any Error)?, milliseconds: Double) {
        records.append(StageRecord(
            stage: stage, component: component, input: message.text,
            output: error.map { String(describing: $0) } ?? "deadline passed",
            decision: error == nil ? "timed_out" : "failed", milliseconds: milliseconds))
    }

    // MARK: - Outcomes

    private func status(_ phase: StatusPhase) async {
        await emit(.status(StatusUpdate(phase: phase, text: phrases.status(phase))))
    }

    private func dontKnow(_ reason: DontKnowReason) -> TurnOutcome {
        .dontKnow(DontKnow(reason: reason, text: phrases.dontKnow))
    }

    private func refusal(_ reason: RefusalReason) -> TurnOutcome {
        .refusal(Refusal(reason: reason, text: phrases.refusal(reason)))
    }

    private mutating func handoff(_ reason: HandoffReason, frustration measured: FrustrationSignal? = nil) async -> TurnOutcome {
        let customerMessages = context.customerMessages + [message.text]
        let draft = suggestsDrafts ? await pipeline.suggestReply(to: customerMessages, context: context, within: clock) : nil
        let passages = retrieval?.passages ?? []
        let facts =
            draft?.citations
            ?? passages.prefix(3).enumerated().map { offset, scored in
                Citation(index: offset + 1, passage: scored.passage)
            }
        let frustration = measured ?? frustration
        let packet = HandoffPacket(
            reason: reason, intent: routing?.intent, intentConfidence: routing?.confidence,
            customerMessages: customerMessages, facts: facts, passages: passages.map(PassageSummary.init),
            toldCustomer: context.repliesShown, frustration: frustration,
            suggestedNextStep: Self.nextStep(reason, frustration: frustration, hasDraft: draft != nil), aiDraft: draft)
        return .handoff(Handoff(id: .generate(prefix: "ho"), reason: reason, text: phrases.handoff(reason), packet: packet))
    }

    static func nextStep(_ reason: HandoffReason, frustration: FrustrationSignal, hasDraft: Bool) -> String {
        var steps: [String] = []
        if frustration.level >= .medium || reason == .frustration {
            steps.append("Acknowledge the problem first, check the customer's order, and offer a concrete fix.")
        }
        switch reason {
        case .repeatedFailure, .noEvidence, .outsidePolicy:
            steps.append("The policies did not answer this; answer from the order system or a team lead, not from memory.")
        case .deadline:
            steps.append("The answer took too long to make; check the facts below and reply.")
        case .guardrail:
            steps.append("A safety check stopped the reply; read the whole conversation before answering.")
        case .customerAsked, .frustration:
            break
        }
        steps.append(
            hasDraft
                ? "Check the AI draft below against the facts, then accept, edit or replace it."
                : "Read the customer's questions above and reply in this conversation.")
        return steps.joined(separator: " ")
    }
}
