import Foundation
import Synchronization
@testable import SupportCore

/// The real policies and intents beside the package, loaded once and shared by the tests.
enum Fixtures {
    /// This file is `<package>/Tests/SupportCoreTests/Fixtures.swift`.
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    static let policiesFolder = packageRoot.appendingPathComponent("policies")

    static let documents: [PolicyDocument] = try! CorpusLoader.load(policiesFolder)

    static let catalog: IntentCatalog = try! IntentCatalog.load(
        from: policiesFolder.appendingPathComponent("intents.json"))

    /// Passages as the policy store builds them: one per chunk, id `<document>@1#<slug>`.
    static let passages: [Passage] = documents.flatMap { document in
        MarkdownChunker.chunks(of: document.body, title: document.title).map { chunk in
            Passage(
                id: ChunkID("\(document.id.rawValue)@1#\(chunk.slug)"), documentID: document.id,
                documentTitle: document.title, sectionPath: chunk.sectionPath, version: document.version,
                documentRevision: 1, text: chunk.text)
        }
    }

    static let passageIndex = PassageIndex(passages: passages)

    static let router = ClassifierRouter(catalog: catalog)

    /// A pipeline of the real stages; pass doubles to replace one.
    static func pipeline(
        retriever: (any Retriever)? = nil, drafter: any Drafter = ExtractiveDrafter(),
        fallback: (any Drafter)? = nil, shadow: (any Drafter)? = nil, budget: LatencyBudget = .chat
    ) -> TurnPipeline {
        TurnPipeline(
            inputGuard: RuleInputGuard(), router: router,
            retriever: retriever ?? BM25Retriever(index: passageIndex), drafter: drafter, fallbackDrafter: fallback,
            shadowDrafter: shadow, verifier: EvidenceVerifier(), catalog: catalog, budget: budget)
    }

    /// A small hand-made passage.
    static func passage(_ id: String, document: String, title: String, section: [String] = [], _ text: String)
        -> Passage
    {
        Passage(
            id: ChunkID(id), documentID: DocumentID(document), documentTitle: title, sectionPath: section,
            version: "1", documentRevision: 1, text: text)
    }
}

/// Collects the events a pipeline run emits.
final class EventLog: Sendable {
    private let storage = Mutex<[TurnEvent]>([])
    var events: [TurnEvent] { storage.withLock { $0 } }
    func append(_ event: TurnEvent) { storage.withLock { $0.append(event) } }
}

/// Sleeps without looking at cancellation: a stage that ignores its deadline.
func uncancellableSleep(_ duration: Duration) async {
    let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { continuation.resume() }
    }
}
