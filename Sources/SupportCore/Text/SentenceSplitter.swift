import Foundation

/// Cuts policy text and drafts into sentences. Bullets and lines are sentences of their own;
/// a period inside a number ("$7.95") or after a common abbreviation does not end a sentence.
public enum SentenceSplitter {
    public static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        for rawLine in text.split(whereSeparator: \.isNewline) {
            var line = rawLine.trimmingCharacters(in: .whitespaces)
            line = stripListMarker(line)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            result.append(contentsOf: splitLine(line))
        }
        return result
    }

    static func stripListMarker(_ line: String) -> String {
        var s = Substring(line)
        if let first = s.first, "-*+•".contains(first), s.dropFirst().first == " " {
            s = s.dropFirst(2)
        } else if let dot = s.firstIndex(of: "."), dot > s.startIndex, s[s.startIndex..<dot].allSatisfy(\.isNumber),
            s.index(after: dot) < s.endIndex, s[s.index(after: dot)] == " "
        {
            s = s[s.index(dot, offsetBy: 2)...]
        }
        return s.trimmingCharacters(in: .whitespaces)
    }

    private static let abbreviations: Set<String> = [
        "e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "st", "no", "approx", "inc", "ltd", "u.s", "u.k",
    ]

    private static func splitLine(_ line: String) -> [String] {
        var sentences: [String] = []
        let chars = Array(line)
        var start = 0
        var index = 0
        while index < chars.count {
            let char = chars[index]
            if ".!?".contains(char) {
                var end = index + 1
                while end < chars.count, "\"')”’".contains(chars[end]) { end += 1 }
                let atEnd = end >= chars.count
                let followedBySpace = !atEnd && chars[end] == " "
                if atEnd || (followedBySpace && startsSentence(chars, from: end + 1)) {
                    if char != "." || !endsWithAbbreviation(chars, before: index, from: start) {
                        appendTrimmed(chars[start..<end], to: &sentences)
                        start = end
                    }
                }
                index = end
                continue
            }
            index += 1
        }
        if start < chars.count { appendTrimmed(chars[start..<chars.count], to: &sentences) }
        return sentences
    }

    private static func startsSentence(_ chars: [Character], from index: Int) -> Bool {
        guard index < chars.count else { return false }
        let next = chars[index]
        return next.isUppercase || next.isNumber || "\"'“‘$(".contains(next)
    }

    private static func endsWithAbbreviation(_ chars: [Character], before index: Int, from start: Int) -> Bool {
        var wordStart = index
        while wordStart > start, !chars[wordStart - 1].isWhitespace { wordStart -= 1 }
        let word = String(chars[wordStart..<index]).lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "("))
        return abbreviations.contains(word)
    }

    private static func appendTrimmed(_ slice: ArraySlice<Character>, to sentences: inout [String]) {
        let sentence = String(slice).trimmingCharacters(in: .whitespaces)
        if !sentence.isEmpty { sentences.append(sentence) }
    }
}
