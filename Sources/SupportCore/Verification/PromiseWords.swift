import Foundation

/// Words that commit the company to something: a sentence may use one only where the passage it
/// cites grants it. "Final Sale items cannot be refunded" mentions a refund but grants none.
public enum PromiseWords {
    /// Stems of refund, credit, free, waive, exception, guarantee, compensation (and their forms).
    static let stems: [String: String] = Dictionary(
        uniqueKeysWithValues: ["refund", "credit", "free", "waive", "exception", "guarantee", "compensation", "compensate"]
            .map { (Stemmer.stem($0), $0) })

    /// Words that, shortly before a promise word, turn it into a refusal.
    static let negations: Set<String> = [
        "not", "no", "never", "cannot", "cant", "wont", "dont", "doesnt", "isnt", "arent", "without", "neither", "nor",
        "non", "unable", "excluded", "exclude", "excludes", "ineligible", "void",
    ]
    /// How many words before a promise word a negation still reaches.
    static let negationReach = 5

    /// The promise words a text makes, i.e. uses without a negation shortly before (by stem).
    public static func granted(in text: String) -> Set<String> {
        var found: Set<String> = []
        for sentence in SentenceSplitter.sentences(text) {
            let words = TextNormalizer.words(sentence)
            for (index, word) in words.enumerated() {
                let stem = Stemmer.stem(word)
                guard stems[stem] != nil else { continue }
                let before = words[max(0, index - negationReach)..<index]
                if !before.contains(where: negations.contains) { found.insert(stem) }
            }
        }
        return found
    }

    /// The promise words `sentence` makes that `passageText` does not grant, by their plain names.
    public static func ungranted(in sentence: String, passageText: String) -> [String] {
        ungranted(in: sentence, grants: granted(in: passageText))
    }

    /// The same, with the passage's grants already worked out (`granted(in:)`).
    static func ungranted(in sentence: String, grants: Set<String>) -> [String] {
        granted(in: sentence).subtracting(grants).compactMap { stems[$0] }.sorted()
    }
}
