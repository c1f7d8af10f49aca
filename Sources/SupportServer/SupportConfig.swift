import Foundation
import SupportCore

/// Everything an operator can set. Defaults are the embedded ones: a SQLite file, the bundled
/// policies, the extractive drafter and the bundled web pages.
public struct SupportConfig: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// SQLite file, or `:memory:`.
    public var databasePath = "supportd.sqlite"
    /// A folder of Markdown policies (with `intents.json`) or a JSONL corpus.
    public var policiesPath = "policies"
    /// The intents file; defaults to `intents.json` inside the policies folder.
    public var intentsPath: String?
    public var webRoot = "web-static"
    public var budget = LatencyBudget.chat
    /// Which drafter writes answers, the model behind it, and an optional shadow candidate.
    public var drafting = DraftingConfig()
    public var pipeline = PipelineSettings()
    public var routerThreshold = 0.25
    /// Console bearer tokens and the agent each one belongs to.
    public var agentTokens: [String: String] = [:]
    /// How long an agent's claim on a conversation holds without activity.
    public var leaseSeconds: TimeInterval = 600
    /// Analytics count a conversation as resolved (assumed) when the customer wrote nothing for this long after an answer.
    public var assumeResolvedMinutes: Double = 30
    /// How similar a new question must be to an approved one to be served its verified answer (0…1).
    public var verifiedAnswerThreshold = 0.8
    /// How often open event streams send a keep-alive comment.
    public var heartbeatSeconds: Double = 15
    /// How often expired leases are returned to the queue and verified answers reloaded.
    public var maintenanceSeconds: Double = 5

    public init() {}

    /// The defaults, then the JSON file named by `SUPPORTD_CONFIG`, then `SUPPORTD_*` variables.
    public static func load(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> SupportConfig {
        var config = SupportConfig()
        if let path = environment["SUPPORTD_CONFIG"] { try config.apply(file: path) }
        config.applyEnvironment(environment)
        try config.applyDrafting(environment: environment)
        return config
    }

    mutating func applyEnvironment(_ environment: [String: String]) {
        if let value = environment["SUPPORTD_HOST"] { host = value }
        if let value = environment["SUPPORTD_PORT"].flatMap(Int.init) { port = value }
        if let value = environment["SUPPORTD_DB"] { databasePath = value }
        if let value = environment["SUPPORTD_POLICIES"] { policiesPath = value }
        if let value = environment["SUPPORTD_INTENTS"] { intentsPath = value }
        if let value = environment["SUPPORTD_WEB_ROOT"] { webRoot = value }
        if let value = environment["SUPPORTD_ROUTER_THRESHOLD"].flatMap(Double.init) { routerThreshold = value }
        if let value = environment["SUPPORTD_EVIDENCE_THRESHOLD"].flatMap(Double.init) {
            pipeline.evidenceThreshold = value
        }
        if let value = environment["SUPPORTD_TURN_BUDGET_MS"].flatMap(Int.init) { budget.total = .milliseconds(value) }
        if let value = environment["SUPPORTD_AGENT_TOKENS"] { agentTokens = Self.parseTokens(value) }
        if let value = environment["SUPPORTD_LEASE_SECONDS"].flatMap(Double.init), value > 0 { leaseSeconds = value }
        if let value = environment["SUPPORTD_ASSUME_RESOLVED_MINUTES"].flatMap(Double.init), value >= 0 {
            assumeResolvedMinutes = value
        }
        if let value = environment["SUPPORTD_VERIFIED_ANSWER_THRESHOLD"].flatMap(Double.init) {
            verifiedAnswerThreshold = value
        }
        if let value = environment["SUPPORTD_HEARTBEAT_SECONDS"].flatMap(Double.init), value > 0 { heartbeatSeconds = value }
    }

    /// `alice:token1,bob:token2` → token → agent.
    public static func parseTokens(_ text: String) -> [String: String] {
        var tokens: [String: String] = [:]
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, !parts[0].isEmpty, parts[1].count >= 8 { tokens[parts[1]] = parts[0] }
        }
        return tokens
    }

    var resolvedIntentsPath: String {
        intentsPath ?? URL(fileURLWithPath: policiesPath).appendingPathComponent("intents.json").path
    }
}
