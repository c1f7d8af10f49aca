import ArgumentParser
import Foundation
import SupportCore
import SupportEvals
import SupportServer
import SupportStore

/// `supportd feedback export`: agents' edits and rejections → eval cases; approved answers → verified answers.
struct FeedbackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedback", abstract: "Turn what agents did with AI drafts into eval cases and verified answers.",
        subcommands: [Export.self])

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write cases.jsonl (edits, rejections) and verified-answers.jsonl (accepts, edits); promote the verified answers.")

        @Option(help: "The served database.") var db = "supportd.sqlite"
        @Option(help: "Only feedback at or after this date (YYYY-MM-DD or ISO 8601).") var since: String?
        @Option(help: "Where to write cases.jsonl and verified-answers.jsonl.") var out = ".build/feedback"
        @Flag(inversion: .prefixedNo, help: "Store the verified answers in the database so the server serves them.")
        var promote = true
        @Option(help: "Policies, to mark answers whose documents changed since approval as stale.") var policies: String?

        func run() async throws {
            guard FileManager.default.fileExists(atPath: db) else { throw ValidationError("no database at \(db)") }
            let store = SQLiteConversationStore(database: try AppDatabase.file(at: db))
            let records = try await store.feedback(since: try since.map(ReplayCommand.parseDate))
            var drafts: [DraftID: AgentDraft] = [:]
            var transcripts: [ConversationID: Transcript] = [:]
            for record in records {
                if drafts[record.draftID] == nil { drafts[record.draftID] = try await store.draft(record.draftID) }
                if transcripts[record.conversationID] == nil {
                    transcripts[record.conversationID] = try await store.transcript(record.conversationID)
                }
            }
            let export = FeedbackExport.make(feedback: records, drafts: drafts, transcripts: transcripts)
            let folder = URL(fileURLWithPath: out)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try CaseFile.write(export.cases, to: folder.appendingPathComponent("cases.jsonl"))
            let encoder = ReportFiles.encoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let lines = try export.verifiedAnswers.map { String(decoding: try encoder.encode($0), as: UTF8.self) + "\n" }
            try Data(lines.joined().utf8).write(to: folder.appendingPathComponent("verified-answers.jsonl"), options: .atomic)
            var stale = 0
            if promote {
                try await store.saveVerifiedAnswers(export.verifiedAnswers)
                let revisions = try PolicyStore(database: store.database).currentPassages().documentRevisions
                stale = try await store.markStaleVerifiedAnswers(currentRevisions: revisions)
            }
            let byAction = Dictionary(grouping: records, by: \.action).mapValues(\.count)
            print("feedback records   \(records.count) (accept \(byAction[.accept] ?? 0), edit \(byAction[.edit] ?? 0), reject \(byAction[.reject] ?? 0))")
            print("eval cases         \(export.cases.count) → \(folder.path)/cases.jsonl")
            print("verified answers   \(export.verifiedAnswers.count) → \(folder.path)/verified-answers.jsonl"
                + (promote ? " (stored in \(db); \(stale) stale)" : ""))
            if !export.skipped.isEmpty { print("skipped            \(export.skipped.count) (accepted drafts citing no policy)") }
        }
    }
}

/// `supportd stats`: the analytics the console's stats endpoint serves, from a database file.
struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Resolution, containment, handoffs, acceptance and edit rates, time to a human reply.")

    @Option(help: "The served database.") var db = "supportd.sqlite"
    @Option(help: "Only conversations active at or after this date (YYYY-MM-DD or ISO 8601).") var since: String?
    @Option(help: "Count a conversation as resolved (assumed) when the customer wrote nothing this long after an answer.")
    var assumeResolvedAfterMinutes: Double = 30
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        guard FileManager.default.fileExists(atPath: db) else { throw ValidationError("no database at \(db)") }
        let store = SQLiteConversationStore(database: try AppDatabase.file(at: db))
        let sinceDate = try since.map(ReplayCommand.parseDate)
        let stats = SupportStats.compute(
            activity: try await store.activity(since: sinceDate), feedback: try await store.feedback(since: sinceDate),
            assumeResolvedAfter: assumeResolvedAfterMinutes * 60, now: Date())
        if json {
            print(String(decoding: try ReportFiles.encoder().encode(stats), as: UTF8.self))
            return
        }
        print(StatsText.render(stats))
    }
}

enum StatsText {
    static func render(_ s: SupportStats) -> String {
        func share(_ value: SupportStats.Share) -> String {
            "\(value.rate.map { String(format: "%.1f%%", $0 * 100) } ?? "–") (\(value.count)/\(value.total))"
        }
        func rates(_ r: SupportStats.ReplyRates) -> String {
            "accepted \(share(r.accepted)), edited \(share(r.edited)), rejected \(share(r.rejected))"
                + (r.meanEditDistance.map { String(format: ", mean edit distance %.3f", $0) } ?? "")
        }
        var lines = [
            "conversations               \(s.conversations)",
            "resolved (customer said)    \(share(s.resolvedConfirmed))",
            "resolved (assumed, \(Int(s.assumeResolvedAfterMinutes)) min)  \(share(s.resolvedAssumed))",
            "containment                 \(share(s.containment))",
            "handed off                  \(share(s.handoffs))",
        ]
        for (reason, value) in s.handoffsByReason.sorted(by: { $0.key < $1.key }) {
            lines.append("  \(reason.padding(toLength: 26, withPad: " ", startingAt: 0))\(share(value))")
        }
        lines.append("first human reply (median)  \(s.medianSecondsToFirstHumanReply.map { String(format: "%.1f s", $0) } ?? "–") over \(share(s.handoffsAnsweredByHuman)) of handoffs")
        lines.append("helpful ratings             \(share(s.helpfulRatings))")
        lines.append("agent replies to drafts     \(s.replyRates.replies): \(rates(s.replyRates))")
        for (intent, value) in s.replyRatesByIntent.sorted(by: { $0.key < $1.key }) {
            lines.append("  intent \(intent): \(value.replies): \(rates(value))")
        }
        for (document, value) in s.replyRatesByDocument.sorted(by: { $0.key < $1.key }) {
            lines.append("  document \(document): \(value.replies): \(rates(value))")
        }
        return lines.joined(separator: "\n")
    }
}
