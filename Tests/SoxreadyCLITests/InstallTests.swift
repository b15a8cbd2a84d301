import Foundation
import SoxreadyTestSupport
import Testing

/// scripts/install.sh lays out a prefix (bin, share/soxready/Questionnaires and templates) from
/// which every command works in any folder: here with the debug binary (`SOXREADY_BINARY`), so
/// that the test needs no release build.
struct InstallTests {
    let folder: URL

    init() throws { folder = try temporaryFolder() }

    func run(_ executable: String, _ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> CommandResult {
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "SOXREADY_STORE")
        env.removeValue(forKey: "SOXREADY_QUESTIONNAIRES")
        env.removeValue(forKey: "SOXREADY_TEMPLATES")
        env.removeValue(forKey: "COLUMNS")
        env["SOXREADY_CACHE"] = folder.appendingPathComponent("cache").path
        for (key, value) in environment { env[key] = value }
        return try runProcess(executable, arguments, directory: directory, environment: env)
    }

    @Test func theInstalledCommandsWorkFromAnyFolder() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let prefix = folder.appendingPathComponent("prefix")
        let installed = try run(
            "/bin/bash", ["scripts/install.sh"], in: repositoryRoot,
            environment: ["PREFIX": prefix.path, "SOXREADY_BINARY": soxreadyBinary.path])
        #expect(installed.status == 0, "\(installed.stderr)")
        #expect(installed.stdout.contains("installed \(prefix.path)/bin/soxready"))
        let templates = try FileManager.default.contentsOfDirectory(atPath: prefix.appendingPathComponent("share/soxready/templates").path)
            .sorted()
        #expect(
            templates == [
                "pack.html.mustache", "plan.css", "plan.html.mustache", "plan.md.mustache", "portfolio.css", "portfolio.html.mustache",
                "portfolio.md.mustache", "rules-1", "signoff.html.mustache", "summary.html.mustache",
            ])

        // A folder of its own, with no Questionnaires/ or Reports/ beside it.
        let work = folder.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let binary = prefix.appendingPathComponent("bin/soxready").path
        let answers = repositoryRoot.appendingPathComponent("Questionnaires/examples/general-ledger.yaml").path
        let assessed = try run(binary, ["assess", "--answers", answers], in: work)
        #expect(assessed.status == 0, "\(assessed.stderr)")
        #expect(
            FileManager.default.fileExists(
                atPath: work.appendingPathComponent("Reports/general-ledger/general-ledger-run-1.pack.html").path))
        let portfolio = try run(binary, ["portfolio"], in: work)
        #expect(portfolio.status == 0, "\(portfolio.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent("Reports").path)
        #expect(written.contains { $0.hasPrefix("portfolio-") && $0.hasSuffix(".html") }, "\(written)")
        let listed = try run(binary, ["questionnaire", "list"], in: work)
        #expect(listed.stdout.contains("\(prefix.path)/share/soxready/Questionnaires/sox-azure-migration.yaml"))
    }
}
