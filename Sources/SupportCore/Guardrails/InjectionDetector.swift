import Foundation

/// Spots prompt-injection and jailbreak attempts in a customer's message.
public struct InjectionDetector: Sendable {
    /// A detector using the rules in `InjectionRules`.
    public init() {}

    /// The name of the first injection rule the text matches, or nil.
    public func detect(_ text: String) -> String? {
        detect(GuardText(text))
    }

    func detect(_ text: GuardText) -> String? {
        if let rule = InjectionRules.all.first(where: { $0.matches(text) }) {
            return rule.name
        }
        let letters = GuardTextNormalizer.squeeze(text.normalized)
        if let match = InjectionRules.squeezed.matches(in: letters).first {
            let group = (1...InjectionRules.squeezedRules.count).first { match.range(at: $0).location != NSNotFound } ?? 1
            return InjectionRules.squeezedRules[group - 1]
        }
        if InjectionRules.decodeRequest.matches(text) && InjectionRules.base64Blob.isMatch(text.raw) {
            return "encoded-payload"
        }
        return nil
    }
}
