import Foundation

/// What one drafter did in a turn: who wrote, with which prompt, what it cost, how much of it
/// survived verification, where the time went, and the named fault if it failed.
public struct DraftingRecord: Sendable, Hashable, Codable {
    public enum Role: String, Sendable, Codable {
        /// The configured drafter.
        case primary
        /// The extractive drafter, after the primary gave no answer.
        case fallback
        /// A candidate run beside the live one; never shown to anyone.
        case shadow
    }

    public enum Result: String, Sendable, Codable {
        /// Enough verified sentences to answer; they were (or, for a shadow, would have been) shown.
        case answered
        /// The drafter wrote nothing (the passages do not answer).
        case noDraft = "no_draft"
        /// The model said the passages do not answer (NO_ANSWER).
        case declined
        /// Sentences were written, but the verified ones do not answer the question.
        case unverified
        /// A fault ended the attempt; see `fault`.
        case failed
    }

    public var role: Role
    public var drafter: String
    /// Prompt version and hash, for LLM drafters.
    public var prompt: String?
    public var result: Result
    public var fault: DraftFault?
    public var faultDetail: String?
    public var sentencesWritten: Int
    public var sentencesVerified: Int
    /// Sentences sent to the customer as `delta` events (for a shadow: that would have been sent).
    public var sentencesShown: Int
    /// Why each dropped sentence failed verification.
    public var dropped: [SentenceVerdict]
    /// Share of the question's weighted terms the verified sentences cover.
    public var coverage: Double
    public var usage: TokenUsage?
    /// From the start of the turn to the first verified sentence shown, and to the attempt's end.
    public var firstSentenceMs: Double?
    public var startedMs: Double
    public var finishedMs: Double
    /// From the start of the attempt to the drafter's first event: for an LLM, the provider's time to first token.
    public var firstEventMs: Double?
    /// The answer text the attempt produced (verified sentences only), for shadow comparison.
    public var text: String
    public var citedPassages: [ChunkID]

    public init(
        role: Role, drafter: String, prompt: String?, result: Result, fault: DraftFault?, faultDetail: String?,
        sentencesWritten: Int, sentencesVerified: Int, sentencesShown: Int, dropped: [SentenceVerdict], coverage: Double,
        usage: TokenUsage?, firstSentenceMs: Double?, startedMs: Double, finishedMs: Double, firstEventMs: Double?,
        text: String, citedPassages: [ChunkID]
    ) {
        self.role = role
        self.drafter = drafter
        self.prompt = prompt
        self.result = result
        self.fault = fault
        self.faultDetail = faultDetail
        self.sentencesWritten = sentencesWritten
        self.sentencesVerified = sentencesVerified
        self.sentencesShown = sentencesShown
        self.dropped = dropped
        self.coverage = coverage
        self.usage = usage
        self.firstSentenceMs = firstSentenceMs
        self.startedMs = startedMs
        self.finishedMs = finishedMs
        self.firstEventMs = firstEventMs
        self.text = text
        self.citedPassages = citedPassages
    }
}
