import SoxreadyTestSupport
import Testing

@testable import SoxreadyCore

/// Commands and pre-fills of the wizard on reruns: issue 10 items 2, 16, 17 and 23.
struct WizardCommandsTests {
    let questionnaire: Questionnaire

    init() throws {
        questionnaire = try QuestionnaireLoader.load(path: fixturePath("scoring-small.yaml")).questionnaire
    }

    /// The last run of the hand-worked example: every question answered, a1 (a gate, partly met)
    /// with a note and a commitment, so that no commitment is asked for on the way.
    static let commitment = (owner: "Dana Lee", due: CalendarDate(year: 2027, month: 2, day: 15)!)
    var lastRun: AnswerSheet {
        [
            "hosting": AnswerRecord(answer: .value(.choices(["paas"]))),
            "a1": AnswerRecord(
                answer: .value(.choice("partial")), note: "CLI access not yet covered", owner: Self.commitment.owner,
                due: Self.commitment.due),
            "a2": AnswerRecord(answer: .value(.choice("a"))),
            "a3": AnswerRecord(answer: .notApplicable),
            "b1": AnswerRecord(answer: .value(.number(400))),
            "b2": AnswerRecord(answer: .value(.choices(["x", "y"]))),
            "b3": AnswerRecord(answer: .value(.choice("yes"))),
            "c1": AnswerRecord(answer: .value(.choice("yes"))),
            "c2": AnswerRecord(answer: .value(.choice("no"))),
        ]
    }

    func drive(
        _ lines: [String?], defaults: AnswerSheet = [:], editing: Bool = true, asking: Set<String>? = nil,
        columns: Int = 80
    ) -> (WizardLoop.Outcome, [(String, AnswerRecord?)], String, WizardSession, ScriptedLineReader) {
        var session = WizardSession(questionnaire: questionnaire, defaults: defaults, asking: asking)
        let reader = ScriptedLineReader(lines, editsLine: editing)
        reader.columns = columns
        var saves: [(String, AnswerRecord?)] = []
        var shown = ""
        let outcome = WizardLoop(maxInvalidAttempts: editing ? nil : 3).run(&session, reader: reader, write: { shown += $0 }) {
            id, record, _ in
            saves.append((id, record))
        }
        return (outcome, saves, shown, session, reader)
    }

    // MARK: item 2

    @Test func theQuestionComesBackWithItsPrefillAfterEveryLineThatDoesNotAnswer() {
        let (_, _, _, session, reader) = drive(
            ["<enter>", ":note checked with IT", ":evidence CHG-9", "?", "maybe", "<enter>", ":quit"],
            defaults: lastRun)
        #expect(reader.asked.map(\.prefill) == ["paas", "partial", "partial", "partial", "partial", "partial", "a"])
        #expect(
            session.answers["a1"]
                == AnswerRecord(
                    answer: .value(.choice("partial")), note: "checked with IT", evidence: "CHG-9",
                    owner: Self.commitment.owner, due: Self.commitment.due))
    }

    // MARK: item 23

    @Test func aCommandTypedAtTheEndOfThePrefillRunsInsteadOfJoiningTheAnswer() {
        var session = WizardSession(questionnaire: questionnaire, defaults: lastRun)
        #expect(
            session.handle("paas:note SaaS next year", emptyMeansDefault: false)
                == [
                    .save(questionID: "hosting", record: AnswerRecord(answer: nil, note: "SaaS next year")),
                    .confirm("note saved; now answer the question"),
                ])
        #expect(session.prefill == "paas")
        #expect(session.handle("paas?", emptyMeansDefault: false) == [.showHelp(questionID: "hosting")])
        #expect(session.handle("paas :quit", emptyMeansDefault: false) == [])
        #expect(session.step == .quit)
    }

    @Test func plainModeNeverSaysTabCompletes() {
        let (_, _, shown, _, _) = drive([":quit"], editing: false)
        // 81 columns on one line: wrapped at a word at 80.
        #expect(shown.contains("Answer with numbers or ids, comma-separated, or none · ? help · :back :skip\n:unknown :quit\n"))
        #expect(!shown.contains("Tab"))
    }

    // MARK: item 17

    @Test func notApplicableOnARequiredQuestionDoesNotSuggestSkip() throws {
        let text = try String(contentsOfFile: fixturePath("scoring-small.yaml"), encoding: .utf8)
            .replacingOccurrences(
                of: "        type: multi\n        choices: [{id: iaas",
                with: "        type: multi\n        required: true\n        choices: [{id: iaas")
        let strict = try QuestionnaireLoader.parse(text, file: "q.yaml").questionnaire
        var session = WizardSession(questionnaire: strict)
        #expect(
            session.handle(":na", emptyMeansDefault: true) == [.say("n/a is not offered for this question; answer it, or use :unknown")])
        let required = try #require(strict.question("hosting"))
        #expect(!WizardText.completions(for: required).primary.contains(":skip"))
        #expect(WizardText.completions(for: required).matches(":s").isEmpty)
        #expect(WizardText.completions(for: try #require(strict.question("a1"))).matches(":s") == [":skip"])
    }

    @Test func aQuestionHiddenByItsConditionIsNamedWhereTheCounterJumps() {
        let (_, _, shown, _, _) = drive(["paas", "y", "q", "y", ":quit"], editing: false)
        #expect(
            shown.contains(
                """
                Answer with y(es) or n(o) · ? help · :back :skip :unknown :na :quit

                  (Question 5, a4, does not apply: it is asked only when hosting includes IaaS.)

                Domain 3/4: Operations

                Domain 3/4 · Question 6/10

                """))
    }

    @Test func aShortAnswerEchoesTheChoiceTaken() {
        let (_, _, shown, _, _) = drive(["pa", "y", "ann", ":quit"], editing: false)
        #expect(shown.contains("  ✓ paas (PaaS)\n"))
        #expect(shown.contains("  ✓ a (Annual)\n"))
        // y for a yes/partial/no question is no surprise: no echo.
        #expect(!shown.contains("✓ yes"))
    }

    // MARK: item 16

    @Test func keepAcceptsTheRestOfTheDomainAfterSayingHowMany() {
        let (_, saves, shown, session, reader) = drive(["<enter>", "<enter>", ":keep", ":quit"], defaults: lastRun)
        // hosting and a1 by Enter; :keep on a2 keeps a2 and a3 (a4 does not apply to paas).
        #expect(saves.map(\.0) == ["hosting", "a1", "a2", "a3"])
        #expect(shown.contains("  ✓ kept 2 pre-filled answers of Access (questions 3–4); :back goes over them\n"))
        // The next question asked is b1, with its pre-fill.
        #expect(reader.asked.map(\.prefill) == ["paas", "partial", "a", "400"])
        #expect(session.answers["a3"]?.answer == .notApplicable)
    }

    @Test func onlyGapsCountsItsOwnQuestions() {
        var session = WizardSession(questionnaire: questionnaire, answers: [:], defaults: lastRun, asking: ["a2", "b1", "c2"])
        #expect(session.currentQuestion?.id == "a2")
        #expect(session.countText == "Gap 1/3")
        _ = session.handle("q", emptyMeansDefault: false)
        #expect(session.currentQuestion?.id == "b1")
        #expect(session.countText == "Gap 2/3")
        let block = WizardText.question(session, width: 80)
        #expect(block.hasPrefix("\nDomain 3/4 · Gap 2/3\nDays of retention?\n"))
    }

    @Test func aChangedAnswerWithTheOldNoteAsksOnceWhetherToKeepIt() {
        let (_, saves, shown, session, reader) = drive(["<enter>", "yes", "n", ":back", "partial", ":quit"], defaults: lastRun)
        #expect(
            shown.contains(
                "The answer changed, and the note of the last answer is still attached: \"CLI\naccess not yet covered\". Keep it? (y = keep, n = clear it)\n  ✓ note cleared\n"
            ))
        #expect(reader.asked.map(\.prompt) == ["> ", "> ", "[Y/n] ", "> ", "> ", "> "])
        #expect(saves.map(\.0) == ["hosting", "a1", "a1", "a1"])
        // The commitment stays on the record while the wizard runs; a run drops it once the gap is closed.
        #expect(saves[2].1 == AnswerRecord(answer: .value(.choice("yes")), owner: Self.commitment.owner, due: Self.commitment.due))
        // Asked once: changing it back later does not ask again.
        #expect(
            session.answers["a1"]
                == AnswerRecord(answer: .value(.choice("partial")), owner: Self.commitment.owner, due: Self.commitment.due))
        #expect(shown.components(separatedBy: "Keep it?").count == 2)
    }

    @Test func plainModeKeepsTheOldNoteAndSaysSo() {
        let (_, saves, shown, _, reader) = drive(["", "yes", ":quit"], defaults: lastRun, editing: false)
        #expect(reader.asked.count == 3)
        #expect(saves.map(\.0) == ["hosting", "a1"])
        #expect(saves[1].1?.note == "CLI access not yet covered")
        #expect(
            shown.contains(
                "  · the note of the last answer is kept: \"CLI access not yet covered\"; :back\n    then :note TEXT changes it, :note alone clears it\n"
            ))
    }

    @Test func thePrefillIsExplainedOnceNotUnderEveryQuestion() {
        let (_, _, shown, _, _) = drive(["<enter>", "<enter>", "<enter>", ":quit"], defaults: lastRun)
        #expect(shown.components(separatedBy: "Pre-filled with the last answer").count == 2)
    }
}

/// `:owner` and `:due`, and the commitment a partly met gate asks for (issue 12, PRODUCT.md §7.1).
struct WizardCommitmentTests {
    let questionnaire: Questionnaire

    init() throws {
        questionnaire = try QuestionnaireLoader.load(path: fixturePath("scoring-small.yaml")).questionnaire
    }

    func drive(
        _ lines: [String?], editing: Bool = true, asOf: CalendarDate? = nil
    ) -> ([(String, AnswerRecord?)], String, WizardSession, ScriptedLineReader) {
        var session = WizardSession(questionnaire: questionnaire, asOf: asOf)
        let reader = ScriptedLineReader(lines, editsLine: editing)
        reader.columns = 200
        var saves: [(String, AnswerRecord?)] = []
        var shown = ""
        _ = WizardLoop(maxInvalidAttempts: editing ? nil : 3).run(&session, reader: reader, write: { shown += $0 }) { id, record, _ in
            saves.append((id, record))
        }
        return (saves, shown, session, reader)
    }

    @Test func ownerAndDueMakeACommitmentOneAtATimeOrInOneLine() {
        // hosting, then on a2 (not a gate): owner, then due, then the answer.
        let (_, shown, session, _) = drive(["paas", "y", ":owner Dana Lee", ":due 2027-02-15", "a", ":quit"])
        #expect(shown.contains("✓ owner saved (Dana Lee); add :due YYYY-MM-DD to make it a commitment\n"))
        #expect(shown.contains("✓ commitment saved: Dana Lee, due 2027-02-15\n"))
        #expect(
            session.answers["a2"]
                == AnswerRecord(answer: .value(.choice("a")), owner: "Dana Lee", due: CalendarDate(year: 2027, month: 2, day: 15)))
        let (_, both, again, _) = drive(["paas", "y", ":due 2027-03-01 :owner Lee Chen", "a", ":quit"])
        #expect(both.contains("✓ commitment saved: Lee Chen, due 2027-03-01\n"))
        #expect(again.answers["a2"]?.commitment == Commitment(owner: "Lee Chen", due: CalendarDate(year: 2027, month: 3, day: 1)!))
    }

    @Test func aDueDateThatIsNoDayIsRefusedAndOwnerAloneRemovesIt() {
        let (saves, shown, session, _) = drive(["paas", "y", ":due 2027-02-30", ":owner Dana Lee", ":owner", "a", ":quit"])
        #expect(shown.contains("! '2027-02-30' is not a date; expected :due YYYY-MM-DD, such as 2027-03-31\n"))
        #expect(shown.contains("✓ commitment removed\n"))
        #expect(session.answers["a2"] == AnswerRecord(answer: .value(.choice("a"))))
        #expect(saves.map(\.0) == ["hosting", "a1", "a2", "a2", "a2"])
    }

    @Test func aPartlyMetGateAsksWhoClosesItByWhenInOneLine() {
        let (saves, shown, session, reader) = drive(["paas", "p", ":owner Dana Lee :due 2027-02-15", ":quit"])
        // Wrapped to the width like every text of the wizard.
        #expect(
            shown.replacingOccurrences(of: "\n", with: " ").contains(
                "a1 is a gate only partly met: without a dated commitment it blocks the migration. Who closes it, and by when? "
                    + "Type :owner NAME :due YYYY-MM-DD (Enter: later; :back returns to the question)"))
        #expect(reader.asked.map(\.prompt) == ["> ", "> ", "Commitment: ", "> "])
        #expect(saves.map(\.0) == ["hosting", "a1", "a1"])
        #expect(
            session.answers["a1"]
                == AnswerRecord(
                    answer: .value(.choice("partial")), owner: "Dana Lee",
                    due: CalendarDate(year: 2027, month: 2, day: 15)))
        // Then the next question, a2.
        #expect(shown.hasSuffix("A2?\n") || shown.contains("\nA2?\n"))
    }

    @Test func aCommitmentAlreadyOverdueIsSaidSoAtOnce() {
        let asOf = CalendarDate(year: 2026, month: 12, day: 1)
        let (_, shown, session, _) = drive(["paas", "p", ":owner Pat Kim :due 2026-11-01", ":quit"], asOf: asOf)
        #expect(
            shown.replacingOccurrences(of: "\n    ", with: " ").contains(
                "✓ commitment saved: Pat Kim, due 2026-11-01 — ⚠ already overdue (before 2026-12-01): an overdue commitment does not "
                    + "lift the gate"))
        #expect(session.answers["a1"]?.commitment != nil)
        // On time: no warning.
        let (_, onTime, _, _) = drive(["paas", "p", ":owner Pat Kim :due 2027-01-15", ":quit"], asOf: asOf)
        #expect(onTime.contains("✓ commitment saved: Pat Kim, due 2027-01-15\n"))
    }

    @Test func theCommitmentPromptStaysUntilItHasBothTheOwnerAndTheDate() {
        // :owner alone is saved and the prompt asked again: the :due on the next line is a1's, not a2's.
        let (saves, shown, session, reader) = drive(["paas", "p", ":owner Priya Raman", ":due 2027-04-30", ":quit"])
        #expect(shown.contains("✓ owner saved (Priya Raman); add :due YYYY-MM-DD to make it a commitment\n"))
        #expect(shown.contains("✓ commitment saved: Priya Raman, due 2027-04-30\n"))
        #expect(reader.asked.map(\.prompt) == ["> ", "> ", "Commitment: ", "Commitment: ", "> "])
        #expect(saves.map(\.0) == ["hosting", "a1", "a1", "a1"])
        #expect(
            session.answers["a1"]
                == AnswerRecord(answer: .value(.choice("partial")), owner: "Priya Raman", due: CalendarDate(year: 2027, month: 4, day: 30)))
        #expect(session.answers["a2"] == nil)
    }

    @Test func enterLeavesTheCommitmentForLaterAndOtherTextIsRefused() {
        let (_, shown, session, reader) = drive(["paas", "p", "Dana", "", ":quit"])
        #expect(shown.contains("! expected :owner NAME :due YYYY-MM-DD, or Enter to go on\n"))
        #expect(shown.contains("✓ no commitment yet: the gate stays open until one is given (:back, then :owner and :due)\n"))
        #expect(reader.asked.map(\.prompt) == ["> ", "> ", "Commitment: ", "Commitment: ", "> "])
        #expect(session.answers["a1"]?.commitment == nil)
    }

    @Test func plainModeReadsNoExtraLineAndSaysHowToGiveOne() {
        let (_, shown, _, reader) = drive(["paas", "p", ":quit"], editing: false)
        #expect(reader.asked.count == 3)
        #expect(
            shown.replacingOccurrences(of: "\n    ", with: " ")
                .contains("a1 is a gate only partly met: give it a commitment with :owner NAME and :due YYYY-MM-DD (:back returns to it)"))
    }
}
