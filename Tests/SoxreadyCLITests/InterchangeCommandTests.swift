import Foundation
import SoxreadyTestSupport
import Testing

/// `report --format oscal-ar|oscal-poam|pbc|pbc-md|csv` end to end, on the rules-2 fixture
/// questionnaire. Dates lie far ahead, so the commitment stays on time whenever the suite runs.
struct InterchangeCommandTests {
    let folder: URL
    let questionnaire = repositoryRoot.appendingPathComponent("Tests/SoxreadyCoreTests/Fixtures/scoring-v2.yaml").path

    init() throws { folder = try temporaryFolder() }

    func assess(_ name: String, _ text: String) throws -> CommandResult {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return try runSoxready(["assess", "--questionnaire", questionnaire, "--answers", url.path], directory: folder)
    }

    func answers(app: String, _ lines: String) -> String {
        "format: soxready/answers@1\napp: \(app)\nquestionnaire: scoring-v2\npreparedBy: Pat Preparer\nanswers:\n  cutover: 2099-06-01\n  fy-end: 2099-12-31\n"
            + lines
    }

    var withGaps: String {
        answers(
            app: "General Ledger",
            """
              mfa: {answer: partial, evidence: CA-EXPORT-1, owner: "Dana Lee <dana.lee@contoso.com>", due: 2099-03-01}
              reviews: a
              label: {answer: ready, evidence: AZM-7}
              backup: yes
              runbook: yes

            """)
    }

    func report(_ arguments: [String]) throws -> CommandResult {
        try runSoxready(["report", "--app", "General Ledger"] + arguments, directory: folder)
    }

    @Test func everyInterchangeFormatToStdoutAndToItsFile() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try assess("gl.yaml", withGaps).status == 0)
        let ar = try report(["--format", "oscal-ar", "--output", "-"])
        #expect(ar.status == 0, "\(ar.stderr)")
        #expect(ar.stdout.hasPrefix("{\n  \"assessment-results\": {\n    \"back-matter\": {\n"))
        #expect(ar.stdout.contains("\"oscal-version\": \"1.2.1\""))
        let poam = try report(["--format", "oscal-poam", "--output", "-"])
        #expect(poam.stdout.hasPrefix("{\n  \"plan-of-action-and-milestones\": {\n"))
        #expect(poam.stdout.contains("\"email-addresses\": [\n            \"dana.lee@contoso.com\"\n          ]"))
        let pbc = try report(["--format", "pbc", "--output", "-"])
        #expect(pbc.stdout.hasPrefix("\u{FEFF}Request #,Control,Question id,"))
        #expect(pbc.stdout.contains("\r\nPBC-001,MFA for administrators,mfa,Conditional Access policy export,"))
        let markdown = try report(["--format", "pbc-md", "--output", "-"])
        #expect(markdown.stdout.hasPrefix("# PBC request list: General Ledger, run 1\n"))
        let csv = try report(["--format", "csv", "--output", "-"])
        #expect(csv.stdout.hasPrefix("Work Item Type,Title,Description,Assigned To,Target Date,Priority,Tags,State\r\nFeature,"))
        #expect(csv.stdout.contains(",Dana Lee <dana.lee@contoso.com>,2099-03-01,1,"))

        // The same run renders the same bytes again.
        #expect(try report(["--format", "oscal-ar", "--output", "-"]).stdout == ar.stdout)
        #expect(try report(["--format", "oscal-poam", "--output", "-"]).stdout == poam.stdout)

        for (format, file) in [("oscal-ar", "oscal-ar.json"), ("oscal-poam", "oscal-poam.json"), ("pbc", "pbc.csv"), ("pbc-md", "pbc.md")] {
            let written = try report(["--format", format])
            #expect(written.status == 0)
            #expect(written.stdout == "Reports/general-ledger/general-ledger-run-1.\(file)\n")
        }
        let file = folder.appendingPathComponent("Reports/general-ledger/general-ledger-run-1.oscal-ar.json")
        #expect(try String(contentsOf: file, encoding: .utf8) == ar.stdout)
    }

    @Test func theBoardsProcessOptionSetsTypeAndStateAndAppliesToCSVOnly() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try assess("gl.yaml", withGaps).status == 0)
        let basic = try report(["--format", "csv", "--boards-process", "basic", "--output", "-"])
        #expect(basic.status == 0)
        let rows = basic.stdout.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0.hasPrefix("Epic,") && $0.hasSuffix(",To Do") })
        let misplaced = try report(["--format", "md", "--boards-process", "cmmi", "--output", "-"])
        #expect(misplaced.status == 64)
        #expect(misplaced.stderr.contains("--boards-process applies to --format csv only"))
        #expect(try report(["--format", "csv", "--boards-process", "kanban", "--output", "-"]).status == 64)
    }

    @Test func aRunWithoutOpenGapsHasNoPOAMAndSaysWhy() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let ready = answers(
            app: "Ready App",
            """
              mfa: {answer: yes, evidence: CA-1}
              reviews: q
              label: {answer: ready, evidence: AZM-1}
              backup: {answer: yes, evidence: RT-1}
              runbook: yes

            """)
        #expect(try assess("ready.yaml", ready).status == 0)
        let poam = try runSoxready(["report", "--app", "Ready App", "--format", "oscal-poam", "--output", "out"], directory: folder)
        #expect(poam.status == 65)
        #expect(
            poam.stderr == "soxready: error: run 1 of Ready App has no open gap, so there is no plan of action and milestones to write "
                + "(OSCAL requires at least one poam-item); --format oscal-ar records the run and its result\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/ready-app-run-1.oscal-poam.json").path))
        let ar = try runSoxready(["report", "--app", "Ready App", "--format", "oscal-ar", "--output", "-"], directory: folder)
        #expect(ar.status == 0)
        #expect(!ar.stdout.contains("\"findings\""))
    }
}
