import SoxreadyTestSupport
import Testing

@testable import SoxreadyCore

/// The questions asked only after go-live (`asked: after-cutover`) in the wizard: not yet due,
/// and not asked, while the cutover date answered so far is still ahead of the run's date
/// (SCORING.md "Stage"); asked once it has passed.
///
/// `Fixtures/scoring-v2.yaml` asks, in order: cutover, fy-end (Profile); mfa, reviews (Access);
/// label, backup, runbook, hypercare (Operations). Only hypercare is asked after cutover.
struct WizardNotYetDueTests {
    let questionnaire: Questionnaire
    static let asOf = CalendarDate(year: 2027, month: 1, day: 15)!

    init() throws {
        questionnaire = try QuestionnaireLoader.load(path: fixturePath("scoring-v2.yaml")).questionnaire
    }

    func drive(
        _ lines: [String?], defaults: AnswerSheet = [:], asOf: CalendarDate? = Self.asOf, editing: Bool = false
    )
        -> (WizardLoop.Outcome, [String], String, WizardSession, ScriptedLineReader)
    {
        var session = WizardSession(questionnaire: questionnaire, defaults: defaults, asOf: asOf)
        let reader = ScriptedLineReader(lines, editsLine: editing)
        var saves: [String] = []
        var shown = ""
        let outcome = WizardLoop(maxInvalidAttempts: 3).run(&session, reader: reader, write: { shown += $0 }) { id, _, _ in saves.append(id)
        }
        return (outcome, saves, shown, session, reader)
    }

    @Test func aCutoverStillAheadLeavesTheHypercareQuestionUnaskedAndSaysWhyOnce() {
        let (outcome, saves, shown, session, _) = drive(["2027-04-25", "2027-12-31", "y", "q", "ready", "y", "y", "y"])
        #expect(outcome == .finished)
        #expect(saves == ["cutover", "fy-end", "mfa", "reviews", "label", "backup", "runbook"])
        #expect(!shown.contains("Was monitoring validated after go-live?"))
        #expect(session.notYetDue == ["hypercare"])
        #expect(session.deferred.map(\.id) == ["hypercare"])
        // The last question is the one passed over: the explanation comes as the loop ends.
        #expect(
            shown.hasSuffix(
                """

                  (1 question is asked only after go-live, and the cutover date, 2027-04-25, is
                  still ahead: it is not asked in this run (question 8, Monitoring validated
                  after go-live). A rerun on or after the cutover date asks it.)

                """))
        // Nothing is open: the review before recording has nothing to offer.
        #expect(session.firstUnanswered == nil)
        #expect(AssessFlow.unansweredSummary(session) == nil)
    }

    @Test func aCutoverThatHasPassedAsksIt() {
        let (outcome, saves, shown, session, _) = drive(["2027-01-15", "2027-12-31", "y", "q", "ready", "y", "y", "y"])
        #expect(outcome == .finished)
        #expect(saves.last == "hypercare")
        #expect(shown.contains("Domain 3/3 · Question 8/8\nWas monitoring validated after go-live?\n"))
        #expect(!shown.contains("asked only after go-live"))
        #expect(session.notYetDue.isEmpty)
    }

    @Test func withoutACutoverAnswerTheyAreNotYetDueEither() {
        let (_, saves, shown, session, _) = drive([":skip", "2027-12-31", "y", "q", "ready", "y", "y"])
        #expect(!saves.contains("hypercare"))
        #expect(
            shown.contains(
                "  (1 question is asked only after go-live, and no cutover date is given: it is\n"
                    + "  not asked in this run (question 8, Monitoring validated after go-live). A\n"
                    + "  rerun asks it once the cutover date is given and has passed.)\n"))
        // Left open at the end, the cutover is offered again; hypercare is not open.
        #expect(AssessFlow.unansweredSummary(session)?.ids == ["cutover"])
    }

    @Test func changingTheCutoverToAPastDateWithBackMakesItDue() {
        var session = WizardSession(questionnaire: questionnaire, asOf: Self.asOf)
        for line in ["2027-04-25", "2027-12-31", "y", "q", "ready", "y"] { _ = session.handle(line, emptyMeansDefault: false) }
        #expect(session.currentQuestion?.id == "runbook")
        #expect(session.notYetDue == ["hypercare"])
        // Back over backup, label, reviews, mfa and fy-end to the cutover, which went live already.
        for _ in 0..<6 { _ = session.handle(":back", emptyMeansDefault: false) }
        #expect(session.currentQuestion?.id == "cutover")
        _ = session.handle("2027-01-10", emptyMeansDefault: false)
        #expect(session.notYetDue.isEmpty)
        // Enter keeps each answer given before; after runbook comes hypercare, now due.
        for _ in 0..<5 { _ = session.handle("", emptyMeansDefault: true) }
        _ = session.handle("y", emptyMeansDefault: false)
        #expect(session.currentQuestion?.id == "hypercare")
        #expect(session.deferred.isEmpty)
    }

    @Test func anAnswerGivenBeforeGoLiveIsKeptNotAskedAndRecorded() {
        let defaults: AnswerSheet = [
            "cutover": AnswerRecord(answer: .value(.date(CalendarDate(year: 2027, month: 4, day: 25)!))),
            "hypercare": AnswerRecord(answer: .value(.choice("yes")), note: "dry run in the test tenant"),
        ]
        let (_, saves, shown, session, _) = drive(["", "2027-12-31", "y", "q", "ready", "y", "y"], defaults: defaults)
        #expect(!saves.contains("hypercare"))
        #expect(!shown.contains("Was monitoring validated after go-live?"))
        #expect(session.answers["hypercare"] == nil)
        #expect(session.recordedAnswers["hypercare"] == AnswerRecord(answer: .value(.choice("yes")), note: "dry run in the test tenant"))
        #expect(session.recordedAnswers["cutover"]?.answer == .value(.date(CalendarDate(year: 2027, month: 4, day: 25)!)))
    }

    @Test func onlyTheGapsCountsTheGapsThatAreDue() {
        // Asking only runbook and hypercare (say, the gaps of the last run), cutover still ahead.
        let answers: AnswerSheet = ["cutover": AnswerRecord(answer: .value(.date(CalendarDate(year: 2027, month: 4, day: 25)!)))]
        var session = WizardSession(questionnaire: questionnaire, answers: answers, asking: ["runbook", "hypercare"], asOf: Self.asOf)
        #expect(session.currentQuestion?.id == "runbook")
        #expect(session.countText == "Gap 1/1")
        _ = session.handle("y", emptyMeansDefault: false)
        #expect(session.step == .finished)
        // Without the run's date the old behaviour: every question is asked.
        let always = WizardSession(questionnaire: questionnaire, answers: answers, asking: ["runbook", "hypercare"])
        #expect(always.countText == "Gap 1/2")
    }

    @Test func theScorerAndTheWizardAgreeOnTheStage() {
        let ahead: AnswerSheet = ["cutover": AnswerRecord(answer: .value(.date(CalendarDate(year: 2027, month: 1, day: 16)!)))]
        let today: AnswerSheet = ["cutover": AnswerRecord(answer: .value(.date(Self.asOf)))]
        #expect(ReadinessScorer.notYetDue(questionnaire, answers: ahead, asOf: Self.asOf) == ["hypercare"])
        #expect(ReadinessScorer.notYetDue(questionnaire, answers: today, asOf: Self.asOf).isEmpty)
        #expect(ReadinessScorer.notYetDue(questionnaire, answers: [:], asOf: Self.asOf) == ["hypercare"])
        let stage = ReadinessScorer.stage(questionnaire, answers: today, asOf: Self.asOf)
        #expect(stage.stage == .postCutover)
        #expect(stage.cutover == Self.asOf)
        #expect(ReadinessScorer.score(questionnaire, answers: ahead, rules: .version2(asOf: Self.asOf)).notYetDue == ["hypercare"])
    }
}
