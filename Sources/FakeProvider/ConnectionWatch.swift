import Hummingbird
import NIOCore

/// The request context of the fake: the standard one plus the connection, so a streaming handler
/// can tell when its client has gone.
struct FakeRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}

/// Hummingbird allows half-closed connections, so a client that hangs up only closes our input
/// and the connection stays "active" until we next write. A stalled stream never writes; closing
/// the connection when the client's side closes lets it notice the hang-up. (HTTP/1.1 clients do
/// not half-close while awaiting a response, so nothing legitimate is cut.)
final class HangUpHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = Any

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, event == .inputClosed {
            context.close(promise: nil)
        }
        context.fireUserInboundEventTriggered(event)
    }
}

/// Waits inside a response while watching for the two things that should end the wait early.
struct ConnectionWatch: Sendable {
    enum Outcome: Sendable, Equatable {
        case elapsed
        case clientLeft
        case serverStopping
    }

    let channel: any Channel
    let script: FakeScript
    /// How often a wait looks at the connection; short enough that tests see a hang-up at once.
    static let pollInterval: Duration = .milliseconds(10)

    /// Waits `duration` (nil: until something ends it).
    func pause(_ duration: Duration?) async -> Outcome {
        let deadline = duration.map { ContinuousClock.now + $0 }
        while true {
            if script.stopping || Task.isCancelled { return .serverStopping }
            if !channel.isActive { return .clientLeft }
            let now = ContinuousClock.now
            if let deadline, now >= deadline { return .elapsed }
            let next = deadline.map { min($0, now + Self.pollInterval) } ?? now + Self.pollInterval
            try? await Task.sleep(until: next, clock: .continuous)
        }
    }
}
