import Foundation

/// Turns a message into TF-IDF features: stemmed words, word pairs, and character n-grams
/// (which keep "retrun" close to "return"). The vocabulary is learned from training texts.
public struct TextFeaturizer: Sendable {
    public struct Options: Sendable, Hashable {
        public var characterGrams: ClosedRange<Int> = 3...5
        public var wordBigrams = true
        public init() {}
    }

    public let options: Options
    private let vocabulary: [String: Int32]
    private let idf: [Float]
    public var featureCount: Int { idf.count }

    public init(training texts: [String], options: Options = Options()) {
        self.options = options
        var vocabulary: [String: Int32] = [:]
        var documentFrequency: [Int] = []
        for text in texts {
            // Number features in first-seen order (not Set order) so training is reproducible.
            var seen: Set<String> = []
            for feature in Self.rawFeatures(text, options: options) where seen.insert(feature).inserted {
                if let id = vocabulary[feature] {
                    documentFrequency[Int(id)] += 1
                } else {
                    vocabulary[feature] = Int32(documentFrequency.count)
                    documentFrequency.append(1)
                }
            }
        }
        let n = Float(texts.count)
        self.vocabulary = vocabulary
        self.idf = documentFrequency.map { log((1 + n) / (1 + Float($0))) + 1 }
    }

    /// The L2-normalised TF-IDF vector of `text`; features never seen in training are dropped.
    public func vector(_ text: String) -> SparseVector {
        var counts: [Int32: Float] = [:]
        for feature in Self.rawFeatures(text, options: options) {
            if let id = vocabulary[feature] { counts[id, default: 0] += 1 }
        }
        var pairs = counts.map { (id, count) in (id, (1 + log(count)) * idf[Int(id)]) }
        pairs.sort { $0.0 < $1.0 }
        let norm = sqrt(pairs.reduce(0) { $0 + $1.1 * $1.1 })
        guard norm > 0 else { return SparseVector() }
        return SparseVector(indices: pairs.map(\.0), values: pairs.map { $0.1 / norm })
    }

    static func rawFeatures(_ text: String, options: Options) -> [String] {
        let words = TextNormalizer.words(text)
        let stems = words.map(Stemmer.stem)
        var features = stems.map { "w:" + $0 }
        if options.wordBigrams, stems.count > 1 {
            for i in 0..<(stems.count - 1) { features.append("b:" + stems[i] + "_" + stems[i + 1]) }
        }
        for word in words {
            let padded = Array("<" + word + ">")
            for n in options.characterGrams where padded.count >= n {
                for start in 0...(padded.count - n) { features.append("c:" + String(padded[start..<(start + n)])) }
            }
        }
        return features
    }
}
