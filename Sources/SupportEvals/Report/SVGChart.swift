import Foundation

/// Small inline SVG charts for the report.
enum SVGChart {
    static let width = 640.0
    static let height = 260.0
    static let margin = (left: 50.0, right: 20.0, top: 24.0, bottom: 40.0)
    static var plotWidth: Double { width - margin.left - margin.right }
    static var plotHeight: Double { height - margin.top - margin.bottom }

    /// Bars of equal-width buckets from zero to the largest value.
    static func histogram(_ values: [Double], title: String, buckets: Int = 24) -> String {
        guard let maximum = values.max(), maximum > 0 else { return "<p>No measurements.</p>" }
        let bucketWidth = maximum / Double(buckets)
        var counts = Array(repeating: 0, count: buckets)
        for value in values { counts[min(buckets - 1, Int(value / bucketWidth))] += 1 }
        let tallest = Double(counts.max() ?? 1)
        var svg = open(title)
        let barWidth = plotWidth / Double(buckets)
        for (index, count) in counts.enumerated() where count > 0 {
            let barHeight = plotHeight * Double(count) / tallest
            let x = margin.left + Double(index) * barWidth
            let y = margin.top + plotHeight - barHeight
            svg += "<rect x=\"\(f(x + 1))\" y=\"\(f(y))\" width=\"\(f(barWidth - 2))\" height=\"\(f(barHeight))\" fill=\"#5b7fbf\">"
            svg += "<title>\(f(Double(index) * bucketWidth))–\(f(Double(index + 1) * bucketWidth)) ms: \(count)</title></rect>"
        }
        svg += axes(xLabel: "ms", xMax: maximum, yLabel: "turns", yMax: tallest, yIsShare: false)
        return svg + "</svg>"
    }

    /// Coverage and accuracy against the threshold, with the configured threshold marked.
    static func thresholdCurve(_ points: [ThresholdPoint], current: Double) -> String {
        guard !points.isEmpty else { return "<p>No policy or unanswerable questions to sweep.</p>" }
        var svg = open("Coverage and accuracy by evidence threshold")
        let series: [(String, String, KeyPath<ThresholdPoint, Double>)] = [
            ("coverage", "#5b7fbf", \.coverage), ("accuracy", "#2f9e44", \.accuracy),
            ("right decisions", "#c77c02", \.rightDecisions),
        ]
        for (index, (name, colour, path)) in series.enumerated() {
            let coordinates = points.map { "\(f(x($0.threshold))),\(f(y($0[keyPath: path])))" }.joined(separator: " ")
            svg += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" points=\"\(coordinates)\"/>"
            svg += "<text x=\"\(f(margin.left + 10 + Double(index) * 150))\" y=\"14\" fill=\"\(colour)\">\(name)</text>"
        }
        svg += "<line x1=\"\(f(x(current)))\" x2=\"\(f(x(current)))\" y1=\"\(f(margin.top))\" y2=\"\(f(margin.top + plotHeight))\" stroke=\"#888\" stroke-dasharray=\"4 3\"/>"
        for point in points {
            svg += "<circle cx=\"\(f(x(point.threshold)))\" cy=\"\(f(y(point.accuracy)))\" r=\"6\" fill=\"transparent\"><title>threshold \(f(point.threshold)): coverage \(f(point.coverage)), accuracy \(f(point.accuracy)), right \(f(point.rightDecisions))</title></circle>"
        }
        svg += axes(xLabel: "evidence threshold", xMax: 1, yLabel: "share", yMax: 1, yIsShare: true)
        return svg + "</svg>"
    }

    static func x(_ value: Double) -> Double { margin.left + value * plotWidth }
    static func y(_ share: Double) -> Double { margin.top + plotHeight * (1 - share) }

    static func open(_ title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(f(width))\" height=\"\(f(height))\" role=\"img\" aria-label=\"\(HTMLReport.escape(title))\"><title>\(HTMLReport.escape(title))</title>"
    }

    static func axes(xLabel: String, xMax: Double, yLabel: String, yMax: Double, yIsShare: Bool) -> String {
        let bottom = margin.top + plotHeight
        var svg = "<line x1=\"\(f(margin.left))\" y1=\"\(f(bottom))\" x2=\"\(f(margin.left + plotWidth))\" y2=\"\(f(bottom))\" stroke=\"#444\"/>"
        svg += "<line x1=\"\(f(margin.left))\" y1=\"\(f(margin.top))\" x2=\"\(f(margin.left))\" y2=\"\(f(bottom))\" stroke=\"#444\"/>"
        for tick in 0...4 {
            let share = Double(tick) / 4
            let xPosition = margin.left + share * plotWidth
            svg += "<text x=\"\(f(xPosition))\" y=\"\(f(bottom + 16))\" text-anchor=\"middle\">\(label(share * xMax))</text>"
            let yPosition = margin.top + plotHeight * (1 - share)
            let yText = yIsShare ? "\(Int(share * 100))%" : label(share * yMax)
            svg += "<text x=\"\(f(margin.left - 6))\" y=\"\(f(yPosition + 4))\" text-anchor=\"end\">\(yText)</text>"
        }
        svg += "<text x=\"\(f(margin.left + plotWidth / 2))\" y=\"\(f(height - 6))\" text-anchor=\"middle\">\(xLabel)</text>"
        svg += "<text x=\"12\" y=\"\(f(margin.top + plotHeight / 2))\" transform=\"rotate(-90 12 \(f(margin.top + plotHeight / 2)))\" text-anchor=\"middle\">\(yLabel)</text>"
        return svg
    }

    static func label(_ value: Double) -> String {
        value >= 10 || value == 0 ? String(Int(value.rounded())) : String(format: "%.2f", value)
    }

    static func f(_ value: Double) -> String { String(format: "%.1f", value) }
}
