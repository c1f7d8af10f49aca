import Foundation

public enum IntentTag {}
/// The name of an intent, e.g. `returns` or `talk_to_human`.
public typealias IntentName = Identifier<IntentTag>

/// What supportd does once a message is routed to an intent.
public enum IntentAction: Sendable, Hashable, Codable {
    /// Answer from policy passages; `documents` are the policies most likely to hold the answer.
    case answer(documents: [DocumentID])
    /// Hand the conversation to a person.
    case handoff
    /// Reply with a fixed phrase (greetings, thanks).
    case reply(text: String)
    /// Politely decline: the message is not about the company.
    case refuse

    public var kind: Kind {
        switch self {
        case .answer: .answer
        case .handoff: .handoff
        case .reply: .reply
        case .refuse: .refuse
        }
    }

    public enum Kind: String, Sendable, Codable { case answer, handoff, reply, refuse }

    private enum CodingKeys: String, CodingKey { case kind, documents, text }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Kind.self, forKey: .kind) {
        case .answer:
            self = .answer(documents: try container.decodeIfPresent([DocumentID].self, forKey: .documents) ?? [])
        case .handoff: self = .handoff
        case .reply: self = .reply(text: try container.decode(String.self, forKey: .text))
        case .refuse: self = .refuse
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        switch self {
        case .answer(let documents): try container.encode(documents, forKey: .documents)
        case .reply(let text): try container.encode(text, forKey: .text)
        case .handoff, .refuse: break
        }
    }
}

/// One intent: what it means, what to do, and the examples the router is trained on.
public struct IntentDefinition: Sendable, Hashable, Codable {
    public var name: IntentName
    public var description: String
    public var action: IntentAction
    public var examples: [String]

    public init(name: IntentName, description: String, action: IntentAction, examples: [String]) {
        self.name = name
        self.description = description
        self.action = action
        self.examples = examples
    }
}

/// The set of intents a deployment knows, as loaded from `intents.json`.
public struct IntentCatalog: Sendable, Codable {
    public var version: Int
    /// The company's name as the assistant says it ("Fernhollow").
    public var company: String?
    public var intents: [IntentDefinition]

    public init(version: Int = 1, company: String? = nil, intents: [IntentDefinition]) {
        self.version = version
        self.company = company
        self.intents = intents
    }

    public func definition(of name: IntentName) -> IntentDefinition? {
        intents.first { $0.name == name }
    }

    public static func load(from url: URL) throws -> IntentCatalog {
        try JSONDecoder().decode(IntentCatalog.self, from: Data(contentsOf: url))
    }

    /// Training rows (text, label) for the router.
    public var trainingExamples: [LabeledText] {
        intents.flatMap { intent in intent.examples.map { LabeledText(text: $0, label: intent.name.rawValue) } }
    }
}

/// A text with its class label, as in a `text,label` CSV.
public struct LabeledText: Sendable, Hashable {
    public var text: String
    public var label: String
    public init(text: String, label: String) {
        self.text = text
        self.label = label
    }
}
