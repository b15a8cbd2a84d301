import Foundation
import SoxreadyCore
import SoxreadyTestSupport
import Testing

@testable import SoxreadyPostgres

/// The URL and password rules against libpq's own answers: `Tests/Fixtures/libpq/libpq-cases.tsv`
/// holds 63 cases (environment, password file and its mode, URL), `libpq-results.tsv` what libpq 15
/// resolved for each (host, hostaddr, port, user, database, sslmode, password, warnings), as
/// recorded by a C program calling `PQconnectStart` (pgpass.md of the PostgreSQL groundwork).
struct ConnectionInfoTests {
    struct Case: Sendable, CustomStringConvertible {
        var id: String
        var environment: [String]
        var passwordFile: String
        var mode: String
        var lines: String
        var url: String
        var expected: String
        var expectedWarnings: String
        var description: String { id }
    }

    static let cases: [Case] = {
        func rows(_ name: String) -> [[String]] {
            let text = (try? String(contentsOfFile: sharedFixturePath("libpq/\(name)"), encoding: .utf8)) ?? ""
            return text.split(separator: "\n").filter { !$0.hasPrefix("#") }
                .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        }
        var results: [String: [String]] = [:]
        for row in rows("libpq-results.tsv") { results[row[0]] = row }
        return rows("libpq-cases.tsv").map { row in
            Case(
                id: row[0], environment: row[1] == "-" ? [] : row[1].split(separator: " ").map(String.init), passwordFile: row[2],
                mode: row[3],
                lines: row[4], url: row[5], expected: results[row[0]]?[1] ?? "missing", expectedWarnings: results[row[0]]?[2] ?? "")
        }
    }()

    @Test func theTableHasEveryCase() {
        #expect(Self.cases.count == 63)
        #expect(!Self.cases.contains { $0.expected == "missing" })
    }

    /// What run-libpq.sh did for libpq, done for soxready: a fresh HOME, the listed variables,
    /// the password file with its mode, then the resolved fields in libpq-resolve's format.
    @Test(arguments: cases)
    func resolvesAsLibpqDoes(_ testCase: Case) throws {
        let tmp = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: tmp) }
        let home = tmp.appendingPathComponent("home").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        var environment = ["HOME": home]
        for pair in testCase.environment {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            environment[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        var url = testCase.url
        var file: String?
        switch testCase.passwordFile {
        case "home": file = home + "/.pgpass"
        case "passfile":
            file = tmp.appendingPathComponent("alt-pgpass").path
            environment["PGPASSFILE"] = file
            try "127.0.0.1:*:*:u:homefile\n".write(toFile: home + "/.pgpass", atomically: false, encoding: .utf8)
            chmod(home + "/.pgpass", 0o600)
        case "urlpassfile":
            file = tmp.appendingPathComponent("url-pgpass").path
            url += "?passfile=\(file ?? "")"
        default: break
        }
        if let file, testCase.lines != "-" {
            var text = testCase.lines.replacingOccurrences(of: "¶", with: "\n")
            if text.hasSuffix("\\r") { text = String(text.dropLast(2)) + "\r" }
            try (text + "\n").write(toFile: file, atomically: false, encoding: .utf8)
            chmod(file, mode_t(testCase.mode, radix: 8) ?? 0o600)
        }
        var warnings: [String] = []
        let resolved = Self.resolve(url, environment: environment) { warnings.append($0) }
        let shown = warnings.map { $0.replacingOccurrences(of: tmp.path, with: "TMP") + " " }.joined()
        if testCase.expected.hasPrefix("error=") {
            // The wording may differ from libpq's; it must be an error, and ours say the same here.
            #expect(resolved.hasPrefix("error="), "\(testCase.id): \(resolved)")
            #expect(resolved == testCase.expected)
        } else {
            #expect(resolved == testCase.expected.replacingOccurrences(of: "TMP", with: tmp.path))
            #expect(shown == testCase.expectedWarnings)
        }
    }

    /// libpq-resolve's line for `url`: the fields and the password, or `error=REASON`.
    static func resolve(_ url: String, environment: [String: String], warn: (String) -> Void) -> String {
        do {
            let info = try PostgresConnectionInfo.parse(url, environment: environment, osUser: "root")
            let password = info.resolvedPassword(home: environment["HOME"], warn: warn)
            return "host=\(info.host) hostaddr=\(info.hostaddr ?? "") port=\(info.port) user=\(info.user) dbname=\(info.database) "
                + "sslmode=\(info.sslMode.rawValue) password=\(password ?? "")"
        } catch {
            if case .invalidLocation(_, let reason) = error { return "error=\(reason)" }
            return "unexpected \(error)"
        }
    }

    @Test func theLocationNeverShowsThePassword() {
        #expect(
            PostgresConnectionInfo.redacted("postgresql://lee:s3cr%40t@db.example.com:5432/soxready?sslmode=require")
                == "postgresql://lee@db.example.com:5432/soxready?sslmode=require")
        #expect(
            PostgresConnectionInfo.redacted("postgres://db/soxready?user=lee&password=hunter2&sslmode=verify-full")
                == "postgres://db/soxready?user=lee&sslmode=verify-full")
        #expect(PostgresConnectionInfo.redacted("postgresql://lee:pw@db") == "postgresql://lee@db")
        #expect(PostgresConnectionInfo.redacted("postgresql://db:5433/x") == "postgresql://db:5433/x")
    }

    @Test func aBadURLIsAUsageErrorWithoutThePassword() {
        #expect(
            throws: StoreError.invalidLocation(location: "postgresql://lee@db/x?sslmode=maybe", reason: "invalid sslmode value: \"maybe\"")
        ) {
            _ = try PostgresStore(url: "postgresql://lee:pw@db/x?sslmode=maybe", environment: [:])
        }
        #expect(StoreError.invalidLocation(location: "l", reason: "r").exitStatus == .usage)
    }
}
