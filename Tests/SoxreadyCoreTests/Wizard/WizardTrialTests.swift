import SoxreadyTestSupport
import Testing
@testable import SoxreadyCore

/// What the new-user trial at 80 columns found in the wizard's words: an empty Enter that skipped
/// silently, help re-wrapped line by line, ids and condition syntax in the passed-over notes.
struct WizardTrialTests {
    let questionnaire: Questionnaire

    init() throws {
        questionnaire = try QuestionnaireLoader.load(path: fixturePath("scoring-small.yaml")).questionnaire
    }

    func drive(_ lines: [String?], in questionnaire: Questionnaire? = nil, editing: Bool = true, offersReview: Bool = true,
               columns: Int = 80) -> (String, WizardSession)
    {
        var session = WizardSession(questionnaire: questionnaire ?? self.questionnaire)
        let reader = ScriptedLineReader(lines, editsLine: editing)
        reader.columns = columns
        var shown = ""
        let loop = WizardLoop(maxInvalidAttempts: editing ? nil : 3)
        loop.offersReview = offersReview
        _ = loop.run(&session, reader: reader, write: { shown += $0 }) { _, _, _ in }
        return (shown, session)
    }

    // MARK: an empty Enter

    @Test func anEmptyLineSaysTheQuestionWasSkippedInFullOnceThenShortly() {
        // hosting and a1 left open with Enter (a first run: nothing pre-filled), then :quit.
        let (shown, session) = drive(["", "", ":quit"])
        #expect(session.answers.isEmpty)
        let afterHosting = shown.components(separatedBy: "Which hosting models?")[1]
        #expect(afterHosting.contains(":quit\n  – skipped; :back returns to it, and you are asked again before the run is\n"
                                      + "    recorded\n\n"))
        let afterA1 = shown.components(separatedBy: "A1?")[1]
        #expect(afterA1.contains(":quit\n  – skipped\n\n"))
        #expect(shown.components(separatedBy: "– skipped").count == 3)
    }

    @Test func withoutAReviewBeforeRecordingTheNoteDoesNotPromiseOne() {
        let (shown, _) = drive(["", ":quit"], editing: false, offersReview: false)
        #expect(shown.contains("  – skipped; :back returns to it\n"))
    }

    @Test func skipAndAPrefillTakenWithEnterSayNothingOfTheKind() {
        let (shown, _) = drive([":skip", ":quit"])
        #expect(!shown.contains("– skipped"))
        var session = WizardSession(questionnaire: questionnaire, defaults: ["hosting": AnswerRecord(answer: .value(.choices(["paas"])))])
        #expect(session.handle("", emptyMeansDefault: true) == [.save(questionID: "hosting", record: AnswerRecord(answer: .value(.choices(["paas"]))))])
    }

    @Test func aRequiredQuestionIsNotSkippedByAnEmptyLine() throws {
        let text = try String(contentsOfFile: fixturePath("scoring-small.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "        type: multi\n        choices: [{id: iaas", with: "        type: multi\n        required: true\n        choices: [{id: iaas")
        let strict = try QuestionnaireLoader.parse(text, file: "q.yaml").questionnaire
        var session = WizardSession(questionnaire: strict)
        #expect(session.handle("", emptyMeansDefault: false)
            == [.say("this question is required: other questions depend on it; answer it or use :unknown")])
    }
}
