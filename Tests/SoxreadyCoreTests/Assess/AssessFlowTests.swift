import Foundation
import SoxreadyTestSupport
import Testing

@testable import SoxreadyCore

/// The assess flow in the core, driven by a scripted reader against an in-memory store.
///
/// The fixture questionnaire asks, in order: hosting, a1, a2, a3, a4 (IaaS only), b1, b2, b3,
/// c1, c2. `ScoringTests.worked` answers hosting paas (so a4 is not asked), a1 partial, a2 a,
/// a3 n/a, a4 yes (kept, not scored), b1 100, b2 x y z, b3 unknown, c1 yes, and leaves c2
/// unanswered: its gaps are a1, a2, b1, b3 and c2 (docs/scoring.md).
final class AssessFlowTests {
    let loaded: LoadedQuestionnaire
    let store: SQLiteStore
    let folder: URL
    var written = ""
    var warnings: [String] = []
    static let now = Date(timeIntervalSince1970: 1_795_975_200)  // 2026-11-29T18:00:00Z

    init() throws {
        loaded = try QuestionnaireLoader.load(path: fixturePath("scoring-small.yaml"))
        store = try SQLiteStore()
        folder = try temporaryFolder()
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func flow(planFolder: @escaping (String) -> String = { _ in "" }) throws -> AssessFlow {
        let templates = try PlanRenderer(directory: repositoryRoot.appendingPathComponent("Reports/templates").path)
        let plans = folder.appendingPathComponent("plans").path
        return AssessFlow(
            store: store, catalog: QuestionnaireCatalog(searchPaths: [fixturePath("")]), clock: { Self.now },
            plans: try PlanWriter(templates: templates, formats: ReportFormat.plans),
            planFolder: { slug in
                let chosen = planFolder(slug)
                return chosen.isEmpty ? plans : chosen
            },
            write: { [unowned self] in written += $0 }, warn: { [unowned self] in warnings.append($0) })
    }

    func options(
        _ draft: AssessFlow.DraftChoice = .ask, onlyGaps: Bool = false, interactive: Bool = false, takeOver: Bool = false,
        app: String? = "GL"
    ) -> AssessFlow.WizardOptions {
        var options = AssessFlow.WizardOptions(
            appName: app, questionnaire: "scoring-small@1.0.0", onlyGaps: onlyGaps, draft: draft,
            takeOver: takeOver, user: "dana", interactive: interactive)
        options.preparedBy = "Pat Preparer"
        return options
    }

    func recordWorkedRun() throws -> StoredRun {
        var sheet: AnswerSheet = [:]
        for (id, text) in ScoringTests.worked {
            sheet[id] = AnswerRecord(answer: try AnswerInterpreter.interpret(text, for: try #require(loaded.questionnaire.question(id))))
        }
        sheet["b1"]?.note = "Log Analytics workspace, 100 days today"
        // a1, a gate partly met, has a commitment, so the wizard does not stop to ask for one.
        sheet["a1"]?.owner = "Dana Lee"
        sheet["a1"]?.due = CalendarDate(year: 2027, month: 2, day: 15)
        return try store.record(
            RunToRecord(
                scoring: sheet, appName: "GL", questionnaire: loaded, recordedAt: Self.now, preparer: Preparer(name: "Pat Preparer")))
    }

    @Test func aResumedRerunPreFillsEveryQuestionAsTheRerunDid() throws {
        let first = try recordWorkedRun()
        let before = ScriptedLineReader(["<enter>", "<enter>", ":quit"], editsLine: true)
        guard case .quit(let saved?) = try flow().runWizard(options(), reader: before) else {
            Issue.record("not quit")
            return
        }
        #expect(saved.answered == 2)
        #expect(before.asked.filter { $0.prompt == "> " }.map(\.prefill) == ["paas", "partial", "a"])

        // Resumed: the questions left are pre-filled from run 1 exactly as before the :quit.
        // Seven questions are left; then the preparer (given as --prepared-by) attests with y.
        let after = ScriptedLineReader(Array(repeating: "<enter>", count: 7) + ["y"], editsLine: true)
        guard case .recorded(let second, _) = try flow().runWizard(options(.resume), reader: after) else {
            Issue.record("not recorded")
            return
        }
        #expect(after.asked.filter { $0.prompt == "> " }.map(\.prefill) == ["a", "n/a", "100", "x, y, z", "unknown", "yes", nil])
        #expect(second.summary.number == 2)
        // a4 is not asked (hosting is not IaaS), so the wizard does not confirm its old answer.
        var expected = first.answers
        expected["a4"] = nil
        #expect(second.answers == expected)
        #expect(second.answers["b1"]?.note == "Log Analytics workspace, 100 days today")
        #expect(try store.draft(appName: "GL") == nil)
    }

    @Test func onlyGapsAsksTheGapsOfTheLastRunAndCarriesTheRestOver() throws {
        let first = try recordWorkedRun()
        let reader = ScriptedLineReader(["y", "<enter>", "<enter>", "<enter>", "<enter>", "y"], editsLine: true)
        guard case .recorded(let second, _) = try flow().runWizard(options(onlyGaps: true), reader: reader) else {
            Issue.record("not recorded")
            return
        }
        // a1, a2, b1, b3 and c2 were the gaps of run 1.
        #expect(reader.asked.filter { $0.prompt == "> " }.map(\.prefill) == ["partial", "a", "100", "unknown", nil])
        var expected = first.answers
        // a1 is met now: its commitment has served its purpose and is dropped from the run.
        expected["a1"] = AnswerRecord(answer: .value(.choice("yes")))
        #expect(second.answers == expected)
        #expect(
            written.replacingOccurrences(of: "\n", with: " ")
                .contains("5 answers from run 1 carried over unchanged; asking only the gaps of run 1 and new questions"))
    }

    @Test func aResumedOnlyGapsDraftStillAsksOnlyTheGaps() throws {
        _ = try recordWorkedRun()
        let before = ScriptedLineReader(["y", ":quit"], editsLine: true)
        _ = try flow().runWizard(options(onlyGaps: true), reader: before)
        let after = ScriptedLineReader(Array(repeating: "<enter>", count: 4) + ["y"], editsLine: true)
        guard case .recorded(let second, _) = try flow().runWizard(options(.resume), reader: after) else {
            Issue.record("not recorded")
            return
        }
        #expect(after.asked.filter { $0.prompt == "> " }.map(\.prefill) == ["a", "100", "unknown", nil])
        #expect(second.answers["a1"]?.answer == .value(.choice("yes")))
        #expect(second.answers["c1"]?.answer == .value(.choice("yes")))
    }

    @Test func skippedQuestionsAreOfferedAgainBeforeRecording() throws {
        let reader = ScriptedLineReader(["paas", "y", ":skip", "y", "400", "x", "y", "y", "y", "y", "q", "y"], editsLine: true)
        guard case .recorded(let run, _) = try flow().runWizard(options(interactive: true), reader: reader) else {
            Issue.record("not recorded")
            return
        }
        #expect(written.contains("1 question is still unanswered: Q3 a2\n"))
        #expect(written.contains("Answer it now? (n = record the run as it is)\n"))
        #expect(run.answers["a2"]?.answer == .value(.choice("q")))
        // b2 is partly met (x alone), and the gates a1 and c1 are met with no evidence reference.
        #expect(run.result.readiness == .readyWithConditions)
        #expect(run.result.rules2?.evidenceMissing == ["a1", "c1"])
    }

    @Test func anUpdateKeepsTheLatestRunAndChangesOnlyWhatTheFileNames() throws {
        let path = folder.appendingPathComponent("update.yaml").path
        try
            "format: soxready/answers@1\napp: GL\nquestionnaire: scoring-small\npreparedBy: Pat Preparer\nanswers:\n  a1: 'yes'\n  c2: partial\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let first = try recordWorkedRun()
        let outcome = try flow().runBatch(answersFile: path, appName: nil, questionnaire: nil, update: true)
        var expected = first.answers
        expected["a1"] = AnswerRecord(answer: .value(.choice("yes")))  // met: the commitment is dropped
        expected["c2"] = AnswerRecord(answer: .value(.choice("partial")))
        #expect(outcome.run.answers == expected)
        #expect(outcome.plans.map { ($0 as NSString).lastPathComponent } == ["gl-run-2.md", "gl-run-2.html", "gl-run-2.pack.html"])
        #expect(warnings.first == "soxready: updating run 1: 2 answers from the file, 8 carried over")
    }

    @Test func theNamePromptRefusesCommandsAndControlCharactersAndQuits() throws {
        let quit = ScriptedLineReader([":quit"])
        guard case .quit(nil) = try flow().runWizard(options(app: nil), reader: quit) else {
            Issue.record("not quit")
            return
        }
        #expect(try store.apps().isEmpty)

        let reader = ScriptedLineReader([":help", "General\u{1B}[2J Ledger", "  General Ledger  ", ":quit"])
        guard case .quit(let saved?) = try flow().runWizard(options(app: nil), reader: reader) else {
            Issue.record("not quit")
            return
        }
        #expect(saved.appName == "General Ledger")
        #expect(written.contains("  ! ':help' looks like a wizard command, not a name"))
        #expect(written.contains("  ! the application name holds a control character (U+001B)"))
        // Quitting at the first question, before any answer, writes nothing: no application, no draft.
        #expect(try store.apps().isEmpty)
    }

    /// PRODUCT.md §7.4: a known name typed in another case (or by its slug) is that application,
    /// Tab completes the active names, an archived one is refused with how to restore it.
    @Test func theNamePromptFindsKnownApplicationsIgnoringCaseAndCompletesTheirNames() throws {
        _ = try recordWorkedRun()
        try store.record(
            RunToRecord(
                scoring: [:], appName: "Treasury Payments", questionnaire: loaded, recordedAt: Self.now,
                preparer: Preparer(name: "Pat Preparer")))
        try store.record(
            RunToRecord(
                scoring: [:], appName: "Old Payroll", questionnaire: loaded, recordedAt: Self.now,
                preparer: Preparer(name: "Pat Preparer")))
        try store.setArchived("Old Payroll", archived: true, at: Self.now)

        let reader = ScriptedLineReader(["old payroll", "treasury   PAYMENTS", ":quit"], editsLine: true)
        guard case .quit(let saved?) = try flow().runWizard(options(app: nil), reader: reader) else {
            Issue.record("not quit")
            return
        }
        #expect(saved.appName == "Treasury Payments")
        #expect(reader.requests.first?.completions.primary == ["GL", "Treasury Payments"])
        #expect(
            written.hasPrefix(
                "Which application are you assessing? (its name, for example General Ledger; Tab\n"
                    + "completes the 2 in the store; :quit to stop)\n"))
        #expect(
            written.contains(
                "  ! Old Payroll was archived on 2026-11-29T18:00:00Z; restore it first (soxready\n"
                    + "    apps restore \"Old Payroll\"), or give another name\n"))
        #expect(written.contains("  Found Treasury Payments (1 run, the latest Readiness unknown on 2026-11-29).\n"))
        #expect(written.contains("soxready · Treasury Payments · "))
        #expect(try store.apps().map(\.name) == ["GL", "Old Payroll", "Treasury Payments"])

        // By its slug, and through --app in another case: the stored spelling is used.
        written = ""
        let slug = ScriptedLineReader(["treasury-payments", ":quit"], editsLine: true)
        guard case .quit(let bySlug?) = try flow().runWizard(options(.resume, app: nil), reader: slug) else {
            Issue.record("not quit")
            return
        }
        #expect(bySlug.appName == "Treasury Payments")
        written = ""
        guard
            case .quit(let byOption?) = try flow().runWizard(
                options(.resume, app: "gl"), reader: ScriptedLineReader([":quit"], editsLine: true))
        else {
            Issue.record("not quit")
            return
        }
        #expect(byOption.appName == "GL")
        #expect(written.contains("soxready · GL · "))
    }

    @Test func plansThatCannotBeWrittenStopTheRunBeforeItIsRecorded() throws {
        _ = try recordWorkedRun()
        let blocker = folder.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: blocker)
        // Writable when the wizard starts, not when it ends.
        nonisolated(unsafe) var calls = 0
        let flow = try flow(planFolder: { _ in
            calls += 1
            return calls == 1 ? "" : blocker.appendingPathComponent("plans").path
        })
        // Nine questions pre-filled from run 1 (a4 is not asked), then the attestation.
        let reader = ScriptedLineReader(Array(repeating: "<enter>", count: 9) + ["y"], editsLine: true)
        #expect {
            _ = try flow.runWizard(options(), reader: reader)
        } throws: { error in
            guard case .plansCannotBeWritten = error as? AssessFlowError else { return false }
            return "\(error)".hasSuffix(
                "so nothing was recorded; every answer is saved: fix that and resume with soxready assess --app 'GL'")
        }
        #expect(try store.runs(appName: "GL").count == 1)
        #expect(try store.draft(appName: "GL")?.answers.count == 8)
    }

    @Test func aDraftOpenInAnotherSessionIsNotResumedWithoutTakingItOver() throws {
        let other = DraftSession(
            token: "other", user: "dana", host: ProcessInfo.processInfo.hostName, processID: getpid(), startedAt: Self.now)
        try store.startDraft(NewDraft(appName: "GL", questionnaire: loaded, startedAt: Self.now), session: other)
        #expect(throws: StoreError.draftHeld(app: "GL", holder: other.holder)) {
            _ = try self.flow().runWizard(self.options(.resume), reader: ScriptedLineReader([":quit"]))
        }
        guard case .quit = try flow().runWizard(options(.resume, takeOver: true), reader: ScriptedLineReader([":quit"])) else {
            Issue.record("not quit")
            return
        }
    }

    @Test func thePreparerNamesThemselvesAndAttestsBeforeTheRunIsRecorded() throws {
        _ = try recordWorkedRun()
        var options = options()
        options.preparedBy = nil
        // Nine questions kept with Enter; the name is typed (never pre-filled), run 1's preparer named and offered by Tab.
        let declined = ScriptedLineReader(Array(repeating: "<enter>", count: 9) + ["Lee Chen", "n"], editsLine: true)
        guard case .notAttested(let saved) = try flow().runWizard(options, reader: declined) else {
            Issue.record("recorded")
            return
        }
        #expect(declined.asked.suffix(2).map(\.prompt) == ["Prepared by: ", "[y/N] "])
        #expect(declined.asked.suffix(2).map(\.prefill) == [nil, nil])
        #expect(
            written.replacingOccurrences(of: "\n", with: " ").contains(
                "The last run was prepared by Pat Preparer; Tab completes that name."))
        #expect(
            written.replacingOccurrences(of: "\n", with: " ")
                .contains("Lee Chen, do you attest: \"The answers are complete and accurate to the best of my knowledge.\""))
        #expect(saved.answered == 8)
        #expect(try store.runs(appName: "GL").count == 1)
        #expect(try store.draft(appName: "GL")?.answers.count == 8)

        // Resumed: c2, left open, is asked again (Enter leaves it); an empty name is asked again, never taken from run 1.
        let agreed = ScriptedLineReader(["<enter>", "<enter>", "Pat Preparer", "y"], editsLine: true)
        guard
            case .recorded(let run, _) = try flow().runWizard(
                AssessFlow.WizardOptions(
                    appName: "GL", draft: .resume, user: "dana",
                    interactive: false), reader: agreed)
        else {
            Issue.record("not recorded")
            return
        }
        #expect(run.preparer == Preparer(name: "Pat Preparer"))
        #expect(run.summary.number == 2)
    }
}
