import Foundation
import Hummingbird
import NIOCore

/// Answers one provider endpoint by acting out the scripted behaviour in that endpoint's dialect.
struct FakeResponder<Dialect: WireDialect>: Sendable {
    let script: FakeScript
    /// Largest request body the fake reads; real prompts are far smaller.
    static var maximumBodyBytes: Int { 8 << 20 }

    /// Why a scripted response stopped before its end.
    enum Interruption: Error {
        case clientLeft
        case serverStopping
    }

    /// How a streamed answer ends after its tokens.
    enum Ending {
        /// Finish reason, usage and end marker.
        case complete
        /// No end at all: the response just finishes.
        case cutShort
        /// Nothing more is sent until the client leaves or the server stops.
        case hold
    }

    func respond(to request: Request, context: FakeRequestContext) async throws -> Response {
        let bytes = try await request.body.collect(upTo: Self.maximumBodyBytes)
        let body = try? JSONDecoder().decode(JSONValue.self, from: Data(bytes.readableBytesView))
        var headers: [String: String] = [:]
        for field in request.headers {
            let name = field.name.canonicalName
            headers[name] = headers[name].map { "\($0), \(field.value)" } ?? field.value
        }
        let behaviour = script.receive(RecordedRequest(path: request.uri.path, headers: headers, body: body))
        let watch = ConnectionWatch(channel: context.channel, script: script)
        do {
            return try await response(for: behaviour, dialect: Dialect(requestBody: body), watch: watch)
        } catch Interruption.clientLeft {
            script.noteDisconnect()
            throw Interruption.clientLeft
        }
    }

    private func response(for behaviour: FakeBehaviour, dialect: Dialect, watch: ConnectionWatch) async throws -> Response {
        switch behaviour {
        case .answer(let text, let delay), .drip(let text, let delay):
            return eventStream(TokenSplitter.tokens(text), tokenDelay: delay, ending: .complete, dialect: dialect, watch: watch)
        case .stall(let text):
            return eventStream(TokenSplitter.tokens(text), tokenDelay: .zero, ending: .hold, dialect: dialect, watch: watch)
        case .closeEarly(let text):
            return eventStream(TokenSplitter.tokens(text), tokenDelay: .zero, ending: .cutShort, dialect: dialect, watch: watch)
        case .empty:
            return eventStream([], tokenDelay: .zero, ending: .complete, dialect: dialect, watch: watch)
        case .delayHeaders(let delay, let then):
            try await Self.wait(delay, watch: watch)
            return try await response(for: then, dialect: dialect, watch: watch)
        case .garbage:
            return Response(
                status: .ok, headers: [.contentType: "text/event-stream"],
                body: .init(byteBuffer: ByteBuffer(string: String(repeating: EventFrame.data(raw: "this is not json"), count: 3))))
        case .unstreamed(let text):
            let body = dialect.unstreamedBody(text: text, usage: usage(outputTokens: TokenSplitter.tokens(text).count, dialect: dialect))
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: EventFrame.json(body))))
        case .status(let code, let retryAfter):
            return errorResponse(code, retryAfterSeconds: retryAfter, dialect: dialect)
        }
    }

    private func errorResponse(_ code: Int, retryAfterSeconds: Int?, dialect: Dialect) -> Response {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let retryAfterSeconds { headers[.retryAfter] = String(retryAfterSeconds) }
        return Response(
            status: .init(code: code), headers: headers,
            body: .init(byteBuffer: ByteBuffer(string: EventFrame.json(dialect.errorBody(status: code)))))
    }

    /// Token counts as the real service would report them, with the fake's prompt cache applied.
    private func usage(outputTokens: Int, dialect: Dialect) -> FakeUsage {
        let prompt = dialect.prompt
        var usage = FakeUsage(prompt: prompt.tokens, output: outputTokens)
        if let prefix = prompt.cachePrefix {
            let prefixTokens = PromptShape.tokens(in: prefix)
            if script.cacheHit(for: prefix) {
                usage.cacheRead = prefixTokens
            } else if prompt.reportsCacheWrites {
                usage.cacheWrite = prefixTokens
            }
        }
        return usage
    }

    private func eventStream(
        _ tokens: [String], tokenDelay: Duration, ending: Ending, dialect: Dialect, watch: ConnectionWatch
    ) -> Response {
        let usage = usage(outputTokens: tokens.count, dialect: dialect)
        let script = script
        return Response(
            status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
            body: ResponseBody { writer in
                do {
                    try await writer.write(ByteBuffer(string: dialect.openingEvents(usage: usage).joined()))
                    for token in tokens {
                        if tokenDelay > .zero { try await Self.wait(tokenDelay, watch: watch) }
                        try await writer.write(ByteBuffer(string: dialect.textEvent(token)))
                    }
                    switch ending {
                    case .complete: try await writer.write(ByteBuffer(string: dialect.closingEvents(usage: usage).joined()))
                    case .cutShort: break
                    case .hold: try await Self.wait(nil, watch: watch)
                    }
                    try await writer.finish(nil)
                    script.noteCompletion()
                } catch Interruption.serverStopping {
                    throw Interruption.serverStopping
                } catch {
                    // The client left: a wait saw it, or a write failed on the closed connection.
                    script.noteDisconnect()
                    throw error
                }
            })
    }

    /// Waits, or throws why it could not.
    private static func wait(_ duration: Duration?, watch: ConnectionWatch) async throws {
        switch await watch.pause(duration) {
        case .elapsed: return
        case .clientLeft: throw Interruption.clientLeft
        case .serverStopping: throw Interruption.serverStopping
        }
    }
}
