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

    /// The knowledge-seeking turns of a split (`logs.json` + `labels.json`).
    public static func knowledgeTurns(logs: URL, labels: URL) throws -> [KnowledgeTurn] {
        let dialogues = try JSONSerialization.jsonObject(with: Data(contentsOf: logs)) as? [[[String: Any]]] ?? []
        let targets = try JSONSerialization.jsonObject(with: Data(contentsOf: labels)) as? [[String: Any]] ?? []
        var turns: [KnowledgeTurn] = []
        for (dialogue, label) in zip(dialogues, targets) {
            guard label["target"] as? Bool == true,
                let knowledge = (label["knowledge"] as? [[String: Any]])?.first,
                let domain = knowledge["domain"] as? String
            else { continue }
            let entity = knowledge["entity_id"].map { "\($0)" } ?? "*"
            let doc = knowledge["doc_id"].map { "\($0)" } ?? ""
            let texts = dialogue.compactMap { $0["text"] as? String }
            guard let last = texts.last else { continue }
            turns.append(KnowledgeTurn(
                text: last, context: Array(texts.dropLast()), gold: DocumentID(snippetID(domain: domain, entity: entity, doc: doc))))
        }
        return turns
    }

    /// Every dialogue of a split as an eval case: the customer's turns in order, the last one
    /// checked. A knowledge-seeking last turn must be answered citing its gold snippet; any other
    /// last turn needs no FAQ and must not be answered from one.
    public static func cases(logs: URL, labels: URL) throws -> [EvalCase] {
        let dialogues = try JSONSerialization.jsonObject(with: Data(contentsOf: logs)) as? [[[String: Any]]] ?? []
        let targets = try JSONSerialization.jsonObject(with: Data(contentsOf: labels)) as? [[String: Any]] ?? []
        var cases: [EvalCase] = []
        for (index, (dialogue, label)) in zip(dialogues, targets).enumerated() {
            let customerTurns = dialogue.filter { $0["speaker"] as? String == "U" }.compactMap { $0["text"] as? String }
                .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            guard !customerTurns.isEmpty else { continue }
            let id = String(format: "dstc10-val-%04d", index)
            if label["target"] as? Bool == true, let knowledge = (label["knowledge"] as? [[String: Any]])?.first,
                let domain = knowledge["domain"] as? String
            {
                let entity = knowledge["entity_id"].map { "\($0)" } ?? "*"
                let doc = knowledge["doc_id"].map { "\($0)" } ?? ""
                cases.append(EvalCase(
                    id: id, tags: ["knowledge", domain], turns: customerTurns,
                    expect: TurnExpectation(outcomes: [.answer], cite: [DocumentID(snippetID(domain: domain, entity: entity, doc: doc))])))
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
