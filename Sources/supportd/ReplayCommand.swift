import ArgumentParser
import Foundation
import SupportCore
import SupportEvals
import SupportServer
import SupportStore

/// `supportd replay`: stored conversations through the current pipeline, and what changed.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Re-run the customer messages of stored conversations through the current pipeline and report what changed.")

    @Option(help: "The served database to read (never written).") var db = "supportd.sqlite"
    @Option(help: "Only conversations active at or after this date (YYYY-MM-DD or ISO 8601).") var since: String?
    @Option(help: "Where to write replay.json and replay.html.") var out = ".build/replay"
    @Option(help: "Policies to replay against (default: the configured policies).") var policies: String?
    @Option(help: "Intents file (default: intents.json beside the policies).") var intents: String?
    @Flag(help: "Print the totals as JSON.") var json = false

    func run() async throws {
        guard FileManager.default.fileExists(atPath: db) else { throw ValidationError("no database at \(db)") }
        let sinceDate = try since.map(Self.parseDate)
        let current = try SupportRuntime.inMemory(policies: policies, intents: intents)
        let source = SQLiteConversationStore(database: try AppDatabase.file(at: db))
        let report = try await Replay(source: source, service: current.service).run(since: sinceDate, sourceName: db)

        let folder = URL(fileURLWithPath: out)
        try ReportFiles.write(report, as: "replay.json", html: ReplayHTML.render(report), as: "replay.html", to: folder)
        let t = report.totals
        if json {
            print(String(decoding: try ReportFiles.encoder().encode(t), as: UTF8.self))
            return
        }
        print("replayed \(t.turns) turns of \(t.conversations) conversations from \(db)")
        print("unchanged          \(t.unchanged)")
        print("outcome changed    \(t.outcomeChanged)")
        print("citations changed  \(t.citationsChanged)")
        print("text changed       \(t.textChanged)")
        for (transition, count) in t.transitions.sorted(by: { $0.key < $1.key }) { print("  \(transition): \(count)") }
        print("wrote \(folder.path)/replay.json and replay.html")
    }

    static func parseDate(_ text: String) throws -> Date {
        if let date = ISO8601DateFormatter().date(from: text) { return date }
        let day = DateFormatter()
        day.locale = Locale(identifier: "en_US_POSIX")
        day.timeZone = TimeZone(identifier: "UTC")
        day.dateFormat = "yyyy-MM-dd"
        if let date = day.date(from: text) { return date }
        throw ValidationError("cannot read the date \(text); use YYYY-MM-DD or ISO 8601")
    }
}
