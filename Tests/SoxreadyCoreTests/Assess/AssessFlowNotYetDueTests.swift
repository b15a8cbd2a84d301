import Foundation
import SoxreadyTestSupport
import Testing

@testable import SoxreadyCore

/// `assess` on a questionnaire with a question asked only after go-live (`Fixtures/scoring-v2.yaml`:
/// cutover, fy-end, mfa, reviews, label, backup, runbook, then hypercare, `asked: after-cutover`),
/// on 2027-01-15 by the flow's clock.
final class AssessFlowNotYetDueTests {
    let loaded: LoadedQuestionnaire
    let store: SQLiteStore
    let folder: URL
    var written = ""
    var warnings: [String] = []
    static let now = Date(timeIntervalSince1970: 1_800_014_400)  // 2027-01-15T12:00:00Z

    init() throws {
        loaded = try QuestionnaireLoader.load(path: fixturePath("scoring-v2.yaml"))
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
            write: { [unowned self] in written += $0 }, warn: { [unowned self] in warnings.append($0) })
    }

    func options(interactive: Bool = false) -> AssessFlow.WizardOptions {
        var options = AssessFlow.WizardOptions(appName: "GL", questionnaire: "scoring-v2@1.0.0", user: "dana", interactive: interactive)
        options.preparedBy = "Pat Preparer"
        return options
    }

    func answersFile(_ answers: String) throws -> String {
        let path = folder.appendingPathComponent("answers.yaml").path
        try ("format: soxready/answers@1\napp: GL\nquestionnaire: scoring-v2\npreparedBy: Pat Preparer\nanswers:\n" + answers)
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aPreCutoverRunDoesNotAskTheHypercareQuestionAndSaysSoOnce() throws {
        // Go-live on 2027-04-25, still ahead; the seven questions due, then the attestation.
        let reader = ScriptedLineReader(["2027-04-25", "2027-12-31", "y", "q", "ready", "y", "y", "y"], editsLine: true)
        guard case .recorded(let run, _) = try flow().runWizard(options(interactive: true), reader: reader) else {
            Issue.record("not recorded")
            return
        }
        #expect(reader.asked.filter { $0.prompt == "> " }.count == 7)
        #expect(!written.contains("Was monitoring validated after go-live?"))
        #expect(written.contains("8 questions in 3 domains (1 of them asked only after go-live). Every answer is\nsaved as"))
        #expect(written.components(separatedBy: "asked only after go-live, and the cutover date").count == 2)
        // Nothing is left open for the review: the run is recorded straight after the last question.
        #expect(!written.contains("still unanswered"))
        #expect(run.result.rules2?.notYetDue == ["hypercare"])
    }

    @Test func aCutoverThatHasPassedAsksTheHypercareQuestion() throws {
        let reader = ScriptedLineReader(["2027-01-04", "2027-12-31", "y", "q", "ready", "y", "y", "y", "y"], editsLine: true)
        guard case .recorded(let run, _) = try flow().runWizard(options(interactive: true), reader: reader) else {
            Issue.record("not recorded")
            return
        }
        #expect(written.contains("Domain 3/3 · Question 8/8\nWas monitoring validated after go-live?\n"))
        #expect(run.answers["hypercare"]?.answer == .value(.choice("yes")))
        #expect(run.result.rules2?.stage == .postCutover)
    }

    @Test func aRerunBeforeGoLiveKeepsTheAnswerGivenEarlierToIt() throws {
        let path = try answersFile(
            "  cutover: 2027-04-25\n  fy-end: 2027-12-31\n  hypercare: {answer: 'yes', note: dry run in the test tenant}\n")
        _ = try flow().runBatch(answersFile: path, appName: nil, questionnaire: nil, update: false)
        // Every pre-fill kept with Enter (the five open questions answered), then the attestation.
        let reader = ScriptedLineReader(["<enter>", "<enter>", "y", "q", "ready", "y", "y", "y"], editsLine: true)
        guard case .recorded(let second, _) = try flow().runWizard(options(), reader: reader) else {
            Issue.record("not recorded")
            return
        }
        #expect(!written.contains("Was monitoring validated after go-live?"))
        #expect(second.answers["hypercare"] == AnswerRecord(answer: .value(.choice("yes")), note: "dry run in the test tenant"))
        #expect(second.result.rules2?.notYetDue == ["hypercare"])
    }

    @Test func anAnswersFileListsTheQuestionsNotYetDueApartFromTheUnansweredOnes() throws {
        let path = try answersFile(
            "  cutover: 2027-04-25\n  fy-end: 2027-12-31\n  mfa: 'yes'\n  reviews: q\n  label: ready\n  backup: 'yes'\n")
        _ = try flow().runBatch(answersFile: path, appName: nil, questionnaire: nil, update: false)
        #expect(
            warnings == [
                "soxready: 1 question not answered in the file count as unanswered:",
                "  runbook",
                "soxready: 1 question is asked only after go-live and not yet due (the cutover date, 2027-04-25, is still ahead), "
                    + "so it does not count as unanswered:",
                "  hypercare",
            ])
    }

    @Test func anAnswerToAQuestionNotYetDueIsCountedAsKept() throws {
        let path = try answersFile(
            "  cutover: 2027-04-25\n  fy-end: 2027-12-31\n  mfa: 'yes'\n  reviews: q\n  label: ready\n  backup: 'yes'\n"
                + "  runbook: 'yes'\n  hypercare: 'no'\n")
        let outcome = try flow().runBatch(answersFile: path, appName: nil, questionnaire: nil, update: false)
        #expect(
            warnings == [
                "soxready: 1 question is asked only after go-live and not yet due (the cutover date, 2027-04-25, is still ahead), "
                    + "so it does not count as unanswered; 1 answer is kept, not scored:",
                "  hypercare",
            ])
        #expect(outcome.run.answers["hypercare"]?.answer == .value(.choice("no")))
    }

    @Test func aPostCutoverAnswersFileCountsTheHypercareQuestionAsUnanswered() throws {
        let path = try answersFile(
            "  cutover: 2027-01-04\n  fy-end: 2027-12-31\n  mfa: 'yes'\n  reviews: q\n  label: ready\n  backup: 'yes'\n"
                + "  runbook: 'yes'\n")
        _ = try flow().runBatch(answersFile: path, appName: nil, questionnaire: nil, update: false)
        #expect(warnings == ["soxready: 1 question not answered in the file count as unanswered:", "  hypercare"])
    }
}
