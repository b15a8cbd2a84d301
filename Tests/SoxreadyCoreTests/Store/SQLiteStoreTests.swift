import Foundation
import GRDB
import SoxreadyTestSupport
import Testing

@testable import SoxreadyCore

/// What only the SQLite store does: the file, its modes, its locks, old and foreign files.
struct SQLiteStoreTests {
    let loaded: LoadedQuestionnaire

    init() throws {
        loaded = try QuestionnaireLoader.load(path: fixturePath("scoring-small.yaml"))
    }

    func run(_ app: String) -> RunToRecord {
        RunToRecord(
            scoring: [:], appName: app, questionnaire: loaded, recordedAt: Date(timeIntervalSince1970: 1_795_975_200),
            preparer: Preparer(name: "Pat Preparer"))
    }

    func listing(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test func theStoreIsOnePrivateFileWithARollbackJournal() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(".soxready/soxready.sqlite").path
        let store = try SQLiteStore(path: path)
        try store.record(run("A"))
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
        #expect(
            (try FileManager.default.attributesOfItem(atPath: (path as NSString).deletingLastPathComponent)[.posixPermissions] as? Int)
                == 0o700)
        #expect(try store.queue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "delete")
        #expect(try listing(folder.appendingPathComponent(".soxready")) == ["soxready.sqlite"])
        #expect(try store.schemaVersion() == 6)
        #expect(try store.integrityCheck() == ["ok"])
    }

    @Test func runsAreImmutableInTheDatabaseItself() throws {
        let store = try SQLiteStore()
        try store.record(run("A"))
        #expect(throws: DatabaseError.self) { try store.queue.write { try $0.execute(sql: "UPDATE run SET score = 100") } }
        #expect(throws: DatabaseError.self) { try store.queue.write { try $0.execute(sql: "DELETE FROM run") } }
    }

    @Test func aWriterThatCannotGetTheLockFailsAsBusyAndWritesNothing() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("s.sqlite").path
        let store = try SQLiteStore(path: path, busyTimeout: 0.2)
        let holder = try DatabaseQueue(path: path)
        try holder.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            defer { try? db.execute(sql: "ROLLBACK") }
            #expect(throws: StoreError.busy(location: path, waitedSeconds: 0.2)) { try store.record(run("A")) }
        }
        let reopened = try SQLiteStore(path: path)
        #expect(try reopened.apps().isEmpty)
        #expect(try reopened.integrityCheck() == ["ok"])
    }

    @Test func readingNeverCreatesAStore() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("missing/s.sqlite").path
        #expect(throws: StoreError.notFound(location: path)) { _ = try SQLiteStore(path: path, mode: .readOnly) }
        #expect(throws: StoreError.notFound(location: path)) { _ = try SQLiteStore(path: path, mode: .readWrite(create: false)) }
        #expect(try listing(folder) == [])
    }

    @Test(arguments: [SQLiteStore.OpenMode.readOnly, .readWrite(create: true)])
    func anEmptyOrForeignFileIsRefusedAndLeftAsItIs(mode: SQLiteStore.OpenMode) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = folder.appendingPathComponent("empty.sqlite").path
        FileManager.default.createFile(atPath: empty, contents: Data())
        #expect(throws: StoreError.notAStore(location: empty, reason: "the file is empty")) { _ = try SQLiteStore(path: empty, mode: mode) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: empty)).isEmpty)

        let text = folder.appendingPathComponent("notes.txt").path
        FileManager.default.createFile(atPath: text, contents: Data("General Ledger notes\n".utf8))
        #expect(throws: StoreError.notAStore(location: text, reason: "the file is not an SQLite database")) {
            _ = try SQLiteStore(path: text, mode: mode)
        }

        let other = folder.appendingPathComponent("other.sqlite").path
        try DatabaseQueue(path: other).write { try $0.execute(sql: "CREATE TABLE invoices (id INTEGER PRIMARY KEY)") }
        let before = try Data(contentsOf: URL(fileURLWithPath: other))
        #expect(throws: StoreError.notAStore(location: other, reason: "an SQLite database without soxready's tables")) {
            _ = try SQLiteStore(path: other, mode: mode)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == before)
        #expect(try listing(folder) == ["empty.sqlite", "notes.txt", "other.sqlite"])
    }

    @Test(arguments: [SQLiteStore.OpenMode.readOnly, .readWrite(create: true)])
    func aStoreOfANewerSchemaIsRefusedAndNeverWritten(mode: SQLiteStore.OpenMode) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("s.sqlite").path
        _ = try SQLiteStore(path: path)
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from the future')")
            try db.execute(sql: "UPDATE storeInfo SET value = '99' WHERE key = 'schemaVersion'")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StoreError.newerSchema(location: path, found: "99")) { _ = try SQLiteStore(path: path, mode: mode) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aReadOnlyOpenOfAnOlderStoreMigratesInMemoryAndLeavesTheFileAlone() throws {
        let (folder, path) = try copyOfRules1Store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let store = try SQLiteStore(path: path, mode: .readOnly)
        #expect(try store.apps().map(\.name) == ["General Ledger", "Group Consolidation", "Treasury Payments"])
        #expect(
            try store.run(appName: "General Ledger", number: 2).fingerprint
                == "9c25c58b6de091a5f722b46e85f0a0cddecf75f2a5dd45a682c00737a0fb153a")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try listing(folder) == ["store.sqlite"])
    }

    @Test func aWritableOpenMigratesAnOlderStoreWithoutTouchingItsRuns() throws {
        let (folder, path) = try copyOfRules1Store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = { () throws -> [Row] in
            // The columns of v1; later migrations add columns whose old rows keep their defaults.
            try DatabaseQueue(path: path).read {
                try Row.fetchAll(
                    $0,
                    sql:
                        "SELECT id, appID, number, recordedAt, questionnaireHash, readiness, score, answers, result, fingerprint FROM run ORDER BY id"
                )
            }
        }
        let before = try rows()
        let store = try SQLiteStore(path: path)
        #expect(try store.schemaVersion() == 6)
        #expect(try rows() == before)
        #expect(try listing(folder) == ["store.sqlite"])
    }

    @Test func aStoreInWALModeMovesToARollbackJournalWhenOpenedForWriting() throws {
        let (folder, path) = try copyOfRules1Store()
        defer { try? FileManager.default.removeItem(at: folder) }
        try DatabaseQueue(path: path).writeWithoutTransaction { _ = try String.fetchOne($0, sql: "PRAGMA journal_mode = WAL") }
        let store = try SQLiteStore(path: path)
        #expect(try store.queue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "delete")
    }

    @Test func aDamagedStoreSaysWhatToDo() throws {
        let (folder, path) = try copyOfRules1Store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        // Keep the header, damage the pages after the first.
        var damaged = data.prefix(4096)
        damaged.append(Data(repeating: 0xA5, count: data.count - 4096))
        try damaged.write(to: URL(fileURLWithPath: path))
        #expect {
            let store = try SQLiteStore(path: path, mode: .readOnly)
            _ = try store.apps()
        } throws: { error in
            guard let error = error as? StoreError, case .notAStore = error else { return false }
            return error.description.contains("move it aside and restore it from a backup, or use another --store")
                && error.exitStatus == .ioError
        }
    }
}
