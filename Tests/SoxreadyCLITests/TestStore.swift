import Foundation
import SoxreadyTestSupport
import Synchronization

/// The store an end-to-end test's commands use: the default SQLite file in the test's folder, or
/// a fresh database of the PostgreSQL test server, given to every `soxready` the test runs in
/// that folder as `SOXREADY_STORE` (see ``runSoxready(_:input:directory:environment:)``).
final class TestStore: Sendable, CustomStringConvertible {
    /// The backends the end-to-end tests run against: PostgreSQL when `$SOXREADY_TEST_PG` is set.
    enum Backend: String, Sendable, CustomStringConvertible {
        case sqlite = "SQLite"
        case postgres = "PostgreSQL"

        static var all: [Backend] { PostgresTestServer.url == nil ? [.sqlite] : [.sqlite, .postgres] }
        var description: String { rawValue }
    }

    let backend: Backend
    let folder: URL
    /// The database URL (with its password) for PostgreSQL, nil for SQLite.
    let url: String?

    /// The stores of the test folders in use, by folder path.
    static let registry = Mutex<[String: String]>([:])

    /// The `SOXREADY_STORE` of commands run in `folder`, if its test uses PostgreSQL.
    static func url(for folder: URL) -> String? { registry.withLock { $0[folder.standardizedFileURL.path] } }

    init(_ backend: Backend, folder: URL) throws {
        self.backend = backend
        self.folder = folder
        if backend == .postgres {
            let url = try PostgresTestServer.createDatabase()
            self.url = url
            Self.registry.withLock { $0[folder.standardizedFileURL.path] = url }
        } else {
            url = nil
        }
    }

    /// Drops the database (PostgreSQL) and forgets the folder.
    func remove() {
        guard let url else { return }
        Self.registry.withLock { $0[folder.standardizedFileURL.path] = nil }
        PostgresTestServer.dropDatabase(url)
    }

    var description: String { backend.rawValue }

    /// The SQLite file of the test (the default store in its folder).
    var sqlitePath: String { folder.appendingPathComponent(".soxready/soxready.sqlite").path }

    /// Runs `sqlite` with `sqlite3` on the file, or `postgres` with `psql` on the database; both
    /// print rows as `a|b` lines. Returns standard output.
    func query(sqlite: String, postgres: String) throws -> String {
        if let url {
            let result = try PostgresTestServer.psql(url, postgres)
            guard result.status == 0 else { throw PostgresTestServer.Failure(text: "psql: \(result.stderr)") }
            return result.stdout
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", "-batch", "-noheader", sqlitePath, sqlite]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let error = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PostgresTestServer.Failure(text: "sqlite3: \(String(decoding: error, as: UTF8.self))")
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Every row of every soxready table, to show that a command changed nothing.
    func snapshot() throws -> String {
        if url != nil {
            return try query(
                sqlite: "",
                postgres: """
                    SELECT 'apps', * FROM soxready.apps; SELECT 'runs', * FROM soxready.runs; SELECT 'sign_offs', * FROM soxready.sign_offs;
                    SELECT 'drafts', * FROM soxready.drafts; SELECT 'draft_answers', * FROM soxready.draft_answers;
                    SELECT 'contents', hash FROM soxready.questionnaire_contents; SELECT 'schema', version FROM soxready.schema_migrations
                    """)
        }
        return try Data(contentsOf: URL(fileURLWithPath: sqlitePath)).base64EncodedString()
    }
}

extension TestStore {
    /// Where `assess` and `report` write an application's plans by default: `Reports/<slug>` for
    /// the default SQLite file, `Reports/<database>/<slug>` for a PostgreSQL store.
    func planFolder(slug: String) -> String {
        guard let url, let database = url.split(separator: "/").last?.split(separator: "?").first else { return "Reports/\(slug)" }
        return "Reports/\(database.replacingOccurrences(of: "_", with: "-"))/\(slug)"
    }
}
