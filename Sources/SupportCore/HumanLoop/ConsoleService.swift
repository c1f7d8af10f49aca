import Foundation

/// What human agents do with conversations: take and give back ownership, ask the pipeline for
/// a draft, and send replies whose relation to the draft is recorded as feedback.
public struct ConsoleService: Sendable {
    public let pipeline: TurnPipeline
    public let conversations: any ConversationStore
    public let feedback: any FeedbackStore
    public let rules: OwnershipRules
    let now: @Sendable () -> Date

    public init(
        pipeline: TurnPipeline, conversations: any ConversationStore, feedback: any FeedbackStore,
        rules: OwnershipRules = OwnershipRules(), now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.pipeline = pipeline
        self.conversations = conversations
        self.feedback = feedback
        self.rules = rules
        self.now = now
    }

    public enum Failure: Error, Equatable {
        case noCustomerMessage
        /// The draft belongs to another conversation.
        case draftNotInConversation(DraftID)
        /// `edit` and `reject` need the text the agent sends.
        case missingText(ReplyAction)
    }

    public func change(_ conversation: ConversationID, _ command: OwnershipCommand) async throws -> Ownership {
        try await conversations.changeOwnership(conversation, command, rules: rules)
    }

    /// The pipeline's reply to the customer's latest message, stored as a draft and not sent.
    /// When the latest message cannot be answered from policy (a request for a person, say),
    /// the newest earlier question that can be is drafted instead.
    public func draft(for conversation: ConversationID, agent: String) async throws -> AgentDraft {
        guard let transcript = try await conversations.transcript(conversation) else {
            throw ConversationStoreError.conversationNotFound(conversation)
        }
        let customer = transcript.messages.filter { $0.role == .customer }
        guard let latest = customer.last else { throw Failure.noCustomerMessage }
        let context = transcript.context(before: latest.id)
        let result = await pipeline.run(
            pipeline.screen(latest.text), context: context, clock: pipeline.budget.start(), emit: { _ in })
        var target = latest
        var outcome = result.outcome
        var intent = result.routing?.intent
        if !Self.answersFromPolicy(outcome),
            let suggestion = await pipeline.suggestReply(to: customer.dropLast().map(\.text), context: context),
            let message = customer.last(where: { $0.text == suggestion.question })
        {
            target = message
            intent = suggestion.intent
            outcome = .answer(Answer(text: suggestion.text, sentences: [], citations: suggestion.citations, source: .policy))
        }
        let draft = AgentDraft(
            id: .generate(prefix: "draft"), conversationID: conversation, forMessageID: target.id, question: target.text,
            outcome: outcome.kind, reason: outcome.reasonCode, text: outcome.kind == .answer ? outcome.text : "",
            citations: outcome.citations, intent: intent, trace: result.trace, requestedBy: agent,
            createdAt: now())
        try await feedback.saveDraft(draft)
        return draft
    }

    /// Sends an agent's reply. With a draft, `action` says what the agent did with it and a
    /// feedback record is stored with the message; without one it is a plain reply.
    public func reply(
        in conversation: ConversationID, agent: String, action: ReplyAction?, draftID: DraftID?, text: String?
    ) async throws -> (message: TranscriptMessage, feedback: FeedbackRecord?) {
        let written = text?.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let requested = action, let draftID else {
            guard let written, !written.isEmpty else { throw TurnService.Rejection.emptyMessage }
            try Self.checkLength(written)
            let message = try await conversations.appendAgentReply(
                conversation, text: written, agent: agent, feedback: nil, rules: rules)
            return (message, nil)
        }
        guard let draft = try await feedback.draft(draftID) else { throw ConversationStoreError.draftNotFound(draftID) }
        guard draft.conversationID == conversation else { throw Failure.draftNotInConversation(draftID) }
        // Writing into an empty draft (the AI could not answer) is writing one's own reply.
        let action: ReplyAction = draft.text.isEmpty && requested == .edit ? .reject : requested
        let sent: String
        switch action {
        case .accept:
            sent = written.flatMap { $0.isEmpty ? nil : $0 } ?? draft.text
        case .edit, .reject:
            guard let written, !written.isEmpty else { throw Failure.missingText(action) }
            sent = written
        }
        guard !sent.isEmpty else { throw TurnService.Rejection.emptyMessage }
        try Self.checkLength(sent)
        let record = FeedbackRecord(
            id: .generate(prefix: "fb"), conversationID: conversation, draftID: draft.id, messageID: "", action: action,
            question: draft.question, draftText: draft.text, sentText: sent,
            editDistance: (EditDistance.normalised(draft.text, sent) * 1000).rounded() / 1000, agent: agent,
            intent: draft.intent, documents: draft.documents, createdAt: now())
        let message = try await conversations.appendAgentReply(
            conversation, text: sent, agent: agent, feedback: record, rules: rules)
        var stored = record
        stored.messageID = message.id
        return (message, stored)
    }

    static func answersFromPolicy(_ outcome: TurnOutcome) -> Bool {
        if case .answer(let answer) = outcome { return answer.source != .fixedPhrase }
        return false
    }

    static func checkLength(_ text: String) throws {
        guard text.count <= TurnService.maximumMessageCharacters else {
            throw TurnService.Rejection.messageTooLong(limit: TurnService.maximumMessageCharacters)
        }
    }
}
