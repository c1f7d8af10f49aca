import Foundation

/// A sentence the model wrote, with the passage labels it cited (`[P2]` → 2).
public struct CitedSentence: Sendable, Hashable {
    public var text: String
    public var citations: [Int]
    public init(text: String, citations: [Int]) {
        self.text = text
        self.citations = citations
    }
}

/// Cuts streamed model text into sentences as soon as each is complete, and takes out the
/// citation markers the prompt asks for: `[P1]`, `[P1, P3]` or `[P1][P3]`, before or just after
/// the full stop. A sentence is complete when its terminator (. ! ?) is followed by whitespace and
/// then by something other than a marker, or by a line break; "4.99" and "e.g.x" do not end one.
public struct CitedSentenceParser: Sendable {
    private var buffer: [Character] = []

    public init() {}

    /// Adds streamed text; returns the sentences it completed.
    public mutating func feed(_ text: String) -> [CitedSentence] {
        buffer.append(contentsOf: text)
        var sentences: [CitedSentence] = []
        while let end = completeSentenceEnd() {
            if let sentence = Self.sentence(from: String(buffer[..<end])) { sentences.append(sentence) }
            buffer.removeFirst(end)
        }
        return sentences
    }

    /// The stream ended: whatever is left is the last sentence.
    public mutating func finish() -> [CitedSentence] {
        defer { buffer.removeAll() }
        return Self.sentence(from: String(buffer)).map { [$0] } ?? []
    }

    /// Characters consumed so far but not yet part of a sentence.
    public var pending: String { String(buffer) }

    private static let closers: Set<Character> = ["\"", "'", ")", "”", "’", "*", "_"]

    /// Index just past the first complete sentence (its trailing markers included), if there is one.
    private func completeSentenceEnd() -> Int? {
        var index = 0
        while index < buffer.count {
            let char = buffer[index]
            if char == "\n" { return index + 1 }
            guard char == "." || char == "!" || char == "?" else {
                index += 1
                continue
            }
            var cursor = index + 1
            while cursor < buffer.count, Self.closers.contains(buffer[cursor]) { cursor += 1 }
            let afterTerminator = cursor
            // Markers may follow the terminator: "… days. [P1] Next".
            while true {
                var probe = cursor
                while probe < buffer.count, buffer[probe] == " " || buffer[probe] == "\t" { probe += 1 }
                guard probe < buffer.count else { return nil }  // cannot tell yet
                guard buffer[probe] == "[" else { break }
                guard let close = buffer[probe...].firstIndex(of: "]") else { return nil }
                guard Self.citationNumbers(String(buffer[(probe + 1)..<close])) != nil else { break }
                cursor = close + 1
            }
            guard cursor < buffer.count else { return nil }
            if cursor == afterTerminator, !buffer[cursor].isWhitespace {
                index += 1  // "4.99", "e.g.x", "?!": not an end
                continue
            }
            return cursor
        }
        return nil
    }

    /// The sentence without its markers, or nil when no word is left.
    static func sentence(from raw: String) -> CitedSentence? {
        var citations: [Int] = []
        var text = ""
        var rest = Substring(raw)
        while let open = rest.firstIndex(of: "[") {
            text += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "]") else {
                rest = rest[open...]
                break
            }
            let inside = String(rest[rest.index(after: open)..<close])
            if let numbers = citationNumbers(inside) {
                citations += numbers.filter { !citations.contains($0) }
            } else {
                text += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        text += rest
        let cleaned = tidy(text)
        guard cleaned.contains(where: \.isLetter) else { return nil }  // "[P1]" alone, or a list number "2."
        return CitedSentence(text: cleaned, citations: citations)
    }

    /// `P1`, `p1, P3`, `P1; P2` → [1, 3]; anything else (a placeholder like `EMAIL_1`) → nil.
    static func citationNumbers(_ inside: String) -> [Int]? {
        let parts = inside.split(whereSeparator: { $0 == "," || $0 == ";" }).map { $0.trimmingCharacters(in: .whitespaces) }
        guard !parts.isEmpty else { return nil }
        var numbers: [Int] = []
        for part in parts {
            guard part.count >= 2, part.first == "P" || part.first == "p", let number = Int(part.dropFirst()), number > 0 else {
                return nil
            }
            numbers.append(number)
        }
        return numbers
    }

    /// Collapses spaces, drops list bullets and the space a removed marker leaves before punctuation.
    static func tidy(_ text: String) -> String {
        var words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for mark in [" .", " ,", " !", " ?", " ;", " :"] {
            words = words.replacingOccurrences(of: mark, with: String(mark.dropFirst()))
        }
        while let first = words.first, first == "-" || first == "*" || first == "•" {
            words = String(words.dropFirst()).trimmingCharacters(in: .whitespaces)
        }
        return words.trimmingCharacters(in: .whitespaces)
    }
}
