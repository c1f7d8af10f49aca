import Foundation

/// The replay report as one offline HTML page: totals, then every conversation that changed.
public enum ReplayHTML {
    public static func render(_ report: ReplayReport) -> String {
        let t = report.totals
        var page = HTMLPage(title: "supportd replay")
        page.heading(1, "Replay of \(report.source)")
        page.paragraph(
            "\(t.conversations) conversations"
                + (report.since.map { " active since \(ISO8601DateFormatter().string(from: $0))" } ?? "")
                + ", \(t.turns) customer turns re-run through the current pipeline.")
        page.table(
            header: ["", "turns"],
            rows: [
                ["unchanged", "\(t.unchanged)"], ["outcome changed", "\(t.outcomeChanged)"],
                ["citations changed", "\(t.citationsChanged)"], ["answer text changed", "\(t.textChanged)"],
                ["conversations with a change", "\(t.conversationsChanged)"],
            ] + t.transitions.sorted { $0.key < $1.key }.map { [$0.key, "\($0.value)"] },
            classes: ["", "num"])
        let changed = report.conversations.filter(\.changed)
        page.heading(2, "Conversations that changed (\(changed.count))")
        for conversation in changed {
            var html = "<details class=\"case\"><summary><code>\(HTMLReport.escape(conversation.id.rawValue))</code></summary>"
            for turn in conversation.turns {
                html += "<div class=\"turn\"><p class=\"customer\"><b>Customer:</b> \(HTMLReport.escape(turn.message))</p>"
                let marker = turn.changes.isEmpty ? "unchanged" : "changed: " + turn.changes.map(\.rawValue).joined(separator: ", ")
                html += "<p class=\"\(turn.changes.isEmpty ? "pass" : "fail")\">\(marker)</p>"
                html += "<table class=\"trace\"><tr><th></th><th>outcome</th><th>documents</th><th>reply</th></tr>"
                for (label, reply) in [("then", turn.before), ("now", turn.after)] {
                    let outcome = (reply.outcome?.rawValue ?? "none") + (reply.reason.map { " (\($0))" } ?? "")
                    html += "<tr><td>\(label)</td><td>\(HTMLReport.escape(outcome))</td>"
                    html += "<td>\(HTMLReport.escape(reply.documents.map(\.rawValue).joined(separator: ", ")))</td>"
                    html += "<td>\(HTMLReport.escape(reply.text))</td></tr>"
                }
                html += "</table></div>"
            }
            page.raw(html + "</details>")
        }
        return page.finish()
    }
}
