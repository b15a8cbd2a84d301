import Foundation
import SoxreadyTestSupport
import Testing

@testable import SoxreadyCore

/// What the wizard does before its first question: the draft it starts, resumes or replaces, and
/// the plan templates it checks now and parses only before recording.
extension AssessFlowTests {
    func heldElsewhere() throws -> DraftSession {
        let other = DraftSession(
            token: "other", user: "dana", host: ProcessInfo.processInfo.hostName, processID: getpid(), startedAt: Self.now)
        try store.startDraft(NewDraft(appName: "GL", questionnaire: loaded, startedAt: Self.now), session: other)
        return other
    }

    @Test func restartReplacesTheDraftAndResumeWithoutOneStartsAFreshOne() throws {
        // --resume with no draft starts one; two answers, then :quit.
        let first = ScriptedLineReader(["paas", "partial", ":quit"])
        guard case .quit(let saved?) = try flow().runWizard(options(.resume), reader: first) else {
            Issue.record("not quit")
            return
        }
        #expect(saved.answered == 2)
        #expect(try store.draft(appName: "GL")?.answers.count == 2)
        // --restart replaces it: nothing answered, the first question again.
        let again = ScriptedLineReader([":quit"])
        guard case .quit(let restarted?) = try flow().runWizard(options(.restart), reader: again) else {
            Issue.record("not quit")
            return
        }
        #expect(restarted.answered == 0)
        #expect(try store.draft(appName: "GL")?.answers.isEmpty == true)
        #expect(again.asked.first?.prompt == "> ")
        #expect(!written.contains("An unfinished assessment"))
    }

    @Test func restartDoesNotTakeADraftAnotherSessionHoldsUnlessTakingItOver() throws {
        let other = try heldElsewhere()
        #expect(throws: StoreError.draftHeld(app: "GL", holder: other.holder)) {
            _ = try self.flow().runWizard(self.options(.restart), reader: ScriptedLineReader([":quit"]))
        }
        // Answering "start again" to the question is the same.
        #expect(throws: StoreError.draftHeld(app: "GL", holder: other.holder)) {
            _ = try self.flow().runWizard(self.options(.ask), reader: ScriptedLineReader(["n", ":quit"]))
        }
        guard case .quit = try flow().runWizard(options(.restart, takeOver: true), reader: ScriptedLineReader([":quit"])) else {
            Issue.record("not quit")
            return
        }
    }

    @Test func aMissingTemplateStopsTheWizardBeforeItsFirstQuestion() throws {
        #expect {
            _ = try PlanWriter(templateDirectory: self.folder.path, formats: ReportFormat.plans)
        } throws: { error in
            "\(error)" == "\(self.folder.appendingPathComponent("plan.md.mustache").path): template missing or unreadable"
        }
        // Formats without templates need none.
        _ = try PlanWriter(templateDirectory: folder.path, formats: [.json])
    }

    @Test func aTemplateThatDoesNotParseStopsTheRunBeforeItIsRecorded() throws {
        let templates = folder.appendingPathComponent("templates")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Reports/templates"), to: templates)
        try "{{#sections}} never closed".write(to: templates.appendingPathComponent("plan.md.mustache"), atomically: true, encoding: .utf8)
        let plans = try PlanWriter(templateDirectory: templates.path, formats: ReportFormat.plans)
        #expect(throws: PlanRenderer.TemplateError.self) { try plans.prepareTemplates() }

        _ = try recordWorkedRun()
        var flow = try flow()
        flow.plans = plans
        // Every question is asked (nine pre-filled from run 1, a4 is not asked), then the
        // attestation: the broken template is found when the run is to be recorded.
        let reader = ScriptedLineReader(Array(repeating: "<enter>", count: 9) + ["y"], editsLine: true)
        #expect {
            _ = try flow.runWizard(options(), reader: reader)
        } throws: { error in
            guard case .plansCannotBeWritten(let reason, _) = error as? AssessFlowError else { return false }
            return reason.hasPrefix(templates.appendingPathComponent("plan.md.mustache").path + ": the template does not parse")
        }
        #expect(reader.asked.filter { $0.prompt == "> " }.count == 9)
        #expect(try store.runs(appName: "GL").count == 1)
        #expect(try store.draft(appName: "GL")?.answers.count == 8)
    }
}
