import SoxreadyTestSupport
import Testing

@testable import SoxreadyCore

struct AnswersFileParserTests {
    let questionnaire: Questionnaire

    init() throws {
        questionnaire = try QuestionnaireLoader.load(path: fixturePath("scoring-small.yaml")).questionnaire
    }

    func parse(
        _ body: String, header: String = "format: soxready/answers@1\napp: General Ledger\nquestionnaire: scoring-small\n"
    ) throws -> AnswersFile {
        try AnswersFileParser.parse(header + "answers:\n" + body, file: "answers.yaml", questionnaire: questionnaire)
    }

    func problems(_ body: String, header: String = "format: soxready/answers@1\nquestionnaire: scoring-small\n") -> [String] {
        do {
            _ = try AnswersFileParser.parse(header + "answers:\n" + body, file: "answers.yaml", questionnaire: questionnaire)
            return []
        } catch {
            guard case .invalid(let list) = error else { return [error.description] }
            return list.map(\.description)
        }
    }

    @Test func readsEveryAnswerForm() throws {
        let file = try parse(
            """
              hosting: [paas, iaas]
              a1: yes
              a2: {answer: a, note: "CLI access not yet covered", evidence: CHG-1234}
              a3: n/a
              b1: 2555
              b2: x, z
              b3: unknown
              c1: no
              c2: {note: "asked the SOX PMO"}
            """)
        #expect(file.app == "General Ledger")
        #expect(file.questionnaire == "scoring-small")
        let answers = file.answers
        #expect(answers["hosting"]?.answer == .value(.choices(["iaas", "paas"])))
        #expect(answers["a1"]?.answer == .value(.choice("yes")))
        #expect(answers["a2"] == AnswerRecord(answer: .value(.choice("a")), note: "CLI access not yet covered", evidence: "CHG-1234"))
        #expect(answers["a3"]?.answer == .notApplicable)
        #expect(answers["b1"]?.answer == .value(.number(2555)))
        #expect(answers["b2"]?.answer == .value(.choices(["x", "z"])))
        #expect(answers["b3"]?.answer == .unknown)
        #expect(answers["c1"]?.answer == .value(.choice("no")))
        #expect(answers["c2"] == AnswerRecord(answer: nil, note: "asked the SOX PMO"))
    }

    @Test func everyProblemIsReportedWithLineAndQuestion() {
        let list = problems(
            """
              a1: maybe
              a2: weekly
              a33: yes
              a4: n/a
              b1: -5
              b2: [x, w]
              c1: [yes]
              c2: {answer: yes, notes: typo}
            """)
        #expect(
            list == [
                "answers.yaml:4:7: error: question 'a1': 'maybe' is not a choice; expected one of yes, partial, no",
                "answers.yaml:5:7: error: question 'a2': 'weekly' is not a choice; expected one of q, a, n",
                "answers.yaml:6:3: error: question 'a33' is not in scoring-small@1.0.0; did you mean 'a3'?",
                "answers.yaml:7:7: error: question 'a4': n/a is not allowed here; expected one of yes, partial, no or unknown",
                "answers.yaml:8:7: error: question 'b1': -5 is below the minimum; expected a number of at least 0 days",
                "answers.yaml:9:11: error: question 'b2': 'w' is not a choice; expected choices from x, y, z, separated by commas, or none",
                "answers.yaml:10:7: error: question 'c1' takes one answer, not a list; expected one of yes, no",
                "answers.yaml:11:21: error: unknown key 'notes' in the answer to question 'c2'; did you mean 'note'?",
            ])
    }

    @Test func datesMustBeCalendarDates() throws {
        let text = try String(contentsOfFile: fixturePath("scoring-small.yaml"), encoding: .utf8)
            .replacingOccurrences(
                of: "  - id: access\n",
                with: """
                      - id: dates
                        title: Dates
                        questions:
                          - id: cutover
                            prompt: Cutover?
                            type: date
                      - id: access

                    """)
        let withDate = try QuestionnaireLoader.parse(text, file: "q.yaml").questionnaire
        let good = try AnswersFileParser.parse(
            "format: soxready/answers@1\nanswers:\n  cutover: 2027-03-31\n", file: "a.yaml", questionnaire: withDate)
        #expect(good.answers["cutover"]?.answer == .value(.date(CalendarDate(year: 2027, month: 3, day: 31)!)))
        #expect(
            throws: AnswersFileError.invalid([
                Diagnostic(
                    file: "a.yaml", location: SourceLocation(line: 3, column: 12),
                    message: "question 'cutover': '2027-02-29' is not a calendar date; expected YYYY-MM-DD, such as 2027-03-31")
            ])
        ) {
            _ = try AnswersFileParser.parse(
                "format: soxready/answers@1\nanswers:\n  cutover: 2027-02-29\n", file: "a.yaml", questionnaire: withDate)
        }
    }

    @Test func answersForAnotherQuestionnaireAreRejected() {
        #expect(
            problems("  a1: yes\n", header: "format: soxready/answers@1\nquestionnaire: sox-azure-migration\n") == [
                "answers.yaml:2:16: error: the answers are for questionnaire 'sox-azure-migration', not 'scoring-small'; expected questionnaire: scoring-small (or assess with --questionnaire sox-azure-migration)"
            ])
        #expect(
            problems("  a1: yes\n", header: "format: soxready/answers@1\nquestionnaire: scoring-small@2.0.0\n") == [
                "answers.yaml:2:16: error: the answers are for version 2.0.0 of 'scoring-small', not 1.0.0; expected questionnaire: scoring-small@1.0.0 or no version"
            ])
    }

    @Test func questionnaireFilesAreNotAnswersFiles() {
        #expect(
            problems("  a1: yes\n", header: "format: soxready/questionnaire@1\n") == [
                "answers.yaml:1:9: error: unsupported format 'soxready/questionnaire@1'; expected 'soxready/answers@1' (this looks like a questionnaire)"
            ])
    }

    @Test func unquotedYesAndNoAreTheWords() throws {
        let file = try parse("  c1: yes\n  a1: no\n  b3: Yes\n")
        #expect(file.answers["c1"]?.answer == .value(.choice("yes")))
        #expect(file.answers["a1"]?.answer == .value(.choice("no")))
        #expect(file.answers["b3"]?.answer == .value(.choice("yes")))
    }

    @Test func aQuestionAnsweredTwiceIsAnError() {
        #expect(problems("  a1: yes\n  a1: no\n").count == 1)
    }

    @Test func oldIdsNamedInReplacesMapToTheNewQuestion() throws {
        let text = try String(contentsOfFile: fixturePath("scoring-small.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "      - id: c2\n", with: "      - id: c2\n        replaces: [old-c2]\n")
        let renamed = try QuestionnaireLoader.parse(text, file: "q.yaml").questionnaire
        let file = try AnswersFileParser.parse(
            "format: soxready/answers@1\nanswers:\n  old-c2: partial\n", file: "a.yaml", questionnaire: renamed)
        #expect(file.answers["c2"]?.answer == .value(.choice("partial")))
    }
}

extension AnswersFileParserTests {
    /// An owner of only spaces names nobody: the file is refused at the owner, not read as no commitment.
    @Test func aBlankOwnerIsRefused() {
        #expect(
            problems("  a1: {answer: partial, owner: \"   \", due: 2027-03-31}\n")
                == ["answers.yaml:4:32: error: 'owner' in question 'a1' is empty; expected text"])
    }
}
