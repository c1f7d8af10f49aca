/// Spots abusive, harassing or threatening language aimed at people; plain frustration passes.
public struct AbuseDetector: Sendable {
    /// A detector using the rules in `AbuseLexicon`.
    public init() {}

    /// The name of the first abuse rule the text matches, or nil.
    public func detect(_ text: String) -> String? {
        detect(GuardText(text))
    }

    func detect(_ text: GuardText) -> String? {
        AbuseLexicon.rules.first { $0.matches(text) }?.name
    }
}
