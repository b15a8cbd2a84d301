import Foundation

/// The headline figures of one run, as kept in the store's columns (no answers, no result JSON).
public struct RunSummary: Sendable, Equatable {
    /// Run number, from 1 per application.
    public var number: Int
    /// When it was recorded.
    public var recordedAt: Date
    /// Questionnaire id.
    public var questionnaireID: String
    /// Questionnaire version.
    public var questionnaireVersion: String
    /// Readiness level.
    public var readiness: ReadinessLevel
    /// Overall score, percent to one decimal; nil when nothing was answered.
    public var score: Double?
    /// Confidence, percent to one decimal.
    public var confidence: Double
    /// Confidence stars, 1...5.
    public var stars: Int
    /// Gating gaps (P1).
    public var blockers: Int
    /// Other high-risk gaps (P2).
    public var high: Int
    /// Medium-risk gaps (P3).
    public var medium: Int
    /// Low-risk gaps (P4).
    public var low: Int

    /// Creates a summary.
    public init(
        number: Int, recordedAt: Date, questionnaireID: String, questionnaireVersion: String,
        readiness: ReadinessLevel, score: Double?, confidence: Double, stars: Int,
        blockers: Int, high: Int, medium: Int, low: Int
    ) {
        self.number = number
        self.recordedAt = recordedAt
        self.questionnaireID = questionnaireID
        self.questionnaireVersion = questionnaireVersion
        self.readiness = readiness
        self.score = score
        self.confidence = confidence
        self.stars = stars
        self.blockers = blockers
        self.high = high
        self.medium = medium
        self.low = low
    }

    /// The summary of a result: its level, score, confidence and gap counts by priority.
    public init(result: AssessmentResult, recordedAt: Date) {
        self.init(
            number: result.run.number, recordedAt: recordedAt, questionnaireID: result.questionnaire.id,
            questionnaireVersion: result.questionnaire.version, readiness: result.readiness, score: result.score,
            confidence: result.confidence.percent, stars: result.confidence.stars,
            blockers: result.gaps.count { $0.priority == 1 }, high: result.gaps.count { $0.priority == 2 },
            medium: result.gaps.count { $0.priority == 3 }, low: result.gaps.count { $0.priority == 4 })
    }
}
