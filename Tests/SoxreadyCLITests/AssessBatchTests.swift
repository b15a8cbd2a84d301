import Foundation
import SoxreadyTestSupport
import Testing

/// `assess --answers`, `report`, `apps` and `history` end to end, each in its own folder and store.
struct AssessBatchTests {
    let folder: URL
    let questionnaire = repositoryRoot.appendingPathComponent("Tests/SoxreadyCoreTests/Fixtures/scoring-small.yaml").path

    init() throws { folder = try temporaryFolder() }

    func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// The hand-worked example of docs/scoring.md as an answers file.
    var workedAnswers: String {
        """
        format: soxready/answers@1
        app: General Ledger
        questionnaire: scoring-small
        preparedBy: Pat Preparer
        answers:
          hosting: [paas]
          a1: {answer: partial, note: "CLI access not yet covered", evidence: CHG-1234}
          a2: a
          a3: n/a
          a4: yes
          b1: 100
          b2: [x, y, z]
          b3: unknown
          c1: yes

        """
    }

    func assess(_ answers: String, extra: [String] = []) throws -> CommandResult {
        try runSoxready(["assess", "--questionnaire", questionnaire, "--answers", answers] + extra, directory: folder)
    }

    @Test(arguments: TestStore.Backend.all)
    func recordsARunAndPrintsTheSummary(_ backend: TestStore.Backend) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try TestStore(backend, folder: folder)
        defer { store.remove() }
        let result = try assess(try write("gl.yaml", workedAnswers))
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "General Ledger · run 1 · scoring-small 1.0.0")
        // Rules 2 (docs/scoring.md): a1 is an ICFR gate only partly met with no commitment.
        #expect(lines[1] == "Readiness:  NOT READY")
        #expect(lines[2] == "Score:      64.6 / 100")
        #expect(lines[3] == "Confidence: 71.4 % ★★★★☆ (4/5)")
        #expect(lines[4] == "Gaps:       1 blocker (P1, gating) · 1 other high risk (P2) · 2 medium (P3) · 1 low (P4)")
        // The last line of the summary says the level again, for a terminal where the top scrolled away.
        let recorded = lines.first { $0.hasPrefix("Recorded as run 1 in ") } ?? ""
        #expect(recorded.wholeMatch(of: /Recorded as run 1 in \S+: NOT READY, score 64\.6; fingerprint [0-9a-f]{16}/) != nil, "\(recorded)")
        #expect(
            result.stdout.contains(
                """
                Why:
                  - A gate is only partly met without an on-time commitment to close it: a1
                  - A high-risk gap is open besides the gates: b3
                  - The overall score 64.6 is below 85
                  - Confidence is 71.4 %, below 90 %
                  - A key control is met but has no evidence reference: c1

                """))
        #expect(
            result.stderr == """
                soxready: 1 question not answered in the file count as unanswered:
                  c2
                soxready: 1 answer is for questions that do not apply to this application (their when condition does not hold); kept but not scored: a4

                """)
        if backend == .sqlite {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".soxready/soxready.sqlite").path))
        } else {
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".soxready").path))
            #expect(
                try store.query(
                    sqlite: "",
                    postgres: "SELECT a.name, r.number, r.readiness FROM soxready.runs r JOIN soxready.apps a ON a.id = r.app_id")
                    == "General Ledger|1|not-ready\n")
        }
    }

    @Test(arguments: TestStore.Backend.all)
    func reportPrintsTheHandWorkedResult(_ backend: TestStore.Backend) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try TestStore(backend, folder: folder)
        defer { store.remove() }
        #expect(try assess(try write("gl.yaml", workedAnswers)).status == 0)
        let report = try runSoxready(["report", "--app", "General Ledger", "--format", "json", "--output", "-"], directory: folder)
        #expect(report.status == 0, "\(report.stderr)")
        var actual = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        let expectedText = try String(contentsOfFile: fixturePath("scoring-small-result-rules2.json"), encoding: .utf8)
        var expected = try #require(try JSONSerialization.jsonObject(with: Data(expectedText.utf8)) as? [String: Any])
        let run = try #require(actual["run"] as? [String: Any])
        #expect(run["number"] as? Int == 1)
        let recordedAt = try #require(run["recordedAt"] as? String)
        #expect(recordedAt.hasSuffix("Z"))
        // The as-of date is the UTC date of the recording time (today), which the fixture cannot know.
        #expect(actual["asOf"] as? String == String(recordedAt.prefix(10)))
        for key in ["run", "asOf"] {
            actual[key] = nil
            expected[key] = nil
        }
        #expect(NSDictionary(dictionary: actual).isEqual(to: expected))
    }

    @Test(arguments: TestStore.Backend.all)
    func assessAndReportWriteTheMarkdownAndHTMLPlans(_ backend: TestStore.Backend) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try TestStore(backend, folder: folder)
        defer { store.remove() }
        let plans = store.planFolder(slug: "general-ledger")
        let assessed = try assess(try write("gl.yaml", workedAnswers))
        #expect(
            assessed.stdout.hasSuffix(
                "Plan written to \(plans)/general-ledger-run-1.md and \(plans)/general-ledger-run-1.html; "
                    + "sign-off pack \(plans)/general-ledger-run-1.pack.html\n"))
        let markdown = folder.appendingPathComponent("\(plans)/general-ledger-run-1.md")
        let first = try Data(contentsOf: markdown)
        try FileManager.default.removeItem(at: markdown)
        let report = try runSoxready(["report", "--app", "general-ledger"], directory: folder)
        #expect(report.status == 0)
        #expect(
            report.stdout
                == "\(plans)/general-ledger-run-1.md\n\(plans)/general-ledger-run-1.html\n\(plans)/general-ledger-run-1.pack.html\n")
        // The same run renders to the same bytes.
        #expect(try Data(contentsOf: markdown) == first)
        let html = try String(contentsOf: folder.appendingPathComponent("\(plans)/general-ledger-run-1.html"), encoding: .utf8)
        #expect(html.contains("class=\"badge not-ready\""))
        let json = try runSoxready(["report", "--app", "general-ledger", "--format", "json"], directory: folder)
        #expect(json.stdout == "\(plans)/general-ledger-run-1.json\n")
    }

    @Test(arguments: TestStore.Backend.all)
    func reportFormatsToStdout(_ backend: TestStore.Backend) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try TestStore(backend, folder: folder)
        defer { store.remove() }
        #expect(try assess(try write("gl.yaml", workedAnswers)).status == 0)
        let csv = try runSoxready(["report", "--app", "General Ledger", "--format", "csv", "--output", "-"], directory: folder)
        #expect(csv.status == 0)
        let lines = csv.stdout.components(separatedBy: "\r\n")
        #expect(lines.first == "Work Item Type,Title,Description,Assigned To,Target Date,Priority,Tags,State")
        #expect(lines.count == 7)  // header, five gaps, final empty line
        #expect(
            lines[1].hasPrefix(
                "Feature,a1: Close a1.,\"<p>Question: A1? (a1)</p><p>Current answer: Partly (partial)</p><p>Note: CLI access not yet covered</p>"
            ))
        #expect(lines[1].hasSuffix("\",,,1,soxready; SOX; before-migration; risk-high; gating,New"))
        let markdown = try runSoxready(["report", "--app", "General Ledger", "--format", "md", "--output", "-"], directory: folder)
        #expect(markdown.stdout.hasPrefix("# Azure migration readiness plan: General Ledger\n"))
        #expect(
            markdown.stdout.contains("### Why Not ready\n\n- A gate is only partly met without an on-time commitment to close it: a1.\n"))
        // The appendix shows the answer once, by its label; a1 has no short title, so its id stands alone.
        #expect(markdown.stdout.contains("| **a1**: A1? | Partly | CLI access not yet covered | CHG-1234 |"))
        let usage = try runSoxready(["report", "--app", "General Ledger", "--output", "-"], directory: folder)
        #expect(usage.status == 64)
    }

    @Test func anOutputThatCannotBeCreatedExits73AndLeavesNoPartialFile() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try assess(try write("gl.yaml", workedAnswers)).status == 0)
        _ = try write("not-a-folder", "x")
        let report = try runSoxready(["report", "--app", "General Ledger", "--output", "not-a-folder/plans"], directory: folder)
        #expect(report.status == 73)
        #expect(
            report.stderr.hasPrefix(
                "soxready: error: cannot write not-a-folder/plans/general-ledger-run-1.md: cannot create the folder not-a-folder/plans"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    @Test func templatesCanBeCopiedAndBranded() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try assess(try write("gl.yaml", workedAnswers)).status == 0)
        let branded = folder.appendingPathComponent("brand")
        try FileManager.default.createDirectory(at: branded, withIntermediateDirectories: true)
        for name in ["plan.md.mustache", "plan.html.mustache", "plan.css"] {
            let text = try String(contentsOf: repositoryRoot.appendingPathComponent("Reports/templates/\(name)"), encoding: .utf8)
            try text.replacingOccurrences(of: "Azure migration readiness plan:", with: "Contoso SOX migration plan:")
                .write(to: branded.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let report = try runSoxready(
            ["report", "--app", "General Ledger", "--format", "md", "--output", "-", "--templates", branded.path], directory: folder)
        #expect(report.stdout.hasPrefix("# Contoso SOX migration plan: General Ledger\n"))
        let missing = try runSoxready(
            ["report", "--app", "General Ledger", "--format", "md", "--output", "-", "--templates", "/nonexistent"], directory: folder)
        // A missing template is missing input (66), as README's table says.
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("/nonexistent/plan.md.mustache: template missing or unreadable"))
    }

    @Test(arguments: TestStore.Backend.all)
    func aBadAnswersFileExits65AndLeavesTheStoreByteForByteUnchanged(_ backend: TestStore.Backend) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try TestStore(backend, folder: folder)
        defer { store.remove() }
        #expect(try assess(try write("gl.yaml", workedAnswers)).status == 0)
        let before = try store.snapshot()
        // The SQLite store's folder gets no journal or temporary file either.
        let storeFolder = folder.appendingPathComponent(".soxready").path
        let listing = backend == .sqlite ? try FileManager.default.contentsOfDirectory(atPath: storeFolder).sorted() : []
        let bad = try write(
            "bad.yaml",
            """
            format: soxready/answers@1
            app: General Ledger
            answers:
              a1: maybe
              a2: weekly
              b1: -3
              zz: yes
            """)
        let result = try assess(bad)
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr.split(separator: "\n").map(String.init) == [
                "\(bad):4:7: error: question 'a1': 'maybe' is not a choice; expected one of yes, partial, no",
                "\(bad):5:7: error: question 'a2': 'weekly' is not a choice; expected one of q, a, n",
                "\(bad):6:7: error: question 'b1': -3 is below the minimum; expected a number of at least 0 days",
                "\(bad):7:3: error: question 'zz' is not in scoring-small@1.0.0; expected a question id from 'soxready questionnaire show scoring-small'",
            ])
        #expect(try store.snapshot() == before)
        #expect(try (backend == .sqlite ? FileManager.default.contentsOfDirectory(atPath: storeFolder).sorted() : []) == listing)
        let history = try runSoxready(["history", "--app", "General Ledger", "--format", "json"], directory: folder)
        #expect(history.stdout.components(separatedBy: "\"number\"").count == 2)
    }

    @Test func assessProcessesStartedAtOnceAllRecordOrFailCleanly() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let answers = try write("gl.yaml", workedAnswers)
        // Each round starts three processes on a new store, so creating the store races too.
        // (A lost run here once showed that closing a descriptor of the database file dropped
        // SQLite's locks; the creation lock is now on the folder.)
        for round in 0..<6 {
            let store = "round-\(round).sqlite"
            let processes = (0..<3).map { _ in
                let process = Process()
                process.executableURL = soxreadyBinary
                process.arguments = ["assess", "--store", store, "--questionnaire", questionnaire, "--answers", answers]
                process.currentDirectoryURL = folder
                process.environment = ProcessInfo.processInfo.environment.merging(["SOXREADY_CACHE": testCacheFolder]) { $1 }
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                return process
            }
            for process in processes { try process.run() }
            for process in processes { process.waitUntilExit() }
            let statuses = processes.map(\.terminationStatus)
            #expect(statuses.allSatisfy { $0 == 0 || $0 == 75 }, "round \(round): \(statuses)")
            let recorded = statuses.filter { $0 == 0 }.count
            let history = try runSoxready(["history", "--store", store, "--app", "General Ledger", "--format", "json"], directory: folder)
            let runs =
                try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [String: Any])["runs"]
                as? [[String: Any]]
            // Every process that reported success has its run, numbered without gaps.
            #expect(runs?.compactMap { $0["number"] as? Int } == (0..<recorded).map { $0 + 1 })
            let check = Process()
            check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            check.arguments = [
                "python3", "-c", "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('PRAGMA integrity_check').fetchone()[0])",
                folder.appendingPathComponent(store).path,
            ]
            let pipe = Pipe()
            check.standardOutput = pipe
            try check.run()
            check.waitUntilExit()
            #expect(String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) == "ok\n")
        }
    }

    @Test(arguments: TestStore.Backend.all)
    func appsAndHistoryShowEveryRunWithTheChange(_ backend: TestStore.Backend) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try TestStore(backend, folder: folder)
        defer { store.remove() }
        let better = workedAnswers.replacingOccurrences(of: "a1: {answer: partial,", with: "a1: {answer: yes,")
            .replacingOccurrences(of: "b3: unknown", with: "b3: yes")
        #expect(try assess(try write("gl.yaml", workedAnswers)).status == 0)
        #expect(try assess(try write("gl2.yaml", better)).status == 0)
        let history = try runSoxready(["history", "--app", "General Ledger"], directory: folder)
        #expect(history.status == 0)
        let rows = history.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        #expect(rows.count == 4)
        // access (27 + 1.5) / 30 = 95; ops (2.5 + 3 + 1) / 9 = 72.22; gov 100; (285 + 144.44 + 100) / 6 = 88.24.
        // The change is taken between the scores as shown: 88.2 - 64.6. Rules 2: run 1 is not ready
        // (a1, a gate, partly met without a commitment); run 2 has conditions (c1 is a key control
        // met without evidence, and 6 of 7 answered is 85.7 % confidence, below 90 %).
        #expect(rows[2][0] == "1")
        #expect(Array(rows[2][4...6]) == ["not-ready", "64.6", "-"])
        #expect(Array(rows[3][4...6]) == ["ready-with-conditions", "88.2", "+23.6"])

        let apps = try runSoxready(["apps", "--format", "json"], directory: folder)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(apps.stdout.utf8)) as? [String: Any])
        #expect(document["format"] as? String == "soxready/apps@1")
        let first = try #require((document["apps"] as? [[String: Any]])?.first)
        #expect(first["name"] as? String == "General Ledger")
        let latest = try #require(first["latestRun"] as? [String: Any])
        #expect(latest["number"] as? Int == 2)
        #expect(latest["readiness"] as? String == "ready-with-conditions")
        #expect(latest["score"] as? Double == 88.2)
        // The same change as history shows (issue 10, item 17).
        #expect(latest["scoreChange"] as? Double == 23.6)
    }

    @Test(arguments: TestStore.Backend.all)
    func appsOnAnEmptyStoreSaysSoAndCreatesNothing(_ backend: TestStore.Backend) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try TestStore(backend, folder: folder)
        defer { store.remove() }
        let apps = try runSoxready(["apps"], directory: folder)
        #expect(apps.status == 0)
        #expect(apps.stdout.hasPrefix("No application has been assessed"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".soxready").path))
        if backend == .postgres {
            // Reading an empty database creates no schema in it.
            #expect(try store.query(sqlite: "", postgres: "SELECT count(*) FROM pg_namespace WHERE nspname = 'soxready'") == "0\n")
        }
        let json = try runSoxready(["apps", "--format", "json"], directory: folder)
        #expect(json.stdout == "{\n  \"apps\" : [\n\n  ],\n  \"format\" : \"soxready/apps@1\"\n}\n")
    }

    @Test(arguments: TestStore.Backend.all)
    func unknownAppsAndRunsExit66(_ backend: TestStore.Backend) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try TestStore(backend, folder: folder)
        defer { store.remove() }
        #expect(try runSoxready(["history", "--app", "Payroll"], directory: folder).status == 66)
        #expect(try assess(try write("gl.yaml", workedAnswers)).status == 0)
        let report = try runSoxready(
            ["report", "--app", "General Ledger", "--run", "7", "--format", "json", "--output", "-"], directory: folder)
        #expect(report.status == 66)
        #expect(report.stderr == "soxready: error: application 'General Ledger' has no run 7; runs go from 1 to 1\n")
    }

    @Test(arguments: TestStore.Backend.all)
    func storeMigrateCreatesTheSchemaAndPrintsItsVersion(_ backend: TestStore.Backend) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try TestStore(backend, folder: folder)
        defer { store.remove() }
        let migrated = try runSoxready(["store", "migrate"], directory: folder)
        #expect(migrated.status == 0, "\(migrated.stderr)")
        if let url = store.url {
            // The URL without its password; the PostgreSQL schema starts at version 1.
            let shown = url.replacingOccurrences(of: #":[^:@/]*@"#, with: "@", options: .regularExpression)
            #expect(migrated.stdout == "The store \(shown) is at schema version 1.\n")
            #expect(try store.query(sqlite: "", postgres: "SELECT version FROM soxready.schema_migrations") == "1\n")
        } else {
            #expect(migrated.stdout == "The store .soxready/soxready.sqlite is at schema version 6.\n")
        }
        // Again: nothing to do, the same version.
        #expect(try runSoxready(["store", "migrate"], directory: folder).stdout == migrated.stdout)
    }

    @Test func theStoreOptionAndEnvironmentChooseTheFile() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let answers = try write("gl.yaml", workedAnswers)
        #expect(try assess(answers, extra: ["--store", "custom/one.sqlite"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("custom/one.sqlite").path))
        let viaEnv = try runSoxready(
            ["assess", "--questionnaire", questionnaire, "--answers", answers], directory: folder,
            environment: ["SOXREADY_STORE": "env.sqlite"])
        #expect(viaEnv.status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("env.sqlite").path))
    }

    @Test func theAppNameMustAgreeWithTheFile() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try assess(try write("gl.yaml", workedAnswers), extra: ["--app", "Payroll"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("is for the application 'General Ledger', not 'Payroll'"))
    }
}
