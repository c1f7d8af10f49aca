import GRDB

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
        return migrator
    }
}
