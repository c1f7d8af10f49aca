import Foundation

/// Cheap checks on what a model wrote, before any sentence is verified.
enum AnswerScreens {
    /// Openings of a model declining to help at all.
    static let refusalOpenings = CompiledRegex(
        #"^\s*(i['’]?m sorry|i am sorry|sorry, but|i (cannot|can['’]?t|am unable to|['’]?m unable to|am not able to|['’]?m not able to) (help|assist|answer|provide|do that|comply)|as an ai)"#,
        caseInsensitive: true)

    static func isRefusal(_ sentence: String) -> Bool { refusalOpenings.isMatch(sentence) }

    /// The model's "the passages do not answer this" signal, which the prompt asks for.
    static func isNoAnswer(_ sentence: String) -> Bool {
        let upper = sentence.uppercased()
        return upper.contains("NO_ANSWER") || upper.contains("NO ANSWER")
    }
}

/// Guesses the language of a text from its commonest function words. Enough to tell that a reply
/// to an English question came back in Spanish; not a general language identifier.
enum LanguageGuess {
    /// Function words per language, folded as `TextNormalizer.words` folds text ("für" → "fur").
    static let profiles: [String: Set<String>] = rawProfiles.mapValues { Set($0.flatMap(TextNormalizer.words)) }

    private static let rawProfiles: [String: [String]] = [
        "en": ["the", "and", "is", "are", "you", "your", "to", "of", "for", "with", "can", "be", "it", "this", "within", "if", "we", "our", "will", "not", "how", "what", "do", "i", "my", "a", "an", "have", "in", "on"],
        "es": ["el", "la", "los", "las", "es", "son", "usted", "su", "para", "con", "puede", "de", "del", "que", "y", "en", "se", "por", "una", "no"],
        "fr": ["le", "la", "les", "est", "sont", "vous", "votre", "pour", "avec", "peut", "de", "des", "du", "que", "et", "en", "un", "une", "pas", "nous"],
        "de": ["der", "die", "das", "ist", "sind", "sie", "ihr", "für", "mit", "kann", "und", "von", "zu", "den", "ein", "eine", "nicht", "wir", "innerhalb", "auf"],
        "it": ["il", "lo", "la", "gli", "è", "sono", "lei", "suo", "per", "con", "può", "di", "che", "e", "del", "della", "un", "una", "non", "entro"],
        "pt": ["o", "os", "as", "é", "são", "você", "seu", "sua", "para", "com", "pode", "de", "do", "da", "que", "e", "em", "um", "uma", "não"],
        "nl": ["de", "het", "een", "is", "zijn", "u", "uw", "voor", "met", "kan", "van", "en", "dat", "te", "niet", "wij", "binnen", "op", "bij", "worden"],
    ]

    /// The best-matching language when at least `minimumHits` function words decide it clearly.
    static func guess(_ text: String, minimumHits: Int = 3) -> String? {
        let words = TextNormalizer.words(text)
        guard words.count >= 4 else { return nil }
        let scores = profiles.mapValues { profile in words.count { profile.contains($0) } }.sorted { $0.value > $1.value }
        guard let best = scores.first, best.value >= minimumHits else { return nil }
        // Shared words ("de", "la") make close calls: only a clear lead counts.
        if scores.count > 1, Double(scores[1].value) > Double(best.value) * 0.8 { return nil }
        return best.key
    }
}
