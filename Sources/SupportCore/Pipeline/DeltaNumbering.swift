import Foundation
import Synchronization

/// Numbers the sentences of an answer as they are shown, with the citation numbers the final
/// `answer` event will carry (the same `CitationBook` order), and restores the customer's
/// redacted details in what they see. Shared by the drafting tasks of one turn.
final class DeltaNumbering: Sendable {
    private let passages: [ChunkID: Passage]
    private let restorer: PlaceholderRestorer
    private let state = Mutex<(next: Int, book: CitationBook)>((0, CitationBook()))

    init(passages: [Passage], originals: [String: String]) {
        self.passages = Dictionary(passages.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.restorer = PlaceholderRestorer(originals: originals)
    }

    func number(_ sentences: [DraftSentence], leadIn: String?) -> [AnswerDelta] {
        state.withLock { state in
            var deltas: [AnswerDelta] = []
            if let leadIn {
                deltas.append(AnswerDelta(index: state.next, text: leadIn, citation: nil))
                state.next += 1
            }
            for sentence in sentences {
                let citation = passages[sentence.passage].map { state.book.cite($0) }
                deltas.append(AnswerDelta(index: state.next, text: restorer.restore(sentence.text), citation: citation))
                state.next += 1
            }
            return deltas
        }
    }
}

/// Puts the customer's own details back where the input guard left placeholders (`[EMAIL_1]`),
/// for the reply this customer sees. Stored and logged text keeps the placeholders.
public struct PlaceholderRestorer: Sendable {
    public let originals: [String: String]
    public init(originals: [String: String]) { self.originals = originals }

    public func restore(_ text: String) -> String {
        guard !originals.isEmpty, text.contains("[") else { return text }
        return originals.reduce(text) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
    }

    /// The event as this customer should see it.
    public func restore(_ event: TurnEvent) -> TurnEvent {
        guard !originals.isEmpty else { return event }
        switch event {
        case .answer(var answer):
            answer.text = restore(answer.text)
            answer.sentences = answer.sentences.map { AnswerSentence(text: restore($0.text), citation: $0.citation) }
            return .answer(answer)
        case .delta(var delta):
            delta.text = restore(delta.text)
            return .delta(delta)
        default:
            return event
        }
    }
}
