import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import SupportCore

/// A long-lived Server-Sent Events response fed from a log: on every poke from the change feed it
/// asks `read` for the frames after its cursor and writes them. It sends a keep-alive comment
/// every `heartbeat`, and ends when the client goes away or the server shuts down gracefully.
enum LiveEventStream {
    enum Wake: Sendable { case changed, heartbeat }

    static func response(
        pokes: AsyncStream<Void>, heartbeat: Duration, cursor start: Int,
        read: @escaping @Sendable (Int) async throws -> (frames: String, cursor: Int)
    ) -> Response {
        Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                let (wakes, wake) = AsyncStream<Wake>.makeStream(bufferingPolicy: .bufferingNewest(16))
                wake.yield(.changed)
                let forward = Task {
                    for await _ in pokes { wake.yield(.changed) }
                    wake.finish()
                }
                let beat = Task {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: heartbeat)
                        wake.yield(.heartbeat)
                    }
                }
                defer {
                    forward.cancel()
                    beat.cancel()
                }
                try await writer.write(ByteBuffer(string: "retry: 1500\n\n"))
                var cursor = start
                try await withGracefulShutdownHandler {
                    for await event in wakes {
                        switch event {
                        case .changed:
                            let (frames, next) = try await read(cursor)
                            cursor = next
                            if !frames.isEmpty { try await writer.write(ByteBuffer(string: frames)) }
                        case .heartbeat:
                            try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                        }
                    }
                } onGracefulShutdown: {
                    wake.finish()
                }
                try await writer.finish(nil)
            })
    }

    static var headers: HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        headers[HTTPField.Name("X-Accel-Buffering")!] = "no"
        return headers
    }

    /// The conversation's events after `after`, as SSE frames whose `id:` is the event's sequence.
    static func conversation(
        _ id: ConversationID, after: Int, store: any ConversationStore, feed: ChangeFeed, heartbeat: Duration
    ) -> Response {
        response(pokes: feed.subscribe(to: id), heartbeat: heartbeat, cursor: after) { cursor in
            let events = try await store.events(of: id, after: cursor)
            let encoder = WireJSON.encoder
            let frames = events.map { frame($0, encoder: encoder) }.joined()
            return (frames, events.last?.sequence ?? cursor)
        }
    }

    static func frame(_ event: ConversationEvent, encoder: JSONEncoder) -> String {
        let data: Data?
        switch event.payload {
        case .message(let message): data = try? encoder.encode(["message": message])
        case .state(let notice): data = try? encoder.encode(notice)
        }
        let json = data.map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return "id: \(event.sequence)\nevent: \(event.name.rawValue)\ndata: \(json)\n\n"
    }

    /// Where a reconnecting client left off: `Last-Event-ID`, else `?after=`, else the beginning.
    static func resumePoint(_ request: Request) -> Int {
        if let header = request.headers[HTTPField.Name("Last-Event-ID")!], let value = Int(header.trimmingCharacters(in: .whitespaces)) {
            return max(0, value)
        }
        return max(0, request.uri.queryParameters.get("after", as: Int.self) ?? 0)
    }
}

/// Returns conversations whose lease ran out to the queue, and reloads approved answers, every few seconds.
struct MaintenanceService: Service {
    let runtime: SupportRuntime
    let interval: Duration
    let logger: Logger

    func run() async throws {
        while !Task.isCancelled {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            if Task.isCancelled || Task.isShuttingDownGracefully { return }
            do {
                let expired = try await runtime.conversations.expireLeases(rules: runtime.console.rules)
                if !expired.isEmpty { logger.info("leases expired", metadata: ["conversations": "\(expired.count)"]) }
                try await runtime.refreshVerifiedAnswers()
            } catch {
                logger.error("maintenance failed", metadata: ["error": "\(error)"])
            }
        }
    }
}
