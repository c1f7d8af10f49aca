import Foundation

/// Writes answers with a language model from the retrieved passages. Sentences are yielded as
/// soon as each is complete, with the passages it cited resolved to chunk ids; verification is
/// the pipeline's job. Provider failures are retried with backoff only while a retry can still
/// beat `DraftRequest.retryBefore`; every other failure ends the stream with a named `DraftFault`.
public struct LLMDrafter: Drafter {
    public struct Settings: Sendable, Hashable {
        /// Passages sent to the model, best first.
        public var passageLimit = 4
        public var maxTokens = 300
        public var temperature = 0.1
        /// Attempts in all, the first included.
        public var maxAttempts = 3
        /// Backoff before the second attempt; doubled for each further one.
        public var backoff: Duration = .milliseconds(200)
        public init() {}
    }

    public let provider: any CompletionProvider
    public let prompt: PromptTemplate
    public let company: String
    public let settings: Settings

    public init(provider: any CompletionProvider, prompt: PromptTemplate, company: String, settings: Settings = Settings()) {
        self.provider = provider
        self.prompt = prompt
        self.company = company
        self.settings = settings
    }

    public var name: String { "llm:\(provider.descriptor)" }
    public var promptLabel: String? { prompt.label }

    public func stream(_ request: DraftRequest) -> AsyncThrowingStream<DraftEvent, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    try await write(request) { continuation.yield($0) }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    private func write(_ request: DraftRequest, yield: (DraftEvent) -> Void) async throws {
        let passages = request.retrieval.passages.prefix(settings.passageLimit).map(\.passage)
        let completion = prompt.request(
            question: request.question, passages: passages, company: company, maxTokens: settings.maxTokens,
            temperature: settings.temperature)
        var reader = AnswerReader(passages: passages, question: request.question)
        var attempt = 1
        while true {
            do {
                for try await chunk in provider.stream(completion) {
                    switch chunk {
                    case .text(let text):
                        for event in try reader.read(text) { yield(event) }
                        if reader.declined { return }
                    case .usage(let usage): yield(.usage(usage))
                    case .finished: break
                    }
                }
                for event in try reader.finish() { yield(event) }
                return
            } catch let failure as ProviderFailure {
                guard failure.isRetryable, !reader.receivedText, attempt < settings.maxAttempts,
                    let wait = backoff(after: attempt, failure: failure), canRetry(after: wait, before: request.retryBefore)
                else { throw DraftFailure(DraftFault(failure), failure.description + " (attempt \(attempt))") }
                try await Task.sleep(for: wait)
                attempt += 1
            }
        }
    }

    /// The wait before the next attempt: the provider's Retry-After when it gave one, else doubling.
    private func backoff(after attempt: Int, failure: ProviderFailure) -> Duration? {
        if case .rateLimited(let after?) = failure { return after }
        return settings.backoff * (1 << (attempt - 1))
    }

    private func canRetry(after wait: Duration, before deadline: ContinuousClock.Instant?) -> Bool {
        guard let deadline else { return true }
        // A retry needs time for headers and a first sentence too; half a second is the least.
        return ContinuousClock.now + wait + .milliseconds(500) < deadline
    }
}

/// Turns the model's streamed text into draft events and names what is wrong with it.
struct AnswerReader {
    let passages: [Passage]
    let expectedLanguage: String
    private var parser = CitedSentenceParser()
    private(set) var receivedText = false
    private(set) var declined = false
    private var sentences = 0
    private var written = ""
    private var languageChecked = false

    init(passages: [Passage], question: String) {
        self.passages = passages
        // Policies are written in English; a question too short to tell is taken as English.
        self.expectedLanguage = LanguageGuess.guess(question) ?? "en"
    }

    mutating func read(_ text: String) throws -> [DraftEvent] {
        if !text.isEmpty { receivedText = true }
        return try parser.feed(text).compactMap { try event(for: $0) }
    }

    mutating func finish() throws -> [DraftEvent] {
        let events = try parser.finish().compactMap { try event(for: $0) }
        guard sentences > 0 || declined else {
            throw DraftFailure(.emptyAnswer, written.isEmpty ? "no text" : "no sentence in \(written.count) characters")
        }
        return events
    }

    private mutating func event(for sentence: CitedSentence) throws -> DraftEvent? {
        guard !declined else { return nil }
        if AnswerScreens.isNoAnswer(sentence.text) {
            declined = true
            return .declined
        }
        sentences += 1
        written += sentence.text + " "
        if sentences == 1, AnswerScreens.isRefusal(sentence.text) {
            throw DraftFailure(.refusal, String(sentence.text.prefix(120)))
        }
        if !languageChecked, let language = LanguageGuess.guess(written) {
            languageChecked = true
            if language != expectedLanguage {
                throw DraftFailure(.wrongLanguage, "answer in \(language), customer wrote \(expectedLanguage)")
            }
        }
        let cited = sentence.citations.compactMap { label in passages.indices.contains(label - 1) ? passages[label - 1].id : nil }
        return .sentence(DraftSentence(
            text: sentence.text, passage: cited.first ?? ChunkID(rawValue: ""), otherCitations: Array(cited.dropFirst())))
    }
}
