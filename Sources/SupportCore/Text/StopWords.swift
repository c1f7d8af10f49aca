/// Words too common to tell passages apart. Question words and negations are kept out of this
/// list on purpose where they carry meaning for support questions ("not", "no", "without").
public enum StopWords {
    public static func contains(_ word: String) -> Bool { set.contains(word) }

    static let set: Set<String> = [
        "a", "about", "above", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
        "did", "do", "does", "doing", "done", "down", "during", "each", "either", "else", "etc", "ever", "few",
        "for", "from", "further", "get", "gets", "getting", "got", "had", "has", "have", "having", "he", "her",
        "here", "hers", "herself", "hi", "hello", "him", "himself", "his", "how", "i", "id", "if", "im", "in",
        "into", "is", "it", "its", "itself", "ive", "just", "know", "let", "lets", "like", "ll", "me", "might",
        "more", "most", "much", "must", "my", "myself", "need", "now", "of", "off", "ok", "okay", "on", "once",
        "one", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "please", "pls",
        "re", "really", "same", "shall", "she", "should", "so", "some", "such", "tell", "than", "thank",
        "thanks", "that", "thats", "the", "their", "theirs", "them", "themselves", "then", "there", "these",
        "they", "this", "those", "through", "to", "too", "under", "until", "up", "us", "ve", "very", "want",
        "was", "we", "were", "what", "whats", "when", "where", "which", "while", "who", "whom", "why",
        "will", "with", "would", "yes", "you", "your", "youre", "yours", "yourself", "yourselves", "hey",
        "there", "wondering", "question", "thing", "things", "way", "anyone", "someone", "something",
        // "how long", "how many": the question's shape, not its topic.
        "long", "many",
    ]
}
