import Foundation
import HTTPTypes
import Hummingbird
import SupportCore

/// Encodes turn events as Server-Sent Events: `id:`, `event:` (from `TurnEvent.Name`) and one
/// JSON object per `data:` line.
public enum EventStreamEncoder {
    public static func frame(_ event: TurnEvent, id: String) -> String {
        "id: \(id)\nevent: \(event.name.rawValue)\ndata: \(payload(event))\n\n"
    }

    /// The JSON body of an event.
    public static func payload(_ event: TurnEvent) -> String {
        let encoder = WireJSON.encoder
        let data: Data?
        switch event {
        case .status(let value): data = try? encoder.encode(value)
        case .intent(let value): data = try? encoder.encode(value)
        case .passages(let value): data = try? encoder.encode(["passages": value])
        case .delta(let value): data = try? encoder.encode(value)
        case .answer(let value): data = try? encoder.encode(value)
        case .dontKnow(let value): data = try? encoder.encode(value)
        case .handoff(let value):
            // The packet is for agents; the customer gets the notice and the handoff id.
            data = try? encoder.encode(HandoffNotice(handoffID: value.id, reason: value.reason, text: value.text))
        case .refusal(let value): data = try? encoder.encode(value)
        case .error(let value): data = try? encoder.encode(value)
        case .done(let value): data = try? encoder.encode(value)
        }
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    struct HandoffNotice: Encodable {
        let handoffID: HandoffID
        let reason: HandoffReason
        let text: String
    }
}

/// Runs a turn in its own task and streams its events to the response. The turn finishes and
/// is stored even if the client goes away.
struct TurnEventStream {
    let service: TurnService
    let accepted: TurnService.AcceptedMessage

    func response() -> Response {
        let (events, continuation) = AsyncStream<TurnEvent>.makeStream(bufferingPolicy: .unbounded)
        let service = service
        let accepted = accepted
        Task {
            await service.run(accepted) { continuation.yield($0) }
            continuation.finish()
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        headers[HTTPField.Name("X-Accel-Buffering")!] = "no"
        let prefix = accepted.message.id.rawValue
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                var sequence = 0
                for await event in events {
                    sequence += 1
                    try await writer.write(ByteBuffer(string: EventStreamEncoder.frame(event, id: "\(prefix):\(sequence)")))
                }
                try await writer.finish(nil)
            })
    }
}
