import SupportCore
import Testing

struct ServerSentEventDecoderTests {
    /// Feeds `bytes` split at the given offsets and returns every event, including the one
    /// `finish()` completes.
    private func decode(_ bytes: [UInt8], splitAt cuts: [Int] = []) throws -> [ServerSentEvent] {
        var decoder = ServerSentEventDecoder()
        var events: [ServerSentEvent] = []
        var start = 0
        for cut in cuts + [bytes.count] where cut >= start {
            events += try decoder.feed(bytes[start..<cut])
            start = cut
        }
        if let last = decoder.finish() { events.append(last) }
        return events
    }

    private let stream = Array(
        """
        : keep-alive comment\r
        event: message_start\r
        data: {"type":"message_start"}\r
        \r
        data: first line\n\
        data: second line\n\
        id: 7\n\
        \n\
        event: content_block_delta\r\
        data: {"text":"café ☕️"}\r\
        \r\
        data: [DONE]\n\n
        """.utf8)

    private let expected = [
        ServerSentEvent(event: "message_start", data: #"{"type":"message_start"}"#),
        ServerSentEvent(data: "first line\nsecond line", id: "7"),
        ServerSentEvent(event: "content_block_delta", data: #"{"text":"café ☕️"}"#, id: "7"),
        ServerSentEvent(data: "[DONE]", id: "7"),
    ]

    @Test func wholeStreamGivesEventsWithCommentsSkippedAndDataLinesJoined() throws {
        #expect(try decode(stream) == expected)
    }

    @Test func byteByByteGivesTheSameEvents() throws {
        #expect(try decode(stream, splitAt: Array(1..<stream.count)) == expected)
    }

    @Test func everySplitPositionGivesTheSameEvents() throws {
        for cut in 0...stream.count {
            #expect(try decode(stream, splitAt: [cut]) == expected, "split at \(cut)")
        }
    }

    @Test func lineEndingsLFCRLFAndCRAreEquivalent() throws {
        let lf = Array("event: a\ndata: x\n\ndata: y\n\n".utf8)
        let crlf = Array("event: a\r\ndata: x\r\n\r\ndata: y\r\n\r\n".utf8)
        let cr = Array("event: a\rdata: x\r\rdata: y\r\r".utf8)
        let events = [ServerSentEvent(event: "a", data: "x"), ServerSentEvent(data: "y")]
        #expect(try decode(lf) == events)
        #expect(try decode(crlf) == events)
        #expect(try decode(cr) == events)
        // A CRLF split between feeds is still one line end, not two.
        #expect(try decode(crlf, splitAt: [9, 17, 18]) == events)
    }

    @Test func multiByteCharacterSplitAcrossFeedsIsDecodedWhole() throws {
        let bytes = Array("data: 日本語 ☕️\n\n".utf8)
        let insideFirstCharacter = 7
        #expect(try decode(bytes, splitAt: [insideFirstCharacter, insideFirstCharacter + 1]) == [ServerSentEvent(data: "日本語 ☕️")])
    }

    @Test func eventWithoutTrailingBlankLineIsCompletedByFinish() throws {
        var decoder = ServerSentEventDecoder()
        #expect(try decoder.feed(Array("event: message_stop\ndata: {}".utf8)).isEmpty)
        #expect(decoder.finish() == ServerSentEvent(event: "message_stop", data: "{}"))
    }

    @Test func commentsAndFieldsWithoutDataDispatchNothing() throws {
        #expect(try decode(Array(": ping\n\nevent: lonely\n\nretry: 10\n\n".utf8)).isEmpty)
    }

    @Test func lineLongerThanTheLimitThrows() throws {
        var decoder = ServerSentEventDecoder(maximumLineBytes: 16)
        #expect(throws: ServerSentEventDecoder.Failure.lineTooLong) {
            _ = try decoder.feed(Array("data: \(String(repeating: "x", count: 32))".utf8))
        }
    }
}
