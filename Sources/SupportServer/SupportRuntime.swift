import Foundation
import Logging
import SupportCore
import SupportLLM
import SupportStore

/// The one composition root: builds the store, the stages and the pipeline from configuration.
/// The server and the command line (`ask`, `eval`) run exactly what this assembles.
public struct SupportRuntime: Sendable {
    public let config: SupportConfig
    public let database: AppDatabase
    public let policies: PolicyStore
    public let conversations: SQLiteConversationStore
    public let retriever: BM25Retriever
    public let verifiedAnswers: VerifiedAnswerIndex
    public let pipeline: TurnPipeline
    public let service: TurnService
    public let console: ConsoleService
    /// The one HTTP client for LLM providers, when a drafter needs one; shut it down at exit.
    public let providerClient: ProviderClient?
    /// Counts of outcomes, drafting faults, dropped sentences and tokens, for `/metrics`.
    public let metrics: TurnMetrics
    /// Wakes the open event streams after a write.
    public var feed: ChangeFeed { conversations.feed }

    public enum IngestMode: Sendable { case always, whenStale, never }

    public enum Failure: Error, CustomStringConvertible {
        case invalidIntents(path: String, reason: String)
        public var description: String {
            switch self {
            case .invalidIntents(let path, let reason): "cannot load intents from \(path): \(reason)"
            }
        }
    }

    public static func assemble(
        _ config: SupportConfig, ingest: IngestMode = .whenStale, logger: Logger = Logger(label: "supportd")
    ) throws -> SupportRuntime {
        let database = config.databasePath == ":memory:" ? try AppDatabase.inMemory() : try AppDatabase.file(at: config.databasePath)
        let policies = PolicyStore(database: database)
        try ingestIfNeeded(policies, config: config, mode: ingest, logger: logger)
        let passages = try policies.currentPassages()
        let retriever = BM25Retriever(passages: passages)
        let catalog = try loadCatalog(config)
        let router: any IntentRouter =
            catalog.intents.isEmpty
            ? UnsureRouter() : ClassifierRouter(catalog: catalog, threshold: config.routerThreshold)
        let verifiedAnswers = VerifiedAnswerIndex(threshold: config.verifiedAnswerThreshold)
        let (drafters, providerClient) = try DrafterAssembly(
            config: config.drafting, company: catalog.company ?? "our company"
        ).build()
        let pipeline = TurnPipeline(
            inputGuard: RuleInputGuard(), router: router, retriever: retriever, drafter: drafters.live,
            fallbackDrafter: drafters.fallback, shadowDrafter: drafters.shadow, verifier: EvidenceVerifier(),
            verifiedAnswers: verifiedAnswers, catalog: catalog, budget: config.budget, settings: config.pipeline)
        // Compile the guard's patterns now rather than on the first customer's message.
        _ = pipeline.screen("warm-up: jo@example.com +1 555 0100")
        let conversations = SQLiteConversationStore(database: database)
        logger.info("assembled", metadata: [
            "passages": "\(passages.count)", "intents": "\(catalog.intents.count)", "database": "\(config.databasePath)",
            "drafter": "\(drafters.live.name)", "fallback": "\(drafters.fallback?.name ?? "none")",
            "shadow": "\(drafters.shadow?.name ?? "none")", "prompt": "\(drafters.live.promptLabel ?? "none")",
        ])
        let metrics = TurnMetrics()
        let console = ConsoleService(
            pipeline: pipeline, conversations: conversations, feedback: conversations,
            rules: OwnershipRules(lease: config.leaseSeconds))
        let runtime = SupportRuntime(
            config: config, database: database, policies: policies, conversations: conversations, retriever: retriever,
            verifiedAnswers: verifiedAnswers, pipeline: pipeline,
            service: TurnService(pipeline: pipeline, store: conversations, metrics: metrics), console: console,
            providerClient: providerClient, metrics: metrics)
        try runtime.refreshVerifiedAnswersNow()
        return runtime
    }

    /// Closes the provider client's connections (for commands; the server does this on shutdown).
    public func shutdown() async {
        try? await providerClient?.shutdown()
    }

    /// The current revision of every policy document the retriever serves.
    public var currentRevisions: [DocumentID: Int] { retriever.passages.documentRevisions }

    /// Marks verified answers whose policies changed as stale, then serves the rest.
    public func refreshVerifiedAnswers() async throws {
        let revisions = currentRevisions
        _ = try await conversations.markStaleVerifiedAnswers(currentRevisions: revisions)
        verifiedAnswers.replace(answers: try await conversations.verifiedAnswers(), currentRevisions: revisions)
    }

    /// The same, at start-up.
    func refreshVerifiedAnswersNow() throws {
        let revisions = currentRevisions
        verifiedAnswers.replace(
            answers: try conversations.refreshVerifiedAnswersNow(currentRevisions: revisions), currentRevisions: revisions)
    }

    static func loadCatalog(_ config: SupportConfig) throws -> IntentCatalog {
        let path = config.resolvedIntentsPath
        guard FileManager.default.fileExists(atPath: path) else { return IntentCatalog(intents: []) }
        do {
            return try IntentCatalog.load(from: URL(fileURLWithPath: path))
        } catch {
            throw Failure.invalidIntents(path: path, reason: String(describing: error))
        }
    }

    /// Ingests the policies when asked, when the database has none, or when a policy file is newer
    /// than the last ingest.
    static func ingestIfNeeded(_ policies: PolicyStore, config: SupportConfig, mode: IngestMode, logger: Logger) throws {
        guard mode != .never else { return }
        let source = URL(fileURLWithPath: config.policiesPath)
        if mode == .whenStale, try policies.documentCount() > 0, let last = try policies.lastIngestDate(),
            let newest = newestModification(under: source), newest <= last
        {
            return
        }
        let documents = try CorpusLoader.load(source)
        let report = try policies.ingest(documents)
        logger.info("ingested policies", metadata: [
            "added": "\(report.added.count)", "updated": "\(report.updated.count)",
            "unchanged": "\(report.unchanged.count)", "source": "\(config.policiesPath)",
        ])
    }

    static func newestModification(under url: URL) -> Date? {
        let keys: [URLResourceKey] = [.contentModificationDateKey]
        var dates: [Date] = []
        if let date = try? url.resourceValues(forKeys: Set(keys)).contentModificationDate { dates.append(date) }
        let files = FileManager.default.enumerator(at: url, includingPropertiesForKeys: keys)?.allObjects as? [URL] ?? []
        for file in files {
            if let date = try? file.resourceValues(forKeys: Set(keys)).contentModificationDate { dates.append(date) }
        }
        return dates.max()
    }

    /// Re-reads the current passages into the retriever (after an ingest).
    public func reloadPassages() throws {
        retriever.replace(with: PassageIndex(passages: try policies.currentPassages()))
        try refreshVerifiedAnswersNow()
    }
}

/// The router for a corpus without intents: never sure, so every message is answered from
/// evidence or not at all.
struct UnsureRouter: IntentRouter {
    func route(_ request: RoutingRequest) async throws -> RoutingDecision {
        RoutingDecision(intent: nil, confidence: 0, ranking: [], threshold: 0, component: "none")
    }
}
