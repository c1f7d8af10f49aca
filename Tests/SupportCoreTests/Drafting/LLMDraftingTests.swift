import Foundation
import Testing
@testable import SupportCore

/// The pipeline with an LLM drafter behind a scripted provider: verified streaming, deadlines,
/// retries, named faults, fallback and shadow mode.
struct LLMDraftingTests {
    static let question = "How many days do I have to return an item?"
    static let window = "returned within 30 days of delivery"
    static let good = "Most Fernhollow items can be returned within 30 days of delivery"
    static let starts = "The 30-day return window starts on the delivery date shown in the tracking information"

    static func cite(_ request: CompletionRequest) -> String { "[\(ScriptedProvider.label(of: window, in: request))]" }

    static func deltas(_ events: [TurnEvent]) -> [AnswerDelta] {
        events.compactMap { if case .delta(let delta) = $0 { delta } else { nil } }
    }

    static func budget(firstSentence: Duration = .seconds(4), answer: Duration = .seconds(9)) -> LatencyBudget {
        var budget = LatencyBudget.chat
        budget.firstSentence = firstSentence
        budget.answer = answer
        budget.heartbeat = .milliseconds(100)
        return budget
    }

    @Test func verifiedSentencesStreamAsDeltasAndAnInventedOneIsDropped() async throws {
        let provider = ScriptedProvider { _, request in
            let cite = Self.cite(request)
            return [.usage(TokenUsage(inputTokens: 700, cacheReadTokens: 650))]
                + ScriptedProvider.chunks("\(Self.good) \(cite). This applies for 9137 days \(cite). \(Self.starts) \(cite).")
                + [.usage(TokenUsage(outputTokens: 41))]
        }
        let (result, events) = await runTurn(Self.question, pipeline: Fixtures.pipeline(drafter: LLMDrafter.scripted(provider)))
        guard case .answer(let answer) = result.outcome else { Issue.record("expected an answer, got \(result.outcome)"); return }
        let deltas = Self.deltas(events)
        #expect(deltas.map(\.text) == [Self.good + ".", Self.starts + "."])
        #expect(answer.sentences.map(\.text) == deltas.map(\.text))
        #expect(deltas.allSatisfy { $0.citation?.index == 1 })
        #expect(!answer.text.contains("9137"))
        // Every delta comes before the answer event.
        let answerAt = events.firstIndex { $0.name == .answer } ?? events.count
        #expect(events.lastIndex { $0.name == .delta }! < answerAt)

        let record = try #require(result.trace.drafting?.first)
        #expect(record.role == .primary)
        #expect(record.sentencesWritten == 3)
        #expect(record.dropped.map(\.failure) == [.missingNumber])
        #expect(record.prompt?.hasPrefix("grounded-answer/1 sha256:") == true)
        #expect(record.usage == TokenUsage(inputTokens: 700, outputTokens: 41, cacheReadTokens: 650))
        #expect(result.trace.stages.contains { $0.stage == .drafting && $0.input.contains("grounded-answer/1") })
    }

    @Test func noVerifiedSentenceByT1CancelsTheModelAndFallsBackToExtractive() async throws {
        let provider = ScriptedProvider { _, _ in [.pause(.seconds(5))] }
        let start = ContinuousClock.now
        let (result, events) = await runTurn(
            Self.question,
            pipeline: Fixtures.pipeline(
                drafter: LLMDrafter.scripted(provider), fallback: ExtractiveDrafter(),
                budget: Self.budget(firstSentence: .milliseconds(400))))
        #expect(ContinuousClock.now - start < .seconds(3))
        guard case .answer(let answer) = result.outcome else { Issue.record("expected an answer, got \(result.outcome)"); return }
        #expect(answer.text.hasPrefix("According to our"))
        let records = try #require(result.trace.drafting)
        #expect(records.map(\.role) == [.primary, .fallback])
        #expect(records[0].fault == .firstSentenceDeadline)
        #expect(records[1].result == .answered)
        // Heartbeats kept the customer informed while the model was silent.
        let statuses = events.filter { $0.name == .status }.count
        #expect(statuses >= 5)
        try await Task.sleep(for: .milliseconds(200))
        #expect(provider.cancelled == 1)
    }

    @Test func atT2WhatWasShownStandsAndTheRestIsCancelled() async throws {
        let provider = ScriptedProvider { _, request in
            // The next sentence's first word releases the first (a marker could still have followed it).
            ScriptedProvider.chunks("\(Self.good) \(Self.cite(request)). The") + [.pause(.seconds(5))]
        }
        let start = ContinuousClock.now
        let (result, events) = await runTurn(
            Self.question,
            pipeline: Fixtures.pipeline(
                drafter: LLMDrafter.scripted(provider), fallback: ExtractiveDrafter(),
                // Generous: other suites train routers on the 2-thread cooperative pool and can
                // hold both threads for a second or more when the whole package runs at once.
                budget: Self.budget(firstSentence: .seconds(3), answer: .milliseconds(3500))))
        #expect(ContinuousClock.now - start < .seconds(6))
        guard case .answer(let answer) = result.outcome else { Issue.record("expected an answer, got \(result.outcome)"); return }
        #expect(answer.sentences.map(\.text) == [Self.good + "."])
        #expect(Self.deltas(events).map(\.text) == [Self.good + "."])
        #expect(result.trace.drafting?.map(\.fault) == [.answerDeadline], "\(result.trace.stages.map { "\($0.stage): \($0.decision) \($0.output)" })")
    }

    @Test func aServerErrorIsRetriedInsideTheBudget() async {
        let provider = ScriptedProvider { call, request in
            call == 1 ? [.fail(.serverError(status: 503))] : ScriptedProvider.chunks("\(Self.good) \(Self.cite(request)).")
        }
        let (result, _) = await runTurn(Self.question, pipeline: Fixtures.pipeline(drafter: LLMDrafter.scripted(provider)))
        #expect(result.outcome.kind == .answer)
        #expect(provider.requests.count == 2)
    }

    @Test func aRetryThatWouldMissT1IsNotMade() async {
        let provider = ScriptedProvider { _, _ in [.fail(.rateLimited(retryAfter: .seconds(30)))] }
        let (result, _) = await runTurn(Self.question, pipeline: Fixtures.pipeline(drafter: LLMDrafter.scripted(provider)))
        #expect(result.outcome.kind == .dontKnow)
        #expect(result.outcome.reasonCode == DontKnowReason.stageFailed.rawValue)
        #expect(result.trace.drafting?.first?.fault == .rateLimited)
        #expect(provider.requests.count == 1)
    }

    @Test(arguments: [
        ("I'm sorry, but I can't help with that request.", DraftFault.refusal),
        ("Los artículos se pueden devolver en un plazo de 30 días desde la entrega.", .wrongLanguage),
        ("", .emptyAnswer),
    ])
    func modelMisbehaviourEndsWithANamedFault(text: String, fault: DraftFault) async {
        let provider = ScriptedProvider { _, _ in ScriptedProvider.chunks(text) }
        let (result, events) = await runTurn(Self.question, pipeline: Fixtures.pipeline(drafter: LLMDrafter.scripted(provider)))
        #expect(result.outcome.kind == .dontKnow)
        #expect(result.trace.drafting?.first?.fault == fault, "\(result.trace.stages.map { "\($0.stage): \($0.decision) \($0.output)" })")
        #expect(Self.deltas(events).isEmpty)
    }

    @Test func noAnswerFromTheModelIsADontKnowWithoutAFault() async {
        let provider = ScriptedProvider { _, _ in ScriptedProvider.chunks("NO_ANSWER") }
        let (result, _) = await runTurn(Self.question, pipeline: Fixtures.pipeline(drafter: LLMDrafter.scripted(provider)))
        #expect(result.outcome.reasonCode == DontKnowReason.noEvidence.rawValue)
        #expect(result.trace.drafting?.first?.result == .declined)
        #expect(result.trace.drafting?.first?.fault == nil)
    }

    @Test func personalDataReachesTheModelOnlyAsPlaceholders() async {
        let provider = ScriptedProvider { _, request in ScriptedProvider.chunks("\(Self.good) \(Self.cite(request)).") }
        _ = await runTurn(
            "My email is jo.smith@example.com. " + Self.question, pipeline: Fixtures.pipeline(drafter: LLMDrafter.scripted(provider)))
        let sent = provider.requests.flatMap { $0.messages.map(\.text) + $0.system.map(\.text) }.joined()
        #expect(sent.contains("[EMAIL_1]"))
        #expect(!sent.contains("jo.smith@example.com"))
    }

    @Test func placeholdersAreRestoredOnlyInWhatTheCustomerSees() {
        let restorer = PlaceholderRestorer(originals: ["[EMAIL_1]": "jo@example.com"])
        let answer = Answer(
            text: "We will write to [EMAIL_1].", sentences: [AnswerSentence(text: "We will write to [EMAIL_1].", citation: 1)],
            citations: [], source: .policy)
        guard case .answer(let shown) = restorer.restore(.answer(answer)) else { Issue.record("not an answer"); return }
        #expect(shown.text == "We will write to jo@example.com.")
        #expect(shown.sentences.first?.text == "We will write to jo@example.com.")
        #expect(answer.text.contains("[EMAIL_1]"))  // the stored outcome keeps the placeholder
    }

    @Test func aShadowDrafterIsRecordedButNeverShown() async throws {
        let provider = ScriptedProvider { _, request in ScriptedProvider.chunks("\(Self.good) \(Self.cite(request)).") }
        let (result, events) = await runTurn(
            Self.question, pipeline: Fixtures.pipeline(shadow: LLMDrafter.scripted(provider)))
        guard case .answer(let answer) = result.outcome else { Issue.record("expected an answer"); return }
        #expect(answer.text.hasPrefix("According to our"))  // the live, extractive answer
        #expect(Self.deltas(events).count == answer.sentences.count)
        #expect(!Self.deltas(events).contains { $0.text == Self.good + "." })
        let shadow = try #require(await result.shadow?.value)
        #expect(shadow.role == .shadow)
        #expect(shadow.result == .answered)
        #expect(shadow.text == Self.good + ".")
    }
}
