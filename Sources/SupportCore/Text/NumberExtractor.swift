import Foundation

/// Pulls the numbers out of a text in a canonical form, so a sentence's "$1,299.00" can be found
/// in a passage's "$1,299" and "30 days" in "30-day".
public enum NumberExtractor {
    public static func numbers(in text: String) -> Set<String> {
        var found: Set<String> = []
        for word in TextNormalizer.words(text) {
            // Words like "30day" or "2nd" still carry their number.
            let digits = word.prefix { $0.isNumber || $0 == "." }
            guard let first = digits.first, first.isNumber else { continue }
            found.insert(canonical(String(digits)))
        }
        return found
    }

    static func canonical(_ number: String) -> String {
        var n = number
        while n.hasSuffix(".") { n.removeLast() }
        if n.contains(".") {
            while n.hasSuffix("0") { n.removeLast() }
            if n.hasSuffix(".") { n.removeLast() }
        }
        return n
    }
}
