import Foundation
import SupportCore

/// Reads `chat.completion.chunk` events: text deltas, the finish reason, the usage chunk that
/// `stream_options.include_usage` adds, and `data: [DONE]` at the end.
struct OpenAIStreamParser: CompletionEventParser {
    private(set) var reachedEnd = false
    /// A finish reason makes the answer whole even if `[DONE]` never comes (some servers omit it).
    private var sawFinishReason = false

    mutating func chunks(from event: ServerSentEvent) throws -> [CompletionChunk] {
        if event.data.trimmingCharacters(in: .whitespaces) == "[DONE]" {
            reachedEnd = true
            return []
        }
        let chunk: OpenAIStreamChunk
        do {
            chunk = try JSONDecoder().decode(OpenAIStreamChunk.self, from: Data(event.data.utf8))
        } catch {
            throw ProviderFailure.malformedStream("not a chat completion chunk: \(HTTPFailure.shortened(event.data))")
        }
        if let error = chunk.error {
            throw ProviderFailure.malformedStream("provider error: \(error.message)")
        }
        var chunks: [CompletionChunk] = []
        if let choice = chunk.choices?.first {
            if let text = choice.delta?.content, !text.isEmpty { chunks.append(.text(text)) }
            if let reason = choice.finishReason {
                sawFinishReason = true
                chunks.append(.finished(reason))
            }
        }
        if let usage = chunk.usage {
            chunks.append(
                .usage(
                    TokenUsage(
                        inputTokens: usage.promptTokens, outputTokens: usage.completionTokens,
                        cacheReadTokens: usage.promptTokensDetails?.cachedTokens)))
        }
        return chunks
    }

    func checkBodyEnded() throws {
        if !reachedEnd && !sawFinishReason { throw ProviderFailure.malformedStream("stream ended early") }
    }
}

/// The fields of a streamed chunk that matter here; every one optional, unknown ones ignored.
struct OpenAIStreamChunk: Decodable {
    struct Choice: Decodable {
        struct Delta: Decodable { var content: String? }
        var delta: Delta?
        var finishReason: String?
        enum CodingKeys: String, CodingKey {
            case delta
            case finishReason = "finish_reason"
        }
    }
    struct Usage: Decodable {
        struct PromptDetails: Decodable {
            var cachedTokens: Int?
            enum CodingKeys: String, CodingKey { case cachedTokens = "cached_tokens" }
        }
        var promptTokens: Int?
        var completionTokens: Int?
        var promptTokensDetails: PromptDetails?
        enum CodingKeys: String, CodingKey {
            case promptTokens = "prompt_tokens"
            case completionTokens = "completion_tokens"
            case promptTokensDetails = "prompt_tokens_details"
        }
    }
    var choices: [Choice]?
    var usage: Usage?
    var error: StreamErrorObject?
}

/// An error reported inside a stream: `{"error": {"message": …, "type": …}}` or a bare string.
struct StreamErrorObject: Decodable {
    var type: String?
    var message: String

    private enum CodingKeys: String, CodingKey { case type, message }

    init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            type = nil
            message = text
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        type = try container.decodeIfPresent(String.self, forKey: .type)
        message = try container.decodeIfPresent(String.self, forKey: .message) ?? type ?? "unknown error"
    }
}
