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

    // MARK: help

    /// A question whose help keeps the author's line breaks (`help: |`), as the bundled
    /// questionnaire's do, with paragraphs, labelled lines and a list.
    static let helped = """
        format: soxready/questionnaire@1
        id: help-check
        version: 1.0.0
        title: Help check
        domains:
          - id: scope
            title: Scope
            questions:
              - id: processes
                title: Financial processes
                prompt: Which financial processes does the application feed?
                type: multi
                choices: [{id: gl, label: General ledger}, {id: treasury, label: Treasury}]
                help: |
                  Pick every process the application feeds, posts to or controls. This records what the
                  scoping memo should already say and helps reviewers read the rest of the report. Picking
                  Treasury adds the payment-control questions (bank master data, payment files, approval
                  limits).

                  Each relief changes who attests to ICFR and when.
                  Evidence auditors ask for: the scoping memo naming the application and the accounts it affects.
                  On Azure: no provider attestation settles scoping; it stays entirely with the company.
                  - a list item that is long enough to wrap at eighty columns, under its own text
                  * another item
                  2) a numbered one
        """

    @Test func helpIsReflowedIntoParagraphsBeforeItIsWrapped() throws {
        let question = try #require(try QuestionnaireLoader.parse(Self.helped, file: "h.yaml").questionnaire.question("processes"))
        #expect(WizardText.reflow(question.help) == """
            Pick every process the application feeds, posts to or controls. This records what the scoping memo should \
            already say and helps reviewers read the rest of the report. Picking Treasury adds the payment-control \
            questions (bank master data, payment files, approval limits).

            Each relief changes who attests to ICFR and when.
            Evidence auditors ask for: the scoping memo naming the application and the accounts it affects.
            On Azure: no provider attestation settles scoping; it stays entirely with the company.
            - a list item that is long enough to wrap at eighty columns, under its own text
            * another item
            2) a numbered one
            """)
        #expect(WizardText.help(question, width: 80).hasPrefix("""

              Pick every process the application feeds, posts to or controls. This records
              what the scoping memo should already say and helps reviewers read the rest of
              the report. Picking Treasury adds the payment-control questions (bank master
              data, payment files, approval limits).

              Each relief changes who attests to ICFR and when.
              Evidence auditors ask for: the scoping memo naming the application and the
              accounts it affects.
              On Azure: no provider attestation settles scoping; it stays entirely with the
              company.
              - a list item that is long enough to wrap at eighty columns, under its own
                text
              * another item
              2) a numbered one
              Context only: not scored; other questions may depend on it.

            """))
    }

    @Test func aLineIsALabelOnlyWhenAShortCapitalisedPhraseEndsInAColon() {
        #expect(WizardText.reflow("first line\nOn Azure: second") == "first line\nOn Azure: second")
        #expect(WizardText.reflow("first line\nEmerging growth company (JOBS Act): no 404(b)") == "first line\nEmerging growth company (JOBS Act): no 404(b)")
        #expect(WizardText.reflow("first line\nsecond: line") == "first line second: line")
        #expect(WizardText.reflow("first line\nThe time is 10:30 today") == "first line The time is 10:30 today")
        #expect(WizardText.reflow("first line\nSee the note. Then: more") == "first line See the note. Then: more")
        #expect(WizardText.reflow("one\n\n\n\ntwo\n") == "one\n\ntwo")
    }

    @Test func theQuestionIsShownAgainAfterItsHelp() throws {
        let questionnaire = try QuestionnaireLoader.parse(Self.helped, file: "h.yaml").questionnaire
        let (shown, _) = drive(["?", ":quit"], in: questionnaire)
        let afterHelp = try #require(shown.components(separatedBy: ":quit save and leave\n").last)
        #expect(afterHelp == """

            Which financial processes does the application feed?
              1) gl        General ledger
              2) treasury  Treasury

            """)
    }
}
