import Foundation
import GRDB

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
