import Foundation
import SoxreadyTestSupport
import Testing

@testable import SoxreadyCore

/// Rules version 1, kept for the runs recorded under it: every figure here is worked out by hand;
/// docs/scoring.md shows the working for `worked`.
struct ScoringTests {
    let questionnaire: Questionnaire

    init() throws {
        questionnaire = try QuestionnaireLoader.load(path: fixturePath("scoring-small.yaml")).questionnaire
    }

    func sheet(_ answers: [String: String]) throws -> AnswerSheet {
        var sheet: AnswerSheet = [:]
        for (id, text) in answers {
            let question = try #require(questionnaire.question(id))
            sheet[id] = AnswerRecord(answer: try AnswerInterpreter.interpret(text, for: question))
        }
        return sheet
    }

    func score(_ answers: [String: String]) throws -> Scorecard {
        ReadinessScorer.score(questionnaire, answers: try sheet(answers), rules: .version1)
    }

    static let worked = [
        "hosting": "paas", "a1": "partial", "a2": "a", "a3": "n/a", "a4": "yes",
        "b1": "100", "b2": "x, y, z", "b3": "unknown", "c1": "yes",
    ]

    // MARK: - The worked example

    @Test func workedExampleFigures() throws {
        let card = try score(Self.worked)
        // access: (27×0.5 + 3×0.5) / (27 + 3) = 15 / 30; a3 is n/a and a4 is not asked.
        #expect(card.domains.map(\.score) == [nil, 50, 68.75, 100])
        #expect(card.domains.map(\.answered) == [0, 2, 2, 1])
        #expect(card.domains.map(\.applicable) == [0, 2, 3, 2])
        // (3×50 + 2×68.75 + 1×100) / 6 = 387.5 / 6
        #expect(abs(card.score! - 64.583_333) < 0.000_001)
        #expect(abs(card.confidence - 500.0 / 7) < 0.000_001)
        #expect(card.stars == 4)
        #expect(card.readiness == .readyWithConditions)
        #expect(
            card.reasons.map(\.text) == [
                "Gating question a1 is only partly met (answer: partial)",
                "1 high-risk gap is open besides the gating gaps: b3",
                "The overall score 64.6 is below 85",
            ])
    }

    @Test func workedExampleGapOrder() throws {
        let card = try score(Self.worked)
        #expect(card.gaps.map(\.questionID) == ["a1", "b3", "b1", "a2", "c2"])
        #expect(card.gaps.map(\.priority) == [1, 2, 3, 3, 4])
        #expect(card.gaps.map(\.pointsLost) == [13.5, 1, 2.5, 1.5, 1])
        #expect(card.gaps.map(\.risk) == [.high, .high, .medium, .medium, .low])
        #expect(card.gaps.map(\.score) == [0.5, nil, 0.5, 0.5, nil])
        #expect(card.gaps.map(\.unknown) == [false, true, false, false, false])
    }

    @Test func workedExampleJSON() throws {
        let card = try score(Self.worked)
        let result = AssessmentResult(
            card: card, questionnaire: questionnaire, answers: try sheet(Self.worked),
            appName: "General Ledger", runNumber: 3,
            recordedAt: Date(timeIntervalSince1970: 1_795_975_200))
        let json = String(decoding: try result.jsonData(), as: UTF8.self)
        let expected = try String(contentsOfFile: fixturePath("scoring-small-result.json"), encoding: .utf8)
        #expect(json == expected)
    }

    // MARK: - Each readiness rule on its own

    @Test func rule1GatingNoIsNotReady() throws {
        let card = try score(["a1": "yes", "a2": "q", "a3": "yes", "b1": "400", "b2": "x y", "b3": "yes", "c1": "no", "c2": "yes"])
        #expect(card.readiness == .notReady)
        #expect(card.reasons.first?.text == "Gating question c1 is not met (answer: no)")
    }

    @Test func rule2GatingUnknownIsReadinessUnknown() throws {
        let card = try score(["a1": "yes", "a2": "q", "a3": "yes", "b1": "400", "b2": "x y", "b3": "yes", "c1": "unknown", "c2": "yes"])
        #expect(card.readiness == .readinessUnknown)
        #expect(card.reasons.map(\.text) == ["Gating question c1 is answered \"don't know\""])
    }

    @Test func rule2GatingUnansweredIsReadinessUnknown() throws {
        let card = try score(["a1": "yes", "a2": "q", "a3": "yes", "b1": "400", "b2": "x y", "b3": "yes", "c2": "yes"])
        #expect(card.readiness == .readinessUnknown)
        #expect(card.reasons.map(\.text) == ["Gating question c1 is unanswered"])
    }

    @Test func rule2LowConfidenceAloneIsReadinessUnknown() throws {
        // 2 answered of 8 applicable (a4 not asked): 25 % ≤ 40 %.
        let card = try score(["hosting": "paas", "a1": "yes", "c1": "yes"])
        #expect(card.confidence == 25)
        #expect(card.stars == 2)
        #expect(card.score == 100)
        #expect(card.readiness == .readinessUnknown)
        #expect(card.reasons.first?.text == "Confidence is 25.0 %, at or below 40 %: too few questions are answered to judge")
    }

    @Test func rule3LowOverallScoreAloneIsNotReady() throws {
        // access 27/31 = 87.10; ops 0/17 = 0; gov 27/28 = 96.43; (261.29 + 0 + 96.43) / 6 = 59.62.
        let card = try score([
            "hosting": "paas", "a1": "yes", "a2": "n", "a3": "no", "b1": "0", "b2": "none", "b3": "no", "c1": "yes", "c2": "no",
        ])
        #expect(abs(card.score! - (3 * 2700.0 / 31 + 2700.0 / 28) / 6) < 0.000_001)
        #expect(card.confidence == 100)
        #expect(card.readiness == .notReady)
        #expect(card.reasons.first?.text == "The overall score 59.6 is below 60")
    }

    @Test func rule3WeakCriticalDomainAloneIsNotReady() throws {
        // access 27/31 = 87.10 is below a floor raised to 90; the overall score is 93.55.
        let text = try String(contentsOfFile: fixturePath("scoring-small.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "version: 1.0.0", with: "version: 1.0.0\nthresholds: {criticalDomainFloor: 90}")
        let strict = try QuestionnaireLoader.parse(text, file: "strict.yaml").questionnaire
        let card = ReadinessScorer.score(
            strict,
            answers: try sheet([
                "hosting": "paas", "a1": "yes", "a2": "n", "a3": "no", "b1": "400",
                "b2": "x y", "b3": "yes", "c1": "yes", "c2": "yes",
            ]), rules: .version1)
        #expect(abs(card.score! - (3 * 2700.0 / 31 + 200 + 100) / 6) < 0.000_001)
        #expect(card.readiness == .notReady)
        #expect(card.reasons.map(\.text) == ["Critical domain access scores 87.1, below 90"])
    }

    @Test func rule4HighRiskGapAloneIsReadyWithConditions() throws {
        let card = try score([
            "hosting": "paas", "a1": "yes", "a2": "q", "a3": "yes", "b1": "400", "b2": "x y", "b3": "unknown", "c1": "yes", "c2": "yes",
        ])
        #expect(card.score == 100)
        #expect(card.confidence == 87.5)
        #expect(card.readiness == .readyWithConditions)
        #expect(card.reasons.map(\.text) == ["1 high-risk gap is open: b3"])
    }

    @Test func rule4MiddlingScoreAloneIsReadyWithConditions() throws {
        // access 87.10; ops (2.5 + 1.5 + 1) / 9 = 55.56; gov 100; (261.29 + 111.11 + 100) / 6 = 78.73.
        let card = try score([
            "hosting": "paas", "a1": "yes", "a2": "n", "a3": "no", "b1": "100", "b2": "x", "b3": "yes", "c1": "yes", "c2": "yes",
        ])
        #expect(abs(card.score! - (3 * 2700.0 / 31 + 2 * 500.0 / 9 + 100) / 6) < 0.000_001)
        #expect(card.readiness == .readyWithConditions)
        #expect(card.reasons.map(\.text) == ["The overall score 78.7 is below 85"])
    }

    @Test func rule4MiddlingConfidenceAloneIsReadyWithConditions() throws {
        let card = try score(["hosting": "paas", "a1": "yes", "b1": "400", "b3": "yes", "c1": "yes"])
        #expect(card.confidence == 50)
        #expect(card.stars == 3)
        #expect(card.score == 100)
        #expect(card.readiness == .readyWithConditions)
        #expect(card.reasons.map(\.text) == ["Confidence is 50.0 %, at or below 60 %"])
    }

    @Test func rule5Ready() throws {
        let card = try score([
            "hosting": "iaas", "a1": "yes", "a2": "q", "a3": "yes", "a4": "yes", "b1": "365", "b2": "x, z",
            "b3": "yes", "c1": "yes", "c2": "yes",
        ])
        #expect(card.score == 100)
        #expect(card.confidence == 100)
        #expect(card.gaps.isEmpty)
        #expect(card.readiness == .ready)
        #expect(
            card.reasons.map(\.text) == [
                "Every gating question is met, no high-risk gap is open, the overall score 100.0 is at least 85 and confidence is 100.0 %"
            ])
    }

    @Test func readyThresholdOverride() throws {
        // With ready lowered to 75, the 78.73 example becomes ready.
        let text = try String(contentsOfFile: fixturePath("scoring-small.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "version: 1.0.0", with: "version: 1.0.0\nthresholds: {ready: 75}")
        let lenient = try QuestionnaireLoader.parse(text, file: "lenient.yaml").questionnaire
        let card = ReadinessScorer.score(
            lenient,
            answers: try sheet([
                "hosting": "paas", "a1": "yes", "a2": "n", "a3": "no", "b1": "100",
                "b2": "x", "b3": "yes", "c1": "yes", "c2": "yes",
            ]), rules: .version1)
        #expect(card.readiness == .ready)
    }

    // MARK: - Applicability

    @Test func whenOnAnIaasHostingAsksA4() throws {
        let card = try score(["hosting": "iaas, paas", "a4": "no"])
        #expect(card.outcome("a4")?.status == .answered)
        #expect(card.domains[1].applicable == 4)
    }

    @Test func whenOnAnUnansweredQuestionIsFalse() throws {
        let card = try score(["a4": "yes"])
        #expect(card.outcome("a4")?.status == .notAsked)
        #expect(card.domains[1].applicable == 3)
        #expect(!card.gaps.contains { $0.questionID == "a4" })
    }

    @Test func whenOnAnUnknownQuestionIsFalse() throws {
        let card = try score(["hosting": "unknown", "a4": "yes"])
        #expect(card.outcome("a4")?.status == .notAsked)
    }

    @Test func notApplicableLeavesTheDenominator() throws {
        let withNA = try score(["a1": "yes", "a2": "q", "a3": "n/a"])
        let withNo = try score(["a1": "yes", "a2": "q", "a3": "no"])
        #expect(withNA.domains[1].score == 100)
        #expect(withNA.domains[1].applicable == 2)
        #expect(abs(withNo.domains[1].score! - 3000.0 / 31) < 0.000_001)
        #expect(withNo.domains[1].applicable == 3)
    }

    // MARK: - Answer scores

    @Test func multiIsCappedAtOne() throws {
        let question = try #require(questionnaire.question("b2"))
        #expect(ReadinessScorer.answerScore(question, .choices(["x"])) == 0.5)
        #expect(ReadinessScorer.answerScore(question, .choices(["x", "y"])) == 1)
        #expect(ReadinessScorer.answerScore(question, .choices(["x", "y", "z"])) == 1)
        #expect(ReadinessScorer.answerScore(question, .choices([])) == 0)
    }

    @Test(arguments: [(0.0, 0.0), (89.99, 0.0), (90, 0.5), (364.9, 0.5), (365, 1), (100_000, 1)])
    func numberBandEdges(value: Double, expected: Double) throws {
        let question = try #require(questionnaire.question("b1"))
        #expect(ReadinessScorer.answerScore(question, .number(value)) == expected)
    }

    @Test func gapRiskFollowsGatingClassAndOverride() throws {
        let risks = ["a1", "a2", "a3", "a4", "b1", "b2", "b3", "c1", "c2"].map { questionnaire.question($0)!.gapRisk }
        #expect(risks == [.high, .medium, .low, .medium, .medium, .medium, .high, .high, .low])
        #expect(questionnaire.question("b1")!.points == 5)
        #expect(questionnaire.question("a4")!.points == 9)
    }

    @Test(arguments: [(0.0, 1), (20, 1), (20.1, 2), (40, 2), (40.1, 3), (60, 3), (60.1, 4), (80, 4), (80.1, 5), (100, 5)])
    func confidenceStars(percent: Double, stars: Int) {
        #expect(ReadinessScorer.stars(percent) == stars)
    }

    @Test func nothingAnsweredIsReadinessUnknownWithNoScore() throws {
        let card = try score([:])
        #expect(card.score == nil)
        #expect(card.confidence == 0)
        #expect(card.readiness == .readinessUnknown)
        #expect(card.gaps.count == 8)
    }
}
