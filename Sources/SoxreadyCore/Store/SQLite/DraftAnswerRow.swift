import Foundation
import GRDB

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
