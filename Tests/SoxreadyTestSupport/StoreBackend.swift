import Foundation
import SoxreadyCore
import SoxreadyPostgres

/// The store implementations the protocol suite runs against. Each test gets a fresh, empty store.
public enum StoreBackend: String, CaseIterable, Sendable, CustomStringConvertible {
    /// ``SQLiteStore`` on a file in a temporary folder.
    case sqliteFile = "SQLite file"
    /// ``SQLiteStore`` in memory.
    case sqliteMemory = "SQLite in memory"
    /// `PostgresStore` on a fresh database of the test server (only when `$SOXREADY_TEST_PG` is set).
    case postgres = "PostgreSQL"

    /// The backends this test run has: PostgreSQL only when `$SOXREADY_TEST_PG` names a server.
    public static var allCases: [StoreBackend] {
        PostgresTestServer.url == nil ? [.sqliteFile, .sqliteMemory] : [.sqliteFile, .sqliteMemory, .postgres]
    }

    public var description: String { rawValue }

    /// A fresh, empty store of this backend, and a closure that removes it.
    public func makeStore() throws -> (store: any AssessmentStore, cleanUp: @Sendable () -> Void) {
        switch self {
        case .sqliteFile:
            let folder = try temporaryFolder()
            let store = try SQLiteStore(path: folder.appendingPathComponent(".soxready/soxready.sqlite").path)
            return (store, { try? FileManager.default.removeItem(at: folder) })
        case .sqliteMemory:
            return (try SQLiteStore(), {})
        case .postgres:
            let url = try PostgresTestServer.createDatabase()
            let store = try PostgresStore(url: url, busyTimeout: 3)
            return (store, { PostgresTestServer.dropDatabase(url) })
        }
    }
}
