import Foundation
import SupportCore
import SupportLLM

/// Which drafter writes answers.
public enum DraftingMode: String, Sendable, Codable, CaseIterable {
    /// Quotes policy sentences; no model. The embedded default.
    case extractive
    /// A language model; when it gives no verified answer the turn says "I don't know".
    case llm
    /// A language model, and the extractive drafter when the model gives no verified answer.
    case llmWithFallback = "llm+fallback"
}

/// How answers are drafted: the mode, the model behind it, its prompt, and an optional shadow.
public struct DraftingConfig: Sendable, Hashable {
    public var mode: DraftingMode = .extractive
    public var provider = ProviderSettings()
    /// A prompt file to use instead of the bundled `grounded-answer.md`.
    public var promptPath: String?
    /// A candidate drafter run beside the live one and recorded, never shown.
    public var shadow: Shadow?

    public struct Shadow: Sendable, Hashable {
        public var mode: DraftingMode
        public var provider: ProviderSettings
        public var promptPath: String?
        public init(mode: DraftingMode, provider: ProviderSettings, promptPath: String? = nil) {
            self.mode = mode
            self.provider = provider
            self.promptPath = promptPath
        }
    }

    public init() {}

    /// Whether any drafter needs the HTTP client.
    public var usesProvider: Bool { mode != .extractive || (shadow.map { $0.mode != .extractive } ?? false) }

    /// The JSON config file's shape (every key optional):
    /// `{"drafter": "llm+fallback", "llm": {ProviderSettings}, "prompt": "path",
    ///   "shadow": {"drafter": "llm", "llm": {…}, "prompt": "path"},
    ///   "budget": {"turnMs": 10000, "firstSentenceMs": 4000, "answerMs": 9000, "heartbeatMs": 800}}`
    struct File: Decodable {
        var drafter: DraftingMode?
        var llm: ProviderSettings?
        var prompt: String?
        var shadow: ShadowFile?
        var budget: BudgetFile?

        struct ShadowFile: Decodable {
            var drafter: DraftingMode?
            var llm: ProviderSettings?
            var prompt: String?
        }

        struct BudgetFile: Decodable {
            var turnMs: Int?
            var firstSentenceMs: Int?
            var answerMs: Int?
            var heartbeatMs: Int?
        }
    }
}

extension SupportConfig {
    public enum ConfigError: Error, CustomStringConvertible {
        case unreadable(path: String, reason: String)
        case invalidValue(name: String, value: String)
        public var description: String {
            switch self {
            case .unreadable(let path, let reason): "cannot read config \(path): \(reason)"
            case .invalidValue(let name, let value): "\(name)=\(value) is not valid"
            }
        }
    }

    /// Applies a JSON config file (`SUPPORTD_CONFIG`): drafting, provider and budget settings.
    public mutating func apply(file path: String) throws {
        let file: DraftingConfig.File
        do {
            file = try JSONDecoder().decode(DraftingConfig.File.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw ConfigError.unreadable(path: path, reason: String(describing: error))
        }
        if let mode = file.drafter { drafting.mode = mode }
        if let provider = file.llm { drafting.provider = provider }
        if let prompt = file.prompt { drafting.promptPath = prompt }
        if let shadow = file.shadow {
            drafting.shadow = DraftingConfig.Shadow(
                mode: shadow.drafter ?? .llm, provider: shadow.llm ?? drafting.provider, promptPath: shadow.prompt)
        }
        if let budget = file.budget {
            if let value = budget.turnMs { self.budget.total = .milliseconds(value) }
            if let value = budget.firstSentenceMs { self.budget.firstSentence = .milliseconds(value) }
            if let value = budget.answerMs { self.budget.answer = .milliseconds(value) }
            if let value = budget.heartbeatMs { self.budget.heartbeat = .milliseconds(value) }
        }
    }

    /// Applies the drafting variables: `SUPPORTD_DRAFTER`, `SUPPORTD_LLM_*`, `SUPPORTD_LLM_PROMPT`,
    /// `SUPPORTD_SHADOW_DRAFTER`, `SUPPORTD_SHADOW_LLM_*` (over the live provider's settings),
    /// `SUPPORTD_SHADOW_LLM_PROMPT`, and the T1/T2/heartbeat deadlines.
    public mutating func applyDrafting(environment: [String: String]) throws {
        if let value = environment["SUPPORTD_DRAFTER"] {
            guard let mode = DraftingMode(rawValue: value) else { throw ConfigError.invalidValue(name: "SUPPORTD_DRAFTER", value: value) }
            drafting.mode = mode
        }
        drafting.provider = drafting.provider.applying(environment: environment, prefix: "SUPPORTD_LLM_")
        if let value = environment["SUPPORTD_LLM_PROMPT"] { drafting.promptPath = value }
        if let value = environment["SUPPORTD_SHADOW_DRAFTER"] {
            guard let mode = DraftingMode(rawValue: value) else {
                throw ConfigError.invalidValue(name: "SUPPORTD_SHADOW_DRAFTER", value: value)
            }
            drafting.shadow = DraftingConfig.Shadow(
                mode: mode, provider: drafting.shadow?.provider ?? drafting.provider, promptPath: drafting.shadow?.promptPath)
        }
        if var shadow = drafting.shadow {
            shadow.provider = shadow.provider.applying(environment: environment, prefix: "SUPPORTD_SHADOW_LLM_")
            if let value = environment["SUPPORTD_SHADOW_LLM_PROMPT"] { shadow.promptPath = value }
            drafting.shadow = shadow
        }
        if let value = environment["SUPPORTD_FIRST_SENTENCE_MS"].flatMap(Int.init) { budget.firstSentence = .milliseconds(value) }
        if let value = environment["SUPPORTD_ANSWER_MS"].flatMap(Int.init) { budget.answer = .milliseconds(value) }
        if let value = environment["SUPPORTD_HEARTBEAT_MS"].flatMap(Int.init), value > 0 { budget.heartbeat = .milliseconds(value) }
    }
}

/// Builds the drafters a configuration asks for.
struct DrafterAssembly {
    let config: DraftingConfig
    let company: String

    struct Drafters {
        var live: any Drafter
        var fallback: (any Drafter)?
        var shadow: (any Drafter)?
    }

    /// The drafters, and the HTTP client they share when any of them is an LLM. Prompts are read
    /// first, so a bad prompt file fails start-up before a client exists that would need shutting down.
    func build() throws -> (Drafters, ProviderClient?) {
        let livePrompt = config.mode == .extractive ? nil : try prompt(config.promptPath)
        let shadowPrompt = try config.shadow.flatMap { $0.mode == .extractive ? nil : try prompt($0.promptPath) }
        let client = config.usesProvider ? ProviderClient(connectTimeout: config.provider.connectTimeout) : nil
        let live = drafter(config.mode, provider: config.provider, prompt: livePrompt, client: client)
        let fallback: (any Drafter)? = config.mode == .llmWithFallback ? ExtractiveDrafter() : nil
        let shadow = config.shadow.map { drafter($0.mode, provider: $0.provider, prompt: shadowPrompt, client: client) }
        return (Drafters(live: live, fallback: fallback, shadow: shadow), client)
    }

    private func prompt(_ path: String?) throws -> PromptTemplate {
        try path.map { try PromptTemplate(contentsOf: URL(fileURLWithPath: $0)) } ?? PromptTemplate.bundled()
    }

    private func drafter(
        _ mode: DraftingMode, provider settings: ProviderSettings, prompt: PromptTemplate?, client: ProviderClient?
    ) -> any Drafter {
        guard mode != .extractive, let prompt, let client else { return ExtractiveDrafter() }
        var llm = LLMDrafter.Settings()
        llm.maxTokens = settings.maxTokens
        llm.temperature = settings.temperature
        return LLMDrafter(provider: client.provider(settings), prompt: prompt, company: company, settings: llm)
    }
}
