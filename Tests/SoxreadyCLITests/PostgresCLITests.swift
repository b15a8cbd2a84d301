import Foundation
import SoxreadyTestSupport
import Testing

/// The team store end to end: many processes on one database, `store copy` there and back,
/// passwords never printed, bad URLs and unreachable servers.
@Suite(.enabled(if: PostgresTestServer.url != nil, "needs $SOXREADY_TEST_PG (scripts/test.sh starts a server)"))
final class PostgresCLITests {
    let folder: URL
    let questionnaire = repositoryRoot.appendingPathComponent("Tests/SoxreadyCoreTests/Fixtures/scoring-small.yaml").path

    init() throws { folder = try temporaryFolder() }
    deinit { try? FileManager.default.removeItem(at: folder) }

    func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func answers(_ a1: String = "partial") throws -> String {
        try write(
            "gl-\(a1).yaml",
            """
            format: soxready/answers@1
            app: General Ledger
            preparedBy: Pat Preparer
            answers:
              hosting: [paas]
              a1: \(a1)
              a2: q
              c1: 'yes'

            """)
    }

    func numbers(_ store: String) throws -> [Int] {
        let history = try runSoxready(["history", "--store", store, "--app", "General Ledger", "--format", "json"], directory: folder)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [String: Any])
        return (document["runs"] as? [[String: Any]])?.compactMap { $0["number"] as? Int } ?? []
    }

    @Test func eightProcessesRecordingForTwentyRoundsLoseNoRun() throws {
        let db = try TestStore(.postgres, folder: folder)
        defer { db.remove() }
        let url = try #require(db.url)
        let file = try answers()
        var recorded = 0, busy = 0
        for round in 0..<20 {
            var errors: [URL] = []
            let processes = try (0..<8).map { index in
                let process = Process()
                process.executableURL = soxreadyBinary
                process.arguments = ["assess", "--store", url, "--questionnaire", questionnaire, "--answers", file, "--output", "plans"]
                process.currentDirectoryURL = folder
                process.standardOutput = FileHandle.nullDevice
                let error = folder.appendingPathComponent("stderr-\(round)-\(index)")
                _ = FileManager.default.createFile(atPath: error.path, contents: nil)
                process.standardError = try FileHandle(forWritingTo: error)
                errors.append(error)
                return process
            }
            for process in processes { try process.run() }
            for process in processes { process.waitUntilExit() }
            let statuses = processes.map(\.terminationStatus)
            // 0 recorded; 75 busy after the documented wait, nothing recorded. Nothing else.
            let unexpected = zip(statuses, errors).filter { $0.0 != 0 && $0.0 != 75 }
                .map { "\($0.0): " + ((try? String(contentsOf: $0.1, encoding: .utf8)) ?? "") }
            #expect(unexpected.isEmpty, "round \(round): \(statuses) \(unexpected)")
            for (status, error) in zip(statuses, errors) where status == 75 {
                #expect(
                    try String(contentsOf: error, encoding: .utf8).contains(
                        "is busy: another soxready process is writing and did not finish within 3 s; nothing was recorded, try again"))
            }
            recorded += statuses.filter { $0 == 0 }.count
            busy += statuses.filter { $0 == 75 }.count
            // Every process that reported success has its run, numbered without a gap.
            #expect(try numbers(url) == Array(0..<recorded).map { $0 + 1 }, "round \(round)")
        }
        #expect(recorded + busy == 160)
        // A transaction takes milliseconds and a writer waits 3 s: nearly every process records.
        #expect(recorded >= 150, "\(busy) of 160 processes found the store busy")
        let verified = try runSoxready(["verify", "--store", url], directory: folder)
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(
            verified.stdout.hasSuffix(
                "Checked 1 application, \(recorded) runs and 0 sign-offs: fingerprints, links, results and sign-offs hold.\n"))
    }

    @Test func storeCopyMovesEveryRunSignOffAndDraftToPostgresAndBack() throws {
        let db = try TestStore(.postgres, folder: folder)
        defer { db.remove() }
        let url = try #require(db.url)
        // A SQLite store with rules-1 runs (recipe 1), newer runs, a sign-off, an archived app and a draft.
        let (fixture, source) = try copyOfRules1Store()
        defer { try? FileManager.default.removeItem(at: fixture) }
        #expect(
            try runSoxready(
                ["assess", "--store", source, "--questionnaire", questionnaire, "--answers", try answers(), "--output", "p"],
                directory: folder
            ).status == 0)
        #expect(
            try runSoxready(
                ["assess", "--store", source, "--questionnaire", questionnaire, "--answers", try answers("yes"), "--output", "p"],
                directory: folder
            ).status == 0)
        #expect(
            try runSoxready(
                [
                    "signoff", "--store", source, "--app", "General Ledger", "--reviewer", "Lee Chen", "--role", "Controller",
                    "--decision", "approve",
                ], directory: folder
            ).status == 0)
        #expect(try runSoxready(["apps", "archive", "--store", source, "Treasury Payments"], directory: folder).status == 0)
        let wizard = try runSoxready(
            ["assess", "--store", source, "--questionnaire", questionnaire, "--app", "Payroll", "--user", "dana"],
            input: "paas\nyes\n:quit\n", directory: folder)
        #expect(wizard.status == 0, "\(wizard.stderr)")

        let copied = try runSoxready(["store", "copy", source, url], directory: folder)
        #expect(copied.status == 0, "\(copied.stderr)")
        let shown = PostgresTestServer.url(try #require(PostgresTestServer.url), database: String(url.split(separator: "/").last ?? ""))
        _ = shown
        #expect(copied.stdout.hasPrefix("Copied 4 applications, 6 runs, 1 sign-off and 1 draft from \(source) to "))
        #expect(copied.stdout.contains("Verified "))
        #expect(!copied.stdout.contains(try #require(try passwordOf(url))))

        let back = folder.appendingPathComponent("back.sqlite").path
        let returned = try runSoxready(["store", "copy", url, back], directory: folder)
        #expect(returned.status == 0, "\(returned.stderr)")
        #expect(returned.stdout.hasPrefix("Copied 4 applications, 6 runs, 1 sign-off and 1 draft from "))

        // Byte for byte: the stored result JSON and the fingerprints of every run in all three stores.
        for app in ["General Ledger", "Group Consolidation", "Treasury Payments"] {
            for store in [url, back] {
                for run in 1...(app == "General Ledger" ? 4 : 1) {
                    let original = try runSoxready(
                        ["report", "--store", source, "--app", app, "--run", String(run), "--format", "json", "--output", "-"],
                        directory: folder)
                    let copy = try runSoxready(
                        ["report", "--store", store, "--app", app, "--run", String(run), "--format", "json", "--output", "-"],
                        directory: folder)
                    #expect(original.status == 0 && copy.status == 0, "\(original.stderr) \(copy.stderr)")
                    #expect(copy.stdout == original.stdout, "\(app) run \(run) in \(store)")
                }
            }
        }
        let fingerprints = try sqlite(
            source, "SELECT a.slug, r.number, r.fingerprintRecipe, r.fingerprint FROM run r JOIN app a ON a.id = r.appID ORDER BY 1, 2")
        #expect(fingerprints.split(separator: "\n").count == 6)
        #expect(
            try db.query(
                sqlite: "",
                postgres: """
                    SELECT a.slug, r.number, r.fingerprint_recipe, r.fingerprint FROM soxready.runs r JOIN soxready.apps a ON a.id = r.app_id ORDER BY 1, 2
                    """) == fingerprints)
        #expect(
            try sqlite(
                back, "SELECT a.slug, r.number, r.fingerprintRecipe, r.fingerprint FROM run r JOIN app a ON a.id = r.appID ORDER BY 1, 2")
                == fingerprints)
        #expect(try sqlite(back, "SELECT * FROM signOff") == (try sqlite(source, "SELECT * FROM signOff")))
        // The archived application stays archived; the draft keeps its owner and answers, held by nobody.
        #expect(try db.query(sqlite: "", postgres: "SELECT name FROM soxready.apps WHERE archived_at IS NOT NULL") == "Treasury Payments\n")
        #expect(
            try db.query(
                sqlite: "",
                postgres: """
                    SELECT d.owner, d.holder_token IS NULL, count(x.*) FROM soxready.drafts d JOIN soxready.draft_answers x USING (app_id) GROUP BY 1, 2
                    """) == "dana|t|2\n")
        #expect(try runSoxready(["verify", "--store", url], directory: folder).status == 0)

        // A target that is not empty is refused, and nothing is written to it.
        let again = try runSoxready(["store", "copy", source, url], directory: folder)
        #expect(again.status == 73)
        #expect(again.stderr.hasSuffix("is not empty (4 applications); store copy writes only into an empty store; nothing was copied\n"))
        #expect(!again.stderr.contains(try #require(try passwordOf(url))))
    }

    @Test func aBadURLIsAUsageErrorAndAnUnreachableServerSaysSo() throws {
        let bad = try runSoxready(
            ["apps", "--store", "postgresql://lee:hunter2@db.example.com/soxready?sslmode=sometimes"], directory: folder)
        #expect(bad.status == 64)
        #expect(
            bad.stderr == "soxready: error: the store postgresql://lee@db.example.com/soxready?sslmode=sometimes is not a usable "
                + "PostgreSQL URL: invalid sslmode value: \"sometimes\"\n")
        let down = try runSoxready(
            ["history", "--app", "GL", "--store", "postgresql://lee:hunter2@127.0.0.1:1/soxready"], directory: folder)
        #expect(down.status == 74)
        #expect(
            down.stderr.hasPrefix(
                "soxready: error: cannot reach the store postgresql://lee@127.0.0.1:1/soxready: nothing answers at 127.0.0.1 port 1"))
        #expect(!down.stderr.contains("hunter2"))
    }

    @Test func aDraftBelongsToItsUserAndAnotherIsToldWhoseItIs() throws {
        let db = try TestStore(.postgres, folder: folder)
        defer { db.remove() }
        let url = try #require(db.url)
        let started = try runSoxready(
            ["assess", "--store", url, "--questionnaire", questionnaire, "--app", "GL", "--user", "dana"],
            input: "paas\n:quit\n", directory: folder)
        #expect(started.status == 0, "\(started.stderr)")
        let other = try runSoxready(
            ["assess", "--store", url, "--questionnaire", questionnaire, "--app", "GL", "--user", "lee", "--resume"],
            input: ":quit\n", directory: folder)
        #expect(other.status == 75)
        #expect(other.stderr.contains("the unfinished assessment of 'GL' is open in another session: user dana"))
        let taken = try runSoxready(
            [
                "assess", "--store", url, "--questionnaire", questionnaire, "--app", "GL", "--user", "lee", "--resume",
                "--take-over",
            ], input: ":quit\n", directory: folder)
        #expect(taken.status == 0, "\(taken.stderr)")
        #expect(try db.query(sqlite: "", postgres: "SELECT owner, holder_token IS NULL FROM soxready.drafts") == "lee|t\n")
    }

    @Test func theFingerprintRecipeWithPsqlRecomputesEveryRun() throws {
        let db = try TestStore(.postgres, folder: folder)
        defer { db.remove() }
        let url = try #require(db.url)
        for a1 in ["partial", "yes"] {
            #expect(
                try runSoxready(
                    ["assess", "--store", url, "--questionnaire", questionnaire, "--answers", try answers(a1), "--output", "p"],
                    directory: folder
                ).status == 0)
        }
        let block = try #require(
            try documentedBlocks(in: "docs/store.md", after: "### Recomputing a run's fingerprint by hand with psql", language: "sh").first)
        var lines = block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "URL=postgresql://soxready_app@db.example.com/soxready APP=general-ledger RUN=1")
        for number in [1, 2] {
            lines[0] = "URL='\(url)' APP=general-ledger RUN=\(number)"
            let result = try runProcess(
                "/bin/bash", ["-c", lines.joined(separator: "\n")], directory: folder, environment: ProcessInfo.processInfo.environment)
            let printed = result.stdout.split(separator: "\n").map(String.init)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(printed.count == 4)
            guard printed.count == 4 else { continue }
            #expect(printed[0] == printed[1], "run \(number): recomputed \(printed[0]), stored \(printed[1])")
            #expect(printed[2] == printed[3])
            let stored = try db.query(sqlite: "", postgres: "SELECT fingerprint FROM soxready.runs WHERE number = \(number)")
            #expect(printed[1] + "\n" == stored)
        }
    }

    func sqlite(_ path: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", "-batch", "-noheader", path, sql]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    func passwordOf(_ url: String) throws -> String? {
        guard let at = url.lastIndex(of: "@"), let scheme = url.range(of: "://") else { return nil }
        let userinfo = url[scheme.upperBound..<at]
        return userinfo.firstIndex(of: ":").map { String(userinfo[userinfo.index(after: $0)...]) }
    }
}
