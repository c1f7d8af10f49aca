import GRDB
import SupportCore

extension AppDatabase {
    /// Named migrations, applied in order. Never edit a shipped migration; add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-policies") { db in
            try db.execute(sql: """
                CREATE TABLE document (
                    id TEXT PRIMARY KEY NOT NULL,
                    title TEXT NOT NULL,
                    version TEXT NOT NULL,
                    effectiveDate TEXT,
                    tags TEXT NOT NULL DEFAULT '[]',
                    metadata TEXT NOT NULL DEFAULT '{}',
                    body TEXT NOT NULL,
                    contentHash TEXT NOT NULL,
                    revision INTEGER NOT NULL CHECK (revision >= 1),
                    updatedAt DATETIME NOT NULL
                );
                CREATE TABLE chunk (
                    id TEXT PRIMARY KEY NOT NULL,
                    documentID TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                    revision INTEGER NOT NULL,
                    position INTEGER NOT NULL,
                    sectionPath TEXT NOT NULL,
                    text TEXT NOT NULL,
                    isCurrent BOOLEAN NOT NULL DEFAULT 1,
                    UNIQUE (documentID, revision, position)
                );
                CREATE INDEX chunk_current ON chunk(isCurrent, documentID);
                CREATE VIRTUAL TABLE chunk_fts USING fts5(
                    chunkID UNINDEXED, title, section, text, tokenize = 'porter unicode61 remove_diacritics 2'
                );
                CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
                """)
        }
        migrator.registerMigration("v1-conversations") { db in
            try db.execute(sql: """
                CREATE TABLE conversation (
                    id TEXT PRIMARY KEY NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('with_ai', 'waiting_for_human', 'with_human', 'resolved')),
                    createdAt DATETIME NOT NULL,
                    updatedAt DATETIME NOT NULL
                );
                CREATE TABLE message (
                    id TEXT PRIMARY KEY NOT NULL,
                    conversationID TEXT NOT NULL REFERENCES conversation(id) ON DELETE CASCADE,
                    sequence INTEGER NOT NULL,
                    role TEXT NOT NULL CHECK (role IN ('customer', 'assistant', 'agent')),
                    text TEXT NOT NULL,
                    redactions TEXT NOT NULL DEFAULT '[]',
                    author TEXT,
                    turnID TEXT,
                    createdAt DATETIME NOT NULL,
                    UNIQUE (conversationID, sequence)
                );
                CREATE TABLE turn (
                    id TEXT PRIMARY KEY NOT NULL,
                    conversationID TEXT NOT NULL REFERENCES conversation(id) ON DELETE CASCADE,
                    customerMessageID TEXT NOT NULL REFERENCES message(id),
                    replyMessageID TEXT NOT NULL REFERENCES message(id),
                    outcome TEXT NOT NULL CHECK (outcome IN ('answer', 'dont_know', 'handoff', 'refusal')),
                    reason TEXT,
                    intent TEXT,
                    confidence DOUBLE,
                    trace TEXT NOT NULL,
                    totalMilliseconds DOUBLE NOT NULL,
                    createdAt DATETIME NOT NULL
                );
                CREATE INDEX turn_conversation ON turn(conversationID, createdAt);
                CREATE TABLE citation (
                    turnID TEXT NOT NULL REFERENCES turn(id) ON DELETE CASCADE,
                    marker INTEGER NOT NULL,
                    chunkID TEXT NOT NULL,
                    documentID TEXT NOT NULL,
                    documentTitle TEXT NOT NULL,
                    section TEXT NOT NULL,
                    version TEXT NOT NULL,
                    documentRevision INTEGER NOT NULL,
                    quote TEXT NOT NULL,
                    PRIMARY KEY (turnID, marker)
                );
                CREATE TABLE handoff (
                    id TEXT PRIMARY KEY NOT NULL,
                    conversationID TEXT NOT NULL REFERENCES conversation(id) ON DELETE CASCADE,
                    turnID TEXT NOT NULL REFERENCES turn(id),
                    reason TEXT NOT NULL,
                    packet TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
                    createdAt DATETIME NOT NULL
                );
                CREATE INDEX handoff_open ON handoff(status, createdAt);
                """)
        }
        migrator.registerMigration("v2-human-loop") { db in
            try db.execute(sql: """
                ALTER TABLE conversation ADD COLUMN owner TEXT;
                ALTER TABLE conversation ADD COLUMN leaseExpiresAt DATETIME;
                CREATE INDEX conversation_status ON conversation(status, leaseExpiresAt);

                -- A turn whose reply was withheld (a person took over while it ran) has no reply message.
                CREATE TABLE new_turn (
                    id TEXT PRIMARY KEY NOT NULL,
                    conversationID TEXT NOT NULL REFERENCES conversation(id) ON DELETE CASCADE,
                    customerMessageID TEXT NOT NULL REFERENCES message(id),
                    replyMessageID TEXT REFERENCES message(id),
                    outcome TEXT NOT NULL CHECK (outcome IN ('answer', 'dont_know', 'handoff', 'refusal')),
                    reason TEXT,
                    intent TEXT,
                    confidence DOUBLE,
                    trace TEXT NOT NULL,
                    totalMilliseconds DOUBLE NOT NULL,
                    createdAt DATETIME NOT NULL
                );
                INSERT INTO new_turn SELECT * FROM turn;
                DROP TABLE turn;
                ALTER TABLE new_turn RENAME TO turn;
                CREATE INDEX turn_conversation ON turn(conversationID, createdAt);

                CREATE TABLE transition (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    conversationID TEXT NOT NULL REFERENCES conversation(id) ON DELETE CASCADE,
                    fromStatus TEXT NOT NULL,
                    toStatus TEXT NOT NULL,
                    byKind TEXT NOT NULL CHECK (byKind IN ('customer', 'ai', 'agent', 'system')),
                    byName TEXT,
                    reason TEXT NOT NULL,
                    createdAt DATETIME NOT NULL
                );
                CREATE INDEX transition_conversation ON transition(conversationID, id);

                CREATE TABLE conversationEvent (
                    conversationID TEXT NOT NULL REFERENCES conversation(id) ON DELETE CASCADE,
                    sequence INTEGER NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('message', 'state')),
                    payload TEXT NOT NULL,
                    createdAt DATETIME NOT NULL,
                    PRIMARY KEY (conversationID, sequence)
                ) WITHOUT ROWID;

                CREATE TABLE draft (
                    id TEXT PRIMARY KEY NOT NULL,
                    conversationID TEXT NOT NULL REFERENCES conversation(id) ON DELETE CASCADE,
                    forMessageID TEXT NOT NULL REFERENCES message(id),
                    question TEXT NOT NULL,
                    outcome TEXT NOT NULL,
                    reason TEXT,
                    text TEXT NOT NULL,
                    citations TEXT NOT NULL,
                    intent TEXT,
                    trace TEXT NOT NULL,
                    requestedBy TEXT NOT NULL,
                    createdAt DATETIME NOT NULL
                );
                CREATE INDEX draft_conversation ON draft(conversationID, createdAt);

                CREATE TABLE feedback (
                    id TEXT PRIMARY KEY NOT NULL,
                    conversationID TEXT NOT NULL REFERENCES conversation(id) ON DELETE CASCADE,
                    draftID TEXT NOT NULL REFERENCES draft(id),
                    messageID TEXT NOT NULL REFERENCES message(id),
                    action TEXT NOT NULL CHECK (action IN ('accept', 'edit', 'reject')),
                    question TEXT NOT NULL,
                    draftText TEXT NOT NULL,
                    sentText TEXT NOT NULL,
                    editDistance DOUBLE NOT NULL,
                    agent TEXT NOT NULL,
                    intent TEXT,
                    documents TEXT NOT NULL,
                    createdAt DATETIME NOT NULL
                );
                CREATE INDEX feedback_created ON feedback(createdAt);
                CREATE INDEX feedback_conversation ON feedback(conversationID);

                CREATE TABLE rating (
                    messageID TEXT PRIMARY KEY NOT NULL REFERENCES message(id) ON DELETE CASCADE,
                    conversationID TEXT NOT NULL REFERENCES conversation(id) ON DELETE CASCADE,
                    helpful BOOLEAN NOT NULL,
                    createdAt DATETIME NOT NULL
                );

                CREATE TABLE verifiedAnswer (
                    id TEXT PRIMARY KEY NOT NULL,
                    question TEXT NOT NULL,
                    answer TEXT NOT NULL,
                    citations TEXT NOT NULL,
                    provenance TEXT NOT NULL,
                    intent TEXT,
                    status TEXT NOT NULL CHECK (status IN ('approved', 'stale')),
                    approvedBy TEXT NOT NULL,
                    approvedAt DATETIME NOT NULL,
                    sourceFeedbackID TEXT
                );
                """)
            // Conversations stored before the event log existed get their messages as events.
            let ids = try String.fetchAll(db, sql: "SELECT id FROM conversation")
            for id in ids {
                guard let transcript = try SQLiteConversationStore.transcript(db, ConversationID(id)) else { continue }
                for message in transcript.messages {
                    try SQLiteConversationStore.appendEvent(
                        db, conversation: transcript.id, payload: .message(message), date: message.createdAt)
                }
            }
        }
        return migrator
    }
}
