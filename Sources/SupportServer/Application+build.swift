import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import SupportCore

/// Builds the HTTP application around an assembled runtime.
public func buildApplication(_ runtime: SupportRuntime, logger: Logger = Logger(label: "supportd")) -> some ApplicationProtocol {
    Application(
        router: buildRouter(runtime),
        configuration: .init(address: .hostname(runtime.config.host, port: runtime.config.port), serverName: "supportd"),
        services: [
            MaintenanceService(
                runtime: runtime, interval: .milliseconds(Int(runtime.config.maintenanceSeconds * 1000)), logger: logger),
            ProviderClientService(runtime: runtime),
        ],
        logger: logger)
}

/// Routes and middleware: widget API, console API (token protected), health, static pages.
public func buildRouter(_ runtime: SupportRuntime) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: ErrorMiddleware())
    router.add(middleware: FileMiddleware(runtime.config.webRoot, searchForIndexHtml: true))
    HealthController(retriever: runtime.retriever, metrics: runtime.metrics).addRoutes(to: router)
    WidgetController(
        service: runtime.service, store: runtime.conversations, feed: runtime.feed,
        heartbeat: .milliseconds(Int(runtime.config.heartbeatSeconds * 1000))
    ).addRoutes(to: router.group("v1/conversations"))
    ConsoleController(runtime: runtime)
        .addRoutes(to: router.group("v1/console").add(middleware: AgentAuthMiddleware(tokens: runtime.config.agentTokens)))
    return router
}

/// Keeps the LLM provider client for the life of the server and shuts it down gracefully, after
/// the HTTP server has stopped taking turns.
struct ProviderClientService: Service {
    let runtime: SupportRuntime

    func run() async throws {
        try? await gracefulShutdown()
        await runtime.shutdown()
    }
}
