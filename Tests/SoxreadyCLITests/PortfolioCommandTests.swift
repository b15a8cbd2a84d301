import Foundation
import SoxreadyTestSupport
import Testing

/// `soxready portfolio` end to end, on SQLite and on PostgreSQL: what it writes where, the JSON
/// of two applications worked out by hand, archived applications left out, and the store left as
/// it was.
struct PortfolioCommandTests {
    let folder: URL
    let questionnaire = repositoryRoot.appendingPathComponent("Tests/SoxreadyCoreTests/Fixtures/scoring-v2.yaml").path

    init() throws { folder = try temporaryFolder() }

    func assess(_ app: String, _ answers: String) throws {
        let path = folder.appendingPathComponent("\(app).yaml")
        try "format: soxready/answers@1\napp: \(app)\npreparedBy: Pat Preparer\nanswers:\n\(answers)".write(
            to: path, atomically: true, encoding: .utf8)
        let result = try runSoxready(["assess", "--questionnaire", questionnaire, "--answers", path.path], directory: folder)
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test(arguments: TestStore.Backend.all)
    func thePortfolioOfTwoApplicationsOnEitherStore(_ backend: TestStore.Backend) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try TestStore(backend, folder: folder)
        defer { store.remove() }
        // Beta: MFA not enforced (an ICFR gate) and Azure Migrate "not ready" (a technical gate):
        // Not ready with two blockers; its cutover 2099-01-15 is 45 days after 2098-12-01.
        try assess("Beta", "  cutover: 2099-01-15\n  fy-end: 2099-12-31\n  mfa: no\n  reviews: q\n  label: not-ready\n")
        // Old App: assessed, then archived: left out.
        try assess("Old App", "  mfa: no\n")
        #expect(try runSoxready(["apps", "archive", "Old App"], directory: folder).status == 0)
        let before = try store.snapshot()

        let json = try runSoxready(["portfolio", "--format", "json", "--output", "-", "--as-of", "2098-12-01"], directory: folder)
        #expect(json.status == 0, "\(json.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(document["format"] as? String == "soxready/portfolio@1")
        #expect(
            document["levels"] as? [String: Int] == [
                "ready": 0, "ready-with-conditions": 0, "not-ready": 1, "readiness-unknown": 0,
                "not-assessed": 0,
            ])
        let upcoming = try #require(document["upcomingCutovers"] as? [[String: Any]])
        #expect(upcoming.map { $0["name"] as? String } == ["Beta"])
        #expect(upcoming.first?["daysToCutover"] as? Int == 45)

        // As of a day before any run was recorded, Beta is not assessed yet.
        let past = try runSoxready(["portfolio", "--format", "json", "--output", "-", "--as-of", "2020-01-01"], directory: folder)
        let earlier = try #require(try JSONSerialization.jsonObject(with: Data(past.stdout.utf8)) as? [String: Any])
        #expect(
            earlier["levels"] as? [String: Int] == [
                "ready": 0, "ready-with-conditions": 0, "not-ready": 0, "readiness-unknown": 0,
                "not-assessed": 1,
            ])

        let now = try runSoxready(["portfolio", "--format", "json", "--output", "-"], directory: folder)
        let current = try #require(try JSONSerialization.jsonObject(with: Data(now.stdout.utf8)) as? [String: Any])
        let apps = try #require(current["apps"] as? [[String: Any]])
        #expect(apps.map { $0["name"] as? String } == ["Beta"])
        #expect(apps.first?["readiness"] as? String == "not-ready")
        #expect(apps.first?["blockers"] as? [String] == ["mfa", "label"])
        #expect(apps.first?["cutover"] as? String == "2099-01-15")
        let blocking = try #require(current["blockingQuestions"] as? [[String: Any]])
        #expect(blocking.map { $0["question"] as? String } == ["label", "mfa"])
        #expect(blocking.map { $0["title"] as? String } == ["Azure Migrate readiness", "MFA for administrators"])

        // Without --format: the HTML page and the Markdown beside the store's plan folders.
        let written = try runSoxready(["portfolio", "--as-of", "2098-12-01"], directory: folder)
        #expect(written.status == 0, "\(written.stderr)")
        let reports = (store.planFolder(slug: "x") as NSString).deletingLastPathComponent
        #expect(written.stdout == "\(reports)/portfolio-2098-12-01.html\n\(reports)/portfolio-2098-12-01.md\n")
        let html = try String(contentsOf: folder.appendingPathComponent("\(reports)/portfolio-2098-12-01.html"), encoding: .utf8)
        #expect(html.contains("<title>SOX migration portfolio, as of 2098-12-01</title>"))
        #expect(try store.snapshot() == before)
    }

    @Test func aBadAsOfDateIsAUsageError() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try runSoxready(["portfolio", "--as-of", "2026-02-30"], directory: folder)
        #expect(result.status == 64)
        #expect(result.stderr.contains("--as-of '2026-02-30' is not a date: expected YYYY-MM-DD naming a real day"))
    }
}
