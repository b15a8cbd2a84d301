import Foundation
import SoxreadyTestSupport
import Testing
@testable import SoxreadyCore

/// The examples users copy from the README and Questionnaires/examples are valid.
struct DocumentedExamplesTests {
    let bundled: Questionnaire

    init() throws {
        bundled = try QuestionnaireLoader.load(path: repositoryRoot.appendingPathComponent("Questionnaires/sox-azure-migration.yaml").path).questionnaire
    }

    @Test func theReadmeAnswersExampleIsValid() throws {
        let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "```yaml\nformat: soxready/answers@1"))
        let end = try #require(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
        let yaml = String(readme[readme.index(start.lowerBound, offsetBy: 8)..<end.lowerBound])
        let file = try AnswersFileParser.parse(yaml, file: "README.md", questionnaire: bundled)
        #expect(file.answers.count == 7)
    }

    @Test(arguments: [
        ("general-ledger.yaml", ReadinessLevel.readyWithConditions),
        ("consolidation.yaml", .notReady),
        ("treasury-payments.yaml", .ready),
    ])
    func theExampleApplicationsReachTheirLevels(file: String, level: ReadinessLevel) throws {
        let path = repositoryRoot.appendingPathComponent("Questionnaires/examples/\(file)").path
        let parsed = try AnswersFileParser.parse(try AnswersFileParser.read(path: path), file: file, questionnaire: bundled)
        #expect(ReadinessScorer.score(bundled, answers: parsed.answers, rules: .version2(asOf: CalendarDate(year: 2026, month: 11, day: 29)!)).readiness == level)
    }
}
