import Foundation

/// Checks each drafted sentence against the passage it cites: every content word and every
/// number of the sentence must be in that passage, and a promise word (refund, free, waive, …)
/// only where that passage grants it. A sentence citing several passages passes when one of them
/// supports all of it.
public struct EvidenceVerifier: Verifier {
    /// Share of a sentence's content words that must appear in its passage.
    public var requiredWordShare: Double

    public init(requiredWordShare: Double = 1.0) { self.requiredWordShare = requiredWordShare }

    /// What a passage offers as evidence: its terms and numbers, headings included.
    struct Evidence {
        let terms: Set<String>
        let numbers: Set<String>
        /// Promise words the passage grants (by stem).
        let grants: Set<String>

        init(_ passage: Passage) {
            let text = ([passage.documentTitle] + passage.sectionPath + [passage.text]).joined(separator: "\n")
            terms = Set(TextNormalizer.terms(text))
            numbers = NumberExtractor.numbers(in: text)
            grants = PromiseWords.granted(in: text)
        }
    }

    public func verify(_ draft: Draft, against passages: [Passage]) -> VerificationReport {
        let byID = Dictionary(passages.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Drafts cite few passages, often one for several sentences: analyse each once.
        var evidence: [ChunkID: Evidence] = [:]
        return VerificationReport(verdicts: draft.sentences.map { sentence in
            // Redaction placeholders (`[EMAIL_1]`) stand for the customer's own details, not claims.
            let claim = PlaceholderBook.pattern.replacingMatches(in: sentence.text, with: " ")
            var firstFailure: SentenceVerdict?
            for chunk in sentence.citedPassages {
                if chunk.rawValue.isEmpty {
                    firstFailure = firstFailure ?? SentenceVerdict(
                        sentence: sentence.text, passage: chunk, failure: .noCitation, detail: "names no passage")
                    continue
                }
                guard let passage = byID[chunk] else {
                    firstFailure = firstFailure ?? SentenceVerdict(
                        sentence: sentence.text, passage: chunk, failure: .citedPassageMissing,
                        detail: "cites \(chunk), which was not retrieved")
                    continue
                }
                let cited = evidence[passage.id] ?? Evidence(passage)
                evidence[passage.id] = cited
                let verdict = check(claim, original: sentence.text, against: cited, passage: passage.id)
                if verdict.supported { return verdict }
                firstFailure = firstFailure ?? verdict
            }
            return firstFailure!
        })
    }

    private func check(_ claim: String, original: String, against cited: Evidence, passage: ChunkID) -> SentenceVerdict {
        let missingNumbers = NumberExtractor.numbers(in: claim).subtracting(cited.numbers)
        if !missingNumbers.isEmpty {
            return SentenceVerdict(
                sentence: original, passage: passage, failure: .missingNumber, detail: missingNumbers.sorted().joined(separator: ", "))
        }
        let words = Set(TextNormalizer.terms(claim))
        let missingWords = words.subtracting(cited.terms)
        if !words.isEmpty, Double(words.count - missingWords.count) / Double(words.count) < requiredWordShare {
            return SentenceVerdict(
                sentence: original, passage: passage, failure: .missingContentWords,
                detail: missingWords.sorted().joined(separator: ", "))
        }
        let ungranted = PromiseWords.ungranted(in: claim, grants: cited.grants)
        if !ungranted.isEmpty {
            return SentenceVerdict(
                sentence: original, passage: passage, failure: .ungrantedPromise, detail: ungranted.joined(separator: ", "))
        }
        return SentenceVerdict(sentence: original, passage: passage, failure: nil, detail: "supported")
    }
}
