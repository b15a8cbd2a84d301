import Foundation
import SoxreadyCore
import SoxreadyTestSupport
import Testing

@testable import SoxreadyPostgres

/// `sslmode` against the test server started with TLS (`scripts/pg-test-server.sh start --tls`,
/// which exports the certificate's path as `$SOXREADY_TEST_PG_CA`): what the connection really is
/// is read from the server's `pg_stat_ssl`.
@Suite(
    .enabled(
        if: PostgresTestServer.url != nil && ProcessInfo.processInfo.environment["SOXREADY_TEST_PG_CA"] != nil,
        "needs a test server with TLS ($SOXREADY_TEST_PG_CA)"))
struct PostgresTLSTests {
    /// Whether the server sees the connection named `name` as encrypted: `t`, `f`, or empty when there is none.
    func encrypted(_ url: String, applicationName name: String) throws -> String {
        try PostgresTestServer.psql(
            url,
            """
            SELECT s.ssl FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid) WHERE a.application_name = '\(name)'
            """
        ).stdout
    }

    @Test func theURLsSSLModeDecidesAndVerifyFullChecksTheCertificate() throws {
        let ca = try #require(ProcessInfo.processInfo.environment["SOXREADY_TEST_PG_CA"])
        let url = try PostgresTestServer.createDatabase()
        defer { PostgresTestServer.dropDatabase(url) }
        for (mode, expected) in [("require", "t\n"), ("disable", "f\n"), ("verify-full&sslrootcert=\(ca)", "t\n"), ("prefer", "t\n")] {
            let name = "tls-\(UUID().uuidString.prefix(8).lowercased())"
            let store = try PostgresStore(url: "\(url)?sslmode=\(mode)&application_name=\(name)", environment: [:])
            #expect(try store.apps().isEmpty)
            #expect(try encrypted(url, applicationName: name) == expected, "sslmode=\(mode)")
        }
        // Without the authority's certificate, verify-full does not trust the server's.
        do {
            _ = try PostgresStore(url: "\(url)?sslmode=verify-full", environment: [:])
            Issue.record("an untrusted certificate was accepted")
        } catch {
            guard case .connectionFailed(_, let reason) = error else { throw error }
            #expect(reason.hasPrefix("the TLS handshake failed ("), "\(reason)")
            #expect(reason.hasSuffix("); check sslmode and sslrootcert"))
        }
    }
}
