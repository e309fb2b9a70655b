import GRDB

/// The database schema, one migration per change. Never edit a migration that has shipped:
/// add a new one. The format is described in docs/storage.md.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: events, cases, rule sources") { db in
            // The record: one row per event, numbered per case without gaps. Clustered by
            // (case, version): reading a case is one range scan, and a command's commit writes
            // one b-tree page for its events rather than a table and an index.
            try db.execute(sql: """
                CREATE TABLE events (
                    case_id INTEGER NOT NULL,
                    version INTEGER NOT NULL CHECK (version >= 1),
                    type TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    recorded_at INTEGER NOT NULL,
                    payload TEXT NOT NULL,
                    PRIMARY KEY (case_id, version)
                ) WITHOUT ROWID;
                -- The case list: a projection of the events, updated in the same transaction.
                CREATE TABLE cases (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    team TEXT NOT NULL,
                    client_label TEXT NOT NULL,
                    state TEXT NOT NULL,
                    phase TEXT NOT NULL,
                    status_json TEXT NOT NULL,
                    round INTEGER NOT NULL,
                    version INTEGER NOT NULL,
                    complex INTEGER NOT NULL,
                    workflow_hash TEXT NOT NULL,
                    opened_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL
                );
                CREATE INDEX cases_by_team ON cases (team, id);
                -- Exact copies of the workflows (and later plugins) cases are pinned to.
                CREATE TABLE rule_sources (
                    hash TEXT PRIMARY KEY,
                    kind TEXT NOT NULL,
                    name TEXT NOT NULL,
                    source TEXT NOT NULL,
                    stored_at INTEGER NOT NULL
                );
                """)
        }
        return migrator
    }
}
