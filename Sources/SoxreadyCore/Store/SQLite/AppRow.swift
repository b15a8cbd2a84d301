import Foundation
import GRDB

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
