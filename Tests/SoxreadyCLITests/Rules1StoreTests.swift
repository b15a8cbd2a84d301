import Foundation
import SoxreadyTestSupport
import Testing

/// A store recorded under rules version 1 (Tests/Fixtures/rules-1) renders, diffs and exports
/// exactly as the release that recorded it printed.
struct Rules1StoreTests {
    static let reports: [(app: String, run: Int)] = [
        ("general-ledger", 1), ("general-ledger", 2), ("group-consolidation", 1), ("treasury-payments", 1),
    ]

    /// The rules-1 store in a fresh folder: the SQLite file, or a PostgreSQL database it was
    /// copied into with `store copy` (so every golden below also checks the copy byte for byte).
    func rules1Store(_ backend: TestStore.Backend) throws -> (folder: URL, store: String, cleanUp: () -> Void) {
        let (folder, file) = try copyOfRules1Store()
        guard backend == .postgres else { return (folder, file, { try? FileManager.default.removeItem(at: folder) }) }
        let url = try PostgresTestServer.createDatabase()
        let copied = try runSoxready(["store", "copy", file, url], directory: folder)
        #expect(copied.status == 0, "\(copied.stderr)")
        return (
            folder, url,
            {
                PostgresTestServer.dropDatabase(url)
                try? FileManager.default.removeItem(at: folder)
            }
        )
    }

    func expected(_ name: String) throws -> String {
        try String(contentsOfFile: sharedFixturePath("rules-1/\(name)"), encoding: .utf8)
    }

    @Test(arguments: TestStore.Backend.all)
    func everyReportOfEveryRunIsByteForByteAsRecorded(_ backend: TestStore.Backend) throws {
        let (folder, store, cleanUp) = try rules1Store(backend)
        defer { cleanUp() }
        for (app, run) in Self.reports {
            for format in ["md", "html", "csv", "json", "answers"] {
                let result = try runSoxready(
                    ["report", "--store", store, "--app", app, "--run", String(run), "--format", format, "--output", "-"],
                    directory: folder)
                #expect(result.status == 0, "\(app) run \(run) \(format): \(result.stderr)")
                #expect(result.stdout == (try expected("\(app)-run-\(run).\(format)")), "\(app) run \(run) \(format) differs")
            }
        }
    }

    @Test(arguments: TestStore.Backend.all)
    func diffIsByteForByteAsRecorded(_ backend: TestStore.Backend) throws {
        let (folder, store, cleanUp) = try rules1Store(backend)
        defer { cleanUp() }
        for format in ["table", "json", "md"] {
            let result = try runSoxready(["diff", "--store", store, "--app", "general-ledger", "--format", format], directory: folder)
            #expect(result.stdout == (try expected("general-ledger-diff.\(format)")), "diff \(format) differs")
        }
    }

    /// Words of each line of a table.
    func words(_ table: String) -> [[String]] {
        table.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
    }

    /// `history` and `apps` list the store; they gained what the second release added, and
    /// nothing else changed: a SIGN-OFF column (pending, no run of 0.1 was signed off), the
    /// latest run's change in `apps` (issue 10, item 17), and the draft's progress.
    @Test(arguments: TestStore.Backend.all)
    func historyAndAppsShowTheSameRunsWithTheSecondReleasesColumns(_ backend: TestStore.Backend) throws {
        let (folder, store, cleanUp) = try rules1Store(backend)
        defer { cleanUp() }
        func withSignOff(_ lines: [[String]]) -> [[String]] {
            lines.enumerated().map { index, line in line + [index == 0 ? "SIGN-OFF" : index == 1 ? "--------" : "pending"] }
        }
        let history = try runSoxready(["history", "--store", store, "--app", "general-ledger"], directory: folder).stdout
        #expect(words(history) == withSignOff(words(try expected("general-ledger-history.table"))))
        // apps had a DRAFT column last (empty here); SIGN-OFF comes before it.
        let apps = try runSoxready(["apps", "--store", store], directory: folder).stdout
        let recorded = words(try expected("apps.table")).enumerated().map { index, line -> [String] in
            index == 0
                ? Array(line.dropLast()) + ["SIGN-OFF", "DRAFT"]
                : index == 1 ? Array(line.dropLast()) + ["--------", "-----"] : line + ["pending"]
        }
        #expect(words(apps) == recorded)

        func json(_ text: String) throws -> NSDictionary {
            try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSDictionary)
        }
        let pending: [String: Any] = ["status": "pending", "reviewer": NSNull(), "role": NSNull(), "at": NSNull(), "comment": NSNull()]
        let historyExpected = try #require(try json(try expected("general-ledger-history.json")).mutableCopy() as? NSMutableDictionary)
        historyExpected["runs"] = (historyExpected["runs"] as? [[String: Any]])?.map { run in run.merging(["signOff": pending]) { $1 } }
        // soxready 0.1 echoed the name as typed (here the slug); the stored name is given now.
        historyExpected["app"] = "General Ledger"
        let historyJSON = try runSoxready(["history", "--store", store, "--app", "general-ledger", "--format", "json"], directory: folder)
            .stdout
        #expect(try json(historyJSON) == historyExpected)

        let appsExpected = try #require(try json(try expected("apps.json")).mutableCopy() as? NSMutableDictionary)
        appsExpected["apps"] = (appsExpected["apps"] as? [[String: Any]])?.map { app in
            var app = app
            app["draftProgress"] = NSNull()
            if var latest = app["latestRun"] as? [String: Any] {
                latest["signOff"] = pending
                if app["name"] as? String == "General Ledger" { latest["scoreChange"] = 0.8 }
                app["latestRun"] = latest
            }
            return app
        }
        let appsJSON = try runSoxready(["apps", "--store", store, "--format", "json"], directory: folder).stdout
        #expect(try json(appsJSON) == appsExpected)
    }

    @Test func readingAnOldStoreLeavesItByteForByteUnchanged() throws {
        let (folder, store) = try copyOfRules1Store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try Data(contentsOf: URL(fileURLWithPath: store))
        _ = try runSoxready(["history", "--store", store, "--app", "general-ledger"], directory: folder)
        _ = try runSoxready(
            ["report", "--store", store, "--app", "general-ledger", "--format", "json", "--output", "-"], directory: folder)
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["store.sqlite"])
    }

    @Test(arguments: TestStore.Backend.all)
    func verifyChecksRuns0Point1RecordedByRecipe1AndByRescoringUnderRules1(_ backend: TestStore.Backend) throws {
        let (folder, store, cleanUp) = try rules1Store(backend)
        defer { cleanUp() }
        let verified = try runSoxready(["verify", "--store", store], directory: folder)
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(
            verified.stdout.hasSuffix("Checked 3 applications, 4 runs and 0 sign-offs: fingerprints, links, results and sign-offs hold.\n"))
        // Recipe 1 does not cover the result: an edited verdict is caught by scoring the answers again.
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments =
            backend == .sqlite
            ? [
                "sqlite3", store,
                """
                DROP TRIGGER runIsImmutable;
                UPDATE run SET result = replace(result, '"readiness" : "not-ready"', '"readiness" : "ready"'), readiness = 'ready'
                WHERE appID = (SELECT id FROM app WHERE slug = 'group-consolidation');
                """,
            ]
            : [
                "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", store, "-c",
                """
                ALTER TABLE soxready.runs DISABLE TRIGGER runs_are_immutable;
                UPDATE soxready.runs SET result = replace(result, '"readiness" : "not-ready"', '"readiness" : "ready"'), readiness = 'ready'
                WHERE app_id = (SELECT id FROM soxready.apps WHERE slug = 'group-consolidation');
                """,
            ]
        try sqlite.run()
        sqlite.waitUntilExit()
        #expect(sqlite.terminationStatus == 0)
        let broken = try runSoxready(["verify", "--store", store], directory: folder)
        #expect(broken.status == 65)
        #expect(
            broken.stderr.contains(
                "soxready: BROKEN: Group Consolidation run 1: the stored result does not follow from its answers under "
                    + "rules 1 (level recorded Ready, recomputed Not ready)\n"))
    }
}
