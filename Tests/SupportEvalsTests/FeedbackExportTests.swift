import Foundation
import SupportCore
@testable import SupportEvals
import Testing

@Suite("Feedback export")
struct FeedbackExportTests {
    let citation = Citation(
        index: 1, chunkID: "returns-refunds@1#return-window", documentID: "returns-refunds", documentTitle: "Returns",
        section: "Return window", version: "4", documentRevision: 1, quote: "Items can be returned within 30 days.")

    func draft(_ id: DraftID, text: String) -> AgentDraft {
        AgentDraft(
            id: id, conversationID: "conv_1", forMessageID: "msg_q", question: "How long can I return things?",
            outcome: .answer, reason: nil, text: text, citations: [citation], intent: "returns",
            trace: TurnTrace(stages: [], totalMilliseconds: 1), requestedBy: "alice", createdAt: Date())
    }

    func record(_ action: ReplyAction, draft: DraftID, sent: String, draftText: String) -> FeedbackRecord {
        FeedbackRecord(
            id: FeedbackID("fb_\(action.rawValue)"), conversationID: "conv_1", draftID: draft, messageID: "msg_a",
            action: action, question: "How long can I return things?", draftText: draftText, sentText: sent,
            editDistance: 0.3, agent: "alice", intent: "returns",
            documents: [DocumentVersion(documentID: "returns-refunds", version: "4", revision: 1)], createdAt: Date())
    }

    var transcript: Transcript {
        Transcript(
            id: "conv_1", ownership: Ownership(status: .withHuman, owner: "alice"), createdAt: Date(),
            messages: [
                TranscriptMessage(id: "msg_0", role: .customer, text: "hi", createdAt: Date()),
                TranscriptMessage(id: "msg_q", role: .customer, text: "How long can I return things?", createdAt: Date()),
                TranscriptMessage(id: "msg_h", role: .customer, text: "a person please", createdAt: Date()),
            ])
    }

    @Test func anEditBecomesACaseWithTheAgentsFactsAndAVerifiedAnswer() throws {
        let drafted = "Items can be returned within 30 days. [1]"
        let export = FeedbackExport.make(
            feedback: [record(.edit, draft: "d1", sent: "You have 30 days from delivery, and a 5 pound fee applies.", draftText: drafted)],
            drafts: ["d1": draft("d1", text: drafted)], transcripts: ["conv_1": transcript])

        let item = try #require(export.cases.first)
        #expect(item.turns == ["hi", "How long can I return things?"])
        let expectation = try #require(item.expectations.last ?? nil)
        #expect(expectation.outcomes == [.answer])
        #expect(expectation.mustInclude == ["30 days", "5 pound"])
        #expect(item.tags.contains("edit"))
        let answer = try #require(export.verifiedAnswers.first)
        #expect(answer.answer == "You have 30 days from delivery, and a 5 pound fee applies.")
        #expect(answer.provenance == [DocumentVersion(documentID: "returns-refunds", version: "4", revision: 1)])
        #expect(answer.sourceFeedbackID == "fb_edit")
        #expect(answer.status == .approved)
    }

    @Test func anAcceptIsAVerifiedAnswerOnlyAndARejectWithoutFactsExpectsAHandoff() throws {
        let drafted = "Items can be returned within 30 days. [1]"
        let export = FeedbackExport.make(
            feedback: [
                record(.accept, draft: "d1", sent: drafted, draftText: drafted),
                record(.reject, draft: "d2", sent: "Let me check that with our warehouse team.", draftText: drafted),
            ],
            drafts: ["d1": draft("d1", text: drafted), "d2": draft("d2", text: drafted)], transcripts: ["conv_1": transcript])

        #expect(export.verifiedAnswers.map(\.sourceFeedbackID) == ["fb_accept"])
        #expect(export.cases.count == 1)
        #expect(export.cases.first?.expectations.last??.outcomes == [.handoff, .dontKnow])
    }

    @Test func exportedCasesAreValidCaseFileLines() throws {
        let drafted = "Items can be returned within 30 days. [1]"
        let export = FeedbackExport.make(
            feedback: [record(.edit, draft: "d1", sent: "You have 30 days.", draftText: drafted)],
            drafts: ["d1": draft("d1", text: drafted)], transcripts: [:])
        let url = try temporaryFile("", extension: "jsonl")
        try CaseFile.write(export.cases, to: url)
        #expect(try CaseFile.load(url) == export.cases)
    }
}
