import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import SupportCore

/// POSTs one JSON request and streams the server-sent events of the answer through a protocol's
/// parser. Both providers use it, so timeouts, status handling and cancellation behave the same
/// whichever protocol answers.
struct EventStreamTransport: Sendable {
    let client: HTTPClient
    let headersTimeout: Duration
    let idleTimeout: Duration
    let logger: Logger

    /// Starts the exchange in its own task. The stream ends after the parser's end marker, or with
    /// a `ProviderFailure`. When the stream terminates early, the task is cancelled, and with it
    /// the HTTP request, so the provider stops generating. AsyncThrowingStream terminates when the
    /// consuming task is cancelled, or when the stream and its iterator are both released: a
    /// `break` cancels at once only if nothing else still holds the stream.
    func stream<Parser: CompletionEventParser>(
        url: String, headers: HTTPHeaders, body: Data, parser: Parser
    ) -> AsyncThrowingStream<CompletionChunk, any Error> {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers = headers
        request.headers.replaceOrAdd(name: "content-type", value: "application/json")
        request.headers.replaceOrAdd(name: "accept", value: "text/event-stream")
        request.body = .bytes(ByteBuffer(bytes: body))

        let (stream, continuation) = AsyncThrowingStream<CompletionChunk, any Error>.makeStream()
        let task = Task { [self, request] in
            do {
                try await exchange(request, parser: parser, continuation: continuation)
                continuation.finish()
            } catch is CancellationError {
                continuation.finish()
            } catch {
                logger.debug("provider stream failed", metadata: ["url": "\(url)", "error": "\(error)"])
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { termination in
            // `.finished` also arrives when we end the stream ourselves after the end marker,
            // while the task drains the last bytes so the connection can be reused.
            if case .cancelled = termination { task.cancel() }
        }
        return stream
    }

    /// Runs the request beside a watchdog; whichever finishes first wins and the other is cancelled.
    private func exchange<Parser: CompletionEventParser>(
        _ request: HTTPClientRequest, parser: Parser, continuation: AsyncThrowingStream<CompletionChunk, any Error>.Continuation
    ) async throws {
        let watchdog = Watchdog(after: headersTimeout, failing: .headersTimeout)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await watchdog.watch() }
            group.addTask { try await self.run(request, parser: parser, watchdog: watchdog, continuation: continuation) }
            try await group.next()
            group.cancelAll()
        }
    }

    private func run<Parser: CompletionEventParser>(
        _ request: HTTPClientRequest, parser: Parser, watchdog: Watchdog,
        continuation: AsyncThrowingStream<CompletionChunk, any Error>.Continuation
    ) async throws {
        let response: HTTPClientResponse
        do {
            // The watchdog owns the timing; AsyncHTTPClient's deadline would end at the headers anyway.
            response = try await client.execute(request, deadline: .distantFuture, logger: logger)
        } catch {
            throw HTTPFailure.beforeHeaders(error)
        }
        watchdog.rearm(after: idleTimeout, failing: .stalled)
        try await checkStatus(response, watchdog: watchdog)

        var decoder = ServerSentEventDecoder()
        var parser = parser
        func deliver(_ events: [ServerSentEvent]) throws {
            for event in events where !parser.reachedEnd {
                for chunk in try parser.chunks(from: event) { continuation.yield(chunk) }
                if parser.reachedEnd { continuation.finish() }
            }
        }
        var bytesAfterEnd = 0
        do {
            for try await buffer in response.body {
                watchdog.rearm(after: idleTimeout, failing: .stalled)
                if parser.reachedEnd {
                    // Draining the tail lets the connection go back to the pool; a server that
                    // keeps talking after its end marker is cut off instead.
                    bytesAfterEnd += buffer.readableBytes
                    if bytesAfterEnd > HTTPFailure.errorBodyLimit { return }
                    continue
                }
                try deliver(try decoder.feed(buffer.readableBytesView))
            }
        } catch {
            throw HTTPFailure.duringBody(error)
        }
        try Task.checkCancellation()
        if parser.reachedEnd { return }
        if let last = decoder.finish() { try deliver([last]) }
        try parser.checkBodyEnded()
    }

    /// Throws the failure a non-2xx status, or a 2xx that is not an event stream, means.
    private func checkStatus(_ response: HTTPClientResponse, watchdog: Watchdog) async throws {
        let status = Int(response.status.code)
        if (200..<300).contains(status) {
            let contentType = response.headers.first(name: "content-type")?.lowercased() ?? "none"
            guard contentType.hasPrefix("text/event-stream") else {
                throw ProviderFailure.malformedStream("expected text/event-stream, got \(contentType)")
            }
            return
        }
        let retryAfter = response.headers.first(name: "retry-after")
        if let failure = HTTPFailure.immediateFailure(status: status, retryAfterHeader: retryAfter) { throw failure }
        let body = try await readErrorBody(response.body, watchdog: watchdog)
        let message = HTTPFailure.message(fromErrorBody: body.readableBytesView, fallback: response.status.reasonPhrase)
        throw ProviderFailure.rejected(status: status, message: message)
    }

    /// At most `HTTPFailure.errorBodyLimit` bytes of an error body; a longer or broken one is cut,
    /// since the status already says what happened and the text only explains it.
    private func readErrorBody(_ body: HTTPClientResponse.Body, watchdog: Watchdog) async throws -> ByteBuffer {
        var collected = ByteBuffer()
        do {
            for try await var buffer in body {
                watchdog.rearm(after: idleTimeout, failing: .stalled)
                let room = HTTPFailure.errorBodyLimit - collected.readableBytes
                if buffer.readableBytes >= room {
                    if let slice = buffer.readSlice(length: room) { collected.writeImmutableBuffer(slice) }
                    break
                }
                collected.writeBuffer(&buffer)
            }
        } catch {
            if HTTPFailure.duringBody(error) is CancellationError { throw CancellationError() }
        }
        return collected
    }
}
