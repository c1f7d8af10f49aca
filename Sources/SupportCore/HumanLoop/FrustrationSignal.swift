import Foundation

/// How upset the customer seems, and the evidence for it. Shown to agents and used to order the queue.
public struct FrustrationSignal: Sendable, Hashable, Codable {
    public enum Level: String, Sendable, Codable, CaseIterable, Comparable {
        case none, low, medium, high
        public static func < (a: Level, b: Level) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    public enum Cue: String, Sendable, Codable, CaseIterable {
        /// Words in capitals ("WHERE IS MY ORDER").
        case shouting
        /// Several exclamation or question marks in a row.
        case exclamations
        /// Words of anger or disappointment ("ridiculous", "useless", "unacceptable").
        case negativeWords = "negative_words"
        /// The customer asked nearly the same thing again.
        case repeatedQuestion = "repeated_question"
        /// supportd said "I don't know" earlier in this conversation.
        case earlierDontKnow = "earlier_dont_know"
        /// The customer asked for a person more than once.
        case repeatedHumanRequest = "repeated_human_request"
        /// Abusive language (the guard refused a message).
        case abuse
    }

    public var level: Level
    /// 0…1.
    public var score: Double
    public var cues: [Cue]

    public init(level: Level, score: Double, cues: [Cue]) {
        self.level = level
        self.score = score
        self.cues = cues
    }

    public static let calm = FrustrationSignal(level: .none, score: 0, cues: [])
}

/// Reads a frustration signal from the customer's messages and how earlier turns went.
public struct FrustrationMeter: Sendable {
    public init() {}

    static let negativeWords: Set<String> = [
        "ridiculous", "unacceptable", "useless", "terrible", "awful", "horrible", "worst", "disgusting", "furious",
        "angry", "annoyed", "frustrated", "frustrating", "fed", "joke", "pathetic", "scam", "rubbish", "appalling",
        "outrageous", "sick", "tired", "waste", "wasted", "incompetent", "disappointed", "disappointing", "never",
        "again", "complaint", "complain", "lawyer", "chargeback", "cancel",
    ]
    static let humanWords: Set<String> = ["human", "person", "agent", "someone", "representative", "manager", "somebody"]

    /// `messages`: the customer's messages, oldest first, the newest last.
    /// `earlierOutcomes`: how supportd answered the earlier ones.
    public func measure(messages: [String], earlierOutcomes: [OutcomeKind], refusedForAbuse: Bool = false)
        -> FrustrationSignal
    {
        var weights: [FrustrationSignal.Cue: Double] = [:]
        let recent = messages.suffix(3)
        for message in recent {
            let letters = message.filter(\.isLetter)
            let shoutedWords = message.split(separator: " ").filter { word in
                word.count >= 3 && word.allSatisfy { !$0.isLetter || $0.isUppercase } && word.contains(where: \.isLetter)
            }
            if shoutedWords.count >= 2 || (letters.count >= 12 && letters.allSatisfy(\.isUppercase)) {
                weights[.shouting] = 0.3
            }
            if message.contains("!!") || message.contains("?!") || message.contains("??") { weights[.exclamations] = 0.15 }
            let words = Set(TextNormalizer.words(message))
            let negatives = words.intersection(Self.negativeWords).count
            if negatives > 0 { weights[.negativeWords] = min(0.45, 0.2 * Double(negatives) + 0.05) }
        }
        if let last = messages.last, messages.count >= 2 {
            let lastTerms = Set(TextNormalizer.terms(last))
            for earlier in messages.dropLast() {
                let terms = Set(TextNormalizer.terms(earlier))
                let smaller = min(lastTerms.count, terms.count)
                if smaller >= 1, Double(lastTerms.intersection(terms).count) / Double(smaller) >= 0.75 {
                    weights[.repeatedQuestion] = 0.25
                }
            }
        }
        let dontKnows = earlierOutcomes.filter { $0 == .dontKnow }.count
        if dontKnows > 0 { weights[.earlierDontKnow] = min(0.3, 0.15 * Double(dontKnows)) }
        let humanAsks = messages.filter { !Set(TextNormalizer.words($0)).isDisjoint(with: Self.humanWords) }.count
        if humanAsks >= 2 { weights[.repeatedHumanRequest] = 0.25 }
        if refusedForAbuse { weights[.abuse] = 0.5 }

        let score = min(1, weights.values.reduce(0, +))
        let level: FrustrationSignal.Level =
            switch score {
            case ..<0.1: .none
            case ..<0.3: .low
            case ..<0.55: .medium
            default: .high
            }
        let cues = FrustrationSignal.Cue.allCases.filter { weights[$0] != nil }
        return FrustrationSignal(level: level, score: (score * 100).rounded() / 100, cues: cues)
    }
}
