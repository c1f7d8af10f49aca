import Foundation
import Testing
@testable import SupportCore

/// False positives of the abuse detector on OpenAI's moderation samples (openai/moderation-api-release,
/// MIT) that carry no flag at all; recall on the harassment, hate and violence rows is reported only,
/// since many of those are not aimed at a person in a support chat.
@Suite("Guardrails: moderation dataset")
struct GuardrailsModerationDatasetTests {
    static let path = "moderation/samples.jsonl"

    struct Sample: Decodable {
        var prompt: String
        var S: Int?, H: Int?, V: Int?, HR: Int?, SH: Int?, S3: Int?, H2: Int?, V2: Int?
        var flags: [Int?] { [S, H, V, HR, SH, S3, H2, V2] }
    }

    @Test(.enabled(if: GuardrailsDatasets.available(path)))
    func abuseDetectorRarelyFiresOnCleanText() throws {
        let text = try String(contentsOf: GuardrailsDatasets.url(Self.path), encoding: .utf8)
        let decoder = JSONDecoder()
        let samples = try text.split(separator: "\n").map { try decoder.decode(Sample.self, from: Data($0.utf8)) }
        let detector = AbuseDetector()
        let clean = samples.filter { $0.flags.allSatisfy { ($0 ?? 0) == 0 } }
        let falsePositives = clean.filter { detector.detect($0.prompt) != nil }
        let rate = GuardrailsDatasets.share(falsePositives.count, of: clean.count)
        let aimed = samples.filter { $0.HR == 1 || $0.H == 1 || $0.V == 1 }
        let aimedHits = aimed.filter { detector.detect($0.prompt) != nil }.count
        print("Moderation false-positive rate on unflagged rows: \(GuardrailsDatasets.format(rate)) (\(falsePositives.count)/\(clean.count))")
        print("Moderation share flagged among H/HR/V rows: \(GuardrailsDatasets.format(GuardrailsDatasets.share(aimedHits, of: aimed.count))) (\(aimedHits)/\(aimed.count))")
        for sample in falsePositives { print("  false positive [\(detector.detect(sample.prompt)!)]: \(sample.prompt.prefix(120))") }
        #expect(rate < 0.02)
    }
}
