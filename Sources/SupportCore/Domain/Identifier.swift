import Foundation

/// A typed string identifier: a conversation id is not a message id.
public struct Identifier<Tag>: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// A new random identifier with a readable prefix, e.g. `conv_3f9a…`.
    public static func generate(prefix: String) -> Self {
        let hex = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        return Self(rawValue: "\(prefix)_\(hex.prefix(20))")
    }
}

public enum ConversationTag {}
public enum MessageTag {}
public enum TurnTag {}
public enum DocumentTag {}
public enum ChunkTag {}
public enum HandoffTag {}

public typealias ConversationID = Identifier<ConversationTag>
public typealias MessageID = Identifier<MessageTag>
public typealias TurnID = Identifier<TurnTag>
public typealias DocumentID = Identifier<DocumentTag>
public typealias ChunkID = Identifier<ChunkTag>
public typealias HandoffID = Identifier<HandoffTag>
