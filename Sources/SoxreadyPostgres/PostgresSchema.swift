/// The PostgreSQL store's versioned migrations, in schema `soxready`. Never edit a shipped
/// migration; add one.
///
/// Each migration runs in one transaction that first takes ``migrationLock`` (so concurrent first
/// runs never race) and re-reads the version; `soxready.schema_migrations` has one row per
/// migration applied, which a DBA reads (docs/store.md). Schema version 1 holds what the SQLite
/// store has at its version 6.
enum PostgresSchema {
    /// One migration: its version, what it adds, and its statements (one each: the extended
    /// protocol takes one statement per query).
    struct Migration {
        var version: Int
        var description: String
        var statements: [String]
    }

    /// The key of the advisory lock every migrating soxready process takes (`SOXRDY` in ASCII).
    static let migrationLock: Int64 = 0x534F_5852_4459

    /// The key of the advisory lock taken to create an application (so that two processes never
    /// give two applications one slug).
    static let appCreationLock: Int64 = 0x534F_5852_4441

    /// The schema version this build writes.
    static var latest: Int { migrations.last?.version ?? 0 }

    /// Created before any migration, by the migrator.
    static let bookkeeping = """
        CREATE TABLE IF NOT EXISTS soxready.schema_migrations (
            version          integer     PRIMARY KEY,
            description      text        NOT NULL,
            applied_at       timestamptz NOT NULL DEFAULT now(),
            applied_by       text        NOT NULL DEFAULT current_user,
            soxready_version text        NOT NULL
        )
        """

    static let migrations: [Migration] = [
        Migration(
            version: 1, description: "apps, questionnaire contents, runs and sign-offs (immutable by triggers), drafts",
            statements: [
                """
                CREATE FUNCTION soxready.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  RAISE EXCEPTION 'soxready: % on %.% is not allowed: recorded rows are immutable', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
                    USING ERRCODE = 'SX001', HINT = 'Record a new run or sign-off instead.', SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME;
                END
                $$
                """,
                """
                CREATE TABLE soxready.apps (
                    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    name        text        NOT NULL UNIQUE,
                    folded_name text        NOT NULL,
                    slug        text        NOT NULL UNIQUE,
                    created_at  timestamptz NOT NULL,
                    archived_at timestamptz
                )
                """,
                "CREATE INDEX apps_by_folded_name ON soxready.apps (folded_name)",
                """
                CREATE TABLE soxready.questionnaire_contents (
                    hash             text PRIMARY KEY,
                    questionnaire_id text NOT NULL,
                    version          text NOT NULL,
                    content          text NOT NULL
                )
                """,
                """
                CREATE TABLE soxready.runs (
                    id                    bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    app_id                bigint      NOT NULL REFERENCES soxready.apps,
                    number                bigint      NOT NULL,
                    recorded_at           timestamptz NOT NULL,
                    questionnaire_hash    text        NOT NULL REFERENCES soxready.questionnaire_contents,
                    questionnaire_id      text        NOT NULL,
                    questionnaire_version text        NOT NULL,
                    readiness             text        NOT NULL,
                    score                 double precision,
                    confidence            double precision NOT NULL,
                    stars                 bigint      NOT NULL,
                    blockers              bigint      NOT NULL,
                    high_gaps             bigint      NOT NULL,
                    medium_gaps           bigint      NOT NULL,
                    low_gaps              bigint      NOT NULL,
                    answers               text        NOT NULL,
                    result                text        NOT NULL,
                    prepared_by           text,
                    attestation           text,
                    previous_fingerprint  text,
                    fingerprint_recipe    text        NOT NULL,
                    fingerprint           text        NOT NULL,
                    UNIQUE (app_id, number)
                )
                """,
                """
                CREATE TABLE soxready.sign_offs (
                    id                   bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    app_id               bigint      NOT NULL REFERENCES soxready.apps,
                    number               bigint      NOT NULL,
                    run_number           bigint      NOT NULL,
                    run_fingerprint      text        NOT NULL,
                    reviewer             text        NOT NULL,
                    role                 text        NOT NULL,
                    decision             text        NOT NULL CHECK (decision IN ('approve', 'send-back')),
                    comment              text,
                    statement            text        NOT NULL,
                    recorded_at          timestamptz NOT NULL,
                    signature            text,
                    previous_fingerprint text,
                    fingerprint          text        NOT NULL,
                    UNIQUE (app_id, number),
                    FOREIGN KEY (app_id, run_number) REFERENCES soxready.runs (app_id, number)
                )
                """,
                """
                CREATE TABLE soxready.drafts (
                    app_id             bigint      PRIMARY KEY REFERENCES soxready.apps,
                    questionnaire_hash text        NOT NULL REFERENCES soxready.questionnaire_contents,
                    started_at         timestamptz NOT NULL,
                    updated_at         timestamptz NOT NULL,
                    position           text,
                    owner              text        NOT NULL,
                    holder_token       text,
                    holder_user        text,
                    holder_host        text,
                    holder_process     bigint,
                    held_since         timestamptz,
                    based_on_run       bigint,
                    only_gaps          boolean     NOT NULL
                )
                """,
                """
                CREATE TABLE soxready.draft_answers (
                    app_id      bigint      NOT NULL REFERENCES soxready.drafts ON DELETE CASCADE,
                    question_id text        NOT NULL,
                    answer      text,
                    note        text,
                    evidence    text,
                    owner       text,
                    due         text,
                    updated_at  timestamptz NOT NULL,
                    PRIMARY KEY (app_id, question_id)
                )
                """,
                "CREATE TRIGGER runs_are_immutable BEFORE UPDATE OR DELETE ON soxready.runs FOR EACH ROW EXECUTE FUNCTION soxready.refuse_change()",
                "CREATE TRIGGER runs_are_never_truncated BEFORE TRUNCATE ON soxready.runs FOR EACH STATEMENT EXECUTE FUNCTION soxready.refuse_change()",
                "CREATE TRIGGER sign_offs_are_immutable BEFORE UPDATE OR DELETE ON soxready.sign_offs FOR EACH ROW EXECUTE FUNCTION soxready.refuse_change()",
                "CREATE TRIGGER sign_offs_are_never_truncated BEFORE TRUNCATE ON soxready.sign_offs FOR EACH STATEMENT EXECUTE FUNCTION soxready.refuse_change()",
                "COMMENT ON TABLE soxready.runs IS 'soxready: one immutable row per recorded run (triggers refuse UPDATE, DELETE, TRUNCATE)'",
                "COMMENT ON TABLE soxready.sign_offs IS 'soxready: one immutable row per reviewer decision (triggers refuse UPDATE, DELETE, TRUNCATE)'",
            ])
    ]

    /// The triggers that keep runs and sign-offs immutable, each with its definition as
    /// `pg_get_triggerdef` gives it up to ` EXECUTE FUNCTION` (migration 1): `verify` compares
    /// the database's with these.
    static let immutabilityTriggers: [(name: String, definition: String)] = [
        ("runs_are_immutable", "CREATE TRIGGER runs_are_immutable BEFORE DELETE OR UPDATE ON soxready.runs FOR EACH ROW"),
        ("runs_are_never_truncated", "CREATE TRIGGER runs_are_never_truncated BEFORE TRUNCATE ON soxready.runs FOR EACH STATEMENT"),
        ("sign_offs_are_immutable", "CREATE TRIGGER sign_offs_are_immutable BEFORE DELETE OR UPDATE ON soxready.sign_offs FOR EACH ROW"),
        (
            "sign_offs_are_never_truncated",
            "CREATE TRIGGER sign_offs_are_never_truncated BEFORE TRUNCATE ON soxready.sign_offs FOR EACH STATEMENT"
        ),
    ]

    /// The body of `soxready.refuse_change()` as migration 1 creates it (`pg_proc.prosrc`).
    static let refuseChangeBody = """
        BEGIN
          RAISE EXCEPTION 'soxready: % on %.% is not allowed: recorded rows are immutable', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
            USING ERRCODE = 'SX001', HINT = 'Record a new run or sign-off instead.', SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME;
        END
        """
}
