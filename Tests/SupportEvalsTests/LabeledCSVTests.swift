import Foundation
import Testing
@testable import SupportCore

struct LabeledCSVTests {
    private func write(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("labeled-\(UUID().uuidString).csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func parsesQuotedCommasAndEscapedQuotesAndSkipsTheHeader() throws {
        let url = try write("text,label\r\n\"Hello, is anyone there?\",greeting\r\n\"She said \"\"refund me\"\"\",refund_status\nplain text , returns ,extra\n")
        let rows = try LabeledCSV.load(url)
        #expect(rows == [
            LabeledText(text: "Hello, is anyone there?", label: "greeting"),
            LabeledText(text: "She said \"refund me\"", label: "refund_status"),
            LabeledText(text: "plain text", label: "returns"),
        ])
    }

    @Test func keepsTheFirstRowWhenItIsNotAHeader() throws {
        let rows = try LabeledCSV.load(try write("where is my parcel,shipping\nhi,greeting"))
        #expect(rows.map(\.label) == ["shipping", "greeting"])
    }

    @Test func quotedFieldMaySpanLines() {
        #expect(LabeledCSV.parse("\"line one\nline two\",label\n") == [["line one\nline two", "label"]])
    }

    @Test func rowsWithoutTextOrLabelAreSkipped() throws {
        let rows = try LabeledCSV.load(try write("text,label\nonly text\n,missing\nfine,ok\n"))
        #expect(rows == [LabeledText(text: "fine", label: "ok")])
        #expect(throws: LabeledCSV.Failure.self) { try LabeledCSV.load(try write("text,label\n")) }
    }
}
