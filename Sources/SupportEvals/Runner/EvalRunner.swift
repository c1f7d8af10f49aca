import Foundation
import SupportCore

/// Runs cases through a `TurnService`: the same screening, storing and pipeline the server uses,
/// in-process, one conversation per case and one turn per customer message.
public struct EvalRunner: Sendable {
    public let service: TurnService
    /// The passages the served index holds, to re-check every shipped sentence on our own.
    public let passages: [ChunkID: Passage]
    public let verifier: any Verifier

    public init(service: TurnService, passages: [Passage], verifier: any Verifier = EvidenceVerifier()) {
        self.init(
            service: service, passages: Dictionary(passages.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
            verifier: verifier)
    }

    init(service: TurnService, passages: [ChunkID: Passage], verifier: any Verifier) {
        self.service = service
        self.passages = passages
        self.verifier = verifier
    }

    /// The same runner over the same pipeline with other settings (e.g. no evidence threshold).
    public func with(settings: PipelineSettings) -> EvalRunner {
        EvalRunner(
            service: TurnService(pipeline: service.pipeline.with(settings: settings), store: service.store),
            passages: passages, verifier: verifier)
    }

    /// Runs the cases one after another, so the latencies measured are those of a lone turn.
    public func run(_ cases: [EvalCase]) async -> [CaseResult] {
        var results: [CaseResult] = []
        results.reserveCapacity(cases.count)
        for item in cases { results.append(await run(item)) }
        return results
    }

    public func run(_ item: EvalCase) async -> CaseResult {
        var observations: [TurnObservation] = []
        let conversation: ConversationID
        do {
            conversation = try await service.store.createConversation()
        } catch {
            let failed = item.turns.enumerated().map { index, text in
                TurnObservation.failed(index: index, message: text, expectation: item.expectations[index], error: "\(error)")
            }
            return CaseResult(id: item.id, tags: item.tags, turns: failed)
        }
        for (index, text) in item.turns.enumerated() {
            observations.append(await turn(text, index: index, in: conversation, expectation: item.expectations[index]))
        }
        return CaseResult(id: item.id, tags: item.tags, turns: observations)
    }

    private func turn(_ text: String, index: Int, in conversation: ConversationID, expectation: TurnExpectation?) async
        -> TurnObservation
    {
        let accepted: TurnService.AcceptedMessage
        do {
            accepted = try await service.accept(text, in: conversation)
        } catch {
            return .failed(index: index, message: text, expectation: expectation, error: "rejected: \(error)")
        }
        if !accepted.forAI {
            // Every turn of a case tests the pipeline: after a handoff, an agent gives the conversation back.
            _ = try? await service.store.changeOwnership(conversation, .returnToAI(agent: "eval-runner"), rules: OwnershipRules())
        }
        let collector = EventCollector()
        let result = await service.run(accepted) { event in await collector.add(event) }
        let retrieved = await collector.retrievedDocuments
        var observation = TurnObservation(
            index: index, message: accepted.message.text, outcome: result.outcome.kind, reason: result.outcome.reasonCode,
            intent: result.routing?.intent, intentConfidence: result.routing?.confidence, reply: result.outcome.text,
            answerSource: nil, citations: result.outcome.citations, retrievedDocuments: retrieved.documents,
            evidence: retrieved.evidence, sentences: [], expectation: expectation, checks: [], trace: result.trace, error: nil)
        if case .answer(let answer) = result.outcome {
            observation.answerSource = answer.source
            observation.sentences = recheck(answer)
        }
        if let expectation { observation.checks = Self.checks(observation, against: expectation) }
        return observation
    }

    /// Verifies each cited sentence against its passage, independently of the pipeline's own check.
    func recheck(_ answer: Answer) -> [SentenceCheck] {
        answer.sentences.map { sentence in
            guard let index = sentence.citation else {
                return SentenceCheck(text: sentence.text, citation: nil, chunkID: nil, supported: nil, detail: "frame text")
            }
            guard let citation = answer.citations.first(where: { $0.index == index }),
                let passage = passages[citation.chunkID]
            else {
                return SentenceCheck(
                    text: sentence.text, citation: index, chunkID: nil, supported: false,
                    detail: "cites [\(index)], which is not a current passage")
            }
            let verdict = verifier.verify(
                Draft(leadIn: nil, sentences: [DraftSentence(text: sentence.text, passage: passage.id)], support: 1),
                against: [passage]
            ).verdicts.first
            return SentenceCheck(
                text: sentence.text, citation: index, chunkID: passage.id, supported: verdict?.supported ?? false,
                detail: verdict.map { $0.failure.map { "\($0.rawValue): " } ?? "" + $0.detail } ?? "no verdict")
        }
    }

    static func checks(_ turn: TurnObservation, against expected: TurnExpectation) -> [CheckResult] {
        var checks: [CheckResult] = []
        let outcome = turn.outcome?.rawValue ?? "none"
        let wanted = expected.outcomes.map(\.rawValue).sorted().joined(separator: " or ")
        checks.append(CheckResult(
            kind: .outcome, passed: turn.outcome.map(expected.outcomes.contains) ?? false,
            detail: "expected \(wanted), got \(outcome)\(turn.reason.map { " (\($0))" } ?? "")"))
        if let reason = expected.reason {
            checks.append(CheckResult(
                kind: .reason, passed: turn.reason == reason, detail: "expected \(reason), got \(turn.reason ?? "none")"))
        }
        if let intent = expected.intent {
            checks.append(CheckResult(
                kind: .intent, passed: turn.intent == intent,
                detail: "expected \(intent), got \(turn.intent?.rawValue ?? "unsure")"))
        }
        // Content checks apply to answers; other outcomes already failed the outcome check.
        guard turn.outcome == .answer, expected.outcomes.contains(.answer) else { return checks }
        if !expected.cite.isEmpty {
            let cited = turn.citations.map(\.documentID)
            checks.append(CheckResult(
                kind: .cite, passed: cited.contains(where: expected.cite.contains),
                detail: "expected one of \(expected.cite.map(\.rawValue).joined(separator: ", ")), cited "
                    + (cited.isEmpty ? "nothing" : cited.map(\.rawValue).joined(separator: ", "))))
        }
        for fact in expected.mustInclude {
            let found = FactMatcher.contains(turn.reply, fact: fact)
            checks.append(CheckResult(kind: .mustInclude, passed: found, detail: found ? "has \"\(fact)\"" : "missing \"\(fact)\""))
        }
        for text in expected.mustNotInclude {
            let found = FactMatcher.contains(turn.reply, fact: text)
            checks.append(CheckResult(
                kind: .mustNotInclude, passed: !found, detail: found ? "contains \"\(text)\"" : "free of \"\(text)\""))
        }
        let unsupported = turn.unsupportedSentences
        checks.append(CheckResult(
            kind: .verified, passed: unsupported == 0,
            detail: unsupported == 0 ? "every sentence verified" : "\(unsupported) unsupported sentences"))
        return checks
    }
}

extension TurnObservation {
    static func failed(index: Int, message: String, expectation: TurnExpectation?, error: String) -> TurnObservation {
        var observation = TurnObservation(
            index: index, message: message, outcome: nil, reason: nil, intent: nil, intentConfidence: nil, reply: "",
            answerSource: nil, citations: [], retrievedDocuments: [], evidence: nil, sentences: [],
            expectation: expectation, checks: [], trace: TurnTrace(), error: error)
        if let expectation { observation.checks = EvalRunner.checks(observation, against: expectation) }
        return observation
    }
}

/// Collects the events of one turn that the report needs.
actor EventCollector {
    private var passages: [PassageSummary] = []

    func add(_ event: TurnEvent) {
        if case .passages(let found) = event { passages = found }
    }

    var retrievedDocuments: (documents: [DocumentID], evidence: Double?) {
        (passages.map(\.documentID).removingRepeats(), passages.first?.coverage)
    }
}
