import Foundation
import GRDB

// The SQLite store's rows are GRDB records (AppRow, RunRow, RunSummaryRow, DraftRow, DraftAnswerRow,
// SignOffRow, QuestionnaireContentRow): Codable structs whose properties are the table's columns.
// Times are ISO 8601 text (`Timestamp`), answers and results canonical JSON text.

/// A row of `run`. Runs are inserted once and never updated (triggers refuse it).
struct RunRow: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "run"
    var id: Int64?
    var appID: Int64
    var number: Int
    var recordedAt: String
    var questionnaireHash: String
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
    var answers: String
    var result: String
    var fingerprint: String
    var preparedBy: String?
    var attestation: String?
    var previousFingerprint: String?
    var fingerprintRecipe: String

    enum Columns {
        static let appID = Column(CodingKeys.appID)
        static let number = Column(CodingKeys.number)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
