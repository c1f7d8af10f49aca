import ArgumentParser
import Foundation
import Hummingbird
import Logging
import SupportServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the HTTP service: widget API, console API, web pages.")

    @Option(help: "Address to listen on.") var host: String?
    @Option(help: "Port to listen on.") var port: Int?
    @Option(name: .customLong("web-root"), help: "Folder of static pages.") var webRoot: String?
    @OptionGroup var runtimeOptions: RuntimeOptions

    func run() async throws {
        var config = try SupportConfig.load()
        runtimeOptions.apply(to: &config)
        if let host { config.host = host }
        if let port { config.port = port }
        if let webRoot { config.webRoot = webRoot }
        var logger = Logger(label: "supportd")
        logger.logLevel = .info
        if config.agentTokens.isEmpty {
            let token = "dev-" + UUID().uuidString.lowercased()
            config.agentTokens = [token: "admin"]
            logger.notice("no SUPPORTD_AGENT_TOKENS set; console token for agent 'admin' this run: \(token)")
        }
        let runtime = try SupportRuntime.assemble(config, ingest: .whenStale, logger: logger)
        logger.notice("supportd listening on http://\(config.host):\(config.port)/")
        try await buildApplication(runtime, logger: logger).runService()
    }
}
