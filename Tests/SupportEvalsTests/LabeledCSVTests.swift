import Foundation
import Testing
@testable import SupportCore

struct LabeledCSVTests {
    @Test func parsesQuotedCommasAndEscapedQuotesAndSkipsTheHeader() throws {
        let url = try temporaryFile("text,label\r\n\"Hello, is anyone there?\",greeting\r\n\"She said \"\"refund me\"\"\",refund_status\nplain text , returns ,extra\n", extension: "csv")
        let rows = try LabeledCSV.load(url)
        #expect(rows == [
            LabeledText(text: "Hello, is anyone there?", label: "greeting"),
            LabeledText(text: "She said \"refund me\"", label: "refund_status"),
            LabeledText(text: "plain text", label: "returns"),
        ])
    }

    @Test func keepsTheFirstRowWhenItIsNotAHeader() throws {
        let rows = try LabeledCSV.load(try temporaryFile("where is my parcel,shipping\nhi,greeting", extension: "csv"))
        #expect(rows.map(\.label) == ["shipping", "greeting"])
    }

    @Test func quotedFieldMaySpanLines() {
        #expect(LabeledCSV.parse("\"line one\nline two\",label\n") == [["line one\nline two", "label"]])
    }

    @Test func rowsWithoutTextOrLabelAreSkipped() throws {
        let rows = try LabeledCSV.load(try temporaryFile("text,label\nonly text\n,missing\nfine,ok\n", extension: "csv"))
        #expect(rows == [LabeledText(text: "fine", label: "ok")])
        #expect(throws: LabeledCSV.Failure.self) { try LabeledCSV.load(try temporaryFile("text,label\n", extension: "csv")) }
    }
}
