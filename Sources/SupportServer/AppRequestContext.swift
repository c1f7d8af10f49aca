import Foundation
import Hummingbird

/// The request context of every route: a small upload limit and snake_case JSON.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The agent a console token belongs to, set by `AgentAuthMiddleware`.
    public var agent: String?

    public init(source: Source) {
        coreContext = .init(source: source)
    }

    /// Request bodies larger than this get 413: a chat message is at most a few kilobytes.
    public static let uploadLimit = 64 * 1024
    public var maxUploadSize: Int { Self.uploadLimit }

    public var requestDecoder: JSONDecoder { WireJSON.decoder }
    public var responseEncoder: JSONEncoder { WireJSON.encoder }
}

/// JSON as it goes over the wire: snake_case keys, ISO 8601 dates.
public enum WireJSON {
    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    public static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
