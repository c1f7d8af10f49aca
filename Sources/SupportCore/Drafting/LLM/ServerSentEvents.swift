import Foundation

/// One Server-Sent Event as the WHATWG event-stream format defines it.
public struct ServerSentEvent: Sendable, Hashable {
    /// The `event:` field; nil means the default type, "message".
    public var event: String?
    /// The `data:` lines joined with "\n".
    public var data: String
    public var id: String?
    public init(event: String? = nil, data: String, id: String? = nil) {
        self.event = event
        self.data = data
        self.id = id
    }
}

/// Decodes an event stream incrementally: feed it bytes as they arrive, in chunks of any size
/// (a chunk may end inside a line or inside a UTF-8 sequence), and it returns the events completed
/// so far. Lines end in LF, CRLF or CR; `:` lines are comments; a blank line dispatches.
public struct ServerSentEventDecoder: Sendable {
    private var line: [UInt8] = []
    private var lastWasCR = false
    private var data: [String] = []
    private var event: String?
    private var id: String?
    private var sawBOMCheck = false
    /// Longest line accepted; a longer one is a malformed stream, not a reason to grow without end.
    public let maximumLineBytes: Int

    public init(maximumLineBytes: Int = 1 << 20) { self.maximumLineBytes = maximumLineBytes }

    public enum Failure: Error, Equatable { case lineTooLong }

    public mutating func feed<Bytes: Sequence>(_ bytes: Bytes) throws -> [ServerSentEvent] where Bytes.Element == UInt8 {
        var events: [ServerSentEvent] = []
        for byte in bytes {
            if byte == UInt8(ascii: "\n"), lastWasCR {
                lastWasCR = false
                continue
            }
            lastWasCR = byte == UInt8(ascii: "\r")
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if let event = endLine() { events.append(event) }
            } else {
                line.append(byte)
                if line.count > maximumLineBytes { throw Failure.lineTooLong }
            }
        }
        return events
    }

    /// The event left when the stream ends without its blank line, if any (the standard drops it;
    /// providers that close right after the last `data:` line are common enough to accept).
    public mutating func finish() -> ServerSentEvent? {
        if !line.isEmpty { _ = endLine() }
        return dispatch()
    }

    private mutating func endLine() -> ServerSentEvent? {
        defer { line.removeAll(keepingCapacity: true) }
        if !sawBOMCheck {
            sawBOMCheck = true
            if line.starts(with: [0xEF, 0xBB, 0xBF]) { line.removeFirst(3) }
        }
        if line.isEmpty { return dispatch() }
        if line.first == UInt8(ascii: ":") { return nil }
        let text = String(decoding: line, as: UTF8.self)
        let field: Substring
        var value: Substring
        if let colon = text.firstIndex(of: ":") {
            field = text[..<colon]
            value = text[text.index(after: colon)...]
            if value.first == " " { value = value.dropFirst() }
        } else {
            field = Substring(text)
            value = ""
        }
        switch field {
        case "data": data.append(String(value))
        case "event": event = String(value)
        case "id" where !value.contains("\0"): id = String(value)
        default: break
        }
        return nil
    }

    private mutating func dispatch() -> ServerSentEvent? {
        defer {
            data.removeAll()
            event = nil
        }
        guard !data.isEmpty else { return nil }
        return ServerSentEvent(event: event, data: data.joined(separator: "\n"), id: id)
    }
}
