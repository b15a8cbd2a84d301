import Foundation
import GRDB

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
