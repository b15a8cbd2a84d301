import Foundation
import SoxreadyTestSupport
import Testing

/// Reruns, history and diff across runs and questionnaire versions.
struct ProgressTests {
    let folder: URL
    let v10 = repositoryRoot.appendingPathComponent("Tests/SoxreadyCoreTests/Fixtures/scoring-small.yaml").path
    let v11 = repositoryRoot.appendingPathComponent("Tests/SoxreadyCoreTests/Fixtures/scoring-small-v1.1.yaml").path

    init() throws { folder = try temporaryFolder() }

    func file(_ name: String, _ answers: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try ("format: soxready/answers@1\napp: General Ledger\npreparedBy: Pat Preparer\nanswers:\n" + answers).write(
            to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try runSoxready(arguments, directory: folder)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test(arguments: TestStore.Backend.all)
    func threeImprovingRunsGiveAMatchingHistoryAndExactDiffs(_ backend: TestStore.Backend) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try TestStore(backend, folder: folder)
        defer { store.remove() }
        let first = try file(
            "1.yaml", "  hosting: [paas]\n  a1: no\n  a2: n\n  a3: n/a\n  b1: 30\n  b2: [x]\n  b3: unknown\n  c1: yes\n  c2: no\n")
        let second = try file("2.yaml", "  a1: partial\n  a2: a\n  b1: 100\n  b3: yes\n  c2: yes\n")
        let third = try file("3.yaml", "  a1: yes\n  a2: q\n  b2: [x, y]\n")
        #expect(try runSoxready(["assess", "--questionnaire", v10, "--answers", first], directory: folder).status == 0)
        #expect(try runSoxready(["assess", "--questionnaire", v10, "--answers", second, "--update"], directory: folder).status == 0)
        #expect(try runSoxready(["assess", "--questionnaire", v10, "--answers", third, "--update"], directory: folder).status == 0)

        let history = try json(["history", "--app", "General Ledger", "--format", "json"])
        let runs = try #require(history["runs"] as? [[String: Any]])
        #expect(runs.map { $0["number"] as? Int } == [1, 2, 3])
        // Each history row equals the result recorded for that run.
        for number in 1...3 {
            let result = try json(["report", "--app", "General Ledger", "--run", String(number), "--format", "json", "--output", "-"])
            #expect(runs[number - 1]["score"] as? Double == result["score"] as? Double)
            #expect(runs[number - 1]["readiness"] as? String == result["readiness"] as? String)
        }
        // Worked by hand (rules 2). Run 1: a1 no → not ready. Run 2: access (13.5 + 1.5) / 30 = 50, ops
        // (2.5 + 1.5 + 1) / 9 = 55.56, gov 28 / 28 = 100, overall (150 + 111.11 + 100) / 6 = 60.19; a1, a gate,
        // is partly met with no commitment → not ready. Run 3: access 100, ops (2.5 + 3 + 1) / 9 = 72.22,
        // gov 100, overall 544.44 / 6 = 90.74; the gates a1 and c1 are met without evidence → conditions.
        #expect(runs.map { $0["readiness"] as? String } == ["not-ready", "not-ready", "ready-with-conditions"])
        #expect(runs.map { $0["score"] as? Double } == [runs[0]["score"] as? Double, 60.2, 90.7])

        let diff = try json(["diff", "--app", "General Ledger", "--format", "json"])
        let changes = try #require(diff["changes"] as? [[String: Any]])
        #expect(changes.map { $0["question"] as? String } == ["a1", "a2", "b2"])
        #expect(changes.map { $0["kind"] as? String } == ["closed", "closed", "closed"])
        #expect(changes.first?["before"] as? String == "partial")
        #expect(changes.first?["after"] as? String == "yes")
        #expect(diff["closedGaps"] as? [String] == ["a1", "a2", "b2"])
        let earlier = try json(["diff", "--app", "General Ledger", "--from", "1", "--to", "2", "--format", "json"])
        let earlierChanges = try #require(earlier["changes"] as? [[String: Any]])
        #expect(earlierChanges.map { $0["question"] as? String } == ["a1", "a2", "b1", "b3", "c2"])
        #expect(earlierChanges.map { $0["kind"] as? String } == ["improved", "improved", "improved", "closed", "closed"])
        #expect(earlier["readinessChanged"] as? Bool == false)
    }

    @Test(arguments: TestStore.Backend.all)
    func aRenamedQuestionCarriesItsAnswerAndDiffsAsOneQuestion(_ backend: TestStore.Backend) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try TestStore(backend, folder: folder)
        defer { store.remove() }
        let first = try file("1.yaml", "  hosting: [paas]\n  a1: yes\n  a2: {answer: a, note: reviewed twice a year}\n  c1: yes\n")
        #expect(try runSoxready(["assess", "--questionnaire", v10, "--answers", first], directory: folder).status == 0)
        // Version 1.1 renames a2 and adds c3; the update only answers c3.
        let update = try file("2.yaml", "  c3: yes\n")
        let rerun = try runSoxready(["assess", "--questionnaire", v11, "--answers", update, "--update"], directory: folder)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let result = try json(["report", "--app", "General Ledger", "--format", "json", "--output", "-"])
        #expect((result["questionnaire"] as? [String: Any])?["version"] as? String == "1.1.0")
        let gaps = try #require(result["gaps"] as? [[String: Any]])
        let renamed = try #require(gaps.first { $0["question"] as? String == "a2-review-frequency" })
        #expect(renamed["answer"] as? String == "a")

        let diff = try json(["diff", "--app", "General Ledger", "--format", "json"])
        let changes = try #require(diff["changes"] as? [[String: Any]])
        #expect(!changes.contains { $0["question"] as? String == "a2" })
        #expect(!changes.contains { $0["question"] as? String == "a2-review-frequency" })
        let added = try #require(changes.first { $0["question"] as? String == "c3" })
        #expect(added["kind"] as? String == "added")
        #expect(changes.count == 1)

        // Run 2 still renders against its own questionnaire content (1.1), run 1 against 1.0.
        let oldPlan = try runSoxready(
            ["report", "--app", "General Ledger", "--run", "1", "--format", "md", "--output", "-"], directory: folder)
        #expect(oldPlan.stdout.contains("(scoring-small 1.0.0)"))
        #expect(oldPlan.stdout.contains("| **a2**: A2? |"))
        let newPlan = try runSoxready(
            ["report", "--app", "General Ledger", "--run", "2", "--format", "md", "--output", "-"], directory: folder)
        #expect(newPlan.stdout.contains("(scoring-small 1.1.0)"))
        #expect(
            newPlan.stdout.contains("| **a2-review-frequency**: How often is access reviewed (was A2)? | Annual | reviewed twice a year |"))
    }

    @Test(arguments: TestStore.Backend.all)
    func diffShowsARenamedQuestionWithItsOldIdWhenItsAnswerChanges(_ backend: TestStore.Backend) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try TestStore(backend, folder: folder)
        defer { store.remove() }
        #expect(
            try runSoxready(
                ["assess", "--questionnaire", v10, "--answers", try file("1.yaml", "  a1: yes\n  a2: a\n  c1: yes\n")], directory: folder
            ).status == 0)
        #expect(
            try runSoxready(
                ["assess", "--questionnaire", v11, "--answers", try file("2.yaml", "  a2-review-frequency: q\n"), "--update"],
                directory: folder
            ).status == 0)
        let table = try runSoxready(["diff", "--app", "General Ledger"], directory: folder)
        #expect(table.status == 0)
        #expect(table.stdout.contains("a2-review-frequency (was a2)  closed"))
        #expect(table.stdout.contains("c3 "))
        let markdown = try runSoxready(["diff", "--app", "General Ledger", "--format", "md"], directory: folder)
        #expect(
            markdown.stdout.contains(
                "| a2-review-frequency (was a2): How often is access reviewed (was A2)? | closed | a | q | 0.5 → 1 |\n"))
    }

    @Test(arguments: TestStore.Backend.all)
    func anExportedRunFedBackChangesNothing(_ backend: TestStore.Backend) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try TestStore(backend, folder: folder)
        defer { store.remove() }
        let first = try file(
            "1.yaml",
            "  hosting: [paas, iaas]\n  a1: {answer: partial, note: \"yes: no | maybe\", evidence: \"CHG-1\"}\n  a2: n\n  a3: n/a\n  b1: 90\n  b3: unknown\n  c1: yes\n"
        )
        #expect(try runSoxready(["assess", "--questionnaire", v10, "--answers", first], directory: folder).status == 0)
        let exported = try runSoxready(["report", "--app", "General Ledger", "--format", "answers"], directory: folder)
        let plans = store.planFolder(slug: "general-ledger")
        #expect(exported.stdout == "\(plans)/general-ledger-run-1.answers.yaml\n")
        let path = folder.appendingPathComponent("\(plans)/general-ledger-run-1.answers.yaml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("  # Unanswered (3): remove the first # and write the answer after the colon.\n"))
        #expect(text.contains("  # c2:    # one of yes, partial, no. C2?\n"))
        #expect(text.contains("  a1: {answer: partial, note: \"yes: no | maybe\", evidence: \"CHG-1\"}\n"))
        #expect(try runSoxready(["assess", "--questionnaire", v10, "--answers", path], directory: folder).status == 0)
        let diff = try json(["diff", "--app", "General Ledger", "--format", "json"])
        #expect((diff["changes"] as? [Any])?.isEmpty == true)
        let second = try json(["report", "--app", "General Ledger", "--format", "json", "--output", "-"])
        let firstResult = try json(["report", "--app", "General Ledger", "--run", "1", "--format", "json", "--output", "-"])
        #expect(second["score"] as? Double == firstResult["score"] as? Double)
    }

    @Test(arguments: TestStore.Backend.all)
    func diffNeedsTwoRuns(_ backend: TestStore.Backend) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try TestStore(backend, folder: folder)
        defer { store.remove() }
        #expect(
            try runSoxready(["assess", "--questionnaire", v10, "--answers", try file("1.yaml", "  a1: yes\n")], directory: folder).status
                == 0)
        let diff = try runSoxready(["diff", "--app", "General Ledger"], directory: folder)
        #expect(diff.status == 66)
        #expect(
            diff.stderr
                == "soxready: error: 'General Ledger' has one run so far; diff compares two: record another with "
                + "soxready assess --app 'General Ledger'\n")
        // With two runs, --to 1 names what to give instead.
        #expect(
            try runSoxready(["assess", "--questionnaire", v10, "--answers", try file("2.yaml", "  a1: yes\n")], directory: folder).status
                == 0)
        let first = try runSoxready(["diff", "--app", "General Ledger", "--to", "1"], directory: folder)
        #expect(first.status == 66)
        #expect(
            first.stderr
                == "soxready: error: run 1 is the first run of 'General Ledger': there is nothing before it; give --to N (2 to 2) "
                + "to compare a later run with it\n")
    }

    @Test(arguments: TestStore.Backend.all)
    func updateNeedsAnEarlierRun(_ backend: TestStore.Backend) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try TestStore(backend, folder: folder)
        defer { store.remove() }
        let result = try runSoxready(
            ["assess", "--questionnaire", v10, "--answers", try file("1.yaml", "  a1: yes\n"), "--update"], directory: folder)
        #expect(result.status == 66)
        #expect(result.stderr.contains("--update needs a recorded run of 'General Ledger'"))
    }

    @Test(arguments: TestStore.Backend.all)
    func theSecondPlanShowsProgressAndATrend(_ backend: TestStore.Backend) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try TestStore(backend, folder: folder)
        defer { store.remove() }
        #expect(
            try runSoxready(
                ["assess", "--questionnaire", v10, "--answers", try file("1.yaml", "  hosting: [paas]\n  a1: no\n  c1: yes\n")],
                directory: folder
            ).status == 0)
        #expect(
            try runSoxready(
                ["assess", "--questionnaire", v10, "--answers", try file("2.yaml", "  a1: yes\n"), "--update"], directory: folder
            ).status == 0)
        let plan = try runSoxready(["report", "--app", "General Ledger", "--format", "md", "--output", "-"], directory: folder)
        // No run is approved, so the plan compares with the run before.
        #expect(plan.stdout.contains("No earlier run of this application is approved, so there is no approved plan to compare with"))
        #expect(plan.stdout.contains("### Since the run before (run 1, not signed off)\n\nscore "))
        // Run 2 answers 2 of the 8 scored questions that apply (25 %): readiness unknown.
        #expect(plan.stdout.contains("; level Not ready → Readiness unknown.\n"))
        #expect(plan.stdout.contains("**Gaps closed**\n\n- a1: No → Yes\n"))
        #expect(plan.stdout.contains("Trend (run: score, level): 1: "))
        let html = try runSoxready(["report", "--app", "General Ledger", "--format", "html", "--output", "-"], directory: folder)
        #expect(html.stdout.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend\""))
    }

    @Test(arguments: TestStore.Backend.all)
    func historyAndDiffInJSONNameTheApplicationAsStoredNotAsTyped(_ backend: TestStore.Backend) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try TestStore(backend, folder: folder)
        defer { store.remove() }
        #expect(
            try runSoxready(
                ["assess", "--questionnaire", v10, "--answers", try file("1.yaml", "  hosting: [paas]\n  a1: no\n")], directory: folder
            ).status == 0)
        #expect(
            try runSoxready(
                ["assess", "--questionnaire", v10, "--answers", try file("2.yaml", "  a1: yes\n"), "--update"], directory: folder
            ).status == 0)
        // Typed in lower case, as a lead would: the documents give the name the store holds.
        #expect(try json(["history", "--app", "general ledger", "--format", "json"])["app"] as? String == "General Ledger")
        #expect(try json(["diff", "--app", "general ledger", "--format", "json"])["app"] as? String == "General Ledger")
        // And by its slug.
        #expect(try json(["history", "--app", "general-ledger", "--format", "json"])["app"] as? String == "General Ledger")
    }
}
