import SupportCore
import Testing

@testable import SupportLLM

/// The protocol parsers fed events directly, for cases the fake provider does not act out.
struct StreamParserTests {
    @Test func anthropicOverloadedErrorEventIsA529() {
        var parser = AnthropicStreamParser()
        let event = ServerSentEvent(event: "error", data: #"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"#)
        #expect(throws: ProviderFailure.serverError(status: 529)) { try parser.chunks(from: event) }
    }

    @Test func anthropicOtherErrorEventIsAMalformedStreamWithTheProvidersWords() {
        var parser = AnthropicStreamParser()
        let event = ServerSentEvent(event: "error", data: #"{"type":"error","error":{"type":"api_error","message":"boom"}}"#)
        #expect(throws: ProviderFailure.malformedStream("provider error: api_error: boom")) { try parser.chunks(from: event) }
    }

    @Test func anthropicIgnoresUnknownEventsAndNonTextDeltas() throws {
        var parser = AnthropicStreamParser()
        #expect(try parser.chunks(from: ServerSentEvent(event: "future_event", data: #"{"type":"future_event"}"#)).isEmpty)
        let toolInput = #"{"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{"}}"#
        #expect(try parser.chunks(from: ServerSentEvent(data: toolInput)).isEmpty)
        #expect(throws: ProviderFailure.malformedStream("stream ended early")) { try parser.checkBodyEnded() }
    }

    @Test func openAIErrorObjectInTheStreamIsAMalformedStream() {
        var parser = OpenAIStreamParser()
        let event = ServerSentEvent(data: #"{"error":{"message":"context too long","type":"invalid_request_error","code":400}}"#)
        #expect(throws: ProviderFailure.malformedStream("provider error: context too long")) { try parser.chunks(from: event) }
    }

    @Test func openAIFinishReasonWithoutDoneIsAWholeAnswer() throws {
        var parser = OpenAIStreamParser()
        let chunk = #"{"choices":[{"index":0,"delta":{"content":null},"finish_reason":"length"}],"usage":null}"#
        #expect(try parser.chunks(from: ServerSentEvent(data: chunk)) == [.finished("length")])
        try parser.checkBodyEnded()
    }

    @Test func openAIUsageChunkReadsCachedTokens() throws {
        var parser = OpenAIStreamParser()
        let chunk = #"{"choices":[],"usage":{"prompt_tokens":1200,"completion_tokens":40,"prompt_tokens_details":{"cached_tokens":1024}}}"#
        #expect(
            try parser.chunks(from: ServerSentEvent(data: chunk))
                == [.usage(TokenUsage(inputTokens: 1200, outputTokens: 40, cacheReadTokens: 1024))])
    }

    @Test func errorBodyMessagesAreTakenFromTheProvidersJSONAndShortened() {
        let openAI = #"{"error":{"message":"Incorrect API key provided.","type":"invalid_request_error"}}"#
        #expect(HTTPFailure.message(fromErrorBody: openAI.utf8, fallback: "Unauthorized") == "Incorrect API key provided.")
        let anthropic = #"{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}"#
        #expect(HTTPFailure.message(fromErrorBody: anthropic.utf8, fallback: "Unauthorized") == "invalid x-api-key")
        let bare = #"{"error":"model not loaded"}"#
        #expect(HTTPFailure.message(fromErrorBody: bare.utf8, fallback: "Not Found") == "model not loaded")
        #expect(HTTPFailure.message(fromErrorBody: #"{"detail":"Not Found"}"#.utf8, fallback: "") == "Not Found")
        let html = "<html>" + String(repeating: "x", count: 1000) + "</html>"
        #expect(HTTPFailure.message(fromErrorBody: html.utf8, fallback: "Bad Request").count == HTTPFailure.messageLimit + 1)
        #expect(HTTPFailure.message(fromErrorBody: [], fallback: "Forbidden") == "Forbidden")
    }

    @Test func retryAfterIsReadInSeconds() {
        #expect(HTTPFailure.retryAfter("12") == .seconds(12))
        #expect(HTTPFailure.retryAfter(" 1.5 ") == .milliseconds(1500))
        #expect(HTTPFailure.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT") == nil)
        #expect(HTTPFailure.retryAfter(nil) == nil)
    }
}
