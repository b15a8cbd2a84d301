import Foundation
import GRDB

/// The columns of `run` that a ``RunSummary`` needs: never the answers and result JSON, which
/// are large.
struct RunSummaryRow: Decodable, FetchableRecord {
    var number: Int
    var recordedAt: String
    var questionnaireID: String
    var questionnaireVersion: String
    var readiness: String
    var score: Double?
    var confidence: Double
    var stars: Int
    var blockers: Int
    var highGaps: Int
    var mediumGaps: Int
    var lowGaps: Int

    nonisolated(unsafe) static let columns: [any SQLSelectable] = [
        "number", "recordedAt", "questionnaireID", "questionnaireVersion", "readiness", "score", "confidence", "stars",
        "blockers", "highGaps", "mediumGaps", "lowGaps",
    ].map { Column($0) }

    /// The same columns as SQL, qualified with `run.`.
    static let sql =
        "run.number, run.recordedAt, run.questionnaireID, run.questionnaireVersion, run.readiness, run.score, "
        + "run.confidence, run.stars, run.blockers, run.highGaps, run.mediumGaps, run.lowGaps"

    var summary: RunSummary {
        RunSummary(
            number: number, recordedAt: Timestamp.date(recordedAt) ?? Date(timeIntervalSince1970: 0),
            questionnaireID: questionnaireID, questionnaireVersion: questionnaireVersion,
            readiness: ReadinessLevel(rawValue: readiness) ?? .readinessUnknown, score: score, confidence: confidence,
            stars: stars, blockers: blockers, high: highGaps, medium: mediumGaps, low: lowGaps)
    }
}
