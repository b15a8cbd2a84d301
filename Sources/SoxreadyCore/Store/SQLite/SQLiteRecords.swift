import Foundation
import GRDB

// The SQLite store's rows as GRDB records: Codable structs whose properties are the table's
// columns. Times are ISO 8601 text (`Timestamp`), answers and results canonical JSON text.

/// A row of `app`.
struct AppRow: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "app"
    var id: Int64?
    var name: String
    var slug: String
    var createdAt: String
    var archivedAt: String? = nil

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let name = Column(CodingKeys.name)
        static let slug = Column(CodingKeys.slug)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `questionnaireContent`: each distinct questionnaire text once, by SHA-256.
struct QuestionnaireContentRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "questionnaireContent"
    var hash: String
    var questionnaireID: String
    var version: String
    var content: String

    enum Columns {
        static let hash = Column(CodingKeys.hash)
    }
}

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

/// A row of `draft`: one unfinished assessment per application.
struct DraftRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "draft"
    var appID: Int64
    var questionnaireHash: String
    var startedAt: String
    var updatedAt: String
    var position: String?
    var owner: String
    var holderToken: String? = nil
    var holderUser: String? = nil
    var holderHost: String? = nil
    var holderProcess: Int32? = nil
    var heldSince: String? = nil
    var basedOnRun: Int?
    var onlyGaps: Bool

    enum Columns {
        static let appID = Column(CodingKeys.appID)
    }

    var holder: DraftHolder? {
        guard holderToken != nil, let holderUser, let holderHost, let holderProcess else { return nil }
        return DraftHolder(
            user: holderUser, host: holderHost, processID: holderProcess,
            since: heldSince.flatMap(Timestamp.date) ?? Date(timeIntervalSince1970: 0))
    }

    mutating func hold(for session: DraftSession) {
        holderToken = session.token
        holderUser = session.user
        holderHost = session.host
        holderProcess = session.processID
        heldSince = Timestamp.string(session.startedAt)
    }

    mutating func release() {
        holderToken = nil
        holderUser = nil
        holderHost = nil
        holderProcess = nil
        heldSince = nil
    }
}

/// A row of `draftAnswer`: one saved answer of a draft.
struct DraftAnswerRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "draftAnswer"
    var appID: Int64
    var questionID: String
    var answer: String?
    var note: String?
    var evidence: String?
    var updatedAt: String
    var owner: String?
    var due: String?

    enum Columns {
        static let appID = Column(CodingKeys.appID)
        static let questionID = Column(CodingKeys.questionID)
    }
}

/// A row of `signOff`. Sign-offs are inserted once and never updated (triggers refuse it).
struct SignOffRow: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "signOff"
    var id: Int64?
    var appID: Int64
    var number: Int
    var runNumber: Int
    var runFingerprint: String
    var reviewer: String
    var role: String
    var decision: String
    var comment: String?
    var statement: String
    var recordedAt: String
    var signature: String?
    var previousFingerprint: String?
    var fingerprint: String

    enum Columns {
        static let appID = Column(CodingKeys.appID)
        static let number = Column(CodingKeys.number)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var signOff: SignOff {
        SignOff(
            number: number, runNumber: runNumber, runFingerprint: runFingerprint, reviewer: reviewer, role: role,
            decision: SignOff.Decision(rawValue: decision) ?? .sendBack, comment: comment, statement: statement,
            recordedAt: Timestamp.date(recordedAt) ?? Date(timeIntervalSince1970: 0), signature: signature,
            previousFingerprint: previousFingerprint, fingerprint: fingerprint)
    }
}
