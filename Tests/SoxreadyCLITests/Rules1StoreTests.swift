import Foundation
import SoxreadyTestSupport
import Testing

/// A store recorded under rules version 1 (Tests/Fixtures/rules-1) renders, diffs and exports
/// exactly as the release that recorded it printed.
struct Rules1StoreTests {
    static let reports: [(app: String, run: Int)] = [
        ("general-ledger", 1), ("general-ledger", 2), ("group-consolidation", 1), ("treasury-payments", 1),
    ]

    func expected(_ name: String) throws -> String {
        try String(contentsOfFile: sharedFixturePath("rules-1/\(name)"), encoding: .utf8)
    }

    @Test func everyReportOfEveryRunIsByteForByteAsRecorded() throws {
        let (folder, store) = try copyOfRules1Store()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (app, run) in Self.reports {
            for format in ["md", "html", "csv", "json", "answers"] {
                let result = try runSoxready(["report", "--store", store, "--app", app, "--run", String(run), "--format", format, "--output", "-"],
                                             directory: folder)
                #expect(result.status == 0, "\(app) run \(run) \(format): \(result.stderr)")
                #expect(result.stdout == (try expected("\(app)-run-\(run).\(format)")), "\(app) run \(run) \(format) differs")
            }
        }
    }

    @Test func diffHistoryAndAppsAreByteForByteAsRecorded() throws {
        let (folder, store) = try copyOfRules1Store()
        defer { try? FileManager.default.removeItem(at: folder) }
        for format in ["table", "json", "md"] {
            let result = try runSoxready(["diff", "--store", store, "--app", "general-ledger", "--format", format], directory: folder)
            #expect(result.stdout == (try expected("general-ledger-diff.\(format)")), "diff \(format) differs")
        }
        #expect(try runSoxready(["history", "--store", store, "--app", "general-ledger"], directory: folder).stdout
                == (try expected("general-ledger-history.table")))
        #expect(try runSoxready(["history", "--store", store, "--app", "general-ledger", "--format", "json"], directory: folder).stdout
                == (try expected("general-ledger-history.json")))
        #expect(try runSoxready(["apps", "--store", store], directory: folder).stdout == (try expected("apps.table")))
        // One intended change (issue 10, item 17): the latest run's change from the run before,
        // which history gave (+0.8 for General Ledger) and apps left null.
        var apps = try expected("apps.json")
        let first = try #require(apps.range(of: "\"scoreChange\" : null"))
        apps.replaceSubrange(first, with: "\"scoreChange\" : 0.8")
        #expect(try runSoxready(["apps", "--store", store, "--format", "json"], directory: folder).stdout == apps)
    }

    @Test func readingAnOldStoreLeavesItByteForByteUnchanged() throws {
        let (folder, store) = try copyOfRules1Store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try Data(contentsOf: URL(fileURLWithPath: store))
        _ = try runSoxready(["history", "--store", store, "--app", "general-ledger"], directory: folder)
        _ = try runSoxready(["report", "--store", store, "--app", "general-ledger", "--format", "json", "--output", "-"], directory: folder)
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["store.sqlite"])
    }
}
