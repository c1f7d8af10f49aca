import Foundation
import Synchronization

/// Runs one drafter against the turn's deadlines and verifies each sentence the moment it is
/// written. Verified sentences are held until together they answer the question (they cover
/// enough of its weighted terms); from then on each is shown as soon as it passes. So a turn that
/// ends without an answer has shown nothing, and nothing shown is ever taken back.
///
/// At T1 with nothing shown, or at T2, the drafter is cancelled (its HTTP request with it) and the
/// attempt ends with what it had. While the drafter works, a status heartbeat goes out.
struct DraftStreamer: Sendable {
    let verifier: any Verifier
    let passages: [Passage]
    /// Query term → weight, for judging whether verified sentences answer the question.
    let weights: [String: Double]
    let requiredCoverage: Double
    let clock: TurnClock
    let firstSentenceBy: ContinuousClock.Instant
    let answerBy: ContinuousClock.Instant
    /// Called with sentences to show (in order) and, before the first, the lead-in.
    let show: @Sendable (_ sentences: [DraftSentence], _ leadIn: String?) async -> Void
    /// Called every heartbeat while the drafter works, with the count of heartbeats so far.
    let heartbeat: @Sendable (Int) async -> Void

    final class ProgressBox: Sendable {
        let state = Mutex(Progress())
    }

    struct Progress: Sendable {
        var leadIn: String?
        var verdicts: [SentenceVerdict] = []
        var verified: [DraftSentence] = []
        var shown = 0
        var usage: TokenUsage?
        var declined = false
        var failure: DraftFailure?
        var firstEventMs: Double?
        var firstSentenceMs: Double?
        var finished = false
        var coverage = 0.0
    }

    /// What an attempt left: its record, and the lead-in and sentences that were shown.
    struct Attempt: Sendable {
        var record: DraftingRecord
        var leadIn: String?
        var shown: [DraftSentence]
    }

    func run(_ drafter: any Drafter, request: DraftRequest, role: DraftingRecord.Role) async -> Attempt {
        let startedMs = clock.elapsedMilliseconds
        let started = ContinuousClock.now
        let progress = ProgressBox()
        let consumer = Task { await consume(drafter.stream(request), into: progress, started: started) }
        var beats = 0
        while true {
            let now = ContinuousClock.now
            let nothingShown = progress.state.withLock { $0.shown == 0 }
            let deadline = nothingShown ? min(firstSentenceBy, answerBy) : answerBy
            if now >= deadline {
                progress.state.withLock { state in
                    if !state.finished, state.failure == nil {
                        state.failure = nothingShown
                            ? DraftFailure(.firstSentenceDeadline, "no verified sentence after \(Int(startedMs + (now - started).milliseconds)) ms")
                            : DraftFailure(.answerDeadline, "answer incomplete at \(Int(clock.elapsedMilliseconds)) ms")
                    }
                }
                consumer.cancel()
                // A drafter that ignores cancellation is abandoned; its late output is discarded.
                _ = await runWithDeadline(.now + .milliseconds(50)) { await consumer.value }
                break
            }
            let tick = min(now + clock.budget.heartbeat, deadline)
            if case .value = await runWithDeadline(tick, { await consumer.value }) { break }
            if ContinuousClock.now < deadline {
                beats += 1
                await heartbeat(beats)
            }
        }
        let state = progress.state.withLock { state in
            state.finished = true
            return state
        }
        return Attempt(
            record: record(state, drafter: drafter, role: role, startedMs: startedMs), leadIn: state.leadIn,
            shown: Array(state.verified.prefix(state.shown)))
    }

    private func consume(
        _ events: AsyncThrowingStream<DraftEvent, any Error>, into progress: ProgressBox, started: ContinuousClock.Instant
    ) async {
        do {
            for try await event in events {
                if Task.isCancelled { return }
                let (toShow, leadIn) = progress.state.withLock { state -> ([DraftSentence], String?) in
                    guard !state.finished else { return ([], nil) }
                    if state.firstEventMs == nil { state.firstEventMs = (ContinuousClock.now - started).milliseconds }
                    switch event {
                    case .leadIn(let text): state.leadIn = text
                    case .usage(let usage): state.usage = (state.usage ?? TokenUsage()).updated(with: usage)
                    case .declined: state.declined = true
                    case .sentence(let sentence): return admit(sentence, into: &state)
                    }
                    return ([], nil)
                }
                if !toShow.isEmpty { await show(toShow, leadIn) }
            }
        } catch let failure as DraftFailure {
            progress.state.withLock { if $0.failure == nil, !$0.finished { $0.failure = failure } }
        } catch is CancellationError {
        } catch {
            progress.state.withLock { if $0.failure == nil, !$0.finished { $0.failure = DraftFailure(.drafterFailed, "\(error)") } }
        }
    }

    /// Verifies a sentence; returns what may now be shown (and the lead-in before a first showing).
    private func admit(_ sentence: DraftSentence, into state: inout Progress) -> ([DraftSentence], String?) {
        let verdict = verifier.verify(Draft(leadIn: nil, sentences: [sentence], support: 0), against: passages).verdicts[0]
        state.verdicts.append(verdict)
        guard verdict.supported,
            !state.verified.contains(where: { $0.text.caseInsensitiveCompare(sentence.text) == .orderedSame })
        else { return ([], nil) }
        state.verified.append(DraftSentence(text: sentence.text, passage: verdict.passage))
        state.coverage = coverage(of: state.verified)
        guard state.coverage >= requiredCoverage else { return ([], nil) }
        let firstShowing = state.shown == 0
        let toShow = Array(state.verified[state.shown...])
        state.shown = state.verified.count
        if firstShowing { state.firstSentenceMs = clock.elapsedMilliseconds }
        return (toShow, firstShowing ? state.leadIn : nil)
    }

    /// Share of the question's term weight the sentences' own terms hold (1 when the question
    /// has no weighted terms: there is nothing left to cover).
    func coverage(of sentences: [DraftSentence]) -> Double {
        let total = weights.values.reduce(0, +)
        guard total > 0 else { return 1 }
        let terms = sentences.reduce(into: Set<String>()) { $0.formUnion(TextNormalizer.terms($1.text)) }
        return terms.reduce(0) { $0 + (weights[$1] ?? 0) } / total
    }

    private func record(_ state: Progress, drafter: any Drafter, role: DraftingRecord.Role, startedMs: Double) -> DraftingRecord {
        let answered = state.shown > 0
        let result: DraftingRecord.Result =
            answered ? .answered
            : state.failure != nil ? .failed
            : state.declined && state.verdicts.isEmpty ? .declined
            : state.verdicts.isEmpty ? .noDraft : .unverified
        let shownSentences = Array(state.verified.prefix(state.shown))
        return DraftingRecord(
            role: role, drafter: drafter.name, prompt: drafter.promptLabel, result: result, fault: state.failure?.fault,
            faultDetail: state.failure?.detail, sentencesWritten: state.verdicts.count, sentencesVerified: state.verified.count,
            sentencesShown: state.shown, dropped: state.verdicts.filter { !$0.supported }, coverage: state.coverage,
            usage: state.usage, firstSentenceMs: state.firstSentenceMs, startedMs: startedMs,
            finishedMs: clock.elapsedMilliseconds, firstEventMs: state.firstEventMs,
            text: ([state.leadIn].compactMap { $0 } + shownSentences.map(\.text)).joined(separator: " "),
            citedPassages: shownSentences.map(\.passage))
    }
}
