import Foundation
import Synchronization

public enum VerifiedAnswerTag {}
public typealias VerifiedAnswerID = Identifier<VerifiedAnswerTag>

/// A policy document at the version an answer was approved against.
public struct DocumentVersion: Sendable, Hashable, Codable {
    public var documentID: DocumentID
    public var version: String
    public var revision: Int
    public init(documentID: DocumentID, version: String, revision: Int) {
        self.documentID = documentID
        self.version = version
        self.revision = revision
    }
}

extension Sequence<Passage> {
    /// The newest revision of each document among the passages.
    public var documentRevisions: [DocumentID: Int] {
        reduce(into: [:]) { revisions, passage in
            revisions[passage.documentID] = Swift.max(revisions[passage.documentID] ?? 0, passage.documentRevision)
        }
    }
}

/// An answer a human approved (accepted or edited), served first when a new question matches its
/// question closely and the policy versions it rests on are unchanged.
public struct VerifiedAnswer: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case approved
        /// A policy it rests on changed since approval; not served until approved again.
        case stale
    }

    public var id: VerifiedAnswerID
    public var question: String
    public var answer: String
    public var citations: [Citation]
    /// The policy documents and versions the answer rests on.
    public var provenance: [DocumentVersion]
    public var intent: IntentName?
    public var status: Status
    public var approvedBy: String
    public var approvedAt: Date
    /// The feedback record it came from.
    public var sourceFeedbackID: FeedbackID?

    public init(
        id: VerifiedAnswerID, question: String, answer: String, citations: [Citation], provenance: [DocumentVersion],
        intent: IntentName?, status: Status, approvedBy: String, approvedAt: Date, sourceFeedbackID: FeedbackID?
    ) {
        self.id = id
        self.question = question
        self.answer = answer
        self.citations = citations
        self.provenance = provenance
        self.intent = intent
        self.status = status
        self.approvedBy = approvedBy
        self.approvedAt = approvedAt
        self.sourceFeedbackID = sourceFeedbackID
    }

    /// The documents whose current revision differs from the approved one.
    public func changedDocuments(currentRevisions: [DocumentID: Int]) -> [DocumentID] {
        provenance.filter { currentRevisions[$0.documentID] != $0.revision }.map(\.documentID)
    }
}

public struct VerifiedAnswerMatch: Sendable, Hashable {
    public var answer: VerifiedAnswer
    public var similarity: Double
}

/// The stage that serves approved answers before retrieval.
public protocol VerifiedAnswerSource: Sendable {
    /// The closest approved, current answer at or above the threshold.
    func match(_ question: String) -> VerifiedAnswerMatch?
    var threshold: Double { get }
}

/// Approved answers in memory, matched by the overlap of content terms, with numbers required to agree.
public final class VerifiedAnswerIndex: VerifiedAnswerSource {
    private struct Entry: Sendable {
        var answer: VerifiedAnswer
        var terms: Set<String>
        var numbers: Set<String>
    }
    private let entries = Mutex<[Entry]>([])
    private let revisions = Mutex<[DocumentID: Int]>([:])
    public let threshold: Double

    public init(threshold: Double = 0.8) { self.threshold = threshold }

    /// Replaces the answers and the current revision of every policy document.
    public func replace(answers: [VerifiedAnswer], currentRevisions: [DocumentID: Int]) {
        let built = answers.map {
            Entry(answer: $0, terms: Set(TextNormalizer.terms($0.question)), numbers: NumberExtractor.numbers(in: $0.question))
        }
        entries.withLock { $0 = built }
        revisions.withLock { $0 = currentRevisions }
    }

    public var count: Int { entries.withLock { $0.count } }

    public func match(_ question: String) -> VerifiedAnswerMatch? {
        let terms = Set(TextNormalizer.terms(question))
        guard !terms.isEmpty else { return nil }
        let numbers = NumberExtractor.numbers(in: question)
        let current = revisions.withLock { $0 }
        var best: VerifiedAnswerMatch?
        for entry in entries.withLock({ $0 }) where entry.answer.status == .approved && entry.numbers == numbers {
            guard entry.answer.changedDocuments(currentRevisions: current).isEmpty else { continue }
            let similarity = Self.dice(terms, entry.terms)
            if similarity >= threshold, similarity > (best?.similarity ?? 0) {
                best = VerifiedAnswerMatch(answer: entry.answer, similarity: similarity)
            }
        }
        return best
    }

    static func dice(_ a: Set<String>, _ b: Set<String>) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 0 }
        return 2 * Double(a.intersection(b).count) / Double(a.count + b.count)
    }
}
