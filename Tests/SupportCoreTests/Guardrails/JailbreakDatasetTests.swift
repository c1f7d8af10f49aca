import Foundation
import Testing
@testable import SupportCore

/// Detection share on JailbreakBench artifacts (JailbreakBench/artifacts, MIT): PAIR prompts are
/// fluent role-play, GCG prompts carry a gibberish suffix. Reported, not asserted: neither style
/// uses the instruction-override phrasing the rules target.
@Suite("Guardrails: jailbreak dataset")
struct GuardrailsJailbreakDatasetTests {
    static let files = ["PAIR": "jailbreakbench/PAIR_black_box_gpt-3.5-turbo-1106.json", "GCG": "jailbreakbench/GCG_transfer_gpt-3.5-turbo-1106.json"]

    struct Artifact: Decodable {
        struct Jailbreak: Decodable { var prompt: String? }
        var jailbreaks: [Jailbreak]
    }

    @Test(.enabled(if: files.values.allSatisfy { GuardrailsDatasets.available($0) }))
    func reportsJailbreakDetection() throws {
        let detector = InjectionDetector()
        for (method, path) in Self.files.sorted(by: { $0.key > $1.key }) {
            let prompts = try GuardrailsDatasets.load(Artifact.self, from: path).jailbreaks.compactMap(\.prompt)
            let hits = prompts.filter { detector.detect($0) != nil }.count
            print("JailbreakBench \(method) prompts detected: \(GuardrailsDatasets.format(GuardrailsDatasets.share(hits, of: prompts.count))) (\(hits)/\(prompts.count))")
            #expect(!prompts.isEmpty)
        }
    }
}
