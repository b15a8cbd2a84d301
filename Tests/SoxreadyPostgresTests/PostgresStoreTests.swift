import Foundation
import SoxreadyCore
import SoxreadyTestSupport
import Testing

@testable import SoxreadyPostgres

/// What only the PostgreSQL store does: the schema in the database, triggers, refusals of
/// foreign and newer databases, credentials, TLS, locks. Each test has a database of its own.
@Suite(.enabled(if: PostgresTestServer.url != nil, "needs $SOXREADY_TEST_PG (scripts/test.sh starts a server)"))
struct PostgresStoreTests {
    let loaded: LoadedQuestionnaire

    init() throws {
        loaded = try QuestionnaireLoader.load(path: fixturePath("scoring-small.yaml"))
    }

    func run(_ app: String, at seconds: Double = 1_795_975_200) -> RunToRecord {
        RunToRecord(
            scoring: [:], appName: app, questionnaire: loaded, recordedAt: Date(timeIntervalSince1970: seconds),
            preparer: Preparer(name: "Pat Preparer"))
    }

    /// A fresh database, dropped when `body` ends.
    func withDatabase(_ body: (String) throws -> Void) throws {
        let url = try PostgresTestServer.createDatabase()
        defer { PostgresTestServer.dropDatabase(url) }
        try body(url)
    }

    func psql(_ url: String, _ sql: String) throws -> (status: Int32, stdout: String, stderr: String) {
        try PostgresTestServer.psql(url, sql)
    }

    @Test func runsAndSignOffsAreImmutableInTheDatabaseItself() throws {
        try withDatabase { (url: String) throws in
            let store = try PostgresStore(url: url)
            let recorded = try store.record(run("GL"))
            _ = try store.recordSignOff(
                NewSignOff(
                    appName: "GL", runNumber: 1, runFingerprint: recorded.fingerprint, reviewer: "Lee Chen",
                    role: "Controller", decision: .approve, comment: nil,
                    statement: "fingerprint \(recorded.fingerprint)", signature: nil,
                    recordedAt: Date(timeIntervalSince1970: 1_795_978_800)))
            for (sql, operation, table) in [
                ("UPDATE soxready.runs SET score = 100", "UPDATE", "runs"),
                ("DELETE FROM soxready.runs", "DELETE", "runs"),
                ("TRUNCATE soxready.runs CASCADE", "TRUNCATE", "runs"),
                ("UPDATE soxready.sign_offs SET decision = 'send-back'", "UPDATE", "sign_offs"),
                ("DELETE FROM soxready.sign_offs", "DELETE", "sign_offs"),
                ("TRUNCATE soxready.sign_offs", "TRUNCATE", "sign_offs"),
            ] {
                let refused = try psql(url, sql)
                #expect(refused.status != 0, "\(sql)")
                #expect(
                    refused.stderr.contains("soxready: \(operation) on soxready.\(table) is not allowed: recorded rows are immutable"),
                    "\(refused.stderr)")
            }
            #expect(
                try psql(url, "SELECT number, score IS NULL, fingerprint = '\(recorded.fingerprint)' FROM soxready.runs").stdout
                    == "1|t|t\n")
            #expect(try psql(url, "SELECT count(*) FROM soxready.sign_offs").stdout == "1\n")
        }
    }

    @Test func theSchemaVersionIsInATableTheDBACanRead() throws {
        try withDatabase { (url: String) throws in
            let store = try PostgresStore(url: url, toolVersion: "9.8.7")
            #expect(try store.schemaVersion() == 1)
            #expect(
                try psql(url, "SELECT version, soxready_version, applied_by FROM soxready.schema_migrations").stdout == "1|9.8.7|soxready\n"
            )
            // Opening again applies nothing.
            _ = try PostgresStore(url: url)
            #expect(try psql(url, "SELECT count(*) FROM soxready.schema_migrations").stdout == "1\n")
        }
    }

    @Test func aNewerSchemaIsRefusedAndNeverWritten() throws {
        try withDatabase { (url: String) throws in
            _ = try PostgresStore(url: url)
            #expect(
                try psql(
                    url,
                    "INSERT INTO soxready.schema_migrations (version, description, soxready_version) VALUES (2, 'from the future', '9.0')"
                )
                .status == 0)
            let location = PostgresConnectionInfo.redacted(url)
            #expect(throws: StoreError.newerSchema(location: location, found: "2")) { _ = try PostgresStore(url: url) }
            #expect(throws: StoreError.newerSchema(location: location, found: "2")) { _ = try PostgresStore(url: url, mode: .readOnly) }
            #expect(try psql(url, "SELECT count(*) FROM soxready.schema_migrations").stdout == "2\n")
            #expect(try psql(url, "SELECT count(*) FROM soxready.apps").stdout == "0\n")
            #expect(StoreError.newerSchema(location: location, found: "2").exitStatus == .ioError)
        }
    }

    @Test func aDatabaseWithOtherTablesIsNotTurnedIntoAStore() throws {
        try withDatabase { (url: String) throws in
            #expect(try psql(url, "CREATE TABLE public.invoices (id int); CREATE TABLE public.vendors (id int)").status == 0)
            let location = PostgresConnectionInfo.redacted(url)
            let refusal = StoreError.notAStore(
                location: location,
                reason: "the database has other tables (public.invoices, public.vendors) and no "
                    + "soxready schema; give soxready a database of its own (docs/store.md)")
            #expect(throws: refusal) { _ = try PostgresStore(url: url) }
            #expect(throws: refusal) { _ = try PostgresStore(url: url, mode: .readOnly) }
            #expect(try psql(url, "SELECT count(*) FROM pg_namespace WHERE nspname = 'soxready'").stdout == "0\n")
        }
    }

    @Test func readingAnEmptyDatabaseFindsNoStoreAndCreatesNothing() throws {
        try withDatabase { (url: String) throws in
            #expect(throws: StoreError.notFound(location: PostgresConnectionInfo.redacted(url))) {
                _ = try PostgresStore(url: url, mode: .readOnly)
            }
            #expect(try psql(url, "SELECT count(*) FROM pg_namespace WHERE nspname = 'soxready'").stdout == "0\n")
        }
    }

    @Test func aWrongPasswordIsNamedWithoutShowingIt() throws {
        let base = try #require(PostgresTestServer.url)
        let info = try PostgresConnectionInfo.parse(base, environment: [:], osUser: "root")
        let url = "postgresql://\(info.user):wrong-secret@\(info.host):\(info.port)/\(info.database)"
        do {
            _ = try PostgresStore(url: url, environment: [:])
            Issue.record("a wrong password was accepted")
        } catch {
            guard case .accessDenied(let location, let reason) = error else { throw error }
            #expect(location == "postgresql://\(info.user)@\(info.host):\(info.port)/\(info.database)")
            #expect(reason.hasPrefix("password authentication failed for user \"\(info.user)\"; check the user and the password"))
            #expect(!error.description.contains("wrong-secret"))
            #expect(error.exitStatus == .ioError)
        }
    }

    @Test func thePasswordComesFromThePasswordFileOrIsMissed() throws {
        let base = try #require(PostgresTestServer.url)
        let info = try PostgresConnectionInfo.parse(base, environment: [:], osUser: "root")
        let password = try #require(info.password)
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("pgpass").path
        try "\(info.host):\(info.port):*:\(info.user):\(password.replacingOccurrences(of: ":", with: "\\:"))\n".write(
            toFile: file, atomically: false, encoding: .utf8)
        chmod(file, 0o600)
        let url = "postgresql://\(info.user)@\(info.host):\(info.port)/\(info.database)"
        // The test server's database is a soxready store or empty; reading either works or finds none.
        do { _ = try PostgresStore(url: url, mode: .readOnly, environment: ["PGPASSFILE": file]) } catch .notFound(_) {}
        do { _ = try PostgresStore(url: url, mode: .readOnly, environment: ["PGPASSWORD": password]) } catch .notFound(_) {}
        #expect(
            throws: StoreError.accessDenied(
                location: url,
                reason: "the server asks for a password and none was found (in the URL, "
                    + "PGPASSWORD or the password file ~/.pgpass or PGPASSFILE)")
        ) {
            _ = try PostgresStore(url: url, mode: .readOnly, environment: ["HOME": folder.path])
        }
        // A file the group may read is ignored, with libpq's warning.
        chmod(file, 0o640)
        var warnings: [String] = []
        #expect(throws: StoreError.self) {
            _ = try PostgresStore(url: url, mode: .readOnly, environment: ["PGPASSFILE": file], warn: { warnings.append($0) })
        }
        #expect(warnings == ["WARNING: password file \"\(file)\" has group or world access; permissions should be u=rw (0600) or less"])
    }

    @Test func anUnreachableServerOrMissingDatabaseIsAClearError() throws {
        let base = try #require(PostgresTestServer.url)
        let info = try PostgresConnectionInfo.parse(base, environment: [:], osUser: "root")
        // Port 1 on the loopback: nothing listens there.
        do {
            _ = try PostgresStore(url: "postgresql://u:p@127.0.0.1:1/db", environment: [:])
            Issue.record("connected to port 1")
        } catch {
            guard case .connectionFailed(let location, let reason) = error else { throw error }
            #expect(location == "postgresql://u@127.0.0.1:1/db")
            #expect(reason.hasPrefix("nothing answers at 127.0.0.1 port 1"))
            #expect(reason.hasSuffix("; is the server running and the URL right?"))
            #expect(error.exitStatus == .ioError)
        }
        let missing = PostgresTestServer.url(base, database: "no_such_db")
        #expect(
            throws: StoreError.connectionFailed(
                location: PostgresConnectionInfo.redacted(missing),
                reason: "database \"no_such_db\" does not exist; a DBA creates it (docs/store.md, \"PostgreSQL\")")
        ) {
            _ = try PostgresStore(url: missing, environment: [:])
        }
        _ = info
    }

    @Test func aServerThatNeverAnswersTimesOut() throws {
        // A listener that accepts and says nothing: the connect_timeout of the URL bounds the wait.
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        listen(listener, 4)
        let port = Int(UInt16(bigEndian: address.sin_port))
        let started = Date()
        #expect(
            throws: StoreError.connectionFailed(
                location: "postgresql://u@127.0.0.1:\(port)/db?connect_timeout=2",
                reason: "the server did not answer within 2 s")
        ) {
            _ = try PostgresStore(url: "postgresql://u:p@127.0.0.1:\(port)/db?connect_timeout=2", environment: [:])
        }
        let waited = Date().timeIntervalSince(started)
        #expect(waited >= 1.9 && waited < 6, "waited \(waited) s")
    }

    @Test func aWriterThatCannotGetTheLockFailsAsBusyAndWritesNothing() throws {
        try withDatabase { (url: String) throws in
            let store = try PostgresStore(url: url, busyTimeout: 0.3)
            _ = try store.record(run("GL"))
            // Another session holds the application's row for two seconds.
            let holder = Process()
            holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            holder.arguments = [
                "psql", "-X", "-q", "-d", url, "-c",
                "BEGIN; SELECT id FROM soxready.apps FOR UPDATE; SELECT pg_sleep(2); COMMIT;",
            ]
            holder.standardOutput = FileHandle.nullDevice
            try holder.run()
            defer { holder.waitUntilExit() }
            // Wait until the row is locked.
            for _ in 0..<100 {
                if try psql(
                    url,
                    "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'apps' AND l.mode = 'RowShareLock'"
                )
                .stdout != "0\n" {
                    break
                }
                usleep(20_000)
            }
            let started = Date()
            #expect(throws: StoreError.busy(location: PostgresConnectionInfo.redacted(url), waitedSeconds: 0.3)) {
                try store.record(run("GL"))
            }
            #expect(Date().timeIntervalSince(started) < 1.5)
            holder.waitUntilExit()
            #expect(try store.runs(appName: "GL").map(\.number) == [1])
            #expect(StoreError.busy(location: "x", waitedSeconds: 0.3).exitStatus == .storeBusy)
        }
    }

    @Test func concurrentFirstOpensApplyEachMigrationOnceAndRunNumbersNeverCollide() throws {
        try withDatabase { (url: String) throws in
            let results = ResultList()
            DispatchQueue.concurrentPerform(iterations: 8) { worker in
                do {
                    let store = try PostgresStore(url: url, busyTimeout: 10)
                    for round in 0..<5 {
                        results.append(try store.record(run("GL", at: 1_795_975_200 + Double(worker * 10 + round))).summary.number)
                    }
                } catch {
                    results.fail("\(error)")
                }
            }
            #expect(results.failures.isEmpty, "\(results.failures)")
            #expect(results.numbers.sorted() == Array(1...40))
            #expect(try psql(url, "SELECT count(*) FROM soxready.schema_migrations").stdout == "1\n")
            let report = try StoreVerifier.verify(try PostgresStore(url: url, mode: .readOnly))
            #expect(report.holds, "\(report.problems)")
        }
    }

    @Test func theConnectionIsOpenedAgainWhenTheServerEndedIt() throws {
        try withDatabase { (url: String) throws in
            let store = try PostgresStore(url: url)
            _ = try store.record(run("GL"))
            #expect(
                try psql(
                    url,
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
                .stdout == "1\n")
            usleep(200_000)
            #expect(try store.record(run("GL")).summary.number == 2)
        }
    }

    @Test func theRolesAndGrantsOfTheStoreDocKeepTheDayToDayRoleFromChangingRuns() throws {
        let blocks = try documentedBlocks(in: "docs/store.md", after: "### Roles and grants", language: "sql")
        #expect(blocks.count == 2)
        guard blocks.count == 2, let base = PostgresTestServer.url else { return }
        let suffix = UUID().uuidString.lowercased().prefix(8)
        let owner = "sx_owner_\(suffix)", app = "sx_app_\(suffix)", database = "sx_roles_\(suffix)"
        func adapt(_ sql: String) -> String {
            sql.replacingOccurrences(of: "soxready_owner", with: owner).replacingOccurrences(of: "soxready_app", with: app)
                .replacingOccurrences(of: "DATABASE soxready", with: "DATABASE \(database)")
        }
        let info = try PostgresConnectionInfo.parse(base, environment: [:], osUser: "root")
        func url(_ role: String, _ password: String) -> String {
            "postgresql://\(role):\(password)@\(info.host):\(info.port)/\(database)"
        }
        defer {
            _ = try? PostgresTestServer.psql(base, "DROP DATABASE IF EXISTS \(database) WITH (FORCE)")
            _ = try? PostgresTestServer.psql(base, "DROP ROLE IF EXISTS \(owner)")
            _ = try? PostgresTestServer.psql(base, "DROP ROLE IF EXISTS \(app)")
        }
        // The first block, statement by statement (CREATE DATABASE cannot run in a transaction block).
        for statement in adapt(blocks[0]).split(separator: ";").map({ $0.trimmingCharacters(in: .whitespacesAndNewlines) })
        where !statement.isEmpty {
            let done = try psql(base, statement)
            #expect(done.status == 0, "\(statement): \(done.stderr)")
        }
        let ownerURL = url(owner, "change-me"), appURL = url(app, "change-me-too")
        // The day-to-day role cannot create the schema: it is told who can.
        do {
            _ = try PostgresStore(url: appURL, environment: [:])
            Issue.record("the day-to-day role created the schema")
        } catch {
            guard case .accessDenied(_, let reason) = error else { throw error }
            #expect(reason.contains("run soxready store migrate as the role that owns it"))
        }
        #expect(try PostgresStore(url: ownerURL, environment: [:]).schemaVersion() == 1)
        let granted = try psql(ownerURL, adapt(blocks[1]))
        #expect(granted.status == 0, "\(granted.stderr)")

        // Day to day: runs, sign-offs, drafts, renames and archives work.
        let store = try PostgresStore(url: appURL, environment: [:])
        let first = try store.record(run("GL"))
        _ = try store.record(run("GL", at: 1_795_978_800))
        let signedAt = Date(timeIntervalSince1970: 1_795_982_400)
        let statement = SignOffRules.statement(
            app: "GL", run: first, reviewer: "Lee Chen", role: "Controller", decision: .approve,
            comment: nil, at: signedAt)
        _ = try store.recordSignOff(
            NewSignOff(
                appName: "GL", runNumber: 1, runFingerprint: first.fingerprint, reviewer: "Lee Chen", role: "Controller",
                decision: .approve, comment: nil, statement: statement, signature: nil, recordedAt: signedAt))
        let session = DraftSession(
            token: "t1", user: "dana", host: ProcessInfo.processInfo.hostName, processID: getpid(),
            startedAt: Date(timeIntervalSince1970: 1_795_975_200))
        try store.startDraft(
            NewDraft(appName: "GL", questionnaire: loaded, startedAt: Date(timeIntervalSince1970: 1_795_975_200)), session: session)
        try store.saveDraftAnswer(
            appName: "GL", questionID: "a1", record: AnswerRecord(answer: .value(.choice("yes"))), next: "a2",
            at: Date(timeIntervalSince1970: 1_795_975_260), session: session)
        try store.releaseDraft(appName: "GL", session: session)
        try store.renameApp("GL", to: "General Ledger")
        try store.setArchived("General Ledger", archived: true, at: Date(timeIntervalSince1970: 1_795_990_000))
        #expect(try store.runs(appName: "General Ledger").map(\.number) == [1, 2])
        #expect(try StoreVerifier.verify(store).problems.map(\.description) == [])

        // …but it can neither change a recorded row nor switch a trigger off.
        for sql in [
            "UPDATE soxready.runs SET score = 100", "DELETE FROM soxready.runs", "DELETE FROM soxready.sign_offs",
            "ALTER TABLE soxready.runs DISABLE TRIGGER runs_are_immutable", "TRUNCATE soxready.sign_offs",
        ] {
            let refused = try psql(appURL, sql)
            #expect(refused.status != 0, "\(sql)")
            #expect(
                refused.stderr.contains("permission denied for table") || refused.stderr.contains("must be owner of table"),
                "\(sql): \(refused.stderr)")
        }
        #expect(try psql(ownerURL, "SELECT count(*) FROM soxready.runs").stdout == "2\n")
    }
}
