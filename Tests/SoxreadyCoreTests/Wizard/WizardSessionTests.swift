import SoxreadyTestSupport
import Testing

@testable import SoxreadyCore

/// The wizard's state machine and loop, driven by a scripted line reader.
struct WizardSessionTests {
    let questionnaire: Questionnaire

    init() throws {
        questionnaire = try QuestionnaireLoader.load(path: fixturePath("scoring-small.yaml")).questionnaire
    }

    /// Runs the loop over `lines`, returning the outcome, the saves in order, the text shown and the session.
    func drive(
        _ lines: [String?], answers: AnswerSheet = [:], defaults: AnswerSheet = [:], editing: Bool = false,
        limit: Int? = 3
    ) -> (WizardLoop.Outcome, [(String, AnswerRecord?)], String, WizardSession, ScriptedLineReader) {
        var session = WizardSession(questionnaire: questionnaire, answers: answers, defaults: defaults)
        let reader = ScriptedLineReader(lines, editsLine: editing)
        var saves: [(String, AnswerRecord?)] = []
        var shown = ""
        let outcome = WizardLoop(maxInvalidAttempts: limit).run(&session, reader: reader, write: { shown += $0 }) { id, record, _ in
            saves.append((id, record))
        }
        return (outcome, saves, shown, session, reader)
    }

    @Test func answersEveryQuestionAndSkipsWhatDoesNotApply() {
        let (outcome, saves, shown, session, _) = drive(["2", "y", "a", "n/a", "400", "x, y", "p", "yes", "no"])
        #expect(outcome == .finished)
        // hosting paas: a4 is not asked.
        #expect(saves.map(\.0) == ["hosting", "a1", "a2", "a3", "b1", "b2", "b3", "c1", "c2"])
        #expect(session.answers["hosting"]?.answer == .value(.choices(["paas"])))
        #expect(session.answers["b2"]?.answer == .value(.choices(["x", "y"])))
        #expect(session.answers["a4"] == nil)
        #expect(shown.contains("\nDomain 2/4: Access\n"))
        #expect(shown.contains("\nDomain 2/4 · Question 2/10 · gating\nA1?\n"))
        #expect(!shown.contains("A4 (IaaS only)?"))
        #expect(shown.contains("Domain 3/4 · Question 6/10\nDays of retention?\n"))
    }

    @Test func whenTurnsOnWithAnEarlierAnswer() {
        let (_, saves, _, _, _) = drive(["iaas", "y", "a", "n/a", "yes", ":quit"])
        #expect(saves.map(\.0) == ["hosting", "a1", "a2", "a3", "a4"])
    }

    @Test func invalidInputGetsAReasonAndTheSameQuestion() {
        let (outcome, saves, shown, _, reader) = drive(["2", "maybe", "y", ":quit"])
        #expect(outcome == .quit)
        #expect(saves.map(\.0) == ["hosting", "a1"])
        #expect(shown.contains("  ! 'maybe' is not a choice; expected one of yes, partial, no\n"))
        #expect(reader.asked.count == 4)
    }

    @Test func plainModeGivesUpAfterThreeInvalidLines() {
        let (outcome, saves, _, _, _) = drive(["2", "x", "x", "x", "y"])
        #expect(outcome == .tooManyInvalidAnswers(questionID: "a1"))
        #expect(saves.map(\.0) == ["hosting"])
    }

    @Test func backReturnsToThePreviousQuestionWithItsAnswerPrefilled() {
        let (_, saves, _, session, reader) = drive(["2", "p", ":back", "", ":quit"])
        // The empty line in plain mode keeps the pre-filled "partial".
        #expect(reader.asked.map(\.prefill) == [nil, nil, nil, "partial", nil])
        #expect(saves.map(\.0) == ["hosting", "a1", "a1"])
        #expect(session.answers["a1"]?.answer == .value(.choice("partial")))
        #expect(session.step == .quit)
    }

    @Test func backOnTheFirstQuestionSaysSo() {
        let (_, _, shown, _, _) = drive([":back", ":quit"])
        #expect(shown.contains("  ! this is the first question\n"))
    }

    @Test func withLineEditingAClearedPrefillLeavesTheQuestionUnanswered() {
        let defaults: AnswerSheet = [
            "hosting": AnswerRecord(answer: .value(.choices(["paas"]))),
            "a1": AnswerRecord(answer: .value(.choice("yes"))),
        ]
        let (_, saves, _, session, reader) = drive(["<enter>", "", ":quit"], defaults: defaults, editing: true)
        #expect(reader.asked.map(\.prefill) == ["paas", "yes", nil])
        #expect(session.answers["hosting"]?.answer == .value(.choices(["paas"])))
        #expect(session.answers["a1"] == nil)
        #expect(saves.map(\.0) == ["hosting", "a1"])
        #expect(saves[1].1 == nil)
    }

    @Test func endOfInputNeverTakesADefault() {
        let defaults: AnswerSheet = ["hosting": AnswerRecord(answer: .value(.choices(["paas"])))]
        let (outcome, saves, _, session, _) = drive([nil], defaults: defaults)
        #expect(outcome == .endOfInput)
        #expect(saves.isEmpty)
        #expect(session.answers.isEmpty)
        #expect(session.firstUnanswered?.id == "hosting")
    }

    @Test func commandsUnknownNotApplicableSkipNoteEvidence() {
        let (_, saves, shown, session, _) = drive([
            "2", ":note CLI access not yet covered", ":evidence CHG-1234", "p", ":unknown", ":na", ":skip", ":na", ":quit",
        ])
        #expect(
            session.answers["a1"]
                == AnswerRecord(answer: .value(.choice("partial")), note: "CLI access not yet covered", evidence: "CHG-1234"))
        #expect(session.answers["a2"]?.answer == .unknown)
        // a3 allows n/a; the first :na there answers it, then :skip on b1, then :na on b2 is refused.
        #expect(session.answers["a3"]?.answer == .notApplicable)
        #expect(session.answers["b1"] == nil)
        #expect(shown.contains("  ✓ note saved; now answer the question\n"))
        #expect(shown.contains("  ! n/a is not offered for this question; answer it, or use :unknown or :skip\n"))
        #expect(saves.map(\.0) == ["hosting", "a1", "a1", "a1", "a2", "a3", "b1"])
    }

    @Test func requiredQuestionsCannotBeSkipped() throws {
        let text = try String(contentsOfFile: fixturePath("scoring-small.yaml"), encoding: .utf8)
            .replacingOccurrences(
                of: "        type: multi\n        choices: [{id: iaas",
                with: "        type: multi\n        required: true\n        choices: [{id: iaas")
        let strict = try QuestionnaireLoader.parse(text, file: "q.yaml").questionnaire
        var session = WizardSession(questionnaire: strict)
        #expect(
            session.handle(":skip", emptyMeansDefault: true) == [
                .say("this question is required: other questions depend on it; answer it or use :unknown")
            ])
        #expect(session.handle("", emptyMeansDefault: true).count == 1)
        #expect(session.currentQuestion?.id == "hosting")
        #expect(
            session.handle(":unknown", emptyMeansDefault: true) == [.save(questionID: "hosting", record: AnswerRecord(answer: .unknown))])
    }

    @Test func helpShowsEvidenceAndTheAzureCapability() throws {
        let bundled = try QuestionnaireLoader.load(
            path: repositoryRoot.appendingPathComponent("Questionnaires/sox-azure-migration.yaml").path
        ).questionnaire
        let question = try #require(bundled.question("uar-frequency"))
        let help = WizardText.help(question, width: 120)
        #expect(help.contains("Evidence"))
        #expect(help.contains("Azure capability that closes the gap:"))
        #expect(help.contains("gating: a gap here can block the migration"))
    }

    @Test func resumingStartsAtTheFirstUnansweredQuestion() {
        let answers: AnswerSheet = [
            "hosting": AnswerRecord(answer: .value(.choices(["paas"]))),
            "a1": AnswerRecord(answer: .value(.choice("yes"))),
        ]
        let session = WizardSession(questionnaire: questionnaire, answers: answers)
        #expect(session.currentQuestion?.id == "a2")
        #expect(session.progress! == (2, 4, 3, 10))
    }

    @Test func crlfLineEndingsAreAccepted() {
        let (_, saves, _, session, _) = drive(["2\r", "y\r", ":quit\r"])
        #expect(saves.map(\.0) == ["hosting", "a1"])
        #expect(session.step == .quit)
    }

    @Test func completionsOfferIdsLabelsAndCommands() throws {
        let words = WizardText.completions(for: try #require(questionnaire.question("a2")))
        #expect(words.primary.starts(with: ["q", "a", "n", "unknown"]))
        #expect(words.secondary == ["Quarterly", "Annual", "Never"])
        #expect(words.matches("ne") == ["Never"])
        #expect(words.matches(":q") == [":quit"])
        #expect(words.matches("u") == ["unknown"])
    }
}

extension WizardSessionTests {
    @Test func resumingContinuesAtTheSavedPositionWithThePathForBack() {
        let answers: AnswerSheet = [
            "hosting": AnswerRecord(answer: .value(.choices(["paas"]))),
            "a1": AnswerRecord(answer: .value(.choice("yes"))),
            "a3": AnswerRecord(answer: .value(.choice("yes"))),
        ]
        // a2 was skipped; the lead had reached b1 when they quit.
        var session = WizardSession(questionnaire: questionnaire, answers: answers, resumeAt: "b1")
        #expect(session.currentQuestion?.id == "b1")
        _ = session.handle(":back", emptyMeansDefault: true)
        #expect(session.currentQuestion?.id == "a3")
        _ = session.handle(":back", emptyMeansDefault: true)
        #expect(session.currentQuestion?.id == "a2")
    }

    @Test func aRerunKeepsTheLastNoteAndEvidenceWithTheKeptAnswer() {
        let defaults: AnswerSheet = ["hosting": AnswerRecord(answer: .value(.choices(["paas"])), note: "SaaS later", evidence: "ARCH-7")]
        let (_, saves, shown, session, _) = drive(["", ":quit"], defaults: defaults)
        #expect(session.answers["hosting"] == AnswerRecord(answer: .value(.choices(["paas"])), note: "SaaS later", evidence: "ARCH-7"))
        #expect(saves.first?.1 == AnswerRecord(answer: .value(.choices(["paas"])), note: "SaaS later", evidence: "ARCH-7"))
        #expect(shown.contains("  note: SaaS later\n  evidence: ARCH-7\n"))
        // Plain mode: nothing to clear with Ctrl-U.
        #expect(shown.contains("Enter keeps the answer shown; type another to change it, :keep keeps the rest of\nthis domain.\n"))
    }

    @Test func passingOverAnswersGivenBeforeTheSession() {
        // --only-gaps: a1 and c1 carried over; the rest is asked.
        let answers: AnswerSheet = [
            "hosting": AnswerRecord(answer: .value(.choices(["paas"]))),
            "a1": AnswerRecord(answer: .value(.choice("yes"))),
            "c1": AnswerRecord(answer: .value(.choice("yes"))),
        ]
        let (_, saves, _, _, _) = drive(["q", "y", "400", "x y", "y", "y"], answers: answers)
        #expect(saves.map(\.0) == ["a2", "a3", "b1", "b2", "b3", "c2"])
    }
}
