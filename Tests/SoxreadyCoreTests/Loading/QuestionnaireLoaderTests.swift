import SoxreadyTestSupport
import Testing

@testable import SoxreadyCore

struct QuestionnaireLoaderTests {
    @Test func minimalQuestionnaireLoads() throws {
        let q = try load(
            questionnaireYAML(
                questions: scoredQuestion(
                    "mfa-admins",
                    extra: """
                                control: preventive-mandatory
                                gating: true
                        """)))
        #expect(q.id == "sample")
        #expect(q.domains.count == 1)
        let question = try #require(q.question("mfa-admins"))
        #expect(question.type == .yesPartialNo)
        #expect(question.choices.map(\.id) == ["yes", "partial", "no"])
        #expect(question.points == 27)
        #expect(question.gating)
        #expect(question.gapRisk == .high)
        #expect(question.remediation?.phase == .beforeMigration)
        #expect(question.location == SourceLocation(line: 12, column: 9))
    }

    @Test func fourProblemsAreAllReportedWithTheirLines() throws {
        let list: [Diagnostic]
        do {
            _ = try QuestionnaireLoader.load(path: fixturePath("four-problems.yaml"))
            Issue.record("expected the file to be invalid")
            return
        } catch {
            guard case .invalid(let found) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(error.exitStatus == .dataError)
            list = found
        }
        #expect(list.count == 4)
        #expect(list.map { $0.location?.line } == [16, 24, 28, 30])
        #expect(
            list[0].description.hasSuffix(
                "four-problems.yaml:16:13: error: duplicate question id 'mfa-admins'; expected an id unique in the file (first used at line 10)"
            ))
        #expect(list[1].message == "choice 'quarterly' of question 'uar-frequency' has score 1.5")
        #expect(list[2].message == "unknown key 'promt' in question 'pim'")
        #expect(list[2].expected == "did you mean 'prompt'?")
        #expect(list[3].message == "when of question 'pim': unknown question 'hosting'")
    }

    // MARK: - Top level

    @Test func formatMustBeQuestionnaireV1() {
        let yaml = questionnaireYAML(questions: scoredQuestion("a"))
            .replacingOccurrences(of: "soxready/questionnaire@1", with: "soxready/answers@1")
        let list = diagnostics(yaml)
        #expect(list.count == 1)
        #expect(
            list[0].description
                == "q.yaml:1:9: error: unsupported format 'soxready/answers@1'; expected 'soxready/questionnaire@1' (this looks like an answers file)"
        )
    }

    @Test func missingTopLevelKeysAreNamed() {
        let list = diagnostics("format: soxready/questionnaire@1\nid: x\n")
        #expect(
            list.map(\.message) == [
                "the questionnaire has no 'version'", "the questionnaire has no 'title'",
                "the questionnaire has no 'domains'",
            ])
    }

    @Test func idsMustBeLowerCaseWithHyphens() {
        let yaml = questionnaireYAML(questions: scoredQuestion("MFA_admins"))
        #expect(diagnostics(yaml).map(\.message) == ["'MFA_admins' is not a valid question id"])
        let top = questionnaireYAML(questions: scoredQuestion("a")).replacingOccurrences(of: "id: sample", with: "id: -sample")
        #expect(diagnostics(top).map(\.message) == ["'-sample' is not a valid questionnaire id"])
    }

    @Test func versionMustBeSemantic() {
        let yaml = questionnaireYAML(questions: scoredQuestion("a")).replacingOccurrences(of: "version: 1.0.0", with: "version: 1.0")
        #expect(diagnostics(yaml).map(\.message) == ["version '1.0' is not a semantic version"])
    }

    @Test func unknownKeysGetDidYouMeanOrTheList() {
        let yaml = questionnaireYAML(
            questions: scoredQuestion(
                "a",
                extra: """
                            gatting: true
                            colour: red
                    """), top: "titel: Again")
        let list = diagnostics(yaml)
        #expect(
            list.map(\.description) == [
                "q.yaml:5:1: error: unknown key 'titel' in the questionnaire; did you mean 'title'?",
                "q.yaml:16:9: error: unknown key 'gatting' in question 'a'; did you mean 'gating'?",
                "q.yaml:17:9: error: unknown key 'colour' in question 'a'; expected one of id, prompt, title, help, type, choices, min, max, unit, bands, control, weight, gating, key, asked, risk, notApplicable, required, when, remediation, references, itgc, cuec, replaces, expectedEvidence",
            ])
    }

    @Test func unknownKeysInNestedMappings() {
        let yaml = questionnaireYAML(
            questions: """
                      - id: a
                        prompt: A?
                        type: choice
                        choices:
                          - {id: one, label: One, scor: 1}
                        remediation: {action: Fix., ownr: IT}
                """)
        #expect(
            diagnostics(yaml).map(\.message) == [
                "unknown key 'scor' in a choice of question 'a'", "unknown key 'ownr' in the remediation of question 'a'",
            ])
    }

    @Test func enumValuesSuggestTheNearestValue() {
        let yaml = questionnaireYAML(
            questions: """
                      - id: a
                        prompt: A?
                        type: yes-partial-nope
                        control: preventive-mandatry
                        itgc: [acess]
                        remediation: {action: Fix., phase: cutovr, effort: XL}
                """)
        #expect(
            diagnostics(yaml).map { $0.message + "; " + ($0.expected ?? "") } == [
                "'yes-partial-nope' is not a valid type in question 'a'; did you mean 'yes-partial-no'?",
                "'preventive-mandatry' is not a valid control in question 'a'; did you mean 'preventive-mandatory'?",
                "'acess' is not a valid itgc area in question 'a'; did you mean 'access'?",
                "'cutovr' is not a valid phase in the remediation of question 'a'; did you mean 'cutover'?",
                "'XL' is not a valid effort in the remediation of question 'a'; did you mean 'L'?",
            ])
    }

    @Test func booleansAcceptYAMLWordsAndRejectOthers() throws {
        let q = try load(questionnaireYAML(questions: scoredQuestion("a", extra: "        gating: yes\n        notApplicable: on")))
        #expect(q.question("a")?.gating == true)
        #expect(q.question("a")?.notApplicable == true)
        let list = diagnostics(questionnaireYAML(questions: scoredQuestion("a", extra: "        gating: maybe")))
        #expect(
            list.map(\.description) == [
                "q.yaml:16:17: error: 'gating' in question 'a' is 'maybe'; expected true (an ICFR gate), technical (a technical gate) or false"
            ])
        let typo = diagnostics(questionnaireYAML(questions: scoredQuestion("a", extra: "        gating: technicall")))
        #expect(typo.map(\.expected) == ["did you mean 'technical'?"])
    }

    @Test func yamlBooleanWordsStayWordsInIdsAndChoices() throws {
        let q = try load(
            questionnaireYAML(
                questions: """
                          - id: no
                            prompt: A question whose id is the word no
                            type: choice
                            choices:
                              - {id: yes, label: Yes, score: 1}
                              - {id: no, label: No, score: 0}
                              - {id: on, label: On, score: 0.5}
                              - {id: off, label: Off, score: 0}
                            remediation: {action: Fix.}
                          - id: follow-up
                            prompt: Asked when the answer was no
                            type: text
                            when: "no == 'off' or no in ['on', 'no']"
                    """))
        let question = try #require(q.question("no"))
        #expect(question.choices.map(\.id) == ["yes", "no", "on", "off"])
        #expect(q.question("follow-up")?.when?.evaluate { $0 == "no" ? .choice("on") : nil } == true)
    }

    // MARK: - Uniqueness

    @Test func duplicateIdsAcrossDomainsAndChoices() {
        let yaml = questionnaireYAML(
            questions: """
                \(scoredQuestion("a"))
                      - id: c
                        prompt: C?
                        type: choice
                        choices:
                          - {id: x, label: X, score: 1}
                          - {id: x, label: X again, score: 0}
                        remediation: {action: Fix.}
                  - id: access
                    title: Access again
                    questions:
                \(scoredQuestion("a"))
                """)
        #expect(
            diagnostics(yaml).map(\.message) == [
                "duplicate choice id 'x' in question 'c'", "duplicate domain id 'access'", "duplicate question id 'a'",
            ])
    }

    // MARK: - Scores

    @Test func scoresMustBeWithinZeroAndOne() {
        let yaml = questionnaireYAML(
            questions: """
                      - id: a
                        prompt: A?
                        type: choice
                        choices:
                          - {id: x, label: X, score: 1}
                          - {id: y, label: Y, score: -0.5}
                        remediation: {action: Fix.}
                      - id: n
                        prompt: N?
                        type: number
                        min: 0
                        bands: [{min: 10, score: 2}, {min: 0, score: 0}]
                        remediation: {action: Fix.}
                """)
        #expect(
            diagnostics(yaml).map(\.message) == [
                "choice 'y' of question 'a' has score -0.5", "a band of question 'n' has score 2",
            ])
    }

    @Test func scoredChoiceQuestionNeedsAChoiceScoringOne() {
        let yaml = questionnaireYAML(
            questions: """
                      - id: a
                        prompt: A?
                        type: choice
                        choices: [{id: x, label: X, score: 0.5}, {id: y, label: Y, score: 0}]
                        remediation: {action: Fix.}
                      - id: m
                        prompt: M?
                        type: multi
                        choices: [{id: x, label: X, score: 0.4}, {id: y, label: Y, score: 0.4}]
                        remediation: {action: Fix.}
                """)
        #expect(
            diagnostics(yaml).map(\.message) == [
                "no choice of question 'a' scores 1, so it can never be fully met",
                "the choices of multi question 'm' add up to 0.8, so it can never be fully met",
            ])
    }

    @Test func choicesAreAllScoredOrNone() {
        let yaml = questionnaireYAML(
            questions: """
                      - id: a
                        prompt: A?
                        type: choice
                        choices: [{id: x, label: X, score: 1}, {id: y, label: Y}]
                        remediation: {action: Fix.}
                """)
        #expect(diagnostics(yaml).map(\.message) == ["choice 'y' of question 'a' has no score while others do"])
    }

    @Test func choicesBelongOnlyToChoiceAndMulti() {
        let yaml = questionnaireYAML(
            questions: """
                      - id: a
                        prompt: A?
                        type: yes-no
                        choices: [{id: x, label: X, score: 1}]
                        remediation: {action: Fix.}
                      - id: b
                        prompt: B?
                        type: choice
                      - id: t
                        prompt: T?
                        type: text
                        min: 3
                """)
        #expect(
            diagnostics(yaml).map(\.message) == [
                "yes-no question 'a' has no choice 'x'", "choice question 'b' has no choices",
                "'min' is not allowed on text question 't'",
            ])
    }

    // MARK: - Numbers

    @Test func bandsMustCoverTheRange() {
        let yaml = questionnaireYAML(
            questions: """
                      - id: days
                        prompt: Days?
                        type: number
                        min: 0
                        max: 3650
                        bands: [{min: 365, score: 1}, {min: 30, max: 89, score: 0.5}, {min: 10, max: 29, score: 0}]
                        remediation: {action: Fix.}
                      - id: open
                        prompt: Open-ended?
                        type: number
                        bands: [{min: 0, score: 1}]
                        remediation: {action: Fix.}
                """)
        #expect(
            diagnostics(yaml).map(\.message) == [
                "the bands of question 'days' leave values from 0 to below 10 unscored",
                "the bands of question 'days' leave values above 29 and below 30 unscored",
                "the bands of question 'days' leave values above 89 and below 365 unscored",
                "the bands of question 'open' leave values below 0 unscored",
            ])
    }

    @Test func bandsThatCoverTheRangeScoreFirstMatch() throws {
        let q = try load(
            questionnaireYAML(
                questions: """
                          - id: days
                            prompt: Days?
                            type: number
                            min: 0
                            unit: days
                            bands: [{min: 2555, score: 1}, {min: 365, score: 0.5}, {min: 0, score: 0}]
                            remediation: {action: Fix.}
                    """))
        let question = try #require(q.question("days"))
        #expect(question.isScored)
        #expect(question.bands.first { $0.contains(400) }?.score == 0.5)
    }

    @Test func minAboveMaxIsRejected() {
        let yaml = questionnaireYAML(
            questions: """
                      - id: n
                        prompt: N?
                        type: number
                        min: 10
                        max: 5
                """)
        #expect(diagnostics(yaml).map(\.message) == ["max 5 of question 'n' is below min 10"])
    }

    // MARK: - Gating and remediation

    @Test func gatingOnlyOnScoredQuestions() {
        let yaml = questionnaireYAML(
            questions: """
                      - id: notes
                        prompt: Notes?
                        type: text
                        gating: true
                      - id: context
                        prompt: Which?
                        type: choice
                        choices: [{id: a, label: A}, {id: b, label: B}]
                        gating: true
                """)
        #expect(
            diagnostics(yaml).map(\.message) == [
                "question 'notes' is gating but not scored", "question 'context' is gating but not scored",
            ])
    }

    @Test func everyScoredQuestionNeedsARemediationAction() {
        let yaml = questionnaireYAML(
            questions: """
                      - id: a
                        prompt: A?
                        type: yes-no
                      - id: b
                        prompt: B?
                        type: yes-no
                        remediation: {owner: IT security}
                """)
        #expect(
            diagnostics(yaml).map(\.message) == [
                "scored question 'a' has no remediation", "the remediation of question 'b' has no 'action'",
            ])
    }

    @Test func weightsMustBePositive() {
        let yaml = questionnaireYAML(questions: scoredQuestion("a", extra: "        weight: 0"))
        #expect(diagnostics(yaml).map(\.message) == ["'weight' in question 'a' is 0"])
    }

    // MARK: - Conditions

    @Test func whenReferencesMustBeKnownAndEarlier() {
        let yaml = questionnaireYAML(
            questions: """
                \(scoredQuestion("mfa-admins"))
                      - id: b
                        prompt: B?
                        type: text
                        when: "mfa-admin == 'yes'"
                      - id: c
                        prompt: C?
                        type: text
                        when: "d == 'x'"
                      - id: d
                        prompt: D?
                        type: text
                        when: "answered(d)"
                """)
        #expect(
            diagnostics(yaml).map { $0.message + "; " + ($0.expected ?? "") } == [
                "when of question 'b': unknown question 'mfa-admin'; did you mean 'mfa-admins'?",
                "when of question 'c': 'd' is asked later (line 25); expected a question asked before question 'c'",
                "when of question 'd': it refers to itself; expected a question asked before question 'd'",
            ])
    }

    @Test func whenChoiceIdsMustExist() {
        let yaml = questionnaireYAML(
            questions: """
                \(scoredQuestion("mfa"))
                      - id: b
                        prompt: B?
                        type: text
                        when: "mfa in ['yes', 'parital']"
                """)
        #expect(
            diagnostics(yaml).map { $0.message + "; " + ($0.expected ?? "") } == [
                "when of question 'b': yes-partial-no question 'mfa' has no choice 'parital'; did you mean 'partial'?"
            ])
    }

    @Test func whenOperatorsMustFitTheType() {
        let yaml = questionnaireYAML(
            questions: """
                \(scoredQuestion("mfa"))
                      - id: hosting
                        prompt: Hosting?
                        type: multi
                        choices: [{id: iaas, label: IaaS}, {id: paas, label: PaaS}]
                      - id: days
                        prompt: Days?
                        type: number
                      - id: cutover
                        prompt: Cutover?
                        type: date
                      - id: q1
                        prompt: Q1?
                        type: text
                        when: "mfa < 'yes'"
                      - id: q2
                        prompt: Q2?
                        type: text
                        when: "days contains '3'"
                      - id: q3
                        prompt: Q3?
                        type: text
                        when: "hosting == 'iaas'"
                      - id: q4
                        prompt: Q4?
                        type: text
                        when: "days > '90'"
                      - id: q5
                        prompt: Q5?
                        type: text
                        when: "cutover < 90"
                      - id: q6
                        prompt: Q6?
                        type: text
                        when: "mfa contains 'yes'"
                """)
        #expect(
            diagnostics(yaml).map { $0.message + "; " + ($0.expected ?? "") } == [
                "when of question 'q1': '<' does not fit yes-partial-no question 'mfa'; expected ==, != or in",
                "when of question 'q2': 'contains' does not fit number question 'days'; expected ==, !=, <, <=, >, >= or in",
                "when of question 'q3': '==' does not fit multi question 'hosting'; expected contains 'choice-id'",
                "when of question 'q4': number question 'days' compared with '90'; expected a number",
                "when of question 'q5': date question 'cutover' compared with 90; expected a date YYYY-MM-DD",
                "when of question 'q6': 'contains' does not fit yes-partial-no question 'mfa'; expected ==, != or in",
            ])
    }

    @Test func whenSyntaxErrorsPointAtTheColumn() {
        let yaml = questionnaireYAML(
            questions: """
                \(scoredQuestion("mfa"))
                      - id: b
                        prompt: B?
                        type: text
                        when: "mfa = 'yes'"
                """)
        let list = diagnostics(yaml)
        #expect(
            list.map(\.description) == [
                "q.yaml:20:20: error: invalid when of question 'b': '=' is not an operator; expected '==' to compare"
            ])
    }

    // MARK: - Thresholds and replaces

    @Test func thresholdsArePercentsInOrder() throws {
        let bad = questionnaireYAML(
            questions: scoredQuestion("a"),
            top: "thresholds: {ready: 50, notReady: 70, criticalDomainFloor: 120, unknownConfidense: 30}")
        #expect(
            diagnostics(bad).map(\.message) == [
                "threshold notReady (70) is above ready (50)", "threshold 'criticalDomainFloor' is 120",
                "unknown key 'unknownConfidense' in thresholds",
            ])
        let good = try load(questionnaireYAML(questions: scoredQuestion("a"), top: "thresholds: {ready: 90, conditionalConfidence: 70}"))
        #expect(good.thresholds.ready == 90)
        #expect(good.thresholds.notReady == 60)
        #expect(good.thresholds.conditionalConfidence == 70)
    }

    @Test func replacesNamesOnlyIdsThatAreGone() throws {
        let yaml = questionnaireYAML(
            questions: """
                \(scoredQuestion("a"))
                \(scoredQuestion("b", extra: "        replaces: [a, old-b]"))
                """)
        #expect(diagnostics(yaml).map(\.message) == ["question 'b' replaces 'a', which is still a question in this file"])
        let q = try load(questionnaireYAML(questions: scoredQuestion("b", extra: "        replaces: [old-b, old-c]")))
        #expect(q.question("b")?.replaces == ["old-b", "old-c"])
    }

    // MARK: - YAML itself

    @Test func yamlSyntaxErrorsHaveALine() {
        let list = diagnostics("format: soxready/questionnaire@1\nid: [unclosed\ntitle: x\n")
        #expect(list.count == 1)
        #expect(list[0].location?.line == 3)
        #expect(list[0].message.hasPrefix("invalid YAML"))
    }

    @Test func repeatedMappingKeysAreReported() {
        let list = diagnostics("format: soxready/questionnaire@1\nid: a\nid: b\n")
        #expect(list.count == 1)
        #expect(list[0].message == "a mapping repeats the key 'id'")
    }

    @Test func emptyFileIsReported() {
        #expect(diagnostics("").map(\.message) == ["the file is empty"])
    }

    @Test func missingFileIsUnreadable() {
        #expect(throws: QuestionnaireLoadError.unreadable(path: "/nonexistent/q.yaml", reason: "no such file")) {
            _ = try QuestionnaireLoader.load(path: "/nonexistent/q.yaml")
        }
    }
}
