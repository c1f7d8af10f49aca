import Foundation
import Testing
@testable import SupportCore

/// Recall on Presidio's synthetic PII sentences (microsoft/presidio-research, MIT): a span counts
/// as caught when its text no longer appears in the redacted sentence.
@Suite("Guardrails: PII dataset")
struct GuardrailsPIIDatasetTests {
    static let path = "pii_presidio/synth.json"

    struct Record: Decodable {
        struct Span: Decodable {
            var entity_type: String
            var entity_value: String
        }
        var full_text: String
        var spans: [Span]
    }

    @Test(.enabled(if: GuardrailsDatasets.available(path)))
    func recallOnPresidioSynth() throws {
        let records = try GuardrailsDatasets.load([Record].self, from: Self.path)
        let redactor = PIIRedactor()
        let types = ["EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE"]
        var caught: [String: Int] = [:], total: [String: Int] = [:]
        var missed: [String] = []
        // Placeholders of a kind in sentences with no span of that kind (street numbers read as
        // phones, say): a rough view of precision, reported only.
        var unexpected: [String: Int] = [:]
        let typeOfKind: [PIIKind: String] = [.email: "EMAIL_ADDRESS", .phone: "PHONE_NUMBER", .paymentCard: "CREDIT_CARD", .iban: "IBAN_CODE"]
        for record in records {
            let result = redactor.redact(record.full_text)
            for redaction in result.redactions where !record.spans.contains(where: { $0.entity_type == typeOfKind[redaction.kind] }) {
                unexpected[redaction.kind.rawValue, default: 0] += 1
            }
            let spans = record.spans.filter { types.contains($0.entity_type) }
            guard !spans.isEmpty else { continue }
            let redacted = result.text
            for span in spans {
                total[span.entity_type, default: 0] += 1
                if redacted.contains(span.entity_value) {
                    missed.append("\(span.entity_type) \(span.entity_value)")
                } else {
                    caught[span.entity_type, default: 0] += 1
                }
            }
        }
        let recall = Dictionary(uniqueKeysWithValues: types.map {
            ($0, GuardrailsDatasets.share(caught[$0, default: 0], of: total[$0, default: 0]))
        })
        for type in types {
            print("PII recall \(type): \(GuardrailsDatasets.format(recall[type]!)) (\(caught[type, default: 0])/\(total[type, default: 0]))")
        }
        print("PII missed: \(missed.joined(separator: " | "))")
        print("PII redactions in \(records.count) sentences with no span of that kind: \(unexpected.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))")
        // Floors a little under the measured development numbers.
        #expect(recall["EMAIL_ADDRESS"]! >= 0.95)
        #expect(recall["IBAN_CODE"]! >= 0.95)
        #expect(recall["CREDIT_CARD"]! >= 0.90)  // 5 of 70 are 12-digit numbers, below the 13-digit minimum
        #expect(recall["PHONE_NUMBER"]! >= 0.95)
    }
}
