import GRDB

/// The SQLite store's versioned migrations. Never edit a shipped migration; add a new one.
///
/// `storeInfo` holds `schemaVersion`, the number of migrations applied, which `docs/store.md`
/// tells a DBA to read; a store with a migration this version does not know is refused.
enum SQLiteSchema {
    /// The schema version this build writes (the number of migrations below).
    static let version = 6

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: apps, questionnaire content, drafts, runs") { db in
            try db.execute(
                sql: """
                    CREATE TABLE app (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL UNIQUE,
                        slug TEXT NOT NULL UNIQUE,
                        createdAt TEXT NOT NULL
                    );
                    CREATE TABLE questionnaireContent (
                        hash TEXT PRIMARY KEY,
                        questionnaireID TEXT NOT NULL,
                        version TEXT NOT NULL,
                        content TEXT NOT NULL
                    );
                    CREATE TABLE draft (
                        appID INTEGER PRIMARY KEY REFERENCES app(id) ON DELETE CASCADE,
                        questionnaireHash TEXT NOT NULL REFERENCES questionnaireContent(hash),
                        startedAt TEXT NOT NULL,
                        updatedAt TEXT NOT NULL
                    );
                    CREATE TABLE draftAnswer (
                        appID INTEGER NOT NULL REFERENCES draft(appID) ON DELETE CASCADE,
                        questionID TEXT NOT NULL,
                        answer TEXT,
                        note TEXT,
                        evidence TEXT,
                        updatedAt TEXT NOT NULL,
                        PRIMARY KEY (appID, questionID)
                    );
                    CREATE TABLE run (
                        id INTEGER PRIMARY KEY,
                        appID INTEGER NOT NULL REFERENCES app(id),
                        number INTEGER NOT NULL,
                        recordedAt TEXT NOT NULL,
                        questionnaireHash TEXT NOT NULL REFERENCES questionnaireContent(hash),
                        questionnaireID TEXT NOT NULL,
                        questionnaireVersion TEXT NOT NULL,
                        readiness TEXT NOT NULL,
                        score REAL,
                        confidence REAL NOT NULL,
                        stars INTEGER NOT NULL,
                        blockers INTEGER NOT NULL,
                        highGaps INTEGER NOT NULL,
                        mediumGaps INTEGER NOT NULL,
                        lowGaps INTEGER NOT NULL,
                        answers TEXT NOT NULL,
                        result TEXT NOT NULL,
                        fingerprint TEXT NOT NULL,
                        UNIQUE (appID, number)
                    );
                    CREATE INDEX runByApp ON run(appID, number);
                    CREATE TRIGGER runIsImmutable BEFORE UPDATE ON run
                    BEGIN SELECT RAISE(ABORT, 'runs are immutable'); END;
                    CREATE TRIGGER runIsNeverDeleted BEFORE DELETE ON run
                    BEGIN SELECT RAISE(ABORT, 'runs are immutable'); END;
                    """)
        }
        migrator.registerMigration("v2: draft position") { db in
            // The question the wizard was asking when it last saved, so a resumed draft continues there.
            try db.execute(sql: "ALTER TABLE draft ADD COLUMN position TEXT")
        }
        migrator.registerMigration("v3: draft owner and holder, rerun origin, store info") { db in
            // A draft belongs to the user who started it and is held by one session at a time; a
            // rerun's draft remembers the run it pre-fills from, so a resumed rerun pre-fills the same.
            try db.execute(
                sql: """
                    ALTER TABLE draft ADD COLUMN owner TEXT NOT NULL DEFAULT '';
                    ALTER TABLE draft ADD COLUMN holderToken TEXT;
                    ALTER TABLE draft ADD COLUMN holderUser TEXT;
                    ALTER TABLE draft ADD COLUMN holderHost TEXT;
                    ALTER TABLE draft ADD COLUMN holderProcess INTEGER;
                    ALTER TABLE draft ADD COLUMN heldSince TEXT;
                    ALTER TABLE draft ADD COLUMN basedOnRun INTEGER;
                    ALTER TABLE draft ADD COLUMN onlyGaps INTEGER NOT NULL DEFAULT 0;
                    CREATE TABLE storeInfo (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                    INSERT INTO storeInfo (key, value) VALUES ('schemaVersion', '3'), ('application', 'soxready');
                    """)
        }
        migrator.registerMigration("v4: commitments in draft answers") { db in
            // A commitment to close a gap (rules 2): a named owner and a due date, saved per answer.
            try db.execute(
                sql: """
                    ALTER TABLE draftAnswer ADD COLUMN owner TEXT;
                    ALTER TABLE draftAnswer ADD COLUMN due TEXT;
                    UPDATE storeInfo SET value = '4' WHERE key = 'schemaVersion';
                    """)
        }
        migrator.registerMigration("v5: preparer, fingerprint chain, sign-offs") { db in
            // Runs recorded before v5 keep recipe soxready-run@1 and no preparer; later runs name
            // their preparer and chain to the run before (docs/store.md gives both recipes).
            try db.execute(
                sql: """
                    ALTER TABLE run ADD COLUMN preparedBy TEXT;
                    ALTER TABLE run ADD COLUMN attestation TEXT;
                    ALTER TABLE run ADD COLUMN previousFingerprint TEXT;
                    ALTER TABLE run ADD COLUMN fingerprintRecipe TEXT NOT NULL DEFAULT 'soxready-run@1';
                    CREATE TABLE signOff (
                        id INTEGER PRIMARY KEY,
                        appID INTEGER NOT NULL REFERENCES app(id),
                        number INTEGER NOT NULL,
                        runNumber INTEGER NOT NULL,
                        runFingerprint TEXT NOT NULL,
                        reviewer TEXT NOT NULL,
                        role TEXT NOT NULL,
                        decision TEXT NOT NULL CHECK (decision IN ('approve', 'send-back')),
                        comment TEXT,
                        statement TEXT NOT NULL,
                        recordedAt TEXT NOT NULL,
                        signature TEXT,
                        previousFingerprint TEXT,
                        fingerprint TEXT NOT NULL,
                        UNIQUE (appID, number)
                    );
                    CREATE INDEX signOffByApp ON signOff(appID, number);
                    CREATE TRIGGER signOffIsImmutable BEFORE UPDATE ON signOff
                    BEGIN SELECT RAISE(ABORT, 'sign-offs are immutable'); END;
                    CREATE TRIGGER signOffIsNeverDeleted BEFORE DELETE ON signOff
                    BEGIN SELECT RAISE(ABORT, 'sign-offs are immutable'); END;
                    UPDATE storeInfo SET value = '5' WHERE key = 'schemaVersion';
                    """)
        }
        migrator.registerMigration("v6: archived applications") { db in
            // An archived application is hidden from apps and the portfolio; its runs stay.
            try db.execute(
                sql: """
                    ALTER TABLE app ADD COLUMN archivedAt TEXT;
                    UPDATE storeInfo SET value = '6' WHERE key = 'schemaVersion';
                    """)
        }
        return migrator
    }

    /// The triggers that keep runs and sign-offs immutable, with the SQL the migrations create
    /// them with (v1 and v5, as SQLite keeps it in `sqlite_master`): `verify` compares each
    /// store's with these, so that a dropped, re-created or weakened trigger is reported.
    static let immutabilityTriggers: [(name: String, sql: String)] = [
        ("runIsImmutable", "CREATE TRIGGER runIsImmutable BEFORE UPDATE ON run BEGIN SELECT RAISE(ABORT, 'runs are immutable'); END"),
        ("runIsNeverDeleted", "CREATE TRIGGER runIsNeverDeleted BEFORE DELETE ON run BEGIN SELECT RAISE(ABORT, 'runs are immutable'); END"),
        (
            "signOffIsImmutable",
            "CREATE TRIGGER signOffIsImmutable BEFORE UPDATE ON signOff BEGIN SELECT RAISE(ABORT, 'sign-offs are immutable'); END"
        ),
        (
            "signOffIsNeverDeleted",
            "CREATE TRIGGER signOffIsNeverDeleted BEFORE DELETE ON signOff BEGIN SELECT RAISE(ABORT, 'sign-offs are immutable'); END"
        ),
    ]
}
