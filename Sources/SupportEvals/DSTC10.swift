import Foundation
import SupportCore

/// The DSTC10 track 2 FAQ data (alexa/alexa-with-dstc10-track2-dataset, Apache-2.0): 12,039 FAQ
/// snippets about hotels, restaurants, attractions, taxis and trains, and spoken dialogues whose
/// knowledge-seeking turns each need one gold snippet.
public enum DSTC10 {
    /// A knowledge-seeking turn: the customer's last turn, the turns before it, and the gold snippet.
    public struct KnowledgeTurn: Sendable {
        public var text: String
        public var context: [String]
        public var gold: DocumentID
    }

    /// One policy document per FAQ snippet: id `domain-entity-doc`, the entity's name in the title.
    public static func documents(knowledgeFile: URL) throws -> [PolicyDocument] {
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: knowledgeFile)) as? [String: Any] ?? [:]
        var documents: [PolicyDocument] = []
        for domain in root.keys.sorted() {
            guard let entities = root[domain] as? [String: Any] else { continue }
            for entityID in entities.keys.sorted() {
                guard let entity = entities[entityID] as? [String: Any], let docs = entity["docs"] as? [String: Any] else { continue }
                let name = (entity["name"] as? String) ?? domain
                for docID in docs.keys.sorted() {
                    guard let doc = docs[docID] as? [String: Any] else { continue }
                    let question = (doc["title"] as? String) ?? ""
                    let answer = (doc["body"] as? String) ?? ""
                    documents.append(PolicyDocument(
                        id: DocumentID(snippetID(domain: domain, entity: entityID, doc: docID)),
                        title: "\(name.capitalized): \(question)", version: "1", body: answer,
                        metadata: ["domain": domain, "entity": entityID, "entity_name": name]))
                }
            }
        }
        return documents
    }

    public static func snippetID(domain: String, entity: String, doc: String) -> String {
        "\(domain)-\(entity)-\(doc)"
    }

    /// One dialogue of a split: its turns and, for a knowledge-seeking last turn, the gold snippet.
    struct Dialogue {
        var turns: [(speaker: String, text: String)]
        var gold: (snippet: DocumentID, domain: String)?
    }

    /// Reads a split (`logs.json` + `labels.json`) once, pairing each dialogue with its label.
    static func dialogues(logs: URL, labels: URL) throws -> [Dialogue] {
        let logs = try JSONSerialization.jsonObject(with: Data(contentsOf: logs)) as? [[[String: Any]]] ?? []
        let targets = try JSONSerialization.jsonObject(with: Data(contentsOf: labels)) as? [[String: Any]] ?? []
        return zip(logs, targets).map { log, label in
            var gold: (snippet: DocumentID, domain: String)?
            if label["target"] as? Bool == true, let knowledge = (label["knowledge"] as? [[String: Any]])?.first,
                let domain = knowledge["domain"] as? String
            {
                let entity = knowledge["entity_id"].map { "\($0)" } ?? "*"
                let doc = knowledge["doc_id"].map { "\($0)" } ?? ""
                gold = (DocumentID(snippetID(domain: domain, entity: entity, doc: doc)), domain)
            }
            let turns = log.compactMap { turn in
                (turn["text"] as? String).map { (speaker: turn["speaker"] as? String ?? "", text: $0) }
            }
            return Dialogue(turns: turns, gold: gold)
        }
    }

    /// The knowledge-seeking turns of a split, with every earlier turn (both speakers) as context.
    public static func knowledgeTurns(logs: URL, labels: URL) throws -> [KnowledgeTurn] {
        try dialogues(logs: logs, labels: labels).compactMap { dialogue in
            guard let gold = dialogue.gold, let last = dialogue.turns.last else { return nil }
            return KnowledgeTurn(text: last.text, context: dialogue.turns.dropLast().map(\.text), gold: gold.snippet)
        }
    }

    /// Every dialogue of a split as an eval case: the customer's turns in order, the last one
    /// checked. A knowledge-seeking last turn must be answered citing its gold snippet; any other
    /// last turn needs no FAQ and must not be answered from one.
    public static func cases(logs: URL, labels: URL, split: String = "val") throws -> [EvalCase] {
        var cases: [EvalCase] = []
        for (index, dialogue) in try dialogues(logs: logs, labels: labels).enumerated() {
            let customerTurns = dialogue.turns.filter { $0.speaker == "U" }.map(\.text)
                .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            guard !customerTurns.isEmpty else { continue }
            let id = "dstc10-\(split)-" + String(format: "%04d", index)
            if let gold = dialogue.gold {
                cases.append(EvalCase(
                    id: id, tags: ["knowledge", gold.domain], turns: customerTurns,
                    expect: TurnExpectation(outcomes: [.answer], cite: [gold.snippet])))
            } else {
                cases.append(EvalCase(
                    id: id, tags: ["no_knowledge"], turns: customerTurns,
                    expect: TurnExpectation(outcomes: [.dontKnow, .handoff, .refusal])))
            }
        }
        return cases
    }

    /// Writes documents as a JSONL corpus that `CorpusLoader` (and so `--corpus`) reads back.
    public static func writeCorpus(_ documents: [PolicyDocument], to url: URL) throws {
        var data = Data()
        for document in documents {
            var object: [String: Any] = ["id": document.id.rawValue, "title": document.title, "version": document.version, "body": document.body]
            for (key, value) in document.metadata { object[key] = value }
            data.append(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            data.append(0x0A)
        }
        try data.write(to: url, options: .atomic)
    }
}
