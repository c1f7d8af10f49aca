import Foundation

/// Checks each drafted sentence against the passage it cites: every content word and every
/// number of the sentence must be in that passage.
public struct EvidenceVerifier: Verifier {
    /// Share of a sentence's content words that must appear in its passage.
    public var requiredWordShare: Double

    public init(requiredWordShare: Double = 1.0) { self.requiredWordShare = requiredWordShare }

    public func verify(_ draft: Draft, against passages: [Passage]) -> VerificationReport {
        let byID = Dictionary(passages.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return VerificationReport(verdicts: draft.sentences.map { sentence in
            guard let passage = byID[sentence.passage] else {
                return SentenceVerdict(
                    sentence: sentence.text, passage: sentence.passage, failure: .citedPassageMissing,
                    detail: "cites \(sentence.passage), which was not retrieved")
            }
            let passageText = ([passage.documentTitle] + passage.sectionPath + [passage.text]).joined(separator: "\n")
            let missingNumbers = NumberExtractor.numbers(in: sentence.text)
                .subtracting(NumberExtractor.numbers(in: passageText))
            if !missingNumbers.isEmpty {
                return SentenceVerdict(
                    sentence: sentence.text, passage: passage.id, failure: .missingNumber,
                    detail: missingNumbers.sorted().joined(separator: ", "))
            }
            let words = Set(TextNormalizer.terms(sentence.text))
            let missingWords = words.subtracting(TextNormalizer.terms(passageText))
            if !words.isEmpty, Double(words.count - missingWords.count) / Double(words.count) < requiredWordShare {
                return SentenceVerdict(
                    sentence: sentence.text, passage: passage.id, failure: .missingContentWords,
                    detail: missingWords.sorted().joined(separator: ", "))
            }
            return SentenceVerdict(sentence: sentence.text, passage: passage.id, failure: nil, detail: "supported")
        })
    }
}
