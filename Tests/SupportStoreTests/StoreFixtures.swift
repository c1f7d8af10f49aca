import Foundation
import SupportCore
import SupportStore

/// The package root, found from this file: Tests/SupportStoreTests/StoreFixtures.swift.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The real policy documents shipped in `policies/`.
func realPolicies() throws -> [PolicyDocument] {
    try CorpusLoader.load(packageRoot.appendingPathComponent("policies"))
}

/// A fresh in-memory database with the real policies ingested.
func ingestedPolicyStore() throws -> PolicyStore {
    let store = PolicyStore(database: try AppDatabase.inMemory())
    _ = try store.ingest(try realPolicies())
    return store
}

/// A fixed clock on whole seconds, so stored dates compare exactly.
let fixedNow = Date(timeIntervalSince1970: 1_790_000_000)

/// The return-window passage, as a citation would point at it.
let returnWindowPassage = Passage(
    id: "returns-refunds@1#return-window", documentID: "returns-refunds", documentTitle: "Returns and Refunds",
    sectionPath: ["Return window"], version: "4", documentRevision: 1,
    text: "Most Fernhollow items can be returned within 30 days of delivery for a full refund of the item price.")

// MARK: - A deterministic pipeline, to produce real `TurnResult`s for the store

private struct PassingGuard: InputGuard {
    func screen(_ text: String) -> GuardVerdict {
        GuardVerdict(redactedText: text, redactions: [], decision: .pass, explanation: "pass")
    }
}

/// Routes "human" to `talk_to_human`, everything else to `returns`.
private struct KeywordRouter: IntentRouter {
    func route(_ request: RoutingRequest) async throws -> RoutingDecision {
        let intent: IntentName = request.text.lowercased().contains("human") ? "talk_to_human" : "returns"
        return RoutingDecision(
            intent: intent, confidence: 0.9, ranking: [ScoredLabel(label: intent.rawValue, score: 0.9)], threshold: 0.25,
            component: "keyword")
    }
}

private struct FixedRetriever: Retriever {
    func retrieve(_ query: RetrievalQuery) async throws -> RetrievalResult {
        RetrievalResult(
            passages: [ScoredPassage(passage: returnWindowPassage, score: 7, coverage: 1)], queryTerms: [], component: "fixed")
    }
}

private struct QuotingDrafter: Drafter {
    var name: String { "quoting" }
    func stream(_ request: DraftRequest) -> AsyncThrowingStream<DraftEvent, any Error> {
        let passage = returnWindowPassage
        return AsyncThrowingStream { continuation in
            continuation.yield(.leadIn("According to our Returns and Refunds policy:"))
            continuation.yield(.sentence(DraftSentence(text: passage.text, passage: passage.id)))
            continuation.finish()
        }
    }
}

private struct AcceptingVerifier: Verifier {
    func verify(_ draft: Draft, against passages: [Passage]) -> VerificationReport {
        VerificationReport(verdicts: draft.sentences.map {
            SentenceVerdict(sentence: $0.text, passage: $0.passage, failure: nil, detail: "")
        })
    }
}

let stubPipeline = TurnPipeline(
    inputGuard: PassingGuard(), router: KeywordRouter(), retriever: FixedRetriever(), drafter: QuotingDrafter(),
    verifier: AcceptingVerifier(),
    catalog: IntentCatalog(company: "Fernhollow", intents: [
        IntentDefinition(name: "returns", description: "returns", action: .answer(documents: ["returns-refunds"]), examples: []),
        IntentDefinition(name: "talk_to_human", description: "a person", action: .handoff, examples: []),
    ]))

/// Runs the stub pipeline on `text` as the latest message of a conversation with `earlier` customer messages.
func turnResult(for text: String, earlier: [String] = []) async -> TurnResult {
    await stubPipeline.run(
        stubPipeline.screen(text), context: ConversationContext(customerMessages: earlier), clock: stubPipeline.budget.start(),
        emit: { _ in })
}

/// A fresh temporary file path for a database, in its own folder.
func temporaryDatabasePath() -> URL {
    FileManager.default.temporaryDirectory
        .appendingPathComponent("supportd-tests-\(UUID().uuidString)")
        .appendingPathComponent("support.sqlite")
}
