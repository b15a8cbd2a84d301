import Foundation
import SoxreadyCore

/// The store implementations the protocol suite runs against. Each test gets a fresh, empty store.
public enum StoreBackend: String, CaseIterable, Sendable, CustomStringConvertible {
    /// ``SQLiteStore`` on a file in a temporary folder.
    case sqliteFile = "SQLite file"
    /// ``SQLiteStore`` in memory.
    case sqliteMemory = "SQLite in memory"

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
        }
    }
}
