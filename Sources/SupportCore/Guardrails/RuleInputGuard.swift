/// The rule-based input guard: redacts personal data, then refuses injection and abuse.
public struct RuleInputGuard: InputGuard {
    /// Replaces personal data with placeholders.
    public var redactor: PIIRedactor
    /// Refuses prompt injection and jailbreaks.
    public var injection: InjectionDetector
    /// Refuses abuse aimed at people.
    public var abuse: AbuseDetector

    /// A guard from its three parts; the defaults are the shipped rules.
    public init(redactor: PIIRedactor = PIIRedactor(), injection: InjectionDetector = InjectionDetector(), abuse: AbuseDetector = AbuseDetector()) {
        self.redactor = redactor
        self.injection = injection
        self.abuse = abuse
    }

    /// Redacts first (always, even when refusing, so nothing unredacted is stored), then checks
    /// injection, then abuse. The explanation names what fired, e.g.
    /// "redacted 1 payment_card; injection rule ignore-previous-instructions", or "pass".
    public func screen(_ text: String) -> GuardVerdict {
        let (redactedText, redactions, originals) = redactor.redactWithOriginals(text)
        var notes: [String] = []
        if !redactions.isEmpty {
            let counts = PIIKind.allCases.compactMap { kind -> String? in
                let count = redactions.count { $0.kind == kind }
                return count == 0 ? nil : "\(count) \(kind.rawValue)"
            }
            notes.append("redacted " + counts.joined(separator: ", "))
        }
        let prepared = GuardText(text)
        let decision: GuardDecision
        if let rule = injection.detect(prepared) {
            decision = .refuse(.injection)
            notes.append("injection rule \(rule)")
        } else if let rule = abuse.detect(prepared) {
            decision = .refuse(.abuse)
            notes.append("abuse rule \(rule)")
        } else {
            decision = .pass
            notes.append("pass")
        }
        var verdict = GuardVerdict(
            redactedText: redactedText, redactions: redactions, decision: decision, explanation: notes.joined(separator: "; "))
        verdict.originals = originals
        return verdict
    }
}
