import Foundation

/// Messages streaming: named events `message_start`, `content_block_start`, `ping`,
/// `content_block_delta`…, `content_block_stop`, `message_delta` (stop reason, output tokens)
/// and `message_stop`.
struct AnthropicWire: WireDialect {
    let model: String
    let prompt: PromptShape
    private let id = "msg_fake\(UInt32.random(in: 0...UInt32.max))"

    init(requestBody: JSONValue?) {
        model = requestBody?["model"]?.stringValue ?? "unknown"
        let system = requestBody?["system"]?.arrayValue ?? []
        let systemTexts = system.compactMap { $0["text"]?.stringValue }
        let messageTexts = (requestBody?["messages"]?.arrayValue ?? []).compactMap { $0["content"]?.stringValue }
        // Anthropic caches only up to an explicit breakpoint: the last block with cache_control.
        let breakpoint = system.lastIndex { $0["cache_control"] != nil }
        let prefix = breakpoint.map { systemTexts.prefix($0 + 1).joined(separator: "\n\n") }
        prompt = PromptShape(
            tokens: (systemTexts + messageTexts).map(PromptShape.tokens(in:)).reduce(0, +), cachePrefix: prefix,
            reportsCacheWrites: true)
    }

    func openingEvents(usage: FakeUsage) -> [String] {
        [
            EventFrame.event(
                "message_start",
                [
                    "type": "message_start",
                    "message": [
                        "id": .string(id), "type": "message", "role": "assistant", "model": .string(model), "content": [],
                        "stop_reason": .null, "stop_sequence": .null,
                        "usage": [
                            // input_tokens counts only what was neither read from nor written to the cache.
                            "input_tokens": .integer(usage.prompt - usage.cacheRead - usage.cacheWrite),
                            "cache_creation_input_tokens": .integer(usage.cacheWrite),
                            "cache_read_input_tokens": .integer(usage.cacheRead), "output_tokens": 1,
                        ],
                    ],
                ]),
            EventFrame.event(
                "content_block_start", ["type": "content_block_start", "index": 0, "content_block": ["type": "text", "text": ""]]),
            EventFrame.event("ping", ["type": "ping"]),
        ]
    }

    func textEvent(_ text: String) -> String {
        EventFrame.event(
            "content_block_delta", ["type": "content_block_delta", "index": 0, "delta": ["type": "text_delta", "text": .string(text)]])
    }

    func closingEvents(usage: FakeUsage) -> [String] {
        [
            EventFrame.event("content_block_stop", ["type": "content_block_stop", "index": 0]),
            EventFrame.event(
                "message_delta",
                [
                    "type": "message_delta", "delta": ["stop_reason": "end_turn", "stop_sequence": .null],
                    "usage": ["output_tokens": .integer(usage.output)],
                ]),
            EventFrame.event("message_stop", ["type": "message_stop"]),
        ]
    }

    func unstreamedBody(text: String, usage: FakeUsage) -> JSONValue {
        [
            "id": .string(id), "type": "message", "role": "assistant", "model": .string(model),
            "content": [["type": "text", "text": .string(text)]], "stop_reason": "end_turn", "stop_sequence": .null,
            "usage": ["input_tokens": .integer(usage.prompt), "output_tokens": .integer(usage.output)],
        ]
    }

    func errorBody(status: Int) -> JSONValue {
        let (type, message) =
            switch status {
            case 400: ("invalid_request_error", "The request was not valid.")
            case 401: ("authentication_error", "invalid x-api-key")
            case 403: ("permission_error", "Your API key does not have permission to use the specified resource.")
            case 404: ("not_found_error", "model: \(model)")
            case 413: ("request_too_large", "Request exceeds the maximum allowed number of bytes.")
            case 429: ("rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit.")
            case 529: ("overloaded_error", "Overloaded")
            case 500...599: ("api_error", "Internal server error")
            default: ("invalid_request_error", "The fake provider was told to answer \(status).")
            }
        return ["type": "error", "error": ["type": .string(type), "message": .string(message)]]
    }
}
