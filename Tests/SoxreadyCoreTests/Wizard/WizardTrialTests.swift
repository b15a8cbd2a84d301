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

    func drive(
        _ lines: [String?], in questionnaire: Questionnaire? = nil, editing: Bool = true, offersReview: Bool = true,
        columns: Int = 80
    ) -> (String, WizardSession) {
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
        #expect(
            afterHosting.contains(
                ":quit\n  – skipped; :back returns to it, and you are asked again before the run is\n"
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
        #expect(
            session.handle("", emptyMeansDefault: true) == [
                .save(questionID: "hosting", record: AnswerRecord(answer: .value(.choices(["paas"]))))
            ])
    }

    @Test func aRequiredQuestionIsNotSkippedByAnEmptyLine() throws {
        let text = try String(contentsOfFile: fixturePath("scoring-small.yaml"), encoding: .utf8)
            .replacingOccurrences(
                of: "        type: multi\n        choices: [{id: iaas",
                with: "        type: multi\n        required: true\n        choices: [{id: iaas")
        let strict = try QuestionnaireLoader.parse(text, file: "q.yaml").questionnaire
        var session = WizardSession(questionnaire: strict)
        #expect(
            session.handle("", emptyMeansDefault: false)
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
        #expect(
            WizardText.reflow(question.help) == """
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
        #expect(
            WizardText.help(question, width: 80).hasPrefix(
                """

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
        #expect(
            WizardText.reflow("first line\nEmerging growth company (JOBS Act): no 404(b)")
                == "first line\nEmerging growth company (JOBS Act): no 404(b)")
        #expect(WizardText.reflow("first line\nsecond: line") == "first line second: line")
        #expect(WizardText.reflow("first line\nThe time is 10:30 today") == "first line The time is 10:30 today")
        #expect(WizardText.reflow("first line\nSee the note. Then: more") == "first line See the note. Then: more")
        #expect(WizardText.reflow("one\n\n\n\ntwo\n") == "one\n\ntwo")
    }

    @Test func theQuestionIsShownAgainAfterItsHelp() throws {
        let questionnaire = try QuestionnaireLoader.parse(Self.helped, file: "h.yaml").questionnaire
        let (shown, _) = drive(["?", ":quit"], in: questionnaire)
        let afterHelp = try #require(shown.components(separatedBy: ":quit save and leave\n").last)
        #expect(
            afterHelp == """

                Which financial processes does the application feed?
                  1) gl        General ledger
                  2) treasury  Treasury

                """)
    }

    // MARK: questions passed over

    /// Questions with titles and labels, and conditions of every shape the bundled questionnaire uses.
    static let conditional = """
        format: soxready/questionnaire@1
        id: when-check
        version: 1.0.0
        title: When check
        domains:
          - id: profile
            title: Profile
            questions:
              - id: third-party-providers
                title: Third-party providers
                prompt: Which third parties run part of the application?
                type: choice
                choices: [{id: none, label: None}, {id: isv, label: ISV}, {id: msp, label: MSP}, {id: several, label: Several}]
              - id: hosting
                title: Hosting
                prompt: Which hosting models?
                type: multi
                choices: [{id: iaas, label: IaaS}, {id: paas, label: PaaS}, {id: saas, label: SaaS}, {id: hybrid, label: Hybrid}]
              - id: database-hosting
                title: Database hosting
                prompt: Where does the database run?
                type: choice
                choices: [{id: on-premises, label: On premises}, {id: paas-database, label: PaaS database}, {id: mixed, label: Mixed}]
              - id: retention
                title: Log retention
                prompt: How many days are logs kept?
                type: number
                unit: days
              - id: cutover
                title: Cutover date
                prompt: When is go-live?
                type: date
          - id: vendors
            title: Vendors
            questions:
              - id: vendor-soc-coverage
                title: Vendor SOC coverage
                prompt: Does every provider give a SOC 1 report?
                type: text
                when: "third-party-providers in ['isv', 'msp', 'several']"
              - id: bridge-letters
                title: Bridge letters
                prompt: Are bridge letters obtained?
                type: text
                when: "third-party-providers in ['isv', 'msp', 'several']"
              - id: platform
                title: Platform controls
                prompt: Which platform controls apply?
                type: text
                when: "hosting contains 'iaas' or hosting contains 'hybrid' or database-hosting in ['paas-database', 'mixed']"
              - id: long-logs
                title: Long log retention
                prompt: Are the logs archived?
                type: text
                when: "retention >= 365 and cutover < 2027-06-30"
              - id: tangled
                title: Tangled
                prompt: Tangled?
                type: text
                when: "(hosting contains 'iaas' or retention > 10) and not (cutover == 2027-01-01 or answered(hosting))"
        """

    @Test func conditionsAreSaidWithTitlesAndLabels() throws {
        let questionnaire = try QuestionnaireLoader.parse(Self.conditional, file: "w.yaml").questionnaire
        func phrase(_ id: String) throws -> String? { try #require(questionnaire.question(id)?.when).phrase(in: questionnaire) }
        #expect(try phrase("vendor-soc-coverage") == "Third-party providers is ISV, MSP or Several")
        #expect(try phrase("platform") == "Hosting includes IaaS or Hybrid, or Database hosting is PaaS database or Mixed")
        #expect(try phrase("long-logs") == "Log retention is at least 365 days, and Cutover date is before 2027-06-30")
        #expect(try phrase("tangled") == nil)
        let parse = { (text: String) in try ConditionParser.parse(text) }
        #expect(try parse("not answered(hosting)").phrase(in: questionnaire) == "Hosting is not answered")
        #expect(try parse("not (hosting contains 'saas')").phrase(in: questionnaire) == "Hosting does not include SaaS")
        #expect(try parse("third-party-providers != 'none'").phrase(in: questionnaire) == "Third-party providers is not None")
        #expect(try parse("cutover >= 2027-01-01").phrase(in: questionnaire) == "Cutover date is on or after 2027-01-01")
    }

    @Test func aConditionTooComplexToSayIsNamedByTheQuestionsItReads() throws {
        let questionnaire = try QuestionnaireLoader.parse(Self.conditional, file: "w.yaml").questionnaire
        #expect(
            WizardText.passedOver([try #require(questionnaire.question("tangled"))], in: questionnaire, width: 100) == """

                  (Question 10, Tangled, does not apply: its condition on Hosting, Log retention and Cutover date
                  does not hold.)

                """)
    }

    @Test func theQuestionsPassedOverAreNamedInTheLeadsWords() throws {
        let questionnaire = try QuestionnaireLoader.parse(Self.conditional, file: "w.yaml").questionnaire
        func questions(_ ids: [String]) -> [Question] { ids.compactMap { questionnaire.question($0) } }
        #expect(
            WizardText.passedOver(questions(["vendor-soc-coverage"]), in: questionnaire, width: 80) == """

                  (Question 6, Vendor SOC coverage, does not apply: it is asked only when
                  Third-party providers is ISV, MSP or Several.)

                """)
        #expect(
            WizardText.passedOver(questions(["vendor-soc-coverage", "bridge-letters"]), in: questionnaire, width: 100) == """

                  (Questions 6 and 7 (Vendor SOC coverage; Bridge letters) do not apply: they are asked only when
                  Third-party providers is ISV, MSP or Several.)

                """)
        #expect(
            WizardText.passedOver(
                questions(["vendor-soc-coverage", "bridge-letters", "platform", "tangled"]), in: questionnaire,
                width: 100) == """

                      (4 questions do not apply: questions 6 and 7 (Vendor SOC coverage; Bridge letters) are asked only
                      when Third-party providers is ISV, MSP or Several; question 8, Platform controls, is asked only
                      when Hosting includes IaaS or Hybrid, or Database hosting is PaaS database or Mixed; question 10,
                      Tangled, is asked only when a condition on Hosting, Log retention and Cutover date holds.)

                    """)
    }
}
