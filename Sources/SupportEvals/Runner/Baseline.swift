import Foundation

/// The recorded numbers a suite must not fall below. Raising them is a deliberate commit.
public struct Baseline: Sendable, Hashable, Codable {
    public var suite: String
    public var cases: Int
    public var resolutionRate: Double
    public var correctDontKnowRate: Double
    /// How far (absolute, 0…1) a rate may fall below the baseline before the gate fails.
    public var margin: Double
    public var recordedAt: Date

    public init(suite: String, metrics: EvalMetrics, margin: Double, recordedAt: Date = Date()) {
        self.suite = suite
        cases = metrics.cases
        resolutionRate = metrics.resolutionRate.value
        correctDontKnowRate = metrics.correctDontKnowRate.value
        self.margin = margin
        self.recordedAt = recordedAt
    }

    /// Why the metrics fail the gate; empty when they pass.
    public func violations(of metrics: EvalMetrics) -> [String] {
        var problems: [String] = []
        func compare(_ name: String, _ value: Double, _ recorded: Double) {
            if value < recorded - margin - 1e-9 {
                problems.append(String(
                    format: "%@ %.1f%% is more than %.1f points below the baseline %.1f%%", name, value * 100, margin * 100,
                    recorded * 100))
            }
        }
        compare("resolution rate", metrics.resolutionRate.value, resolutionRate)
        compare("correct-IDK rate", metrics.correctDontKnowRate.value, correctDontKnowRate)
        if metrics.unsupportedSentences > 0 {
            problems.append("\(metrics.unsupportedSentences) unsupported sentences shipped (must be 0)")
        }
        return problems
    }

    public static func load(_ url: URL) throws -> Baseline {
        try ReportFiles.decoder().decode(Baseline.self, from: Data(contentsOf: url))
    }

    public func write(to url: URL) throws {
        var data = try ReportFiles.encoder().encode(self)
        data.append(0x0A)
        try data.write(to: url, options: .atomic)
    }
}
