import Foundation
import SupportCore

/// One conversation to evaluate: the customer's messages in order and what must happen.
public struct EvalCase: Sendable, Hashable, Codable {
    public var id: String
    public var tags: [String]
    public var turns: [String]
    /// One entry per turn; nil where the turn is not checked.
    public var expectations: [TurnExpectation?]

    public init(id: String, tags: [String] = [], turns: [String], expectations: [TurnExpectation?]) {
        self.id = id
        self.tags = tags
        self.turns = turns
        self.expectations = expectations
    }

    /// A case that checks only its last turn.
    public init(id: String, tags: [String] = [], turns: [String], expect: TurnExpectation) {
        self.init(id: id, tags: tags, turns: turns, expectations: Array(repeating: nil, count: turns.count - 1) + [expect])
    }

    enum CodingKeys: String, CodingKey { case id, tags, turns, expect }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        tags = try container.decodeIfPresent([String].self, forKey: .tags) ?? []
        turns = try container.decode([String].self, forKey: .turns)
        guard !turns.isEmpty else {
            throw DecodingError.dataCorruptedError(forKey: .turns, in: container, debugDescription: "a case needs at least one turn")
        }
        if (try? container.nestedUnkeyedContainer(forKey: .expect)) != nil {
            let perTurn = try container.decode([TurnExpectation?].self, forKey: .expect)
            guard perTurn.count == turns.count else {
                throw DecodingError.dataCorruptedError(
                    forKey: .expect, in: container,
                    debugDescription: "expect has \(perTurn.count) entries for \(turns.count) turns")
            }
            expectations = perTurn
        } else {
            let last = try container.decode(TurnExpectation.self, forKey: .expect)
            expectations = Array(repeating: nil, count: turns.count - 1) + [last]
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(tags, forKey: .tags)
        try container.encode(turns, forKey: .turns)
        if expectations.dropLast().allSatisfy({ $0 == nil }), let last = expectations.last ?? nil {
            try container.encode(last, forKey: .expect)
        } else {
            try container.encode(expectations, forKey: .expect)
        }
    }
}

/// What one turn must do.
public struct TurnExpectation: Sendable, Hashable, Codable {
    /// Any of these outcomes is right.
    public var outcomes: Set<OutcomeKind>
    /// Document ids; the answer must cite at least one (when not empty).
    public var cite: [DocumentID]
    public var mustInclude: [String]
    public var mustNotInclude: [String]
    public var intent: IntentName?
    /// The reason code the outcome must carry (`no_evidence`, `injection`, …).
    public var reason: String?

    public init(
        outcomes: Set<OutcomeKind>, cite: [DocumentID] = [], mustInclude: [String] = [], mustNotInclude: [String] = [],
        intent: IntentName? = nil, reason: String? = nil
    ) {
        self.outcomes = outcomes
        self.cite = cite
        self.mustInclude = mustInclude
        self.mustNotInclude = mustNotInclude
        self.intent = intent
        self.reason = reason
    }

    /// The turn should be answered from the policies (or with a fixed phrase).
    public var expectsAnswer: Bool { outcomes == [.answer] }
    /// The policies do not answer it: the right reply is "I don't know".
    public var expectsDontKnow: Bool { outcomes.contains(.dontKnow) && !outcomes.contains(.answer) }

    enum CodingKeys: String, CodingKey {
        case outcome, cite, intent, reason
        case mustInclude = "must_include"
        case mustNotInclude = "must_not_include"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let many = try? container.decode([OutcomeKind].self, forKey: .outcome) {
            outcomes = Set(many)
        } else {
            outcomes = [try container.decode(OutcomeKind.self, forKey: .outcome)]
        }
        guard !outcomes.isEmpty else {
            throw DecodingError.dataCorruptedError(forKey: .outcome, in: container, debugDescription: "no outcome given")
        }
        cite = try container.decodeIfPresent([DocumentID].self, forKey: .cite) ?? []
        mustInclude = try container.decodeIfPresent([String].self, forKey: .mustInclude) ?? []
        mustNotInclude = try container.decodeIfPresent([String].self, forKey: .mustNotInclude) ?? []
        intent = try container.decodeIfPresent(IntentName.self, forKey: .intent)
        reason = try container.decodeIfPresent(String.self, forKey: .reason)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let sorted = outcomes.sorted { $0.rawValue < $1.rawValue }
        if sorted.count == 1 { try container.encode(sorted[0], forKey: .outcome) } else { try container.encode(sorted, forKey: .outcome) }
        if !cite.isEmpty { try container.encode(cite, forKey: .cite) }
        if !mustInclude.isEmpty { try container.encode(mustInclude, forKey: .mustInclude) }
        if !mustNotInclude.isEmpty { try container.encode(mustNotInclude, forKey: .mustNotInclude) }
        try container.encodeIfPresent(intent, forKey: .intent)
        try container.encodeIfPresent(reason, forKey: .reason)
    }
}

/// Reads and writes case files (JSON Lines).
public enum CaseFile {
    public struct LineError: Error, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var reason: String
        public var description: String { "\(file):\(line): \(reason)" }
    }

    public static func load(_ url: URL) throws -> [EvalCase] {
        let text = try String(contentsOf: url, encoding: .utf8)
        let decoder = JSONDecoder()
        var cases: [EvalCase] = []
        var seen: Set<String> = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("//") else { continue }
            do {
                let item = try decoder.decode(EvalCase.self, from: Data(trimmed.utf8))
                guard seen.insert(item.id).inserted else {
                    throw LineError(file: url.lastPathComponent, line: number + 1, reason: "duplicate id \(item.id)")
                }
                cases.append(item)
            } catch let error as LineError {
                throw error
            } catch {
                throw LineError(file: url.lastPathComponent, line: number + 1, reason: describe(error))
            }
        }
        return cases
    }

    public static func write(_ cases: [EvalCase], to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = Data()
        for item in cases {
            data.append(try encoder.encode(item))
            data.append(0x0A)
        }
        try data.write(to: url, options: .atomic)
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
        case DecodingError.keyNotFound(let key, _): return "missing field \(key.stringValue)"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "\(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)"
        default: return String(describing: error)
        }
    }
}
