import Foundation
import GRDB
import RegieAudit

/// The database schema, one migration per change. Never edit a migration that has shipped:
/// add a new one. The format is described in docs/storage.md.
package enum StoreSchema {
    package static var migrator: DatabaseMigrator {
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
        migrator.registerMigration("v2: audit chain, checkpoints, access log") { db in
            try migrateToAuditChain(db)
        }
        migrator.registerMigration("v3: plugin pins") { db in
            // The plugin hashes a case is pinned to, space-separated, after its workflow's:
            // together they are the rules recorded with each of its events.
            try db.execute(sql: "ALTER TABLE cases ADD COLUMN plugin_hashes TEXT NOT NULL DEFAULT ''")
        }
        migrator.registerMigration("v4: report facts") { db in
            try db.execute(sql: CaseFactsTable.create)
            try CaseFactsTable.fill(db)
        }
        migrator.registerMigration("v5: envelope format, store marks, cosignatures") { db in
            // Events before this version are envelope format 1; new ones are format 2, with a
            // domain-separated, length-prefixed payload commitment (docs/audit.md).
            try db.execute(sql: "ALTER TABLE events ADD COLUMN format INTEGER NOT NULL DEFAULT 1")
            // Facts about the database itself, set when it is created: `fixed_clock` marks a
            // demo or test store, the only kind on which REGIE_NOW may fix the clock.
            try db.execute(sql: "CREATE TABLE store_marks (name TEXT PRIMARY KEY)")
            // Witnesses' cosignatures of checkpoints (signature lines of the checkpoint's note).
            try db.execute(sql: """
                CREATE TABLE checkpoint_cosignatures (
                    checkpoint_id INTEGER NOT NULL,
                    key_name TEXT NOT NULL,
                    key_id INTEGER NOT NULL,
                    signature BLOB NOT NULL,
                    PRIMARY KEY (checkpoint_id, key_name, key_id)
                ) WITHOUT ROWID
                """)
        }
        migrator.registerMigration("v6: case list part of the facts") { db in
            // Who holds each case and when its tasks are due (`CaseWork` as JSON), so that
            // `case list` does not replay every case; NULL until the case's next command, and
            // the list works a case without it out from its events.
            try db.execute(sql: "ALTER TABLE case_facts ADD COLUMN work TEXT")
        }
        migrator.registerMigration("v7: server credentials and recorded configuration") { db in
            // Credentials, not record: API tokens, local accounts, enrolment links and sessions.
            // Of a secret only its hash is kept (a password's is bcrypt). Each use of a token
            // and each login attempt is a row, so who came in when and from where can be shown.
            try db.execute(sql: """
                CREATE TABLE api_tokens (
                    id TEXT PRIMARY KEY,
                    secret_hash BLOB NOT NULL UNIQUE,
                    person TEXT NOT NULL,
                    name TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    created_by TEXT NOT NULL,
                    expires_at INTEGER NOT NULL,
                    revoked_at INTEGER,
                    revoked_by TEXT,
                    last_used_at INTEGER
                );
                CREATE INDEX api_tokens_person ON api_tokens (person);
                CREATE TABLE api_token_uses (
                    token_id TEXT NOT NULL REFERENCES api_tokens (id),
                    at INTEGER NOT NULL,
                    address TEXT NOT NULL,
                    request TEXT NOT NULL
                );
                CREATE INDEX api_token_uses_token ON api_token_uses (token_id, at);
                CREATE TABLE local_accounts (
                    person TEXT PRIMARY KEY,
                    password_hash TEXT NOT NULL,
                    totp_secret BLOB NOT NULL,
                    last_code_step INTEGER NOT NULL,
                    failed_attempts INTEGER NOT NULL,
                    locked_until INTEGER,
                    created_at INTEGER NOT NULL
                );
                CREATE TABLE enrolments (
                    code_hash BLOB PRIMARY KEY,
                    person TEXT NOT NULL,
                    totp_secret BLOB NOT NULL,
                    created_by TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    expires_at INTEGER NOT NULL,
                    used_at INTEGER
                );
                CREATE TABLE login_attempts (
                    person TEXT NOT NULL,
                    at INTEGER NOT NULL,
                    address TEXT NOT NULL,
                    outcome TEXT NOT NULL
                );
                CREATE INDEX login_attempts_person ON login_attempts (person, at);
                CREATE TABLE sessions (
                    id_hash BLOB PRIMARY KEY,
                    person TEXT NOT NULL,
                    csrf_token TEXT NOT NULL,
                    method TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    last_seen_at INTEGER NOT NULL,
                    expires_at INTEGER NOT NULL,
                    ended_at INTEGER
                );
                CREATE INDEX sessions_person ON sessions (person);
                CREATE TABLE configurations (
                    version INTEGER PRIMARY KEY,
                    applied_at INTEGER NOT NULL,
                    applied_by TEXT NOT NULL,
                    document TEXT NOT NULL,
                    changes TEXT NOT NULL
                );
                CREATE TRIGGER configurations_no_update BEFORE UPDATE ON configurations
                    BEGIN SELECT RAISE(ABORT, 'the recorded configuration is append-only'); END;
                CREATE TRIGGER configurations_no_delete BEFORE DELETE ON configurations
                    BEGIN SELECT RAISE(ABORT, 'the recorded configuration is append-only'); END;
                CREATE TABLE login_states (
                    state_hash BLOB PRIMARY KEY,
                    binding_hash BLOB NOT NULL,
                    nonce TEXT NOT NULL,
                    verifier TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    expires_at INTEGER NOT NULL,
                    used_at INTEGER
                );
                """)
        }
        migrator.registerMigration("v8: network address of a read, purpose of a session") { db in
            // A read through the server records where it came from (access entry format 2);
            // NULL for the command line's reads and for every entry before. A login session
            // keeps the purpose its person chose for their reads.
            try db.execute(sql: """
                ALTER TABLE access_log ADD COLUMN address TEXT;
                ALTER TABLE sessions ADD COLUMN purpose TEXT;
                """)
        }
        migrator.registerMigration("v9: dropped goals in the facts") { db in
            // Goals achieved count against the goals not dropped, so the facts count dropped
            // ones too; every case's row is filled in from its events here.
            try db.execute(sql: "ALTER TABLE case_facts ADD COLUMN goals_dropped INTEGER")
            try CaseFactsTable.fillGoalsDropped(db)
        }
        return migrator
    }

    /// Gives every event its place in the commit order, a salted payload commitment and its
    /// hash chained to the case's previous event; adds the running Merkle state, checkpoints and
    /// the access log. Events written before this version are chained in the order they were
    /// recorded (their time, then case and version).
    private static func migrateToAuditChain(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE events_chained (
                case_id INTEGER NOT NULL,
                version INTEGER NOT NULL CHECK (version >= 1),
                seq INTEGER NOT NULL,
                type TEXT NOT NULL,
                actor TEXT NOT NULL,
                recorded_at INTEGER NOT NULL,
                rules TEXT NOT NULL,
                salt BLOB,
                payload TEXT,
                commitment BLOB NOT NULL,
                prev_hash BLOB NOT NULL,
                hash BLOB NOT NULL,
                PRIMARY KEY (case_id, version)
            ) WITHOUT ROWID;
            ALTER TABLE cases ADD COLUMN head_hash BLOB;
            -- The version of the case the last checkpoint listed; newer heads go in the next one.
            ALTER TABLE cases ADD COLUMN checkpointed_version INTEGER NOT NULL DEFAULT 0;
            CREATE TABLE audit_state (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                log_id TEXT NOT NULL,
                merkle BLOB NOT NULL,
                access_count INTEGER NOT NULL,
                access_head BLOB NOT NULL
            );
            CREATE TABLE checkpoints (
                id INTEGER PRIMARY KEY,
                trigger TEXT NOT NULL,
                statement TEXT NOT NULL,
                public_key BLOB NOT NULL,
                signature BLOB NOT NULL
            );
            CREATE TABLE checkpoint_heads (
                checkpoint_id INTEGER NOT NULL,
                case_id INTEGER NOT NULL,
                version INTEGER NOT NULL,
                hash BLOB NOT NULL,
                PRIMARY KEY (checkpoint_id, case_id)
            ) WITHOUT ROWID;
            -- Who read what: the fact, never the content.
            CREATE TABLE access_log (
                seq INTEGER PRIMARY KEY,
                actor TEXT NOT NULL,
                role TEXT NOT NULL,
                at INTEGER NOT NULL,
                case_id INTEGER,
                action TEXT NOT NULL,
                purpose TEXT NOT NULL,
                prev_hash BLOB NOT NULL,
                hash BLOB NOT NULL
            );
            CREATE INDEX access_by_case ON access_log (case_id, seq);
            """)
        let rules = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, workflow_hash FROM cases")
            .map { row -> (Int, String) in (try row.decode(forColumn: "id"), try row.decode(forColumn: "workflow_hash")) })
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM events ORDER BY recorded_at, case_id, version")
        var merkle = MerkleLog()
        var heads: [Int: ChainHash] = [:]
        let insert = try db.makeStatement(sql: """
            INSERT INTO events_chained (case_id, version, seq, type, actor, recorded_at, rules, salt, payload, commitment, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        // Within a case, recorded_at never goes down, so this order keeps each case's versions in order.
        for row in rows {
            let caseID: Int = try row.decode(forColumn: "case_id")
            let payload: String = try row.decode(forColumn: "payload")
            // Format 1: the format column (and format 2) came with migration v5.
            let link = AuditLink.make(
                format: 1, caseID: caseID, version: try row.decode(forColumn: "version"), previous: heads[caseID] ?? .zero, type: try row.decode(forColumn: "type"),
                actor: try row.decode(forColumn: "actor"), recordedAt: try row.decode(forColumn: "recorded_at"), rules: rules[caseID].map { [$0] } ?? [], payload: payload)
            merkle.append(link.hash)
            heads[caseID] = link.hash
            try insert.execute(arguments: link.arguments(sequence: merkle.count))
        }
        try db.execute(sql: "DROP TABLE events; ALTER TABLE events_chained RENAME TO events")
        for (caseID, head) in heads {
            try db.execute(sql: "UPDATE cases SET head_hash = ? WHERE id = ?", arguments: [Data(head.bytes), caseID])
        }
        try db.execute(
            sql: "INSERT INTO audit_state (id, log_id, merkle, access_count, access_head) VALUES (1, ?, ?, 0, ?)",
            arguments: [UUID().uuidString.lowercased(), Data(merkle.serialized), Data(ChainHash.zero.bytes)])
    }
}
