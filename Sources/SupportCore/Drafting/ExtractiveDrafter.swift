import Foundation

/// The embedded default drafter: answers with the best sentences of the top passages, quoted
/// word for word, each citing its passage. Only the lead-in is fixed text.
public struct ExtractiveDrafter: Drafter {
    public struct Settings: Sendable, Hashable {
        /// Passages considered, best first.
        public var passageLimit = 3
        public var sentenceLimit = 3
        public var characterLimit = 600
        /// The best sentence must hold at least this share of the query's weight.
        public var minimumSentenceSupport = 0.2
        /// Further sentences must score at least this share of the best one.
        public var companionRatio = 0.5
        /// Added to a sentence that has what the question asks for (a duration, an amount).
        public var questionTypeBonus = 0.15
        public init() {}
    }

    public let settings: Settings
    public var name: String { "extractive" }

    public init(settings: Settings = Settings()) { self.settings = settings }

    struct Candidate {
        var text: String
        var passage: Passage
        var passageRank: Int
        var position: Int
        var terms: Set<String>
        var score: Double
    }

    /// The whole draft at once: it takes microseconds, so there is nothing to stream.
    public func stream(_ request: DraftRequest) -> AsyncThrowingStream<DraftEvent, any Error> {
        AsyncThrowingStream { continuation in
            if let draft = draft(request) {
                if let leadIn = draft.leadIn { continuation.yield(.leadIn(leadIn)) }
                for sentence in draft.sentences { continuation.yield(.sentence(sentence)) }
            }
            continuation.finish()
        }
    }

    public func draft(_ request: DraftRequest) -> Draft? {
        let weights = Dictionary(
            request.retrieval.queryTerms.map { ($0.term, $0.weight) }, uniquingKeysWith: { max($0, $1) })
        let totalWeight = weights.values.reduce(0, +)
        guard totalWeight > 0 else { return nil }
        let asks = QuestionType.of(request.question)
        var candidates: [Candidate] = []
        for (rank, scored) in request.retrieval.passages.prefix(settings.passageLimit).enumerated() {
            let headingTerms = Set(TextNormalizer.terms(scored.passage.sectionPath.joined(separator: " ")))
            for (position, sentence) in SentenceSplitter.sentences(scored.passage.text).enumerated() {
                let terms = Set(TextNormalizer.terms(sentence))
                let own = terms.reduce(0) { $0 + (weights[$1] ?? 0) }
                // A sentence under a heading that names the topic inherits a little of it.
                let inherited = headingTerms.subtracting(terms).reduce(0) { $0 + (weights[$1] ?? 0) } * 0.3
                // "How long …?" wants a duration, "How much …?" an amount.
                let fits = asks.map { $0.isAnswered(by: sentence) ? settings.questionTypeBonus : 0 } ?? 0
                let score = (own + inherited) / totalWeight + fits - Double(rank) * 0.05 - Double(position) * 0.01
                candidates.append(Candidate(
                    text: sentence, passage: scored.passage, passageRank: rank, position: position, terms: terms,
                    score: score))
            }
        }
        guard let best = candidates.max(by: { $0.score < $1.score }) else { return nil }
        let bestSupport = best.terms.reduce(0) { $0 + (weights[$1] ?? 0) } / totalWeight
        guard bestSupport >= settings.minimumSentenceSupport else { return nil }

        var chosen = [best]
        var characters = best.text.count
        let companions = candidates
            .filter { $0.passage.id == best.passage.id && $0.position != best.position }
            .filter { $0.score >= best.score * settings.companionRatio || $0.position == best.position + 1 }
            .sorted { $0.score > $1.score }
        for candidate in companions where chosen.count < settings.sentenceLimit {
            guard characters + candidate.text.count <= settings.characterLimit else { continue }
            chosen.append(candidate)
            characters += candidate.text.count
        }
        chosen.sort { ($0.passageRank, $0.position) < ($1.passageRank, $1.position) }
        let covered = chosen.reduce(into: Set<String>()) { $0.formUnion($1.terms) }
        let support = covered.reduce(0) { $0 + (weights[$1] ?? 0) } / totalWeight
        return Draft(
            leadIn: "According to our \(best.passage.documentTitle) policy:",
            sentences: chosen.map { DraftSentence(text: $0.text, passage: $0.passage.id) },
            support: min(1, support))
    }
}
