import Foundation
import SoxreadyTestSupport
import Testing

@testable import SoxreadyCore

/// The examples users copy from the README and Questionnaires/examples are valid, and each
/// example application reaches its level under rules version 2 for the reasons its header
/// comment gives. The expected levels, rules and question lists are worked out by hand from the
/// answers files and SCORING.md.
struct DocumentedExamplesTests {
    let bundled: Questionnaire

    /// The recording time of the plan goldens (2026-11-29T12:00:00Z).
    static let goldenDay = CalendarDate(year: 2026, month: 11, day: 29)!
    /// The day before the earliest commitment on a gate falls due (General Ledger, 2027-04-16);
    /// the Treasury example's earliest commitment is due 2027-05-28.
    static let laterDay = CalendarDate(year: 2027, month: 4, day: 15)!

    init() throws {
        bundled = try QuestionnaireLoader.load(path: repositoryRoot.appendingPathComponent("Questionnaires/sox-azure-migration.yaml").path)
            .questionnaire
    }

    func example(_ file: String) throws -> AnswersFile {
        let path = repositoryRoot.appendingPathComponent("Questionnaires/examples/\(file)").path
        return try AnswersFileParser.parse(try AnswersFileParser.read(path: path), file: file, questionnaire: bundled)
    }

    func score(_ file: String, asOf: CalendarDate = Self.goldenDay) throws -> Scorecard {
        ReadinessScorer.score(bundled, answers: try example(file).answers, rules: .version2(asOf: asOf))
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
        #expect(try score(file).readiness == level)
        #expect(try score(file, asOf: Self.laterDay).readiness == level, "the example should keep its level until 2027-04-15")
    }

    @Test(arguments: [
        ("general-ledger.yaml", "Jordan Alvarez"), ("consolidation.yaml", "Sam Whitaker"), ("treasury-payments.yaml", "Mei Tanaka"),
    ])
    func eachExampleNamesItsPreparerAndAnswersVersion200(file: String, preparer: String) throws {
        let parsed = try example(file)
        #expect(parsed.preparedBy == preparer)
        #expect(parsed.questionnaire == "sox-azure-migration@2.0.0")
        #expect(parsed.warnings.isEmpty, "\(parsed.warnings)")
    }

    @Test func theGeneralLedgerIsReadyWithConditionsUnderRule4Only() throws {
        let card = try score("general-ledger.yaml")
        #expect(Set(card.reasons.compactMap(\.rule)) == [4])
        let partlyMetGates = card.gaps.filter { $0.gating && ($0.score ?? 0) > 0 && ($0.score ?? 1) < 1 }
        #expect(
            Set(partlyMetGates.map(\.questionID))
                == ["cuec-mapping", "shared-accounts", "readiness-label", "app-controls-retest", "key-report-revalidation"])
        for gap in partlyMetGates {
            #expect(gap.commitment?.1 == .onTime, "\(gap.questionID) needs an on-time commitment")
            #expect(gap.commitment?.0.owner.contains(" ") == true, "\(gap.questionID): the owner is a named person")
        }
        #expect(card.evidenceMissing == ["deployment-approval-separation"])
        #expect(card.calendar.operatingDays == 230)
        #expect(card.calendar.closeWindow == nil)
    }

    @Test func theConsolidationIsNotReadyUnderRules1And3() throws {
        let card = try score("consolidation.yaml")
        #expect(Set(card.reasons.compactMap(\.rule)) == [1, 3, 4])
        let unmetGates = card.gaps.filter { $0.gating && $0.score == 0 }
        #expect(
            Set(unmetGates.map(\.questionID))
                == ["cuec-mapping", "shared-accounts", "branch-policies", "key-report-revalidation", "close-calendar", "restore-test"])
        #expect(card.calendar.closeWindow?.periodEnd == CalendarDate(year: 2027, month: 12, day: 31))
        #expect(card.calendar.operatingDays == 4)
    }

    @Test func theTreasuryIsReadyBecauseNoClauseOfRules1To4Holds() throws {
        let card = try score("treasury-payments.yaml")
        #expect(card.reasons.isEmpty)
        #expect(card.evidenceMissing.isEmpty)
        #expect(card.gaps.allSatisfy { $0.risk != .high })
        #expect(card.confidence == 100)
        #expect(card.calendar.operatingDays == 202)
        #expect(card.notYetDue == bundled.questions.filter { $0.asked == .afterCutover }.map(\.id))
        // Every key question the Treasury team answered as met has an evidence reference.
        let answers = try example("treasury-payments.yaml").answers
        var checked = 0
        for question in bundled.questions where question.isKey {
            guard case .value(.choice(let id))? = answers[question.id]?.answer else { continue }
            let met = question.type == .choice ? question.choice(id)?.score == 1 : id == "yes"
            if met {
                checked += 1
                #expect(answers[question.id]?.evidence?.isEmpty == false, "\(question.id)")
            }
        }
        // 56 key questions, less the three key ones asked after cutover and msp-access (no
        // managed service provider): the other 52 are all met.
        #expect(checked == 52)
    }
}
