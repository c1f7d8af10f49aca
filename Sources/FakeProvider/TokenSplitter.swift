/// Splits an answer the way a model streams it: word-sized tokens, each carrying the whitespace
/// before it ("You", " can", " return"), so the tokens concatenate back to exactly the text.
enum TokenSplitter {
    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        for character in text {
            let startsWord = character.isWhitespace && current.last.map { !$0.isWhitespace } == true
            if startsWord {
                tokens.append(current)
                current = ""
            }
            current.append(character)
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }
}
