import Foundation
import GRDB

/// The embedded store: one SQLite file per workspace (default `.soxready/soxready.sqlite`), through GRDB.
///
/// - The file is created complete or not at all: it is built under a temporary name, migrated,
///   and renamed into place, mode 0600 in a 0700 folder. A zero-byte or foreign file is refused,
///   never turned into a store.
/// - Rollback journal (not WAL), so that the store is always one self-contained file that an
///   auditor can copy, and a reader on a read-only medium needs no `-wal`/`-shm` files.
/// - Every write is one IMMEDIATE transaction; a writer that cannot get the lock waits
///   ``busyTimeout`` seconds and then throws ``StoreError/busy(location:waitedSeconds:)``.
/// - Runs cannot be updated or deleted: SQLite triggers refuse it.
/// - ``OpenMode/readOnly`` (what reading commands use) never creates or changes anything; a
///   store of an older schema is then migrated in memory, one of a newer schema is refused.
public final class SQLiteStore: AssessmentStore {
    /// How to open the file.
    public enum OpenMode: Sendable, Equatable {
        /// Read only: never creates, migrates in memory when the schema is older.
        case readOnly
        /// Read and write; `create` makes the store when the file is missing.
        case readWrite(create: Bool)
    }

    /// The database file path.
    public let path: String
    /// Seconds a writer waits for the lock before giving up.
    public let busyTimeout: Double
    let queue: DatabaseQueue

    /// The SQLite file's path, ``path``.
    public var location: String { path }

    /// Opens the store at `path`.
    ///
    /// - Parameters:
    ///   - path: The SQLite file.
    ///   - mode: Read only, or read and write (creating the file when missing if `create`).
    ///   - busyTimeout: Seconds to wait for another writer (default 3).
    /// - Throws: ``StoreError/notFound(location:)`` (no file and not creating),
    ///   ``StoreError/notAStore(location:reason:)``, ``StoreError/newerSchema(location:found:)``,
    ///   ``StoreError/cannotOpen(location:reason:)``, ``StoreError/busy(location:waitedSeconds:)``.
    public init(path: String, mode: OpenMode = .readWrite(create: true), busyTimeout: Double = 3) throws(StoreError) {
        self.path = path
        self.busyTimeout = busyTimeout
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists {
            guard case .readWrite(create: true) = mode else { throw .notFound(location: path) }
            try Self.create(path: path, busyTimeout: busyTimeout)
        }
        try Self.checkHeader(path: path)
        var configuration = Self.configuration(busyTimeout: busyTimeout)
        do {
            if mode == .readOnly {
                configuration.readonly = true
                // A WAL store is read from a snapshot in memory: opening the file would leave
                // -wal and -shm files behind, or fail in a read-only folder.
                let file =
                    Self.isWALWithEmptyLog(path: path)
                    ? try Self.memorySnapshot(of: path, busyTimeout: busyTimeout)
                    : try DatabaseQueue(path: path, configuration: configuration)
                switch try Self.schemaState(file, path: path) {
                case .current:
                    queue = file
                case .older:
                    // Read an older store without changing it: migrate a copy in memory.
                    let memory = try DatabaseQueue(configuration: Self.configuration(busyTimeout: busyTimeout))
                    try file.backup(to: memory)
                    try SQLiteSchema.migrator.migrate(memory)
                    queue = memory
                }
            } else {
                let file = try DatabaseQueue(path: path, configuration: configuration)
                try Self.withFolderLock(path: path, timeout: busyTimeout) {
                    if try Self.schemaState(file, path: path) == .older {
                        try SQLiteSchema.migrator.migrate(file)
                    }
                    // Stores made before 2026-12 used WAL; move them to a rollback journal (needs
                    // no other connection; if one is open, the next writer tries again).
                    if try file.read({ try String.fetchOne($0, sql: "PRAGMA journal_mode") }) == "wal" {
                        try? file.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = DELETE") }
                    }
                }
                queue = file
            }
        } catch {
            throw Self.storeError(error, location: path, busyTimeout: busyTimeout)
        }
    }

    /// A store in memory, for tests.
    public init(inMemory: Void = ()) throws(StoreError) {
        path = ":memory:"
        busyTimeout = 0
        do {
            queue = try DatabaseQueue(configuration: Self.configuration(busyTimeout: 0))
            try SQLiteSchema.migrator.migrate(queue)
        } catch {
            throw Self.storeError(error, location: ":memory:", busyTimeout: 0)
        }
    }

    static func configuration(busyTimeout: Double) -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.label = "soxready"
        return configuration
    }

    enum SchemaState { case current, older }

    /// Whether the file holds soxready's schema, and how its version compares with this build's.
    static func schemaState(_ queue: DatabaseQueue, path: String) throws -> SchemaState {
        try queue.read { db in
            guard try db.tableExists("grdb_migrations") else {
                let tables = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'") ?? 0
                throw StoreError.notAStore(
                    location: path,
                    reason: tables == 0 ? "an SQLite database with no tables" : "an SQLite database without soxready's tables")
            }
            // Newer: a migration this version does not know, or a schema version above its own
            // (storeInfo.schemaVersion is what docs/store.md tells a DBA to read).
            let migrator = SQLiteSchema.migrator
            let unknown = try migrator.appliedIdentifiers(db).subtracting(migrator.migrations).sorted()
            let recorded =
                try db.tableExists("storeInfo")
                ? try String.fetchOne(db, sql: "SELECT value FROM storeInfo WHERE key = 'schemaVersion'") : nil
            if let version = recorded.flatMap({ Int($0) }), version > SQLiteSchema.version {
                throw StoreError.newerSchema(location: path, found: String(version))
            }
            if !unknown.isEmpty {
                let names = unknown.map { "'\($0)'" }.joined(separator: ", ")
                throw StoreError.newerSchema(
                    location: path,
                    found: "\(recorded ?? "unknown") and the migration\(unknown.count == 1 ? "" : "s") "
                        + "\(names), which this version does not know")
            }
            return try migrator.hasCompletedMigrations(db) ? .current : .older
        }
    }

    /// Refuses an empty file or one that is not an SQLite database, before SQLite would quietly
    /// make a new database of it.
    static func checkHeader(path: String) throws(StoreError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .cannotOpen(
                location: path, reason: FileManager.default.isReadableFile(atPath: path) ? "cannot read the file" : "permission denied")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if header.isEmpty { throw .notAStore(location: path, reason: "the file is empty") }
        guard header == Data("SQLite format 3\0".utf8) else {
            throw .notAStore(location: path, reason: "the file is not an SQLite database")
        }
    }

    /// Creates the store complete or not at all: built and migrated under a temporary name in the
    /// same folder, then renamed into place, all under the folder lock.
    static func create(path: String, busyTimeout: Double) throws(StoreError) {
        let folder = PathText.parent(of: path)
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(
                    atPath: folder, withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700])
            } catch {
                throw .cannotOpen(location: path, reason: "cannot create the folder \(folder)")
            }
        }
        do {
            try withFolderLock(path: path, timeout: busyTimeout) {
                // Another process may have created it while this one waited for the lock.
                guard !FileManager.default.fileExists(atPath: path) else { return }
                let temporary = (folder.isEmpty ? "." : folder) + "/.\((path as NSString).lastPathComponent).creating-\(getpid())"
                unlink(temporary)
                let fd = open(temporary, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
                guard fd >= 0 else { throw StoreError.cannotOpen(location: path, reason: String(cString: strerror(errno))) }
                close(fd)
                do {
                    let queue = try DatabaseQueue(path: temporary, configuration: configuration(busyTimeout: busyTimeout))
                    try SQLiteSchema.migrator.migrate(queue)
                    try queue.close()
                } catch {
                    unlink(temporary)
                    throw error
                }
                guard rename(temporary, path) == 0 else {
                    let reason = String(cString: strerror(errno))
                    unlink(temporary)
                    throw StoreError.cannotOpen(location: path, reason: reason)
                }
                let dirFD = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY)
                if dirFD >= 0 {
                    fsync(dirFD)
                    close(dirFD)
                }
            }
        } catch {
            throw storeError(error, location: path, busyTimeout: busyTimeout)
        }
    }

    static func storeError(_ error: any Error, location: String, busyTimeout: Double) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                return .busy(location: location, waitedSeconds: busyTimeout)
            case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH:
                return .cannotOpen(location: location, reason: error.message ?? "\(error.resultCode)")
            case .SQLITE_NOTADB, .SQLITE_CORRUPT:
                return .notAStore(location: location, reason: "the file is damaged (\(error.message ?? "corrupt"))")
            case .SQLITE_FULL:
                return .io(location: location, reason: "the disk is full; nothing was written")
            default:
                return .io(location: location, reason: error.message ?? "\(error)")
            }
        }
        return .io(location: location, reason: "\(error)")
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
                guard let result else { throw StoreError.io(location: path, reason: "the transaction returned nothing") }
                return result
            }
        } catch {
            throw Self.storeError(error, location: path, busyTimeout: busyTimeout)
        }
    }

    /// Runs `body` in a read transaction, mapping errors to ``StoreError``.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try queue.read(body)
        } catch {
            throw Self.storeError(error, location: path, busyTimeout: busyTimeout)
        }
    }

    /// Runs `body` holding an exclusive `flock` on the folder that holds `path`, waiting up to
    /// `timeout` seconds for it: creating and migrating a store are serialised this way.
    ///
    /// The lock is on the folder, never on the database file: closing any descriptor of the
    /// database file would drop the POSIX locks SQLite holds on it in this process.
    /// With `shared`, readers share the lock (taking a snapshot of a WAL store) and keep only
    /// an exclusive holder out.
    static func withFolderLock(path: String, timeout: Double, shared: Bool = false, _ body: () throws -> Void) throws {
        let folder = PathText.parent(of: path)
        let fd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError.cannotOpen(location: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        let deadline = Date().addingTimeInterval(timeout)
        while flock(fd, (shared ? LOCK_SH : LOCK_EX) | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                throw StoreError.busy(location: path, waitedSeconds: timeout)
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

    /// The schema version of the open store (`storeInfo.schemaVersion`).
    public func schemaVersion() throws(StoreError) -> Int {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM storeInfo WHERE key = 'schemaVersion'").flatMap { Int($0) } ?? 0 }
    }
}
