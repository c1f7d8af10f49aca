import Foundation
import SupportCore

/// Renders a run as one self-contained HTML page: tables and inline SVG, nothing fetched.
public enum HTMLReport {
    public static func render(_ results: EvalResults) -> String {
        var page = HTMLPage(title: "supportd eval: \(results.suite)")
        page.heading(1, "Eval: \(results.suite)")
        page.paragraph(
            "\(results.metrics.cases) cases, \(results.metrics.checkedTurns) checked turns, from \(results.casesFile) against \(results.corpus). "
                + "Run \(ISO8601DateFormatter().string(from: results.startedAt)), \(format(results.runSeconds, digits: 1)) s"
                + (results.repeats > 1 ? ", \(results.repeats) repeats" : "") + ".")
        page.raw(settingsList(results.settings))
        headline(results, into: &page)
        page.heading(2, "Latency")
        latencyTable(results.metrics, into: &page)
        page.raw(SVGChart.histogram(
            results.cases.flatMap(\.turns).filter { $0.error == nil }.map(\.trace.totalMilliseconds),
            title: "Turn latency (ms)"))
        page.heading(2, "The \"I don't know\" threshold")
        page.paragraph(
            "From a second run with no evidence threshold: as the threshold rises, fewer of the policy and unanswerable questions are answered (coverage) and more of the answers given are right (accuracy). The dashed line marks the configured threshold.")
        page.raw(SVGChart.thresholdCurve(results.thresholdCurve, current: results.currentThreshold))
        page.heading(2, "By intent")
        breakdownTable(results.byIntent, label: "expected intent", into: &page)
        page.heading(2, "By tag")
        breakdownTable(results.byTag, label: "tag", into: &page)
        failures(results.cases, into: &page)
        return page.finish()
    }

    static func settingsList(_ settings: [String: String]) -> String {
        "<p class=\"settings\">" + settings.sorted { $0.key < $1.key }
            .map { "<code>\(escape($0.key))=\(escape($0.value))</code>" }.joined(separator: " ") + "</p>"
    }

    static func headline(_ results: EvalResults, into page: inout HTMLPage) {
        let m = results.metrics
        var rows: [[String]] = [
            ["Resolution rate", m.resolutionRate.display, "policy questions answered right, cited, complete and verified"],
            ["Correct \"I don't know\"", m.correctDontKnowRate.display, "unanswerable questions not answered"],
            ["False \"I don't know\"", m.falseDontKnowRate.display, "policy questions met with \"I don't know\""],
            ["Handoff precision", m.handoff.precision.display, "handoffs that were expected"],
            ["Handoff recall", m.handoff.recall.display, "expected handoffs made"],
            ["Refusal precision", m.refusal.precision.display, "refusals that were expected"],
            ["Refusal recall", m.refusal.recall.display, "expected refusals made"],
            ["Intent accuracy", m.intentAccuracy.display, "turns with an expected intent"],
            ["Cases passed", m.casePassRate.display, "every check of every checked turn"],
            ["Unsupported sentences", "\(m.unsupportedSentences) of \(m.sentencesShipped)", "shipped sentences not found in their cited passage (must be 0)"],
            ["Retrieval R@1 / R@5", "\(results.recallAt1.display) / \(results.recallAt5.display)", "an expected document among the top 1 / 5 retrieved"],
        ]
        if let passAll = results.passAllRepeats {
            rows.append(["pass^\(results.repeats)", passAll.display, "cases passed in all \(results.repeats) repeats"])
        }
        page.table(header: ["metric", "value [95% CI] (count)", "what it counts"], rows: rows, classes: ["", "num", ""])
    }

    static func latencyTable(_ metrics: EvalMetrics, into page: inout HTMLPage) {
        var rows = [latencyRow("whole turn", metrics.latency)]
        for stage in Stage.allCases {
            if let summary = metrics.stageLatency[stage.rawValue] { rows.append(latencyRow(stage.rawValue, summary)) }
        }
        page.table(header: ["ms", "n", "p50", "p95", "p99", "mean"], rows: rows, classes: ["", "num", "num", "num", "num", "num"])
    }

    static func latencyRow(_ name: String, _ summary: LatencySummary) -> [String] {
        [name, "\(summary.count)", format(summary.p50), format(summary.p95), format(summary.p99), format(summary.mean)]
    }

    static func breakdownTable(_ rows: [Breakdown], label: String, into page: inout HTMLPage) {
        page.table(
            header: [label, "checked turns", "passed", "resolution"],
            rows: rows.map { [$0.key, "\($0.turns)", $0.passed.display, $0.resolution.denominator == 0 ? "–" : $0.resolution.display] },
            classes: ["", "num", "num", "num"])
    }

    static func failures(_ cases: [CaseResult], into page: inout HTMLPage) {
        let failing = cases.filter { !$0.passed }
        page.heading(2, "Failing cases (\(failing.count))")
        for item in failing {
            var html = "<details class=\"case\"><summary><code>\(escape(item.id))</code> "
            html += item.tags.map { "<span class=\"tag\">\(escape($0))</span>" }.joined(separator: " ")
            let failed = item.turns.flatMap(\.checks).filter { !$0.passed }.map(\.detail)
            html += " — \(escape(failed.joined(separator: "; ")))</summary>"
            for turn in item.turns { html += transcript(turn) }
            html += "</details>"
            page.raw(html)
        }
    }

    static func transcript(_ turn: TurnObservation) -> String {
        var html = "<div class=\"turn\"><p class=\"customer\"><b>Customer:</b> \(escape(turn.message))</p>"
        let outcome = turn.outcome?.rawValue ?? "error"
        html += "<p class=\"reply\"><b>supportd (\(escape(outcome))\(turn.reason.map { ": " + escape($0) } ?? "")):</b> \(escape(turn.reply))</p>"
        if let error = turn.error { html += "<p class=\"fail\">\(escape(error))</p>" }
        if !turn.checks.isEmpty {
            html += "<ul class=\"checks\">" + turn.checks.map {
                "<li class=\"\($0.passed ? "pass" : "fail")\">\($0.passed ? "✓" : "✗") \($0.kind.rawValue): \(escape($0.detail))</li>"
            }.joined() + "</ul>"
        }
        html += "<table class=\"trace\"><tr><th>stage</th><th>component</th><th>decision</th><th>score</th><th>why</th></tr>"
        for record in turn.trace.stages {
            let score = record.score.map { format($0, digits: 3) } ?? ""
            let threshold = record.threshold.map { " / " + format($0, digits: 2) } ?? ""
            html += "<tr><td>\(record.stage.rawValue)</td><td>\(escape(record.component))</td><td>\(escape(record.decision))</td>"
            html += "<td class=\"num\">\(score)\(threshold)</td><td>\(escape(String(record.output.prefix(400))))</td></tr>"
        }
        return html + "</table></div>"
    }

    static func format(_ value: Double, digits: Int = 2) -> String { String(format: "%.\(digits)f", value) }

    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}

/// A minimal HTML document builder.
struct HTMLPage {
    private var body = ""
    private let title: String

    init(title: String) { self.title = title }

    mutating func heading(_ level: Int, _ text: String) { body += "<h\(level)>\(HTMLReport.escape(text))</h\(level)>\n" }
    mutating func paragraph(_ text: String) { body += "<p>\(HTMLReport.escape(text))</p>\n" }
    mutating func raw(_ html: String) { body += html + "\n" }

    mutating func table(header: [String], rows: [[String]], classes: [String]) {
        var html = "<table><tr>" + header.map { "<th>\(HTMLReport.escape($0))</th>" }.joined() + "</tr>"
        for row in rows {
            html += "<tr>" + row.enumerated().map { index, cell in
                let cls = index < classes.count && !classes[index].isEmpty ? " class=\"\(classes[index])\"" : ""
                return "<td\(cls)>\(HTMLReport.escape(cell))</td>"
            }.joined() + "</tr>"
        }
        body += html + "</table>\n"
    }

    func finish() -> String {
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>\(HTMLReport.escape(title))</title>
        <style>
        body { font: 15px/1.45 system-ui, sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #222; }
        table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
        th, td { border-bottom: 1px solid #ddd; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .settings code { margin-right: 0.8em; }
        .tag { background: #eef; border-radius: 3px; padding: 0 0.3em; font-size: 0.85em; }
        details.case { border: 1px solid #ddd; border-radius: 4px; margin: 0.4em 0; padding: 0.3em 0.6em; }
        .customer { margin: 0.5em 0 0.2em; } .reply { margin: 0.2em 0; color: #333; }
        .pass { color: #176b2c; } .fail { color: #a01818; }
        table.trace { font-size: 0.85em; }
        svg text { font: 12px system-ui, sans-serif; }
        </style></head><body>
        \(body)</body></html>
        """
    }
}
