import Foundation
import SupportCore

/// Turns what agents did with AI drafts into data: edits and rejections become eval cases (the
/// customer's messages, with the agent's key facts as `must_include`, or an expected handoff when
/// the agent had no facts to give), and accepted or edited answers become verified answers that
/// carry the policy documents and revisions they rest on.
public struct FeedbackExport: Sendable {
    public var cases: [EvalCase]
    public var verifiedAnswers: [VerifiedAnswer]
    /// Feedback records that produced neither (e.g. an accepted draft citing no policy).
    public var skipped: [FeedbackID]

    /// At most this many of the customer's messages lead up to the drafted question in a case.
    public static let contextMessages = 3

    public static func make(
        feedback: [FeedbackRecord], drafts: [DraftID: AgentDraft], transcripts: [ConversationID: Transcript]
    ) -> FeedbackExport {
        var export = FeedbackExport(cases: [], verifiedAnswers: [], skipped: [])
        for record in feedback {
            var produced = false
            if record.action != .accept, let turns = turns(for: record, draft: drafts[record.draftID], transcripts: transcripts) {
                export.cases.append(evalCase(record, turns: turns))
                produced = true
            }
            if record.action != .reject, let draft = drafts[record.draftID], !record.documents.isEmpty {
                export.verifiedAnswers.append(VerifiedAnswer(
                    id: VerifiedAnswerID("va_" + record.id.rawValue.replacingOccurrences(of: "fb_", with: "")),
                    question: record.question, answer: record.sentText, citations: draft.citations,
                    provenance: record.documents, intent: record.intent, status: .approved, approvedBy: record.agent,
                    approvedAt: record.createdAt, sourceFeedbackID: record.id))
                produced = true
            }
            if !produced { export.skipped.append(record.id) }
        }
        return export
    }

    /// The customer's messages up to and including the one the draft answered.
    static func turns(for record: FeedbackRecord, draft: AgentDraft?, transcripts: [ConversationID: Transcript]) -> [String]? {
        guard let transcript = transcripts[record.conversationID] else { return [record.question] }
        let customer = transcript.messages.filter { $0.role == .customer }
        guard let draft, let index = customer.firstIndex(where: { $0.id == draft.forMessageID }) else {
            return [record.question]
        }
        return customer[...index].suffix(contextMessages).map(\.text)
    }

    static func evalCase(_ record: FeedbackRecord, turns: [String]) -> EvalCase {
        let facts = keyFacts(in: record.sentText, beyond: record.action == .edit ? record.draftText : "")
        let expectation: TurnExpectation
        if record.action == .reject && (facts.isEmpty || defers(record.sentText)) {
            // The agent gave no policy facts but took the case on: the AI should have handed over, not answered.
            expectation = TurnExpectation(outcomes: [.handoff, .dontKnow], intent: nil)
        } else {
            let overlap = termOverlap(record.sentText, record.draftText)
            expectation = TurnExpectation(
                outcomes: [.answer], cite: overlap >= 0.5 ? record.documents.map(\.documentID) : [], mustInclude: facts)
        }
        return EvalCase(
            id: "feedback-\(record.id.rawValue)", tags: ["feedback", record.action.rawValue] + (record.intent.map { [$0.rawValue] } ?? []),
            turns: turns, expect: expectation)
    }

    static let deferrals = [
        "let me check", "i'll check", "i will check", "look into", "looking into", "escalat", "get back to you",
        "find out", "follow up", "i've passed", "i have passed", "i've asked", "i have asked", "our team will",
    ]

    /// Whether the agent's reply takes the case on rather than answering it ("let me check…").
    static func defers(_ text: String) -> Bool {
        let lowered = text.lowercased().replacingOccurrences(of: "’", with: "'")
        return deferrals.contains { lowered.contains($0) }
    }

    static let factPattern = try! NSRegularExpression(
        pattern: #"(?:[$£€]\s?)?\d+(?:[.,]\d+)*(?:\s?(?:%|percent|business days?|working days?|days?|weeks?|months?|years?|hours?|minutes?|dollars?|pounds?|euros?))?"#,
        options: [.caseInsensitive])

    /// Amounts, durations and other numbers in the agent's text; when it has none, up to two
    /// distinctive words the agent wrote that the draft did not have.
    public static func keyFacts(in text: String, beyond draft: String) -> [String] {
        let range = NSRange(text.startIndex..., in: text)
        var facts = factPattern.matches(in: text, range: range).compactMap { match in
            Range(match.range, in: text).map { String(text[$0]).trimmingCharacters(in: .whitespaces) }
        }
        facts = facts.filter { !$0.isEmpty }.reduce(into: []) { kept, fact in if !kept.contains(fact) { kept.append(fact) } }
        if !facts.isEmpty { return Array(facts.prefix(4)) }
        let known = Set(TextNormalizer.words(draft))
        let added = TextNormalizer.words(text).filter { word in
            word.count >= 6 && !StopWords.contains(word) && !known.contains(word)
        }
        return Array(added.reduce(into: [String]()) { kept, word in if !kept.contains(word) { kept.append(word) } }.prefix(2))
    }

    static func termOverlap(_ a: String, _ b: String) -> Double {
        let x = Set(TextNormalizer.terms(a))
        let y = Set(TextNormalizer.terms(b))
        guard !x.isEmpty, !y.isEmpty else { return 0 }
        return Double(x.intersection(y).count) / Double(min(x.count, y.count))
    }
}
