import Foundation

/// Decides whether a reply states a fact, the way a reader would: case-insensitive, on word
/// boundaries, with number words, digits and amounts in any spelling counted as the same
/// ("thirty days" = "30-day", "$1,000" = "1000 USD" = "1,000 dollars").
public enum FactMatcher {
    public static func contains(_ text: String, fact: String) -> Bool {
        let needle = tokens(fact)
        guard !needle.isEmpty else { return true }
        let haystack = tokens(text)
        guard haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if Array(haystack[start..<(start + needle.count)]) == needle { return true }
        }
        return false
    }

    /// The comparable form of a text: lower-case words, numbers as digits, currencies as codes
    /// after the amount, plurals folded.
    public static func tokens(_ text: String) -> [String] {
        var prepared = text.lowercased()
        for (pattern, template) in rewrites {
            prepared = prepared.replacingOccurrences(of: pattern, with: template, options: .regularExpression)
        }
        var words: [String] = []
        var current = ""
        let characters = Array(prepared)
        for (index, character) in characters.enumerated() {
            let isDecimalPoint =
                character == "." && !current.isEmpty && current.last!.isNumber
                && index + 1 < characters.count && characters[index + 1].isNumber
            if character.isLetter || character.isNumber || isDecimalPoint {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return fold(numbers(in: words.map(unit)))
    }

    /// Text-level rewrites before splitting into words.
    static let rewrites: [(String, String)] = [
        (#"(?<=\d),(?=\d{3}(\D|$))"#, ""),  // 1,000 → 1000
        (#"(\d)\.0+(?!\d)"#, "$1"),  // 7.00 → 7
        (#"\$\s?(\d+(\.\d+)?)"#, "$1 usd"),  // $50 → 50 usd
        (#"£\s?(\d+(\.\d+)?)"#, "$1 gbp"),
        (#"€\s?(\d+(\.\d+)?)"#, "$1 eur"),
        (#"(\d)\s?%"#, "$1 percent"),
    ]

    static let currencyWords: [String: String] = [
        "dollar": "usd", "dollars": "usd", "pound": "gbp", "pounds": "gbp", "euro": "eur", "euros": "eur",
    ]

    static func unit(_ word: String) -> String { currencyWords[word] ?? word }

    static let smallNumbers: [String: Int] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    ]
    static let tens: [String: Int] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]

    /// Replaces runs of number words with their value and puts currency codes after amounts.
    static func numbers(in words: [String]) -> [String] {
        var output: [String] = []
        var index = 0
        while index < words.count {
            var total = 0
            var current = 0
            var consumed = 0
            scan: while index + consumed < words.count {
                let word = words[index + consumed]
                if let value = smallNumbers[word] ?? tens[word] {
                    current += value
                } else if word == "hundred", consumed > 0 {
                    current = max(current, 1) * 100
                } else if word == "and", consumed > 0, words[index + consumed - 1] == "hundred",
                    index + consumed + 1 < words.count,
                    smallNumbers[words[index + consumed + 1]] != nil || tens[words[index + consumed + 1]] != nil
                {
                    // "one hundred and twenty"
                } else if word == "thousand", consumed > 0 {
                    total += max(current, 1) * 1000
                    current = 0
                } else {
                    break scan
                }
                consumed += 1
            }
            if consumed > 0 {
                output.append(String(total + current))
                index += consumed
            } else {
                output.append(words[index])
                index += 1
            }
        }
        // "usd 50" → "50 usd"
        var swapped = output
        var position = 0
        while position + 1 < swapped.count {
            if ["usd", "gbp", "eur"].contains(swapped[position]), swapped[position + 1].first?.isNumber == true {
                swapped.swapAt(position, position + 1)
                position += 2
            } else {
                position += 1
            }
        }
        return swapped
    }

    /// Folds plurals so "30 days" finds "30-day" and "returns" finds "return".
    static func fold(_ words: [String]) -> [String] {
        words.map { word in
            guard word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss"), word.first?.isLetter == true else { return word }
            return String(word.dropLast())
        }
    }
}
