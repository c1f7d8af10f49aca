import Foundation

/// One customer turn from the store's point of view: screen and store the message first (so an
/// acknowledged message is durable), then run the pipeline and store what it decided.
public struct TurnService: Sendable {
    public let pipeline: TurnPipeline
    public let store: any ConversationStore
    public let metrics: TurnMetrics
    public static let maximumMessageCharacters = 4000

    public init(pipeline: TurnPipeline, store: any ConversationStore, metrics: TurnMetrics = TurnMetrics()) {
        self.pipeline = pipeline
        self.store = store
        self.metrics = metrics
    }

    public enum Rejection: Error, Equatable {
        case emptyMessage
        case messageTooLong(limit: Int)
    }

    /// A customer message that has been screened and stored, waiting for its turn to run.
    public struct AcceptedMessage: Sendable {
        public var conversationID: ConversationID
        public var message: TranscriptMessage
        public var screened: ScreenedMessage
        public var context: ConversationContext
        public var clock: TurnClock
        /// Who holds the conversation now the message is in. When a person has it or is awaited,
        /// the message is theirs and no AI turn runs.
        public var ownership: Ownership
        public var forAI: Bool { ownership.aiMayReply }
    }

    /// Screens and stores the message. Throws for an unknown conversation or an unusable message.
    public func accept(_ text: String, in conversation: ConversationID, receivedAt: ContinuousClock.Instant = .now)
        async throws -> AcceptedMessage
    {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw Rejection.emptyMessage }
        guard trimmed.count <= Self.maximumMessageCharacters else {
            throw Rejection.messageTooLong(limit: Self.maximumMessageCharacters)
        }
        guard let transcript = try await store.transcript(conversation) else {
            throw ConversationStoreError.conversationNotFound(conversation)
        }
        let screened = pipeline.screen(trimmed)
        let received = try await store.receiveCustomerMessage(
            conversation, text: screened.text, redactions: screened.verdict.redactions)
        return AcceptedMessage(
            conversationID: conversation, message: received.message, screened: screened, context: transcript.context,
            clock: pipeline.budget.start(at: receivedAt), ownership: received.ownership)
    }

    /// Runs the turn, stores it, and emits the outcome and `done` events. Call it only for a
    /// message `forAI`. If a person takes the conversation over while the turn runs, the reply is
    /// stored with the turn but withheld from the customer.
    @discardableResult
    public func run(_ accepted: AcceptedMessage, emit: @escaping @Sendable (TurnEvent) async -> Void) async -> TurnResult {
        let result = await pipeline.run(accepted.screened, context: accepted.context, clock: accepted.clock, emit: emit)
        let restorer = PlaceholderRestorer(originals: accepted.screened.verdict.originals)
        metrics.record(result)
        let turnID = TurnID.generate(prefix: "turn")
        var reply: TranscriptMessage?
        do {
            reply = try await store.recordTurn(
                TurnRecord(id: turnID, conversationID: accepted.conversationID, customerMessageID: accepted.message.id, result: result))
            if reply != nil {
                await emit(restorer.restore(.outcome(result.outcome)))
            } else {
                await emit(.status(StatusUpdate(phase: .finishing, text: pipeline.phrases.personTookOver)))
            }
        } catch {
            await emit(.error(TurnError(code: "store_failed", message: "The reply could not be saved.")))
            await emit(restorer.restore(.outcome(result.outcome)))
        }
        await emit(.done(TurnSummary(outcome: result.outcome.kind, turnID: turnID, trace: result.trace, messageID: reply?.id)))
        if let shadow = result.shadow {
            // The customer has their answer; the candidate's attempt is kept for comparison only.
            let attempt = await shadow.value
            metrics.record(shadow: attempt)
            try? await store.attachShadow(attempt, to: turnID)
        }
        return result
    }
}
