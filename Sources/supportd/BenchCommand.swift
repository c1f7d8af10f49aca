import ArgumentParser
import Foundation
import SupportCore
import SupportEvals
import SupportStore

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Benchmarks.", subcommands: [RetrievalBench.self, FaultBench.self])
}

/// Retrieval quality and speed on DSTC10's knowledge-seeking turns.
struct RetrievalBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retrieval",
        abstract: "R@1, R@5, MRR@10 and latency of retrieval on DSTC10 (validation) FAQ turns.")

    enum Engine: String, ExpressibleByArgument { case memory, fts5 }

    @Option(help: "The dstc10_faq folder.") var dstc = "../shared/datasets/dstc10_faq"
    @Option(help: "memory (the served BM25 index) or fts5 (SQLite's bm25, for reference).") var engine = Engine.memory
    @Option(help: "Weight of earlier dialogue turns in the query (0 = last turn only).") var contextWeight = 0.6
    @Option(help: "Repeat the query set this many times for latency.") var rounds = 5
    @Flag(help: "Print JSON.") var json = false

    struct Report: Codable {
        var engine: String
        var snippets: Int
        var turns: Int
        var recallAt1: Double
        var recallAt5: Double
        var mrrAt10: Double
        var latencyMicroseconds: LatencySummary
        var ingestSeconds: Double
    }

    func run() async throws {
        let root = URL(fileURLWithPath: dstc).appendingPathComponent("task2/data")
        guard FileManager.default.fileExists(atPath: root.path) else {
            throw ValidationError("DSTC10 data not found under \(root.path)")
        }
        let documents = try DSTC10.documents(knowledgeFile: root.appendingPathComponent("knowledge.json"))
        let turns = try DSTC10.knowledgeTurns(
            logs: root.appendingPathComponent("val/logs.json"), labels: root.appendingPathComponent("val/labels.json"))
        let ingestStart = ContinuousClock.now
        let store = PolicyStore(database: try AppDatabase.inMemory())
        _ = try store.ingest(documents)
        let index = PassageIndex(passages: try store.currentPassages())
        let ingestSeconds = (ContinuousClock.now - ingestStart).milliseconds / 1000

        let contextWeight = contextWeight
        func query(_ turn: DSTC10.KnowledgeTurn) -> [(term: String, boost: Double)] {
            var terms = TextNormalizer.terms(turn.text).map { (term: $0, boost: 1.0) }
            if contextWeight > 0 {
                terms += turn.context.flatMap(TextNormalizer.terms).map { (term: $0, boost: contextWeight) }
            }
            return terms
        }
        func ranked(_ turn: DSTC10.KnowledgeTurn) throws -> [DocumentID] {
            switch engine {
            case .memory:
                return index.search(terms: query(turn), limit: 10).passages.map(\.passage.documentID)
            case .fts5:
                let text = ([turn.text] + (contextWeight > 0 ? turn.context : [])).joined(separator: " ")
                return try store.fullTextSearch(text, limit: 10).map {
                    DocumentID(String($0.chunkID.rawValue.split(separator: "@").first ?? ""))
                }
            }
        }

        var hits1 = 0, hits5 = 0
        var reciprocal = 0.0
        var latencies: [Double] = []
        for round in 0..<max(1, rounds) {
            for turn in turns {
                let start = ContinuousClock.now
                let ranking = try ranked(turn)
                latencies.append((ContinuousClock.now - start).milliseconds * 1000)
                guard round == 0 else { continue }
                if let rank = ranking.firstIndex(of: turn.gold) {
                    if rank == 0 { hits1 += 1 }
                    if rank < 5 { hits5 += 1 }
                    reciprocal += 1 / Double(rank + 1)
                }
            }
        }
        let n = Double(max(1, turns.count))
        let report = Report(
            engine: engine.rawValue, snippets: documents.count, turns: turns.count, recallAt1: Double(hits1) / n,
            recallAt5: Double(hits5) / n, mrrAt10: reciprocal / n, latencyMicroseconds: LatencySummary(latencies),
            ingestSeconds: ingestSeconds)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
            return
        }
        print("engine \(report.engine): \(report.snippets) snippets, \(report.turns) knowledge turns (ingest \(String(format: "%.1f", ingestSeconds)) s)")
        print(String(format: "R@1 %.3f  R@5 %.3f  MRR@10 %.3f", report.recallAt1, report.recallAt5, report.mrrAt10))
        let l = report.latencyMicroseconds
        print(String(format: "latency per query: p50 %.1f µs, p95 %.1f µs, p99 %.1f µs (%d queries)", l.p50, l.p95, l.p99, l.count))
    }
}
