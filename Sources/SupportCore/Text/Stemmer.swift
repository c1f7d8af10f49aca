/// A light English suffix stripper. Index and query use the same one, so consistency matters
/// more than linguistic precision: "returns", "returned", "returning" all become "return".
public enum Stemmer {
    public static func stem(_ word: String) -> String {
        guard word.count > 3, word.allSatisfy(\.isLetter) else { return word }
        var w = word
        if w.hasSuffix("ies") && w.count > 4 {
            w = String(w.dropLast(3)) + "y"
        } else if w.hasSuffix("sses") {
            w = String(w.dropLast(2))
        } else if w.hasSuffix("s") && !w.hasSuffix("ss") && !w.hasSuffix("us") && !w.hasSuffix("is") {
            w = String(w.dropLast())
        }
        if w.hasSuffix("ied") && w.count > 4 {
            w = String(w.dropLast(3)) + "y"
        } else if w.hasSuffix("ing") && w.count > 5 {
            w = undouble(String(w.dropLast(3)))
        } else if w.hasSuffix("ed") && w.count > 4 && !w.hasSuffix("eed") {
            w = undouble(String(w.dropLast(2)))
        }
        if w.hasSuffix("ly") && w.count > 5 { w = String(w.dropLast(2)) }
        if w.hasSuffix("e") && w.count > 4 { w = String(w.dropLast()) }
        return w
    }

    /// "shipp" → "ship", "cancell" → "cancel"; keeps "ll"/"ss" words like "bill", "pass".
    private static func undouble(_ w: String) -> String {
        let chars = Array(w)
        guard chars.count >= 3, chars[chars.count - 1] == chars[chars.count - 2] else { return w }
        let last = chars[chars.count - 1]
        if "lsz".contains(last) && chars.count <= 4 { return w }
        return String(chars.dropLast())
    }
}
