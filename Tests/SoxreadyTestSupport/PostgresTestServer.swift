import Foundation

/// The PostgreSQL server the tests may use: `$SOXREADY_TEST_PG`, a URL with a password that
/// `scripts/test.sh` sets after starting a throw-away server (`scripts/pg-test-server.sh`).
/// Without it, the PostgreSQL variants of the tests are not run.
public enum PostgresTestServer {
    /// The server's URL (its database is the one fresh databases are created from), or nil.
    public static var url: String? {
        guard let url = ProcessInfo.processInfo.environment["SOXREADY_TEST_PG"], url.hasPrefix("postgres") else { return nil }
        return url
    }

    /// `url` with its database replaced by `database`.
    public static func url(_ url: String, database: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        let queryStart = rest.firstIndex(of: "?") ?? rest.endIndex
        let authorityEnd = rest[..<queryStart].firstIndex(of: "/") ?? queryStart
        return String(url[..<scheme.upperBound]) + rest[..<authorityEnd] + "/" + database + rest[queryStart...]
    }

    /// A new, empty database on the test server; its URL.
    public static func createDatabase() throws -> String {
        guard let base = url else { throw Failure(text: "SOXREADY_TEST_PG is not set") }
        let name = "sx_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
        let created = try psql(base, "CREATE DATABASE \(name)")
        guard created.status == 0 else { throw Failure(text: "CREATE DATABASE failed: \(created.stderr)") }
        return url(base, database: String(name))
    }

    /// Drops the database of `url` (ending its connections first).
    public static func dropDatabase(_ databaseURL: String) {
        guard let base = url, let name = databaseURL.split(separator: "/").last?.split(separator: "?").first else { return }
        _ = try? psql(base, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    /// Runs `sql` with `psql` on `url` (unaligned, tuples only, stopping at the first error).
    public static func psql(
        _ url: String, _ sql: String, environment: [String: String] = [:]
    ) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql]
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    /// A failure to set up a test database.
    public struct Failure: Error, CustomStringConvertible {
        /// What failed.
        public var text: String
        /// The text.
        public var description: String { text }

        /// A failure saying `text`.
        public init(text: String) { self.text = text }
    }
}
