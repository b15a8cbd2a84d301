import Foundation
import SoxreadyTestSupport
import Testing

/// The plan for finance from the command line: the sign-off pack beside every plan and with
/// `report --format pack`, `--no-appendix`, the sign-off status and the comparison with the last
/// approved run after `soxready signoff`, a tampered run rendered only with `--unverified` (and
/// then saying so), and rules-1 runs, which have no pack.
struct PlanCommandTests {
    let folder: URL
    let questionnaire = repositoryRoot.appendingPathComponent("Tests/SoxreadyCoreTests/Fixtures/scoring-small.yaml").path

    init() throws { folder = try temporaryFolder() }

    func answers(_ name: String, _ lines: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try ("format: soxready/answers@1\napp: General Ledger\nquestionnaire: scoring-small\npreparedBy: Pat Preparer\nanswers:\n" + lines)
            .write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func soxready(_ arguments: [String]) throws -> CommandResult { try runSoxready(arguments, directory: folder) }

    func text(_ path: String) throws -> String { try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8) }

    @Test func assessWritesThePackBesideThePlansAndReportWritesItAgain() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let assessed = try soxready([
            "assess", "--questionnaire", questionnaire, "--answers", try answers("1.yaml", "  a1: partial\n  c1: yes\n"),
        ])
        #expect(assessed.status == 0, "\(assessed.stderr)")
        let pack = try text("Reports/general-ledger/general-ledger-run-1.pack.html")
        #expect(pack.contains("<h1>Sign-off pack: General Ledger</h1>"))
        #expect(pack.contains("soxready signoff --app general-ledger --run 1 --reviewer &#39;YOUR NAME&#39;"))
        #expect(!pack.contains("Appendix"))
        let stdout = try soxready(["report", "--app", "General Ledger", "--format", "pack", "--output", "-"])
        #expect(stdout.status == 0)
        #expect(stdout.stdout == pack)
        let written = try soxready(["report", "--app", "General Ledger", "--format", "pack"])
        #expect(written.stdout == "Reports/general-ledger/general-ledger-run-1.pack.html\n")
    }

    @Test func noAppendixLeavesTheAppendixOut() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(
            try soxready(["assess", "--questionnaire", questionnaire, "--answers", try answers("1.yaml", "  a1: yes\n"), "--no-appendix"])
                .status == 0)
        let assessed = try text("Reports/general-ledger/general-ledger-run-1.md")
        #expect(!assessed.contains("## Appendix"))
        #expect(assessed.contains("This copy leaves out the appendix of every answer (--no-appendix)."))
        let full = try soxready(["report", "--app", "General Ledger", "--format", "md", "--output", "-"])
        #expect(full.stdout.contains("## Appendix: every answer\n"))
        let html = try soxready(["report", "--app", "General Ledger", "--format", "html", "--output", "-", "--no-appendix"])
        #expect(!html.stdout.contains("id=\"appendix\""))
    }

    @Test func aSignOffShowsInThePlanAndARerunComparesWithTheApprovedRun() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(
            try soxready(["assess", "--questionnaire", questionnaire, "--answers", try answers("1.yaml", "  a1: no\n  c1: yes\n")]).status
                == 0)
        let signed = try soxready([
            "signoff", "--app", "General Ledger", "--reviewer", "Lee Chen", "--role", "Controller", "--decision", "approve",
        ])
        #expect(signed.status == 0, "\(signed.stderr)")
        let first = try soxready(["report", "--app", "General Ledger", "--format", "md", "--output", "-"])
        #expect(first.stdout.contains("- **Sign-off:** approved by Lee Chen (Controller) on "))
        #expect(
            try soxready(["assess", "--questionnaire", questionnaire, "--answers", try answers("2.yaml", "  a1: yes\n"), "--update"]).status
                == 0)
        let second = try soxready(["report", "--app", "General Ledger", "--format", "md", "--output", "-"])
        #expect(second.stdout.contains("- **Sign-off:** pending\n"))
        #expect(second.stdout.contains("### Since the last approved run (run 1, approved by Lee Chen (Controller) on "))
        #expect(second.stdout.contains("**Gaps closed**\n\n- a1: No → Yes\n"))
        #expect(second.stdout.contains("The run before, run 1, is the last approved run: its changes are those above.\n"))
    }

    @Test func aTamperedRunRendersOnlyWithUnverifiedAndThenSaysSo() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try soxready(["assess", "--questionnaire", questionnaire, "--answers", try answers("1.yaml", "  a1: no\n")]).status == 0)
        let store = folder.appendingPathComponent(".soxready/soxready.sqlite").path
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = [
            "sqlite3", store, "DROP TRIGGER runIsImmutable; UPDATE run SET result = replace(result, '\"not-ready\"', '\"ready\"');",
        ]
        try sqlite.run()
        sqlite.waitUntilExit()
        #expect(sqlite.terminationStatus == 0)
        let refused = try soxready(["report", "--app", "General Ledger", "--format", "pack", "--output", "-"])
        #expect(refused.status == 65)
        let rendered = try soxready(["report", "--app", "General Ledger", "--format", "pack", "--output", "-", "--unverified"])
        #expect(rendered.status == 0, "\(rendered.stderr)")
        #expect(rendered.stdout.contains("⚠ Not verified: rendered with --unverified."))
        #expect(rendered.stdout.contains("<strong>⚠ This run does not verify.</strong>"))
    }

    @Test func aRules1RunHasNoPack() throws {
        let (folder, store) = try copyOfRules1Store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let refused = try runSoxready(
            ["report", "--store", store, "--app", "general-ledger", "--run", "1", "--format", "pack", "--output", "-"],
            directory: folder)
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("run 1 of 'General Ledger' was scored under rules 1 and has no sign-off pack"))
        let plans = try runSoxready(
            ["report", "--store", store, "--app", "general-ledger", "--run", "1", "--output", "plans"], directory: folder)
        #expect(plans.status == 0, "\(plans.stderr)")
        #expect(plans.stdout == "plans/general-ledger-run-1.md\nplans/general-ledger-run-1.html\n")
        let noted = try runSoxready(
            [
                "report", "--store", store, "--app", "general-ledger", "--run", "1", "--format", "md", "--output", "-",
                "--no-appendix",
            ], directory: folder)
        #expect(noted.stdout == (try String(contentsOfFile: sharedFixturePath("rules-1/general-ledger-run-1.md"), encoding: .utf8)))
        #expect(noted.stderr.contains("was scored under rules 1; its plan renders as recorded, with the appendix"))
    }
}
