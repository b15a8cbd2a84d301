import Foundation

/// One run in `apps@1` and `history@1`.
public struct RunEntry: Codable, Sendable, Equatable {
    /// Gap counts by priority.
    public struct Gaps: Codable, Sendable, Equatable {
        /// P1, P2, P3 and P4 gaps.
        public var blockers, high, medium, low: Int
    }

    /// Run number.
    public var number: Int
    /// ISO 8601 UTC.
    public var recordedAt: String
    /// The questionnaire scored against.
    public var questionnaire: AssessmentResult.ScoredQuestionnaire
    /// The level's id.
    public var readiness: String
    /// Overall score, or null.
    @ExplicitNull public var score: Double?
    /// Change from the run before, in points to one decimal, or null.
    @ExplicitNull public var scoreChange: Double?
    /// Confidence.
    public var confidence: AssessmentResult.Confidence
    /// Gaps by priority.
    public var gaps: Gaps
    /// The decision that counts for the run.
    public var signOff: SignOffEntry = SignOffEntry(nil)

    /// The entry of `run`, with the change from `previousScore`.
    public init(_ run: RunSummary, previousScore: Double?) {
        number = run.number
        recordedAt = Timestamp.string(run.recordedAt)
        questionnaire = .init(id: run.questionnaireID, version: run.questionnaireVersion)
        readiness = run.readiness.rawValue
        score = run.score
        scoreChange = AssessmentResult.change(from: previousScore, to: run.score)
        confidence = .init(percent: run.confidence, stars: run.stars)
        gaps = Gaps(blockers: run.blockers, high: run.high, medium: run.medium, low: run.low)
    }
}
