import ArgumentParser
import Logging
import SupportServer

extension DraftingMode: ExpressibleByArgument {}

extension SupportRuntime {
    /// What `serve` would assemble from the environment, on a fresh in-memory database with the
    /// policies ingested and nothing logged: the runtime `eval` and `replay` measure.
    static func inMemory(policies: String?, intents: String?, drafter: DraftingMode? = nil) throws -> SupportRuntime {
        var config = try SupportConfig.load()
        if let drafter { config.drafting.mode = drafter }
        config.databasePath = ":memory:"
        if let policies { config.policiesPath = policies }
        if let intents { config.intentsPath = intents }
        return try assemble(config, ingest: .always, logger: Logger(label: "supportd", factory: { _ in SwiftLogNoOpLogHandler() }))
    }
}
