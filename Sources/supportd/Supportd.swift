import ArgumentParser
import SupportServer

@main
struct Supportd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "supportd",
        abstract: "A customer-support agent backend that answers only from your policies.",
        subcommands: [
            ServeCommand.self, AskCommand.self, IngestCommand.self, EvalCommand.self, EvalDataCommand.self, ReplayCommand.self, FeedbackCommand.self, StatsCommand.self, RouteEvalCommand.self,
            BenchCommand.self,
        ]
    )
}

/// Options shared by commands that assemble the runtime.
struct RuntimeOptions: ParsableArguments {
    @Option(help: "SQLite database file, or :memory:.") var db: String?
    @Option(help: "Policies: a folder of Markdown files with intents.json, or a JSONL corpus.") var policies: String?
    @Option(help: "Intents file (default: intents.json in the policies folder).") var intents: String?

    func apply(to config: inout SupportConfig) {
        if let db { config.databasePath = db }
        if let policies { config.policiesPath = policies }
        if let intents { config.intentsPath = intents }
    }
}
