/// A named rule: it fires when any of its phrases matches.
struct GuardRule: Sendable {
    let name: String
    let phrases: [GuardPhrase]

    init(_ name: String, _ phrases: [GuardPhrase]) {
        self.name = name
        self.phrases = phrases
    }

    var triggers: [Substring] { phrases.flatMap(\.triggers) }

    func matches(_ text: GuardText) -> Bool {
        phrases.contains { $0.matches(text) }
    }
}
