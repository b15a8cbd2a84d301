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
        let q = try load(questionnaireYAML(questions: """
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
