import ArgumentParser
import Foundation
import SupportCore
import SupportEvals

/// `supportd eval-data dstc10`: turns public data into a corpus and a case file.
struct EvalDataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-data", abstract: "Turn public datasets into an eval corpus (JSONL) and cases (JSONL).",
        subcommands: [DSTC10Export.self])
}

struct DSTC10Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dstc10",
        abstract: "DSTC10 track 2 FAQ (validation by default): corpus.jsonl with every snippet, cases.jsonl with every dialogue.")

    @Option(help: "The dstc10_faq folder.") var dstc = "../shared/datasets/dstc10_faq"
    @Option(help: "The split to export (val; test halves are kept aside).") var split = "val"
    @Option(help: "Output folder.") var out = ".build/evals/dstc10"

    func run() async throws {
        let root = URL(fileURLWithPath: dstc).appendingPathComponent("task2/data")
        let logs = root.appendingPathComponent("\(split)/logs.json")
        guard FileManager.default.fileExists(atPath: logs.path) else {
            throw ValidationError("DSTC10 data not found at \(logs.path)")
        }
        let documents = try DSTC10.documents(knowledgeFile: root.appendingPathComponent("knowledge.json"))
        let cases = try DSTC10.cases(logs: logs, labels: root.appendingPathComponent("\(split)/labels.json"), split: split)
        let folder = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try DSTC10.writeCorpus(documents, to: folder.appendingPathComponent("corpus.jsonl"))
        try CaseFile.write(cases, to: folder.appendingPathComponent("cases.jsonl"))
        let knowledge = cases.filter { $0.tags.contains("knowledge") }.count
        print("wrote \(documents.count) snippets to \(folder.path)/corpus.jsonl")
        print("wrote \(cases.count) cases (\(knowledge) knowledge-seeking, \(cases.count - knowledge) not) to \(folder.path)/cases.jsonl")
        print("run: supportd eval --suite dstc10-\(split) --cases \(folder.path)/cases.jsonl --corpus \(folder.path)/corpus.jsonl")
    }
}
