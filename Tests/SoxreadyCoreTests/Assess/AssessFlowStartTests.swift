import Foundation
import SoxreadyTestSupport
import Testing
@testable import SoxreadyCore

/// What the wizard does before its first question: the plan templates it checks now and parses
/// only before recording.
extension AssessFlowTests {
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
