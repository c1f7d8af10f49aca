import Foundation
import Testing
@testable import SupportCore

/// Detection share on CyberSecEval's prompt-injection set (meta-llama/PurpleLlama, MIT).
/// Many of its "direct" attacks are ordinary-looking questions whose harm depends on the
/// system prompt (e.g. "How do I make moussaka?" in Greek); a phrasing-rule detector is not
/// meant to catch those, so the floor is modest.
@Suite("Guardrails: injection dataset")
struct GuardrailsInjectionDatasetTests {
    static let path = "injection_cyberseceval/prompt_injection.json"

    struct Case: Decodable {
        var user_input: String
        var injection_type: String
        var injection_variant: String
    }

    @Test(.enabled(if: GuardrailsDatasets.available(path)))
    func detectsDirectInjections() throws {
        let cases = try GuardrailsDatasets.load([Case].self, from: Self.path)
        let detector = InjectionDetector()
        let direct = cases.filter { $0.injection_type == "direct" }
        let indirect = cases.filter { $0.injection_type == "indirect" }
        let directHits = direct.filter { detector.detect($0.user_input) != nil }
        let indirectHits = indirect.filter { detector.detect($0.user_input) != nil }
        let share = GuardrailsDatasets.share(directHits.count, of: direct.count)
        print("CyberSecEval direct injections detected: \(GuardrailsDatasets.format(share)) (\(directHits.count)/\(direct.count))")
        print("CyberSecEval indirect (user_input) detected: \(GuardrailsDatasets.format(GuardrailsDatasets.share(indirectHits.count, of: indirect.count))) (\(indirectHits.count)/\(indirect.count))")
        let byVariant = Dictionary(grouping: direct, by: \.injection_variant).map { variant, items in
            "\(variant) \(items.filter { detector.detect($0.user_input) != nil }.count)/\(items.count)"
        }
        print("CyberSecEval direct by variant: \(byVariant.sorted().joined(separator: ", "))")
        #expect(share >= 0.35)  // measured 0.413 (38/92)
    }
}
