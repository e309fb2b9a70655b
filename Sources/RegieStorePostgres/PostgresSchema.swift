/// The PostgreSQL schema, one migration per change, applied in order, each in its own
/// transaction under an advisory lock (two processes never migrate at once). Never edit a
/// migration that has shipped: add a new one. It matches the SQLite schema's current form
/// (docs/storage.md) column for column, with PostgreSQL's types.
enum PostgresSchema {
    /// The key of the advisory lock held while migrating ("REGIE" in ASCII).
    static let migrationLock: Int64 = 0x52_4547_4945

    static let migrations: [(version: Int, name: String, sql: String)] = [
        (1, "v1: events, cases, rules, audit ledger, access log, facts", """
            CREATE TABLE rule_sources (
                hash TEXT PRIMARY KEY,
                kind TEXT NOT NULL,
                name TEXT NOT NULL,
                source TEXT NOT NULL,
                stored_at BIGINT NOT NULL
            );
            -- The case list: a projection of the events, updated in the same transaction.
            CREATE TABLE cases (
                id BIGINT PRIMARY KEY,
                team TEXT NOT NULL,
                client_label TEXT NOT NULL,
                state TEXT NOT NULL,
                phase TEXT NOT NULL,
                status_json TEXT NOT NULL,
                round INTEGER NOT NULL,
                version INTEGER NOT NULL,
                complex BOOLEAN NOT NULL,
                workflow_hash TEXT NOT NULL,
                opened_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                head_hash BYTEA,
                checkpointed_version INTEGER NOT NULL DEFAULT 0,
                plugin_hashes TEXT NOT NULL DEFAULT ''
            );
            CREATE INDEX cases_by_team ON cases (team, id);
            -- One stream per case; seq is the place in the commit order (the Merkle leaf index).
            CREATE TABLE events (
                case_id BIGINT NOT NULL REFERENCES cases (id),
                version INTEGER NOT NULL CHECK (version >= 1),
                seq BIGINT NOT NULL UNIQUE,
                type TEXT NOT NULL,
                actor TEXT NOT NULL,
                recorded_at BIGINT NOT NULL,
                rules TEXT NOT NULL,
                salt BYTEA,
                payload TEXT,
                commitment BYTEA NOT NULL,
                prev_hash BYTEA NOT NULL,
                hash BYTEA NOT NULL,
                format INTEGER NOT NULL,
                PRIMARY KEY (case_id, version)
            );
            -- The single log-head row: every write takes it FOR UPDATE, so positions are
            -- handed out without gaps and commit order is audit order.
            CREATE TABLE audit_state (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                log_id TEXT NOT NULL,
                merkle BYTEA NOT NULL,
                access_count BIGINT NOT NULL,
                access_head BYTEA NOT NULL
            );
            CREATE TABLE checkpoints (
                id BIGINT PRIMARY KEY,
                trigger TEXT NOT NULL,
                statement TEXT NOT NULL,
                public_key BYTEA NOT NULL,
                signature BYTEA NOT NULL
            );
            CREATE TABLE checkpoint_heads (
                checkpoint_id BIGINT NOT NULL,
                case_id BIGINT NOT NULL,
                version INTEGER NOT NULL,
                hash BYTEA NOT NULL,
                PRIMARY KEY (checkpoint_id, case_id)
            );
            CREATE TABLE checkpoint_cosignatures (
                checkpoint_id BIGINT NOT NULL,
                key_name TEXT NOT NULL,
                key_id BIGINT NOT NULL,
                signature BYTEA NOT NULL,
                PRIMARY KEY (checkpoint_id, key_name, key_id)
            );
            -- Who read what: the fact, never the content.
            CREATE TABLE access_log (
                seq BIGINT PRIMARY KEY,
                actor TEXT NOT NULL,
                role TEXT NOT NULL,
                at BIGINT NOT NULL,
                case_id BIGINT,
                action TEXT NOT NULL,
                purpose TEXT NOT NULL,
                prev_hash BYTEA NOT NULL,
                hash BYTEA NOT NULL
            );
            CREATE INDEX access_by_case ON access_log (case_id, seq);
            CREATE TABLE case_facts (
                case_id BIGINT PRIMARY KEY REFERENCES cases (id),
                team TEXT NOT NULL,
                complex BOOLEAN NOT NULL,
                opened_on INTEGER NOT NULL,
                phase INTEGER NOT NULL,
                state TEXT NOT NULL,
                closed_as TEXT,
                network_involved BOOLEAN NOT NULL,
                group_formed BOOLEAN NOT NULL,
                network_question BOOLEAN NOT NULL,
                minutes_to_group BIGINT,
                furthest_phase INTEGER NOT NULL,
                goals INTEGER NOT NULL,
                goals_achieved INTEGER NOT NULL,
                members INTEGER NOT NULL,
                members_can_cannot INTEGER NOT NULL,
                stays TEXT NOT NULL,
                pauses TEXT NOT NULL
            );
            CREATE TABLE store_marks (name TEXT PRIMARY KEY);
            -- The record is append-only for Regie's role: rows of the log are never changed or
            -- removed; a pending checkpoint may only receive its signature, once.
            CREATE FUNCTION regie_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'regie: % on % is not allowed: the record is append-only', TG_OP, TG_TABLE_NAME
                    USING ERRCODE = 'insufficient_privilege';
            END $$;
            CREATE FUNCTION regie_sign_pending_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF length(OLD.signature) = 0 AND NEW.id = OLD.id AND NEW.statement = OLD.statement
                   AND NEW.trigger = OLD.trigger THEN
                    RETURN NEW;
                END IF;
                RAISE EXCEPTION 'regie: a signed checkpoint cannot be changed' USING ERRCODE = 'insufficient_privilege';
            END $$;
            CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
                FOR EACH ROW EXECUTE FUNCTION regie_refuse_change();
            CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log
                FOR EACH ROW EXECUTE FUNCTION regie_refuse_change();
            CREATE TRIGGER checkpoint_heads_append_only BEFORE UPDATE OR DELETE ON checkpoint_heads
                FOR EACH ROW EXECUTE FUNCTION regie_refuse_change();
            CREATE TRIGGER checkpoints_delete BEFORE DELETE ON checkpoints
                FOR EACH ROW EXECUTE FUNCTION regie_refuse_change();
            CREATE TRIGGER checkpoints_sign BEFORE UPDATE ON checkpoints
                FOR EACH ROW EXECUTE FUNCTION regie_sign_pending_only();
            CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
                FOR EACH STATEMENT EXECUTE FUNCTION regie_refuse_change();
            CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
                FOR EACH STATEMENT EXECUTE FUNCTION regie_refuse_change();
            """),
        (2, "v2: rule sources, cosignatures and checkpoints append-only, also under TRUNCATE", """
            -- The rules cases are pinned to are kept by hash and never change; a witness's
            -- cosignature is evidence and is never removed; TRUNCATE, which row triggers do not
            -- see, is refused on every table of the record.
            CREATE TRIGGER rule_sources_append_only BEFORE UPDATE OR DELETE ON rule_sources
                FOR EACH ROW EXECUTE FUNCTION regie_refuse_change();
            CREATE TRIGGER cosignatures_kept BEFORE DELETE ON checkpoint_cosignatures
                FOR EACH ROW EXECUTE FUNCTION regie_refuse_change();
            CREATE TRIGGER rule_sources_no_truncate BEFORE TRUNCATE ON rule_sources
                FOR EACH STATEMENT EXECUTE FUNCTION regie_refuse_change();
            CREATE TRIGGER cosignatures_no_truncate BEFORE TRUNCATE ON checkpoint_cosignatures
                FOR EACH STATEMENT EXECUTE FUNCTION regie_refuse_change();
            CREATE TRIGGER checkpoints_no_truncate BEFORE TRUNCATE ON checkpoints
                FOR EACH STATEMENT EXECUTE FUNCTION regie_refuse_change();
            CREATE TRIGGER checkpoint_heads_no_truncate BEFORE TRUNCATE ON checkpoint_heads
                FOR EACH STATEMENT EXECUTE FUNCTION regie_refuse_change();
            """),
        (3, "v3: the case list's part of the facts", """
            -- Who holds each case and when its tasks are due (CaseWork as JSON), so that the case
            -- list does not replay every case; NULL until the case's next command.
            ALTER TABLE case_facts ADD COLUMN work TEXT;
            """),
        (4, "v4: server credentials and recorded configuration", """
            -- Credentials, not record: API tokens, local accounts, enrolment links and sessions;
            -- of a secret only its hash is kept; each token use and login attempt is a row.
            CREATE TABLE api_tokens (
                id TEXT PRIMARY KEY,
                secret_hash BYTEA NOT NULL UNIQUE,
                person TEXT NOT NULL,
                name TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                created_by TEXT NOT NULL,
                expires_at BIGINT NOT NULL,
                revoked_at BIGINT,
                revoked_by TEXT,
                last_used_at BIGINT
            );
            CREATE INDEX api_tokens_person ON api_tokens (person);
            CREATE TABLE api_token_uses (
                token_id TEXT NOT NULL REFERENCES api_tokens (id),
                at BIGINT NOT NULL,
                address TEXT NOT NULL,
                request TEXT NOT NULL
            );
            CREATE INDEX api_token_uses_token ON api_token_uses (token_id, at);
            CREATE TABLE local_accounts (
                person TEXT PRIMARY KEY,
                password_hash TEXT NOT NULL,
                totp_secret BYTEA NOT NULL,
                last_code_step BIGINT NOT NULL,
                failed_attempts INTEGER NOT NULL,
                locked_until BIGINT,
                created_at BIGINT NOT NULL
            );
            CREATE TABLE enrolments (
                code_hash BYTEA PRIMARY KEY,
                person TEXT NOT NULL,
                totp_secret BYTEA NOT NULL,
                created_by TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL,
                used_at BIGINT
            );
            CREATE TABLE login_attempts (
                person TEXT NOT NULL,
                at BIGINT NOT NULL,
                address TEXT NOT NULL,
                outcome TEXT NOT NULL
            );
            CREATE INDEX login_attempts_person ON login_attempts (person, at);
            CREATE TABLE sessions (
                id_hash BYTEA PRIMARY KEY,
                person TEXT NOT NULL,
                csrf_token TEXT NOT NULL,
                method TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                last_seen_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL,
                ended_at BIGINT
            );
            CREATE INDEX sessions_person ON sessions (person);
            CREATE TABLE configurations (
                version INTEGER PRIMARY KEY,
                applied_at BIGINT NOT NULL,
                applied_by TEXT NOT NULL,
                document TEXT NOT NULL,
                changes TEXT NOT NULL
            );
            CREATE TRIGGER configurations_append_only BEFORE UPDATE OR DELETE ON configurations
                FOR EACH ROW EXECUTE FUNCTION regie_refuse_change();
            CREATE TRIGGER configurations_no_truncate BEFORE TRUNCATE ON configurations
                FOR EACH STATEMENT EXECUTE FUNCTION regie_refuse_change();
            CREATE TABLE login_states (
                state_hash BYTEA PRIMARY KEY,
                binding_hash BYTEA NOT NULL,
                nonce TEXT NOT NULL,
                verifier TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL,
                used_at BIGINT
            );
            """),
        (5, "v5: network address of a read, purpose of a session", """
            ALTER TABLE access_log ADD COLUMN address TEXT;
            ALTER TABLE sessions ADD COLUMN purpose TEXT;
            """),
        (6, "v6: dropped goals in the facts", """
            -- Goals achieved count against the goals not dropped. NULL in the rows written
            -- before: the report works those cases out from their events until their next
            -- command writes the row again.
            ALTER TABLE case_facts ADD COLUMN goals_dropped INTEGER;
            """),
    ]
}
