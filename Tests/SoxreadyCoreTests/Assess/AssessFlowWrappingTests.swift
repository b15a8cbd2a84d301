import Foundation
import SoxreadyTestSupport
import Testing

@testable import SoxreadyCore

/// The assess flow's own lines at 80 columns: wrapped at words, never mid-word.
final class AssessFlowWrappingTests {
    let store: SQLiteStore
    let folder: URL
    var written = ""
    static let now = Date(timeIntervalSince1970: 1_795_975_200)  // 2026-11-29T18:00:00Z
    static let app = "Accounts Payable and Expense Reimbursement EMEA"

    init() throws {
        store = try SQLiteStore()
        folder = try temporaryFolder()
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func flow() throws -> AssessFlow {
        let templates = try PlanRenderer(directory: repositoryRoot.appendingPathComponent("Reports/templates").path)
        let plans = folder.appendingPathComponent("plans").path
        return AssessFlow(
            store: store, catalog: QuestionnaireCatalog(searchPaths: [fixturePath("")]), clock: { Self.now },
            plans: try PlanWriter(templates: templates, formats: ReportFormat.plans), planFolder: { _ in plans },
            write: { [unowned self] in written += $0 }, warn: { _ in })
    }

    func options() -> AssessFlow.WizardOptions {
        AssessFlow.WizardOptions(appName: Self.app, questionnaire: "scoring-small@1.0.0", user: "dana", interactive: true)
    }

    @Test func theResumePromptIsWrappedAtAWord() throws {
        // Two answers, then :quit: the draft is kept.
        let first = ScriptedLineReader(["paas", "y", ":quit"], editsLine: true)
        guard case .quit = try flow().runWizard(options(), reader: first) else {
            Issue.record("not quit")
            return
        }
        written = ""
        let again = ScriptedLineReader(["y", ":quit"], editsLine: true)
        _ = try flow().runWizard(options(), reader: again)
        #expect(
            written.hasPrefix(
                """
                An unfinished assessment of Accounts Payable and Expense Reimbursement EMEA from
                2026-11-29T18:00:00Z has 2 answers.
                Resume it? (y = resume, n = start again)

                """))
        for line in written.split(separator: "\n") { #expect(line.displayWidth <= 80, "\(line)") }
    }
}
