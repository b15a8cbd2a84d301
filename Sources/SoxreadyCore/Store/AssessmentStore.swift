import Foundation
import GRDB

/// The SQLite store of one workspace: applications, wizard drafts and immutable runs.
///
/// One file (default `.soxready/soxready.sqlite`), WAL journal, mode 0600, created with
/// versioned migrations. Every write is one IMMEDIATE transaction; a writer that cannot get the
/// lock waits ``busyTimeout`` seconds and then throws ``StoreError/busy(path:waitedSeconds:)``.
/// Runs cannot be updated or deleted (SQLite triggers refuse it).
public final class AssessmentStore: Sendable {
    /// The database file path.
    public let path: String
    /// Seconds a writer waits for the lock before giving up.
    public let busyTimeout: Double
    let queue: DatabaseQueue

    /// Opens (and creates, with its folder, when `create` is true) the store at `path`.
    ///
    /// - Parameters:
    ///   - path: The SQLite file.
    ///   - create: Create the file when missing; when false a missing file throws
    ///     ``StoreError/cannotOpen(path:reason:)`` with reason "no store yet".
    ///   - busyTimeout: Seconds to wait for another writer (default 3).
    /// - Throws: ``StoreError``.
    public init(path: String, create: Bool = true, busyTimeout: Double = 3) throws(StoreError) {
        self.path = path
        self.busyTimeout = busyTimeout
        let manager = FileManager.default
        if !manager.fileExists(atPath: path) {
            guard create else { throw .cannotOpen(path: path, reason: "no store yet") }
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty {
                do {
                    try manager.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                } catch {
                    throw .cannotOpen(path: path, reason: "cannot create the folder \(folder)")
                }
            }
            // Create the file 0600 before SQLite does; its -wal and -shm files take the same mode.
            let fd = open(path, O_CREAT | O_WRONLY | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
            close(fd)
        }
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.label = "soxready"
        do {
            // GRDB reads the applied migrations and applies the rest in separate transactions, so two
            // processes creating one store at the same moment would both try. An exclusive flock on
            // the store's folder around opening and migrating serialises them; it is held for a few
            // milliseconds once the schema is current.
            var opened: DatabaseQueue?
            try Self.withFileLock(path: path, timeout: busyTimeout) {
                let queue = try DatabaseQueue(path: path, configuration: configuration)
                let migrator = StoreSchema.migrator
                if try !queue.read({ try migrator.hasCompletedMigrations($0) }) {
                    try migrator.migrate(queue)
                }
                opened = queue
            }
            queue = opened!
        } catch {
            throw Self.storeError(error, path: path, busyTimeout: busyTimeout)
        }
    }

    /// A store in memory, for tests.
    public init(inMemory: Void = ()) throws {
        path = ":memory:"
        busyTimeout = 0
        queue = try DatabaseQueue()
        try StoreSchema.migrator.migrate(queue)
    }

    static func storeError(_ error: any Error, path: String, busyTimeout: Double) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                return .busy(path: path, waitedSeconds: busyTimeout)
            case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH:
                return .cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
            case .SQLITE_NOTADB, .SQLITE_CORRUPT:
                return .io(path: path, reason: "not a soxready store or damaged (\(error.message ?? "corrupt"))")
            default:
                return .io(path: path, reason: error.message ?? "\(error)")
            }
        }
        return .io(path: path, reason: "\(error)")
    }

    /// Runs `body` in one IMMEDIATE write transaction, mapping errors to ``StoreError``.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try queue.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch {
            throw Self.storeError(error, path: path, busyTimeout: busyTimeout)
        }
    }

    /// Runs `body` in a read transaction, mapping errors to ``StoreError``.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try queue.read(body)
        } catch {
            throw Self.storeError(error, path: path, busyTimeout: busyTimeout)
        }
    }

    /// Runs `body` holding an exclusive `flock` on the folder that holds `path`, waiting up to
    /// `timeout` seconds for it.
    ///
    /// The lock is on the folder, never on the database file: closing any descriptor of the
    /// database file would drop the POSIX locks SQLite holds on it in this process, and another
    /// process could then checkpoint and delete the WAL file under an open connection.
    static func withFileLock(path: String, timeout: Double, _ body: () throws -> Void) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let fd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        let deadline = Date().addingTimeInterval(timeout)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                throw StoreError.busy(path: path, waitedSeconds: timeout)
            }
            usleep(10_000)
        }
        defer { flock(fd, LOCK_UN) }
        try body()
    }

    /// `PRAGMA integrity_check`: `["ok"]` for a sound file.
    public func integrityCheck() throws(StoreError) -> [String] {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }
}
