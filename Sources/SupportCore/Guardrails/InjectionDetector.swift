/// Spots prompt-injection and jailbreak attempts in a customer's message.
public struct InjectionDetector: Sendable {
    public init() {}

    /// The name of the first injection rule the text matches, or nil.
    public func detect(_ text: String) -> String? {
        let normalized = GuardTextNormalizer.normalize(text)
        if let rule = InjectionRules.all.first(where: { $0.matches(normalized) }) {
            return rule.name
        }
        let letters = GuardTextNormalizer.squeeze(normalized)
        if let hit = InjectionRules.squeezed.first(where: { letters.contains($0.signature) }) {
            return hit.rule
        }
        if InjectionRules.decodeRequest.isMatch(normalized) && InjectionRules.base64Blob.isMatch(text) {
            return "encoded-payload"
        }
        return nil
    }
}
