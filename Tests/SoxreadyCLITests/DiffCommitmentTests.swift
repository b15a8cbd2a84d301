import Foundation
import SoxreadyTestSupport
import Testing

/// `diff` between runs scored under rules 2 follows the commitments (met, slipped, reassigned, new,
/// overdue), and a diff across a change of rules says so.
struct DiffCommitmentTests {
    let folder: URL
    let questionnaire = repositoryRoot.appendingPathComponent("Tests/SoxreadyCoreTests/Fixtures/scoring-small.yaml").path

    init() throws { folder = try temporaryFolder() }

    /// The UTC day `offset` days from today, as YYYY-MM-DD (the as-of date of a run recorded now).
    func day(_ offset: Int) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date().addingTimeInterval(Double(offset) * 86_400))
    }

    func file(_ name: String, _ answers: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try ("format: soxready/answers@1\napp: General Ledger\npreparedBy: Pat Preparer\nanswers:\n" + answers)
            .write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func run(_ arguments: [String]) throws -> CommandResult {
        let result = try runSoxready(arguments, directory: folder)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result
    }

    @Test func commitmentsMetSlippedReassignedNewAndOverdue() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try file(
            "1.yaml",
            """
              hosting: [paas]
              a1: {answer: partial, owner: Dana Ortiz, due: \(day(20))}
              a2: {answer: a, owner: Lee Chan, due: \(day(10))}
              a3: n/a
              b1: {answer: 100, owner: Kim Roe, due: \(day(30))}
              b2: [x, y, z]
              b3: {answer: partial, owner: Sam Ito, due: \(day(-5))}
              c1: yes
              c2: yes

            """)
        _ = try run(["assess", "--questionnaire", questionnaire, "--answers", first])
        let second = try file(
            "2.yaml",
            """
              a1: yes
              a2: {answer: a, owner: Lee Chan, due: \(day(40))}
              b1: {answer: 100, owner: Ana Diaz, due: \(day(30))}
              c2: {answer: no, owner: Pat Preparer, due: \(day(15))}

            """)
        _ = try run(["assess", "--questionnaire", questionnaire, "--answers", second, "--update"])

        let data = Data(try run(["diff", "--app", "General Ledger", "--format", "json"]).stdout.utf8)
        let diff = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(diff["format"] as? String == "soxready/diff@2")
        #expect(diff["rulesChanged"] as? Bool == false)
        #expect(diff["rules"] as? [String: Int] == ["from": 2, "to": 2])
        let commitments = try #require(diff["commitments"] as? [[String: Any]])
        #expect(commitments.map { $0["question"] as? String } == ["a1", "a2", "b1", "c2"])
        #expect(commitments.map { $0["kind"] as? String } == ["met", "slipped", "reassigned", "new"])
        #expect(commitments[0]["before"] as? [String: String] == ["owner": "Dana Ortiz", "due": day(20), "status": "on-time"])
        #expect(commitments[0]["after"] is NSNull)
        #expect(commitments[1]["after"] as? [String: String] == ["owner": "Lee Chan", "due": day(40), "status": "on-time"])
        #expect(commitments[3]["before"] is NSNull)
        #expect(diff["overdueCommitments"] as? [String] == ["b3"])
        let changes = try #require(diff["changes"] as? [[String: Any]])
        #expect(changes.map { $0["question"] as? String } == ["a1", "a2", "b1", "c2"])
        #expect(changes.map { $0["kind"] as? String } == ["closed", "annotated", "annotated", "new-gap"])
        #expect(changes[1]["commitmentBefore"] as? [String: String] == ["owner": "Lee Chan", "due": day(10), "status": "on-time"])

        let table = try run(["diff", "--app", "General Ledger"]).stdout
        #expect(table.contains("Commitments: 1 met · 0 met late · 1 slipped · 1 reassigned · 1 new · 0 withdrawn · 1 overdue\n"))
        #expect(table.contains("commitment: Lee Chan by \(day(10))"))
        #expect(table.contains("Overdue in run 2: b3\n"))
        #expect(!table.contains("Rules changed"))
        let markdown = try run(["diff", "--app", "General Ledger", "--format", "md"]).stdout
        #expect(markdown.contains("| a1 | met | Dana Ortiz by \(day(20)) | none |\n"))
        #expect(markdown.contains("| b1 | reassigned | Kim Roe by \(day(30)) | Ana Diaz by \(day(30)) |\n"))
        // The plan's "what changed" says what happened to the commitments too.
        let plan = try run(["report", "--app", "General Ledger", "--format", "md", "--output", "-"]).stdout
        #expect(plan.contains("commitment now Ana Diaz by \(day(30))"))
        #expect(plan.contains("commitment added: Pat Preparer by \(day(15))"))
    }

    /// A rules-1 store (soxready 0.1) rerun today: the new run is scored under rules 2 and the diff
    /// says the rules changed, in every format.
    @Test func aRerunOfARules1RunSaysTheRulesChanged() throws {
        let (storeFolder, store) = try copyOfRules1Store()
        defer {
            try? FileManager.default.removeItem(at: storeFolder)
            try? FileManager.default.removeItem(at: folder)
        }
        let update = folder.appendingPathComponent("update.yaml")
        try "format: soxready/answers@1\napp: General Ledger\npreparedBy: Pat Preparer\nanswers: {}\n"
            .write(to: update, atomically: true, encoding: .utf8)
        let rerun = try runSoxready(["assess", "--store", store, "--answers", update.path, "--update"], directory: storeFolder)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let data = Data(
            try runSoxready(["diff", "--store", store, "--app", "General Ledger", "--format", "json"], directory: storeFolder).stdout.utf8)
        let diff = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(diff["format"] as? String == "soxready/diff@2")
        #expect(diff["rules"] as? [String: Int] == ["from": 1, "to": 2])
        #expect(diff["rulesChanged"] as? Bool == true)
        #expect((diff["from"] as? [String: Any])?["run"] as? Int == 2)
        #expect((diff["to"] as? [String: Any])?["run"] as? Int == 3)
        let sentence =
            "Rules changed: run 2 was scored under rules version 1, run 3 under rules version 2; part of any change "
            + "of level or score comes from the rules, not from the answers (docs/scoring.md)."
        let table = try runSoxready(["diff", "--store", store, "--app", "General Ledger"], directory: storeFolder).stdout
        #expect(table.contains(sentence + "\n"))
        // Run 2 answered workload-review "unknown"; questionnaire 2.0.0 asks it only after the cutover.
        #expect(table.contains("workload-review                  closed   unknown       unknown (not yet due)  – → –\n"))
        let markdown = try runSoxready(["diff", "--store", store, "--app", "General Ledger", "--format", "md"], directory: storeFolder)
            .stdout
        #expect(markdown.contains("- " + sentence + "\n"))
    }
}
