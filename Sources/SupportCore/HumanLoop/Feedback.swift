import Foundation

public enum FeedbackTag {}
public typealias FeedbackID = Identifier<FeedbackTag>
public enum DraftTag {}
public typealias DraftID = Identifier<DraftTag>

/// What a human agent did with an AI draft.
public enum ReplyAction: String, Sendable, Codable, CaseIterable {
    /// Sent the draft as it was.
    case accept
    /// Sent the draft changed.
    case edit
    /// Wrote their own reply instead.
    case reject
}

/// A reply the pipeline made for an agent, not sent to the customer.
public struct AgentDraft: Sendable, Hashable, Codable {
    public var id: DraftID
    public var conversationID: ConversationID
    /// The customer message it answers.
    public var forMessageID: MessageID
    public var question: String
    public var outcome: OutcomeKind
    public var reason: String?
    public var text: String
    public var citations: [Citation]
    public var intent: IntentName?
    public var trace: TurnTrace
    public var requestedBy: String
    public var createdAt: Date

    public init(
        id: DraftID, conversationID: ConversationID, forMessageID: MessageID, question: String, outcome: OutcomeKind,
        reason: String?, text: String, citations: [Citation], intent: IntentName?, trace: TurnTrace, requestedBy: String,
        createdAt: Date
    ) {
        self.id = id
        self.conversationID = conversationID
        self.forMessageID = forMessageID
        self.question = question
        self.outcome = outcome
        self.reason = reason
        self.text = text
        self.citations = citations
        self.intent = intent
        self.trace = trace
        self.requestedBy = requestedBy
        self.createdAt = createdAt
    }

    /// The documents the draft rests on, each once.
    public var documents: [DocumentVersion] {
        var seen: Set<DocumentID> = []
        return citations.compactMap { citation in
            seen.insert(citation.documentID).inserted
                ? DocumentVersion(documentID: citation.documentID, version: citation.version, revision: citation.documentRevision)
                : nil
        }
    }
}

/// The record of one accept, edit or reject: what the AI proposed, what the agent sent, and how far apart.
public struct FeedbackRecord: Sendable, Hashable, Codable {
    public var id: FeedbackID
    public var conversationID: ConversationID
    public var draftID: DraftID
    public var messageID: MessageID
    public var action: ReplyAction
    public var question: String
    public var draftText: String
    public var sentText: String
    /// 0 = sent as drafted, 1 = nothing in common.
    public var editDistance: Double
    public var agent: String
    public var intent: IntentName?
    public var documents: [DocumentVersion]
    public var createdAt: Date

    public init(
        id: FeedbackID, conversationID: ConversationID, draftID: DraftID, messageID: MessageID, action: ReplyAction,
        question: String, draftText: String, sentText: String, editDistance: Double, agent: String, intent: IntentName?,
        documents: [DocumentVersion], createdAt: Date
    ) {
        self.id = id
        self.conversationID = conversationID
        self.draftID = draftID
        self.messageID = messageID
        self.action = action
        self.question = question
        self.draftText = draftText
        self.sentText = sentText
        self.editDistance = editDistance
        self.agent = agent
        self.intent = intent
        self.documents = documents
        self.createdAt = createdAt
    }
}

/// A customer's verdict on one reply.
public struct Rating: Sendable, Hashable, Codable {
    public var messageID: MessageID
    public var conversationID: ConversationID
    public var helpful: Bool
    public var createdAt: Date
    public init(messageID: MessageID, conversationID: ConversationID, helpful: Bool, createdAt: Date) {
        self.messageID = messageID
        self.conversationID = conversationID
        self.helpful = helpful
        self.createdAt = createdAt
    }
}

/// Levenshtein distance over characters, divided by the longer text's length: 0 for equal texts,
/// 1 for texts with nothing in common. Whitespace runs count as one space.
public enum EditDistance {
    public static func normalised(_ a: String, _ b: String) -> Double {
        let x = Array(collapse(a).unicodeScalars)
        let y = Array(collapse(b).unicodeScalars)
        let longest = max(x.count, y.count)
        guard longest > 0 else { return 0 }
        return Double(levenshtein(x, y)) / Double(longest)
    }

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func levenshtein(_ x: [Unicode.Scalar], _ y: [Unicode.Scalar]) -> Int {
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }
}
