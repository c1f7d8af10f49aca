import Foundation
import SupportCore

/// Reads Messages stream events: usage from `message_start` and `message_delta`, text from
/// `content_block_delta`, the stop reason, and `message_stop` at the end. Event types this does not
/// know are ignored, as Anthropic asks clients to do when it adds new ones.
struct AnthropicStreamParser: CompletionEventParser {
    enum EventType: String {
        case messageStart = "message_start"
        case contentBlockStart = "content_block_start"
        case contentBlockDelta = "content_block_delta"
        case contentBlockStop = "content_block_stop"
        case messageDelta = "message_delta"
        case messageStop = "message_stop"
        case ping
        case error
    }

    /// The `delta.type` of a content block delta that carries answer text (others carry tool
    /// input JSON or thinking, which a support answer does not use).
    static let textDelta = "text_delta"
    /// The error type that means "try again later", the same as HTTP 529.
    static let overloaded = "overloaded_error"

    private(set) var reachedEnd = false

    mutating func chunks(from event: ServerSentEvent) throws -> [CompletionChunk] {
        let payload: AnthropicStreamEvent
        do {
            payload = try JSONDecoder().decode(AnthropicStreamEvent.self, from: Data(event.data.utf8))
        } catch {
            throw ProviderFailure.malformedStream("not a Messages event: \(HTTPFailure.shortened(event.data))")
        }
        switch EventType(rawValue: payload.type ?? event.event ?? "") {
        case .messageStart:
            return (payload.message?.usage).map { [.usage($0.tokenUsage)] } ?? []
        case .contentBlockDelta:
            guard payload.delta?.type == Self.textDelta, let text = payload.delta?.text, !text.isEmpty else { return [] }
            return [.text(text)]
        case .messageDelta:
            var chunks: [CompletionChunk] = []
            if let usage = payload.usage { chunks.append(.usage(usage.tokenUsage)) }
            if let reason = payload.delta?.stopReason { chunks.append(.finished(reason)) }
            return chunks
        case .messageStop:
            reachedEnd = true
            return []
        case .error:
            if payload.error?.type == Self.overloaded { throw ProviderFailure.serverError(status: 529) }
            let detail = [payload.error?.type, payload.error?.message].compactMap { $0 }.joined(separator: ": ")
            throw ProviderFailure.malformedStream("provider error: \(detail.isEmpty ? "unknown" : detail)")
        case .contentBlockStart, .contentBlockStop, .ping, nil:
            return []
        }
    }

    func checkBodyEnded() throws {
        if !reachedEnd { throw ProviderFailure.malformedStream("stream ended early") }
    }
}

/// The fields of a Messages stream event that matter here; every one optional.
struct AnthropicStreamEvent: Decodable {
    struct Message: Decodable { var usage: Usage? }
    struct Delta: Decodable {
        var type: String?
        var text: String?
        var stopReason: String?
        enum CodingKeys: String, CodingKey {
            case type, text
            case stopReason = "stop_reason"
        }
    }
    struct Usage: Decodable {
        var inputTokens: Int?
        var outputTokens: Int?
        var cacheReadInputTokens: Int?
        var cacheCreationInputTokens: Int?
        enum CodingKeys: String, CodingKey {
            case inputTokens = "input_tokens"
            case outputTokens = "output_tokens"
            case cacheReadInputTokens = "cache_read_input_tokens"
            case cacheCreationInputTokens = "cache_creation_input_tokens"
        }
        var tokenUsage: TokenUsage {
            TokenUsage(
                inputTokens: inputTokens, outputTokens: outputTokens, cacheReadTokens: cacheReadInputTokens,
                cacheWriteTokens: cacheCreationInputTokens)
        }
    }

    var type: String?
    var message: Message?
    var delta: Delta?
    var usage: Usage?
    var error: StreamErrorObject?
}
