import Foundation

/// Chat Completions streaming: `data: {chat.completion.chunk}` events, a last chunk with usage
/// (the client asks for it with `stream_options.include_usage`), then `data: [DONE]`.
struct OpenAIWire: WireDialect {
    let model: String
    let prompt: PromptShape
    private let id = "chatcmpl-fake\(UInt32.random(in: 0...UInt32.max))"
    private let created = Int(Date().timeIntervalSince1970)

    init(requestBody: JSONValue?) {
        model = requestBody?["model"]?.stringValue ?? "unknown"
        let messages = requestBody?["messages"]?.arrayValue ?? []
        let texts = messages.compactMap { $0["content"]?.stringValue }
        // OpenAI caches a repeated prompt prefix by itself; the system message is that prefix here.
        let system = messages.first { $0["role"]?.stringValue == "system" }?["content"]?.stringValue
        prompt = PromptShape(
            tokens: texts.map(PromptShape.tokens(in:)).reduce(0, +), cachePrefix: system, reportsCacheWrites: false)
    }

    private func chunk(delta: JSONValue, finishReason: JSONValue = .null) -> String {
        EventFrame.data([
            "id": .string(id), "object": "chat.completion.chunk", "created": .integer(created), "model": .string(model),
            "system_fingerprint": "fp_fake",
            "choices": [["index": 0, "delta": delta, "logprobs": .null, "finish_reason": finishReason]],
            "usage": .null,
        ])
    }

    func openingEvents(usage: FakeUsage) -> [String] { [chunk(delta: ["role": "assistant", "content": ""])] }

    func textEvent(_ text: String) -> String { chunk(delta: ["content": .string(text)]) }

    func closingEvents(usage: FakeUsage) -> [String] {
        let usageChunk = EventFrame.data([
            "id": .string(id), "object": "chat.completion.chunk", "created": .integer(created), "model": .string(model),
            "system_fingerprint": "fp_fake", "choices": [],
            "usage": [
                "prompt_tokens": .integer(usage.prompt), "completion_tokens": .integer(usage.output),
                "total_tokens": .integer(usage.prompt + usage.output),
                "prompt_tokens_details": ["cached_tokens": .integer(usage.cacheRead)],
            ],
        ])
        return [chunk(delta: [:], finishReason: "stop"), usageChunk, EventFrame.data(raw: "[DONE]")]
    }

    func unstreamedBody(text: String, usage: FakeUsage) -> JSONValue {
        [
            "id": .string(id), "object": "chat.completion", "created": .integer(created), "model": .string(model),
            "choices": [["index": 0, "message": ["role": "assistant", "content": .string(text)], "finish_reason": "stop"]],
            "usage": [
                "prompt_tokens": .integer(usage.prompt), "completion_tokens": .integer(usage.output),
                "total_tokens": .integer(usage.prompt + usage.output),
            ],
        ]
    }

    func errorBody(status: Int) -> JSONValue {
        let (type, code, message): (String, JSONValue, String) =
            switch status {
            case 401: ("invalid_request_error", "invalid_api_key", "Incorrect API key provided.")
            case 404: ("invalid_request_error", "model_not_found", "The model `\(model)` does not exist.")
            case 429: ("requests", "rate_limit_exceeded", "Rate limit reached for requests.")
            case 500...599: ("server_error", .null, "The server had an error while processing your request.")
            default: ("invalid_request_error", .null, "The fake provider was told to answer \(status).")
            }
        return ["error": ["message": .string(message), "type": .string(type), "param": .null, "code": code]]
    }
}
