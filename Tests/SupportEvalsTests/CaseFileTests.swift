import Foundation
import SupportCore
import Testing
@testable import SupportEvals

struct CaseFileTests {
    @Test func anObjectExpectationChecksTheLastTurnOnly() throws {
        let cases = try CaseFile.load(try temporaryFile("""
            {"id":"a","tags":["returns"],"turns":["hi","how long to return?"],"expect":{"outcome":"answer","cite":["returns-refunds"],"must_include":["30 days"],"intent":"returns"}}
            """, extension: "jsonl"))
        #expect(cases.count == 1)
        #expect(cases[0].expectations.count == 2)
        #expect(cases[0].expectations[0] == nil)
        let last = try #require(cases[0].expectations[1])
        #expect(last.outcomes == [.answer])
        #expect(last.cite == ["returns-refunds"])
        #expect(last.mustInclude == ["30 days"])
        #expect(last.intent == "returns")
    }

    @Test func anArrayExpectationChecksEachTurnAndOutcomesMayBeAlternatives() throws {
        let cases = try CaseFile.load(try temporaryFile("""
            {"id":"b","turns":["one","two"],"expect":[null,{"outcome":["dont_know","handoff"]}]}
            """, extension: "jsonl"))
        #expect(cases[0].tags.isEmpty)
        #expect(cases[0].expectations[0] == nil)
        #expect(cases[0].expectations[1]?.outcomes == [.dontKnow, .handoff])
        #expect(cases[0].expectations[1]?.expectsDontKnow == true)
    }

    @Test(arguments: [
        ("{\"id\":\"c\",\"turns\":[\"a\",\"b\"],\"expect\":[{\"outcome\":\"answer\"}]}", "1 entries for 2 turns"),
        ("{\"id\":\"c\",\"turns\":[],\"expect\":{\"outcome\":\"answer\"}}", "at least one turn"),
        ("{\"id\":\"c\",\"turns\":[\"a\"],\"expect\":{\"outcome\":\"maybe\"}}", "outcome"),
        ("{\"turns\":[\"a\"],\"expect\":{\"outcome\":\"answer\"}}", "missing field id"),
        ("not json", "JSON"),
    ])
    func badLinesNameTheLineAndTheReason(line: String, reason: String) throws {
        let url = try temporaryFile("{\"id\":\"ok\",\"turns\":[\"a\"],\"expect\":{\"outcome\":\"answer\"}}\n\n" + line + "\n", extension: "jsonl")
        do {
            _ = try CaseFile.load(url)
            Issue.record("expected an error for \(line)")
        } catch let error as CaseFile.LineError {
            #expect(error.line == 3)
            #expect(error.reason.contains(reason), "\(error.reason)")
        }
    }

    @Test func duplicateIdsAreRejected() throws {
        let line = "{\"id\":\"same\",\"turns\":[\"a\"],\"expect\":{\"outcome\":\"answer\"}}"
        #expect(throws: CaseFile.LineError.self) { try CaseFile.load(try temporaryFile(line + "\n" + line, extension: "jsonl")) }
    }

    @Test func writtenCasesReadBackTheSame() throws {
        let cases = [
            EvalCase(id: "x", tags: ["t"], turns: ["q"], expect: TurnExpectation(outcomes: [.answer], cite: ["doc"], mustInclude: ["5 days"])),
            EvalCase(id: "y", turns: ["a", "b"], expectations: [TurnExpectation(outcomes: [.refusal], reason: "injection"), nil]),
        ]
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("roundtrip-\(UUID().uuidString).jsonl")
        try CaseFile.write(cases, to: url)
        #expect(try CaseFile.load(url) == cases)
    }
}
