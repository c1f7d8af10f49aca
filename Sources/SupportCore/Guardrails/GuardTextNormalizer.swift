import Foundation

/// Folds text into the form the injection and abuse rules are written against, so spacing,
/// case and look-alike tricks do not slip past them. Works on UTF-8 bytes: a 2 KB message
/// takes a few microseconds.
enum GuardTextNormalizer {
    /// Compatibility-decomposes (full-width and mathematical letters become ASCII), drops
    /// zero-width and other format characters and combining accents, maps Cyrillic and Greek
    /// look-alikes and curly quotes to ASCII, lowercases, reads digits inside words as letters
    /// ("1gn0re" → "ignore") and collapses whitespace: a run containing a line break becomes
    /// one "\n", any other run one space.
    static func normalize(_ text: String) -> String {
        var output = Output(capacity: text.utf8.count)
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            for byte in text.utf8 { output.appendASCII(byte) }
        } else if !appendFromTable(text, to: &output) {
            output = Output(capacity: text.utf8.count)
            appendDecomposed(text, to: &output)
        }
        foldLeetspeak(&output.bytes)
        return String(decoding: output.bytes, as: UTF8.self)
    }

    /// Folds with the precomputed table; false (output half-written) if a scalar is not in it.
    private static func appendFromTable(_ text: String, to output: inout Output) -> Bool {
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                output.appendASCII(UInt8(scalar.value))
                continue
            }
            switch folded[scalar.value] {
            case .space(let lineBreak): output.appendSpace(lineBreak: lineBreak)
            case .bytes(let bytes): output.appendBytes(bytes)
            case nil: return false
            }
        }
        return true
    }

    /// The full path: Foundation's NFKD, then fold each scalar.
    private static func appendDecomposed(_ text: String, to output: inout Output) {
        for scalar in text.decomposedStringWithCompatibilityMapping.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                output.appendASCII(UInt8(value))
            } else if (0x300...0x36F).contains(value) || scalar.properties.generalCategory == .format {
                continue
            } else if scalar.properties.isWhitespace {
                output.appendSpace(lineBreak: value == 0x85 || value == 0x2028 || value == 0x2029)
            } else {
                for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                    output.appendScalar(lookAlikes[lower.value] ?? lower)
                }
            }
        }
    }

    private enum Folded {
        case space(lineBreak: Bool)
        case bytes([UInt8])
    }

    /// Folded forms of the non-ASCII characters most messages use (Latin accents, Greek,
    /// Cyrillic, general punctuation), worked out once through the full path; text with other
    /// characters takes the full path.
    private static let folded: [UInt32: Folded] = {
        var table: [UInt32: Folded] = [:]
        for value: UInt32 in Array(0x80..<0x250) + Array(0x370..<0x530) + Array(0x2000..<0x2070) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if scalar.properties.isWhitespace {
                table[value] = .space(lineBreak: value == 0x85 || value == 0x2028 || value == 0x2029)
            } else {
                var output = Output(capacity: 4)
                appendDecomposed(String(Character(scalar)), to: &output)
                table[value] = .bytes(output.bytes)
            }
        }
        return table
    }()

    /// Only the ASCII letters of normalised text, for phrases spelled out with spaces or dots
    /// between the letters ("i g n o r e  p r e v i o u s").
    static func squeeze(_ normalized: String) -> String {
        String(decoding: normalized.utf8.filter { (0x61...0x7A).contains($0) }, as: UTF8.self)
    }

    /// The words of normalised text (runs of anything but whitespace and ASCII punctuation),
    /// each with its UTF-16 offset.
    static func words(_ normalized: String) -> [(word: Substring, offset: Int)] {
        var words: [(Substring, Int)] = []
        let bytes = normalized.utf8
        var start: (index: String.Index, offset: Int)?
        var index = bytes.startIndex
        var offset = 0
        while index != bytes.endIndex {
            let byte = bytes[index]
            let isSeparator = byte < 0x80 && !((0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte))
            if isSeparator {
                if let wordStart = start { words.append((normalized[wordStart.index..<index], wordStart.offset)) }
                start = nil
            } else if start == nil {
                start = (index, offset)
            }
            // UTF-16 length: one unit per scalar, two for a 4-byte scalar; continuation bytes add none.
            if byte < 0x80 || (0xC0..<0xF0).contains(byte) { offset += 1 } else if byte >= 0xF0 { offset += 2 }
            bytes.formIndex(after: &index)
        }
        if let wordStart = start { words.append((normalized[wordStart.index...], wordStart.offset)) }
        return words
    }

    /// The UTF-8 being built, with whitespace collapsing.
    private struct Output {
        var bytes: [UInt8] = []
        private var pendingSpace: UInt8?

        init(capacity: Int) { bytes.reserveCapacity(capacity) }

        mutating func appendASCII(_ byte: UInt8) {
            switch byte {
            case 0x20, 0x09: appendSpace(lineBreak: false)
            case 0x0A...0x0D: appendSpace(lineBreak: true)
            case 0x41...0x5A: flush(); bytes.append(byte + 32)
            default: flush(); bytes.append(byte)
            }
        }

        mutating func appendScalar(_ scalar: Unicode.Scalar) {
            flush()
            UTF8.encode(scalar) { bytes.append($0) }
        }

        mutating func appendBytes(_ folded: [UInt8]) {
            guard !folded.isEmpty else { return }
            flush()
            bytes += folded
        }

        mutating func appendSpace(lineBreak: Bool) {
            pendingSpace = lineBreak || pendingSpace == 0x0A ? 0x0A : 0x20
        }

        private mutating func flush() {
            if let space = pendingSpace, !bytes.isEmpty { bytes.append(space) }
            pendingSpace = nil
        }
    }

    /// Digits and "@", "$" read as letters in a run that also has letters ("h3ll0", "@dmin"),
    /// except in technical words the rules name ("base64", "rot13"). Non-ASCII bytes count as letters.
    private static func foldLeetspeak(_ bytes: inout [UInt8]) {
        var start = 0
        while start < bytes.count {
            guard isWordish(bytes[start]) else { start += 1; continue }
            var end = start
            var hasLetter = false
            var hasLeet = false
            while end < bytes.count, isWordish(bytes[end]) {
                let byte = bytes[end]
                if leet[Int(byte)] != 0 { hasLeet = true } else if byte >= 0x80 || (0x61...0x7A).contains(byte) { hasLetter = true }
                end += 1
            }
            if hasLetter && hasLeet && !leetExceptions.contains(Array(bytes[start..<end])) {
                for index in start..<end where leet[Int(bytes[index])] != 0 {
                    bytes[index] = leet[Int(bytes[index])]
                }
            }
            start = end
        }
    }

    private static func isWordish(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x40 || byte == 0x24
    }

    /// Byte → letter it stands for in leetspeak, 0 for none.
    private static let leet: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for (digit, letter) in zip("013457@$".utf8, "oieastas".utf8) { table[Int(digit)] = letter }
        return table
    }()
    private static let leetExceptions: Set<[UInt8]> = Set(
        ["base64", "base32", "b64", "rot13", "rot47", "ps4", "ps5", "mp3", "mp4", "utf8"].map { Array($0.utf8) }
    )

    /// Lowercase Cyrillic and Greek letters that look like Latin ones, and typographic quotes.
    private static let lookAlikes: [UInt32: Unicode.Scalar] = [
        0x0430: "a", 0x0432: "b", 0x0435: "e", 0x043A: "k", 0x043C: "m", 0x043D: "h", 0x043E: "o",
        0x0440: "p", 0x0441: "c", 0x0442: "t", 0x0443: "y", 0x0445: "x", 0x0456: "i", 0x0458: "j",
        0x0455: "s", 0x0501: "d", 0x0261: "g", 0x04CF: "l",
        0x03B1: "a", 0x03B2: "b", 0x03B5: "e", 0x03B7: "n", 0x03B9: "i", 0x03BA: "k", 0x03BD: "v",
        0x03BF: "o", 0x03C1: "p", 0x03C4: "t", 0x03C5: "u", 0x03C7: "x", 0x03C9: "w",
        0x2018: "'", 0x2019: "'", 0x201B: "'", 0x2032: "'", 0x02BC: "'", 0x201C: "\"", 0x201D: "\"",
    ]
}
