import Foundation

/// Splits text into lowercase word tokens, folding case and diacritics.
/// Numbers keep their decimal point ("7.95") and drop thousands separators ("1,299" → "1299").
public enum TextNormalizer {
    public static func words(_ text: String) -> [String] {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var words: [String] = []
        var current: [Character] = []
        let chars = Array(folded)
        func flush() {
            if !current.isEmpty {
                words.append(String(current))
                current.removeAll(keepingCapacity: true)
            }
        }
        for (index, char) in chars.enumerated() {
            if char.isLetter || char.isNumber {
                current.append(char)
            } else if (char == "." || char == ","), let last = current.last, last.isNumber,
                index + 1 < chars.count, chars[index + 1].isNumber
            {
                if char == "." { current.append(char) }  // 7.95 stays one token; 1,299 becomes 1299
            } else if char == "'" || char == "’" {
                continue  // don't → dont, customer's → customers
            } else {
                flush()
            }
        }
        flush()
        return words
    }

    /// Content terms: words without stop words, stemmed. The form indexed and queried everywhere.
    public static func terms(_ text: String) -> [String] {
        words(text).compactMap { word in
            StopWords.contains(word) ? nil : Stemmer.stem(word)
        }
    }
}
