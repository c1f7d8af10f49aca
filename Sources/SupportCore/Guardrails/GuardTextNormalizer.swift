import Foundation

/// Folds text into the form the injection and abuse rules are written against, so spacing,
/// case and look-alike tricks do not slip past them.
enum GuardTextNormalizer {
    /// Compatibility-decomposes (full-width and mathematical letters become ASCII), drops
    /// zero-width and other format characters and combining accents, maps Cyrillic and Greek
    /// look-alikes and curly quotes to ASCII, lowercases, reads digits inside words as letters
    /// ("1gn0re" → "ignore") and collapses whitespace: a run containing a line break becomes
    /// one "\n", any other run one space.
    static func normalize(_ text: String) -> String {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        var pendingBreak: Unicode.Scalar?
        for scalar in text.decomposedStringWithCompatibilityMapping.unicodeScalars {
            let value = scalar.value
            if (0x300...0x36F).contains(value) { continue }
            if value < 0x80 {
                if scalar == "\n" || scalar == "\r" || scalar == " " || scalar == "\t" || value == 0x0B || value == 0x0C {
                    pendingBreak = isLineBreak(scalar) || pendingBreak == "\n" ? "\n" : " "
                    continue
                }
            } else {
                let properties = scalar.properties
                if properties.generalCategory == .format { continue }
                if properties.isWhitespace {
                    pendingBreak = isLineBreak(scalar) || pendingBreak == "\n" ? "\n" : " "
                    continue
                }
            }
            if let separator = pendingBreak {
                if !scalars.isEmpty { scalars.append(separator) }
                pendingBreak = nil
            }
            appendFolded(scalar, to: &scalars)
        }
        foldLeetspeak(&scalars)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// Only the letters of normalised text, for phrases spelled out with spaces or dots between
    /// the letters ("i g n o r e  p r e v i o u s").
    static func squeeze(_ normalized: String) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: normalized.unicodeScalars.filter { $0.properties.isAlphabetic })
        return String(view)
    }

    private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    private static func appendFolded(_ scalar: Unicode.Scalar, to scalars: inout [Unicode.Scalar]) {
        let value = scalar.value
        if value < 0x80 {
            scalars.append((0x41...0x5A).contains(value) ? Unicode.Scalar(value + 32)! : scalar)
            return
        }
        for lower in scalar.properties.lowercaseMapping.unicodeScalars {
            scalars.append(lookAlikes[lower.value] ?? lower)
        }
    }

    /// Digits and symbols read as letters when they sit in a run that also has letters.
    private static func foldLeetspeak(_ scalars: inout [Unicode.Scalar]) {
        var start = 0
        while start < scalars.count {
            guard isWordish(scalars[start]) else { start += 1; continue }
            var end = start
            var hasLetter = false
            var hasLeet = false
            while end < scalars.count, isWordish(scalars[end]) {
                if leet[scalars[end].value] != nil { hasLeet = true } else if scalars[end].properties.isAlphabetic { hasLetter = true }
                end += 1
            }
            if hasLetter && hasLeet {
                for index in start..<end {
                    if let letter = leet[scalars[index].value] { scalars[index] = letter }
                }
            }
            start = end
        }
    }

    private static func isWordish(_ scalar: Unicode.Scalar) -> Bool {
        leet[scalar.value] != nil || scalar.properties.isAlphabetic || (0x30...0x39).contains(scalar.value)
    }

    private static let leet: [UInt32: Unicode.Scalar] = [
        0x30: "o", 0x31: "i", 0x33: "e", 0x34: "a", 0x35: "s", 0x37: "t", 0x40: "a", 0x24: "s",
    ]

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
