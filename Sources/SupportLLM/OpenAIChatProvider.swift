import Foundation
import NIOHTTP1
import SupportCore

/// An OpenAI-compatible Chat Completions endpoint (OpenAI, vLLM, llama.cpp, Ollama's `/v1`):
/// `POST {baseURL}/chat/completions` with `stream: true`. The system blocks become one system
/// message: these servers cache repeated prefixes by themselves, so the blocks need no markers.
public struct OpenAIChatProvider: CompletionProvider {
    public let descriptor: ProviderDescriptor
    private let apiKey: String?
    private let transport: EventStreamTransport

    init(settings: ProviderSettings, apiKey: String?, transport: EventStreamTransport) {
        descriptor = settings.descriptor
        self.apiKey = apiKey
        self.transport = transport
    }

    public func stream(_ request: CompletionRequest) -> AsyncThrowingStream<CompletionChunk, any Error> {
        var headers = HTTPHeaders()
        if let apiKey { headers.add(name: "authorization", value: "Bearer \(apiKey)") }
        return transport.stream(
            url: URLPath.join(descriptor.baseURL, "chat/completions"), headers: headers,
            body: OpenAIChatBody(model: descriptor.model, request: request).encoded(), parser: OpenAIStreamParser())
    }
}

/// The JSON of one streamed chat completion request.
struct OpenAIChatBody: Encodable {
    struct Message: Encodable {
        var role: String
        var content: String
    }
    struct StreamOptions: Encodable {
        /// Asks for a last chunk with token counts; without it a stream reports no usage.
        var includeUsage = true
        enum CodingKeys: String, CodingKey { case includeUsage = "include_usage" }
    }

    var model: String
    var messages: [Message]
    var stream = true
    var streamOptions = StreamOptions()
    var maxTokens: Int
    var temperature: Double

    enum CodingKeys: String, CodingKey {
        case model, messages, stream, temperature
        case streamOptions = "stream_options"
        case maxTokens = "max_tokens"
    }

    init(model: String, request: CompletionRequest) {
        self.model = model
        let system = request.system.map(\.text).joined(separator: "\n\n")
        messages = (system.isEmpty ? [] : [Message(role: "system", content: system)])
            + request.messages.map { Message(role: $0.role.rawValue, content: $0.text) }
        maxTokens = request.maxTokens
        temperature = request.temperature
    }

    func encoded() -> Data {
        // Strings, numbers and bools only: encoding cannot fail.
        (try? JSONEncoder().encode(self)) ?? Data()
    }
}

/// Joins a base URL that may or may not end in "/" with a path.
enum URLPath {
    static func join(_ base: String, _ path: String) -> String {
        var base = base
        while base.hasSuffix("/") { base.removeLast() }
        return base + "/" + path
    }
}
