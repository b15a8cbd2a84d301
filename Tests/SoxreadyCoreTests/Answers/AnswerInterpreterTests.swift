import SoxreadyTestSupport
import Testing

@testable import SoxreadyCore

struct AnswerInterpreterTests {
    let questionnaire: Questionnaire

    init() throws {
        questionnaire = try QuestionnaireLoader.load(path: fixturePath("scoring-small.yaml")).questionnaire
    }

    func read(_ text: String, _ id: String, _ mode: AnswerInterpreter.Mode = .interactive) throws -> Answer {
        try AnswerInterpreter.interpret(text, for: questionnaire.question(id)!, mode: mode)
    }

    @Test func interactiveAcceptsNumbersPrefixesAndLetters() throws {
        #expect(try read("2", "a2") == .value(.choice("a")))
        #expect(try read("Ann", "a2") == .value(.choice("a")))
        #expect(try read("quart", "a2") == .value(.choice("q")))
        #expect(try read("p", "a1") == .value(.choice("partial")))
        #expect(try read("Y", "c1") == .value(.choice("yes")))
        #expect(try read("1, 3", "b2") == .value(.choices(["x", "z"])))
    }

    @Test func exactModeWantsIds() {
        #expect(throws: AnswerInterpreter.Rejection.self) { _ = try read("2", "a2", .exact) }
        #expect(throws: AnswerInterpreter.Rejection.self) { _ = try read("p", "a1", .exact) }
    }

    @Test func ambiguousPrefixesAreRejectedWithTheCandidates() throws {
        let q = try load(
            questionnaireYAML(
                questions: """
                          - id: db
                            prompt: Where?
                            type: choice
                            choices: [{id: iaas-vm, label: SQL Server on a VM}, {id: iaas-managed, label: Managed instance}, {id: paas, label: Azure SQL}]
                    """))
        let question = try #require(q.question("db"))
        #expect(throws: AnswerInterpreter.Rejection(message: "'iaas' could be iaas-vm or iaas-managed; type more of it")) {
            _ = try AnswerInterpreter.interpret("iaas", for: question, mode: .interactive)
        }
        #expect(try AnswerInterpreter.interpret("iaas-m", for: question, mode: .interactive) == .value(.choice("iaas-managed")))
        #expect(try AnswerInterpreter.interpret("sql server", for: question, mode: .interactive) == .value(.choice("iaas-vm")))
        #expect(throws: AnswerInterpreter.Rejection(message: "the answer is empty; expected one of iaas-vm, iaas-managed, paas")) {
            _ = try AnswerInterpreter.interpret("  ", for: question, mode: .interactive)
        }
    }

    @Test func keywords() throws {
        #expect(try read("unknown", "a1") == .unknown)
        #expect(try read("n/a", "a3") == .notApplicable)
        #expect(try read("none", "b2") == .value(.choices([])))
        #expect(throws: AnswerInterpreter.Rejection(message: "n/a is not allowed here; expected one of yes, partial, no or unknown")) {
            _ = try read("n/a", "a1")
        }
    }

    @Test func numbersAreCheckedAgainstTheRange() throws {
        #expect(try read("1_000", "b1") == .value(.number(1000)))
        #expect(throws: AnswerInterpreter.Rejection(message: "'ten' is not a number; expected a number of at least 0 days")) {
            _ = try read("ten", "b1")
        }
    }
}

/// Choices with spaces and commas, exact matches, and the number grammar (issue 10 items 22 and 23).
struct AnswerInterpreterChoiceTests {
    let question: Question

    init() throws {
        let q = try load(
            questionnaireYAML(
                questions: """
                          - id: teams
                            prompt: Which teams?
                            type: multi
                            choices: [{id: fin, label: Finance}, {id: rnd, label: R&D / Ops}, {id: yes-cond, label: "Yes, with conditions"}, {id: y1, label: "Yes"}]
                          - id: days
                            prompt: Days?
                            type: number
                            min: -10
                    """))
        question = try #require(q.question("teams"))
    }

    @Test func multiAnswersKeepLabelsWithSpacesAndCommasWhole() throws {
        #expect(try AnswerInterpreter.interpret("R&D / Ops, fin", for: question, mode: .interactive) == .value(.choices(["fin", "rnd"])))
        #expect(
            try AnswerInterpreter.interpret("yes, with conditions", for: question, mode: .interactive) == .value(.choices(["yes-cond"])))
        #expect(
            try AnswerInterpreter.interpret("Yes, with conditions, Finance", for: question, mode: .interactive)
                == .value(.choices(["fin", "yes-cond"])))
        // Spaces separate only ids and numbers.
        #expect(try AnswerInterpreter.interpret("fin rnd", for: question, mode: .interactive) == .value(.choices(["fin", "rnd"])))
        #expect(try AnswerInterpreter.interpret("1 2", for: question, mode: .interactive) == .value(.choices(["fin", "rnd"])))
        #expect(throws: AnswerInterpreter.Rejection.self) {
            _ = try AnswerInterpreter.interpret("fin R&D", for: question, mode: .interactive)
        }
    }

    @Test func anExactLabelWinsOverTheLabelsItBegins() throws {
        #expect(try AnswerInterpreter.interpret("yes", for: question, mode: .interactive) == .value(.choices(["y1"])))
        #expect(try AnswerInterpreter.interpret("Yes,", for: question, mode: .interactive) == .value(.choices(["y1"])))
        #expect(throws: AnswerInterpreter.Rejection(message: "'ye' could be yes-cond or y1; type more of it")) {
            _ = try AnswerInterpreter.interpret("ye", for: question, mode: .interactive)
        }
    }

    @Test func numbersTakeUnderscoresOnlyBetweenDigitsAndMinusZeroIsZero() throws {
        let q = try load(
            questionnaireYAML(
                questions: """
                          - id: days
                            prompt: Days?
                            type: number
                            min: -10
                    """))
        let days = try #require(q.question("days"))
        for bad in ["1__0", "_1", "1_", "1._5", "--1", "1e", "e5", ".", "1.2.3", "0x10", "1 000"] {
            #expect(throws: AnswerInterpreter.Rejection.self, "\(bad)") {
                _ = try AnswerInterpreter.interpret(bad, for: days, mode: .interactive)
            }
        }
        #expect(try AnswerInterpreter.interpret("1_000", for: days) == .value(.number(1000)))
        #expect(try AnswerInterpreter.interpret("-2.5", for: days) == .value(.number(-2.5)))
        #expect(try AnswerInterpreter.interpret(".5", for: days) == .value(.number(0.5)))
        #expect(try AnswerInterpreter.interpret("1e3", for: days) == .value(.number(1000)))
        let zero = try AnswerInterpreter.interpret("-0", for: days)
        #expect(zero == .value(.number(0)))
        if case .value(.number(let value)) = zero { #expect(value.sign == .plus) }
    }

    @Test func tabCompletesALabelWithSpacesAsOneItem() {
        let words = WizardText.completions(for: question)
        #expect(words.completing("fin, R&D / O").fragment == "R&D / O")
        #expect(words.completing("fin, R&D / O").matches == ["R&D / Ops"])
        #expect(words.completing("Yes, w").matches == ["Yes, with conditions"])
        #expect(words.completing("fin r").matches == ["rnd"])
        #expect(words.completing("fin, ").fragment == "")
    }
}
