import Foundation
import GRDB
import GRDBSQLite

extension SQLiteStore {
    /// Whether the file at `path` is in WAL mode (a store made before 2026-12) and its
    /// write-ahead log holds nothing: no `-wal` file, or an empty one. Such a file is complete in
    /// itself, but SQLite would still create `-wal` and `-shm` files to read it (or fail in a
    /// read-only folder), so a reading command reads a snapshot of it instead.
    static func isWALWithEmptyLog(path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        // Bytes 18 and 19 of the header: the file format's write and read versions, 2 for WAL.
        guard let header = try? handle.read(upToCount: 20), header.count == 20, header[18] == 2 || header[19] == 2 else { return false }
        let log = (try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? Int ?? 0
        return log == 0
    }

    /// The store at `path` read into memory, for reading without creating a file: the bytes are
    /// read under a shared lock on the folder (moving a store off WAL takes that lock
    /// exclusively), marked as a rollback-journal database, and opened with `sqlite3_deserialize`.
    ///
    /// - Throws: ``StoreError`` when the file cannot be read or is not a database.
    static func memorySnapshot(of path: String, busyTimeout: Double) throws -> DatabaseQueue {
        var data = Data()
        try withFolderLock(path: path, timeout: busyTimeout, shared: true) {
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                throw StoreError.cannotOpen(location: path, reason: "cannot read the file")
            }
        }
        guard data.count >= 100 else { throw StoreError.notAStore(location: path, reason: "the file is too short for an SQLite database") }
        data[data.startIndex + 18] = 1
        data[data.startIndex + 19] = 1
        let queue = try DatabaseQueue(configuration: configuration(busyTimeout: busyTimeout))
        try queue.inDatabase { db in
            let size = data.count
            guard let buffer = sqlite3_malloc64(sqlite3_uint64(size))?.assumingMemoryBound(to: UInt8.self) else {
                throw StoreError.io(location: path, reason: "not enough memory to read the store")
            }
            data.copyBytes(to: buffer, count: size)
            // SQLite owns the buffer from here on, also when deserializing fails.
            let code = sqlite3_deserialize(
                db.sqliteConnection, "main", buffer, sqlite3_int64(size), sqlite3_int64(size),
                UInt32(SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE))
            guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code)) }
        }
        return queue
    }
}
