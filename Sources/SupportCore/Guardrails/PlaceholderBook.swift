import Foundation

/// Numbers placeholders per kind in order of first appearance: the same value always gets the
/// same placeholder, e.g. `[CARD_1]`.
struct PlaceholderBook {
    let kind: PIIKind
    private(set) var redactions: [Redaction] = []
    /// Placeholder → the text it replaced (first occurrence), for restoring the customer's own reply.
    private(set) var originals: [String: String] = [:]
    private var byKey: [String: String] = [:]

    init(kind: PIIKind) { self.kind = kind }

    /// What every placeholder looks like, for the stages that must see through them.
    static let pattern = CompiledRegex(#"\[[A-Z]+_[0-9]+\]"#)

    mutating func placeholder(for key: String, original: String) -> String {
        if let existing = byKey[key] { return existing }
        let placeholder = "[\(Self.label(kind))_\(byKey.count + 1)]"
        byKey[key] = placeholder
        originals[placeholder] = original
        redactions.append(Redaction(kind: kind, placeholder: placeholder))
        return placeholder
    }

    static func label(_ kind: PIIKind) -> String {
        switch kind {
        case .email: "EMAIL"
        case .phone: "PHONE"
        case .paymentCard: "CARD"
        case .iban: "IBAN"
        }
    }
}
