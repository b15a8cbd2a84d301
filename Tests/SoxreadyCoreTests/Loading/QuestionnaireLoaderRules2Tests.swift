import SoxreadyTestSupport
import Testing

@testable import SoxreadyCore

/// The loader's rules for the keys of rules version 2 (QUESTIONNAIRE-FORMAT.md, "Additions for
/// rules version 2"), each with its file:line:column.
struct QuestionnaireLoaderRules2Tests {
    /// Lines 1–11 of every file below; questions start on line 12, indented by 6 spaces here.
    static func file(top: String = "", questions: String) -> String {
        let indented = questions.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }.joined(separator: "\n")
        return """
            format: soxready/questionnaire@1
            id: sample
            version: 2.0.0
            title: Sample
            \(top.isEmpty ? "description: none" : top)
            domains:
              - id: access
                title: Access
                criticality: critical
                summary: Access controls.
                questions:
            \(indented)
            """
    }

    static let calendarQuestions = """
        - id: cutover-date
          prompt: When is go-live?
          type: date
        - id: fy-end
          prompt: When does the fiscal year end?
          type: date
        """

    @Test func everyRules2KeyLoads() throws {
        let yaml = Self.file(
            top: """
                calendar: {cutover: cutover-date, fiscalYearEnd: fy-end}
                thresholds: {readyConfidence: 95, closeWindowBefore: 10, closeWindowAfter: 20, minOperatingDays: 120}
                sharedResponsibility: {question: hosting, models: {vm: iaas, managed: paas}}
                """,
            questions: Self.calendarQuestions + "\n" + """
                - id: hosting
                  prompt: Where does it run?
                  type: multi
                  choices: [{id: vm, label: Azure VMs}, {id: managed, label: Azure SQL}]
                - id: mfa-admins
                  prompt: Is MFA enforced for administrators?
                  title: MFA for administrators
                  type: yes-partial-no
                  control: preventive-mandatory
                  gating: true
                  expectedEvidence: [Conditional Access policy export, Sign-in log sample]
                  choices:
                    - {id: partial, label: Partly, score: 0.5, action: Extend MFA to the CLI.}
                  remediation: {action: Enforce MFA., after: [readiness-label]}
                - id: readiness-label
                  prompt: What is the Azure Migrate readiness label?
                  type: choice
                  gating: technical
                  key: true
                  choices: [{id: ready, label: Ready, score: 1}, {id: conditional, label: Ready with conditions, score: 0.5}]
                  remediation: {action: Fix the readiness issues.}
                - id: monitoring-validated
                  prompt: Was monitoring validated after go-live?
                  type: yes-no
                  asked: after-cutover
                  remediation: {action: Validate monitoring.}
                """)
        let loaded = try QuestionnaireLoader.parse(yaml, file: "q.yaml")
        let q = loaded.questionnaire
        #expect(loaded.warnings.isEmpty)
        #expect(q.calendar == CalendarRoles(cutover: "cutover-date", fiscalYearEnd: "fy-end"))
        #expect(q.thresholds.readyConfidence == 95)
        #expect(q.thresholds.closeWindowBefore == 10)
        #expect(q.thresholds.closeWindowAfter == 20)
        #expect(q.thresholds.minOperatingDays == 120)
        #expect(q.sharedResponsibility?.question == "hosting")
        #expect(q.sharedResponsibility?.models.map(\.model) == [.iaas, .paas])
        let mfa = try #require(q.question("mfa-admins"))
        #expect(mfa.title == "MFA for administrators")
        #expect(mfa.gate == .icfr)
        #expect(mfa.isKey)
        #expect(mfa.expectedEvidence == ["Conditional Access policy export", "Sign-in log sample"])
        #expect(mfa.choices.map(\.id) == ["yes", "partial", "no"])
        #expect(mfa.choices.map(\.action) == [nil, "Extend MFA to the CLI.", nil])
        #expect(mfa.remediation?.after == ["readiness-label"])
        let label = try #require(q.question("readiness-label"))
        #expect(label.gate == .technical)
        #expect(label.gating)
        #expect(label.gapRisk == .high)
        #expect(try #require(q.question("monitoring-validated")).asked == .afterCutover)
        #expect(try #require(q.question("hosting")).displayTitle == "hosting")
    }

    @Test func aTitleIsShortAndOnOneLine() {
        let list = diagnostics(
            Self.file(
                questions: """
                    - id: a
                      prompt: A?
                      title: A title that goes on and on well past the sixty characters a table can hold
                      type: text
                    """))
        #expect(
            list.map(\.description) == [
                "q.yaml:14:16: error: the title of question 'a' has 75 characters; expected at most 60 (a short title; the prompt says the rest)"
            ])
    }

    @Test(arguments: [("1e308", "1e+308"), ("0", "0"), ("1000.5", "1000.5"), ("-3", "-3")])
    func aWeightIsAFiniteNumberAboveZeroUpTo1000(weight: String, shown: String) {
        let list = diagnostics(
            Self.file(
                questions: """
                    - id: a
                      prompt: A?
                      type: yes-no
                      weight: \(weight)
                      remediation: {action: Fix a.}
                    """))
        #expect(
            list.map(\.description) == [
                "q.yaml:15:17: error: 'weight' in question 'a' is \(shown); expected a number above 0 and at most 1000"
            ])
    }

    @Test func aWeightOf1000Loads() throws {
        let q = try load(Self.file(questions: "- id: a\n  prompt: A?\n  type: yes-no\n  weight: 1000\n  remediation: {action: Fix a.}"))
        #expect(q.question("a")?.points == 1000)
    }

    static func deepCondition(_ depth: Int) -> String {
        String(repeating: "not ", count: depth - 1) + "a == 'yes'"
    }

    @Test func aWhenNestedDeeperThan64LevelsIsAnErrorWithItsLineNeverACrash() throws {
        func file(_ condition: String) -> String {
            Self.file(
                questions: """
                    - id: a
                      prompt: A?
                      type: yes-no
                      remediation: {action: Fix a.}
                    - id: b
                      prompt: B?
                      type: text
                      when: "\(condition)"
                    """)
        }
        _ = try load(file(Self.deepCondition(64)))
        for condition in [
            Self.deepCondition(65), Self.deepCondition(5000),
            String(repeating: "(", count: 5000) + "a == 'yes'" + String(repeating: ")", count: 5000),
            Array(repeating: "a == 'yes'", count: 5000).joined(separator: " and "),
        ] {
            let list = diagnostics(file(condition))
            #expect(list.count == 1)
            #expect(list.first?.location?.line == 19)
            #expect(
                list.first?.message.hasSuffix(
                    "the condition nests more than 64 levels deep; expected at most 64 (split it, or use 'in [...]')") == true)
        }
    }

    @Test func calendarRolesNameDateQuestions() {
        let list = diagnostics(
            Self.file(
                top: "calendar: {cutover: hosting, fiscalYearEnd: fy-edn}",
                questions: Self.calendarQuestions + "\n" + """
                    - id: hosting
                      prompt: Where?
                      type: text
                    """))
        #expect(
            list.map(\.description) == [
                "q.yaml:5:21: error: calendar.cutover names text question 'hosting'; expected a date question",
                "q.yaml:5:45: error: calendar.fiscalYearEnd names 'fy-edn', which is not a question of this file; did you mean 'fy-end'?",
            ])
    }

    @Test func afterCutoverQuestionsComeAfterTheCalendarAndNothingAskedBeforeDependsOnThem() {
        let list = diagnostics(
            Self.file(
                top: "calendar: {cutover: cutover-date}",
                questions: """
                    - id: validated
                      prompt: Validated after go-live?
                      type: yes-no
                      asked: after-cutover
                      remediation: {action: Validate.}
                    - id: cutover-date
                      prompt: When is go-live?
                      type: date
                    - id: follow-up
                      prompt: Who follows up?
                      type: text
                      when: "validated == 'no'"
                    """))
        #expect(
            list.map(\.description) == [
                "q.yaml:15:9: error: question 'validated' is asked after cutover but comes before the calendar question 'cutover-date'; expected the calendar questions before every after-cutover question",
                "q.yaml:23:15: error: the when of question 'follow-up' depends on 'validated', which is asked only after cutover; expected a pre-cutover question to depend only on questions asked before cutover",
            ])
    }

    @Test func afterNamesKnownQuestionsWithoutACycle() {
        let list = diagnostics(
            Self.file(
                questions: """
                    - id: a
                      prompt: A?
                      type: yes-no
                      remediation: {action: Fix a., after: [b]}
                    - id: b
                      prompt: B?
                      type: yes-no
                      remediation: {action: Fix b., after: [c, zz]}
                    - id: c
                      prompt: C?
                      type: yes-no
                      remediation: {action: Fix c., after: [a]}
                    """))
        #expect(
            list.map(\.description) == [
                "q.yaml:19:46: error: the remediation of question 'b' comes after unknown question 'zz'; expected the id of a question of this file",
                "q.yaml:23:46: error: the remediation order has a cycle: a → b → c → a; expected 'after' to name questions whose actions come first, without a cycle",
            ])
    }

    @Test func perChoiceActionsOnImpliedChoicesNameThoseChoices() {
        let list = diagnostics(
            Self.file(
                questions: """
                    - id: a
                      prompt: A?
                      type: yes-no
                      choices:
                        - {id: partial, action: Half a fix.}
                        - {id: no, score: 0.5, action: Fix it.}
                      remediation: {action: Fix a.}
                    """))
        #expect(
            list.map(\.description) == [
                "q.yaml:16:18: error: yes-no question 'a' has no choice 'partial'; expected one of yes, no (its choices are implied; use type: choice for other options)",
                "q.yaml:17:29: error: choice 'no' of yes-no question 'a' has score 0.5; expected its implied score 0 or no score",
            ])
    }

    @Test func conditionalConfidenceIsNoLongerReadAndSaysSo() throws {
        let loaded = try QuestionnaireLoader.parse(
            Self.file(
                top: "thresholds: {conditionalConfidence: 70}",
                questions: "- id: a\n  prompt: A?\n  type: text"), file: "q.yaml")
        #expect(
            loaded.warnings.map(\.description) == [
                "q.yaml:5:14: warning: threshold conditionalConfidence is no longer read by rules version 2; use readyConfidence (confidence below which the level is at best ready with conditions)"
            ])
    }

    @Test func theSharedResponsibilityLinkNamesAChoiceQuestionAndItsChoices() {
        let list = diagnostics(
            Self.file(
                top: "sharedResponsibility: {question: hosting, models: {vm: iaas, cloud: saaas}}",
                questions: """
                    - id: hosting
                      prompt: Where?
                      type: choice
                      choices: [{id: vm, label: VMs}, {id: dc, label: Data centre}]
                    """))
        #expect(
            list.map(\.message) == [
                "'cloud' is not a choice of question 'hosting'",
                "'saaas' is not a valid hosting model in sharedResponsibility.models",
            ])
    }
}
