import Foundation
import NIOHTTP1
import SupportCore

/// Anthropic's Messages API: `POST {baseURL}/messages` with `stream: true`. The system blocks stay
/// separate so the stable prefix (instructions, then policy passages) can carry a cache breakpoint:
/// later turns then read that prefix from the prompt cache instead of paying for it again.
public struct AnthropicMessagesProvider: CompletionProvider {
    /// The API version the request and event shapes here follow.
    static let apiVersion = "2023-06-01"

    public let descriptor: ProviderDescriptor
    private let apiKey: String?
    private let promptCaching: Bool
    private let transport: EventStreamTransport

    init(settings: ProviderSettings, apiKey: String?, transport: EventStreamTransport) {
        descriptor = settings.descriptor
        self.apiKey = apiKey
        promptCaching = settings.promptCaching
        self.transport = transport
    }

    public func stream(_ request: CompletionRequest) -> AsyncThrowingStream<CompletionChunk, any Error> {
        var headers = HTTPHeaders()
        if let apiKey { headers.add(name: "x-api-key", value: apiKey) }
        headers.add(name: "anthropic-version", value: Self.apiVersion)
        let body = AnthropicMessagesBody(model: descriptor.model, request: request, promptCaching: promptCaching)
        return transport.stream(
            url: URLPath.join(descriptor.baseURL, "messages"), headers: headers,
            body: body.encoded(), parser: AnthropicStreamParser())
    }
}

/// The JSON of one streamed Messages request.
struct AnthropicMessagesBody: Encodable {
    struct SystemBlock: Encodable {
        struct CacheControl: Encodable { var type = "ephemeral" }
        var type = "text"
        var text: String
        /// Present on one block at most: the end of the cached prefix.
        var cacheControl: CacheControl?
        enum CodingKeys: String, CodingKey {
            case type, text
            case cacheControl = "cache_control"
        }
    }
    struct Message: Encodable {
        var role: String
        var content: String
    }

    var model: String
    var maxTokens: Int
    var temperature: Double
    var stream = true
    var system: [SystemBlock]?
    var messages: [Message]

    enum CodingKeys: String, CodingKey {
        case model, temperature, stream, system, messages
        case maxTokens = "max_tokens"
    }

    init(model: String, request: CompletionRequest, promptCaching: Bool) {
        self.model = model
        maxTokens = request.maxTokens
        temperature = request.temperature
        var blocks = request.system.map { SystemBlock(text: $0.text) }
        if promptCaching, let last = request.system.lastIndex(where: \.cacheable) {
            blocks[last].cacheControl = SystemBlock.CacheControl()
        }
        system = blocks.isEmpty ? nil : blocks
        messages = request.messages.map { Message(role: $0.role.rawValue, content: $0.text) }
    }

    func encoded() -> Data {
        // Strings, numbers and bools only: encoding cannot fail.
        (try? JSONEncoder().encode(self)) ?? Data()
    }
}
