import Foundation
import PostgresNIO
import SoxreadyCore

/// A row of `soxready.apps`.
struct PostgresAppRow: Sendable {
    var id: Int
    var name: String
    var slug: String
    var createdAt: Date
    var archivedAt: Date?

    /// The columns a query selects to read one (`SELECT \(columns) FROM soxready.apps …`).
    static let columns = "id, name, slug, created_at, archived_at"

    init(id: Int, name: String, slug: String, createdAt: Date, archivedAt: Date?) {
        self.id = id
        self.name = name
        self.slug = slug
        self.createdAt = createdAt
        self.archivedAt = archivedAt
    }

    init(_ row: PostgresRowReader) throws {
        self.init(
            id: try row("id"), name: try row("name"), slug: try row("slug"), createdAt: try row("created_at"),
            archivedAt: try row("archived_at"))
    }
}
