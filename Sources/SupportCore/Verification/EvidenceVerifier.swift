import Foundation

/// Checks each drafted sentence against the passage it cites: every content word and every
/// number of the sentence must be in that passage.
public struct EvidenceVerifier: Verifier {
    /// Share of a sentence's content words that must appear in its passage.
    public var requiredWordShare: Double

    public init(requiredWordShare: Double = 1.0) { self.requiredWordShare = requiredWordShare }

    /// What a passage offers as evidence: its terms and numbers, headings included.
    struct Evidence {
        let terms: Set<String>
        let numbers: Set<String>

        init(_ passage: Passage) {
            let text = ([passage.documentTitle] + passage.sectionPath + [passage.text]).joined(separator: "\n")
            terms = Set(TextNormalizer.terms(text))
            numbers = NumberExtractor.numbers(in: text)
        }
    }

    public func verify(_ draft: Draft, against passages: [Passage]) -> VerificationReport {
        let byID = Dictionary(passages.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Drafts cite few passages, often one for several sentences: analyse each once.
        var evidence: [ChunkID: Evidence] = [:]
        return VerificationReport(verdicts: draft.sentences.map { sentence in
            guard let passage = byID[sentence.passage] else {
                return SentenceVerdict(
                    sentence: sentence.text, passage: sentence.passage, failure: .citedPassageMissing,
                    detail: "cites \(sentence.passage), which was not retrieved")
            }
            let cited = evidence[passage.id] ?? Evidence(passage)
            evidence[passage.id] = cited
            let missingNumbers = NumberExtractor.numbers(in: sentence.text).subtracting(cited.numbers)
            if !missingNumbers.isEmpty {
                return SentenceVerdict(
                    sentence: sentence.text, passage: passage.id, failure: .missingNumber,
                    detail: missingNumbers.sorted().joined(separator: ", "))
            }
            let words = Set(TextNormalizer.terms(sentence.text))
            let missingWords = words.subtracting(cited.terms)
            if !words.isEmpty, Double(words.count - missingWords.count) / Double(words.count) < requiredWordShare {
                return SentenceVerdict(
                    sentence: sentence.text, passage: passage.id, failure: .missingContentWords,
                    detail: missingWords.sorted().joined(separator: ", "))
            }
            return SentenceVerdict(sentence: sentence.text, passage: passage.id, failure: nil, detail: "supported")
        })
    }
}
