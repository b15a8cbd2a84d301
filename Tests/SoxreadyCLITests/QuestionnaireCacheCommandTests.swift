import Foundation
import SoxreadyTestSupport
import Testing

@testable import SoxreadyCore

/// The compiled-questionnaire cache as the binary uses it: where it lives, `SOXREADY_CACHE=off`,
/// `questionnaire validate` reading the YAML itself, and entries that are stale or damaged.
struct QuestionnaireCacheCommandTests {
    let folder: URL
    let file: URL
    let text: String

    init() throws {
        folder = try temporaryFolder()
        file = folder.appendingPathComponent("small.yaml")
        // A text no other test uses, so that its cache entry is this test's alone.
        text = "# \(UUID().uuidString)\n" + (try String(contentsOfFile: fixturePath("scoring-small.yaml"), encoding: .utf8))
        try text.write(to: file, atomically: true, encoding: .utf8)
    }

    var cacheFolder: URL { folder.appendingPathComponent("cache") }

    func entries(in cache: URL) -> [URL] {
        let folder = cache.appendingPathComponent("questionnaires")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".soxq") }
            .map { folder.appendingPathComponent($0) }
    }

    func soxready(
        _ arguments: [String], input: String = "", environment: [String: String]? = nil,
        removing: [String] = []
    ) throws -> CommandResult {
        try runSoxready(
            arguments, input: input, directory: folder, environment: environment ?? ["SOXREADY_CACHE": cacheFolder.path],
            removing: removing)
    }

    @Test func validateReadsTheYAMLEvenWhenTheCacheHoldsAnotherQuestionnaireForTheText() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try soxready(["questionnaire", "show", "small.yaml"]).status == 0)
        let entry = try #require(entries(in: cacheFolder).first)
        #expect(entries(in: cacheFolder).count == 1)

        // Plant an entry for the file's exact text that says something else.
        let tool = try #require(QuestionnaireCache.toolVersion(ofEntryAt: entry.path))
        var planted = try QuestionnaireLoader.parseUncached(text, file: "small.yaml")
        planted.questionnaire.version = "9.9.9"
        planted.questionnaire.title = "Planted"
        QuestionnaireCache(folder: entry.deletingLastPathComponent().path, toolVersion: tool).save(
            planted, textDigest: SHA256Digest.hex(text))

        // The loading commands read the compiled form (this is what the cache is for)…
        let shown = try soxready(["questionnaire", "show", "small.yaml"])
        #expect(shown.stdout.hasPrefix("scoring-small 9.9.9: Planted\n"), "\(shown.stdout)")
        // … and validate never does.
        let validated = try soxready(["questionnaire", "validate", "small.yaml"])
        #expect(validated.status == 0)
        #expect(validated.stdout == "small.yaml: ok: scoring-small 1.0.0, 4 domains, 10 questions (9 scored, 2 gating)\n")
    }

    @Test func aFileChangedToHaveAnErrorReportsItLikeValidateDespiteTheCachedVersion() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try soxready(["questionnaire", "show", "small.yaml"]).status == 0)
        try text.replacingOccurrences(of: "criticality: critical", with: "criticality: crucial")
            .write(to: file, atomically: true, encoding: .utf8)

        let validated = try soxready(["questionnaire", "validate", "small.yaml"])
        #expect(validated.status == 65)
        let errors = validated.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(!errors.isEmpty)
        #expect(errors.allSatisfy { $0.hasPrefix("small.yaml:") && $0.contains("'crucial' is not a valid criticality") }, "\(errors)")
        for arguments in [
            ["questionnaire", "show", "small.yaml"],
            ["assess", "--questionnaire", "small.yaml", "--app", "GL", "--restart"],
        ] {
            let result = try soxready(arguments, input: ":quit\n")
            #expect(result.status == 65, "\(arguments)")
            #expect(result.stderr.split(separator: "\n").filter { $0.contains(": error: ") } == errors, "\(arguments): \(result.stderr)")
        }
        #expect(entries(in: cacheFolder).count == 1)
    }

    @Test func theWizardIgnoresADamagedEntryAndWritesItAgain() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = ["assess", "--questionnaire", "small.yaml", "--app", "GL", "--restart"]
        let first = try soxready(arguments, input: ":quit\n")
        #expect(first.status == 0, "\(first.stderr)")
        let entry = try #require(entries(in: cacheFolder).first)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: entry.path)[.size] as? Int)
        for damage in [Data(), Data("not a compiled questionnaire".utf8), try Data(contentsOf: entry).prefix(size / 3)] {
            try damage.write(to: entry)
            let again = try soxready(arguments, input: ":quit\n")
            #expect(again.status == 0, "\(again.stderr)")
            #expect(again.stdout == first.stdout)
            #expect(again.stderr.isEmpty)
            #expect(try FileManager.default.attributesOfItem(atPath: entry.path)[.size] as? Int == size)
        }
    }

    @Test func offDisablesTheCache() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let home = folder.appendingPathComponent("home")
        for value in ["off", ""] {
            let result = try soxready(
                ["questionnaire", "show", "small.yaml"],
                environment: ["SOXREADY_CACHE": value, "HOME": home.path], removing: ["XDG_CACHE_HOME"])
            #expect(result.status == 0)
            #expect(result.stdout.hasPrefix("scoring-small 1.0.0: Hand-worked scoring example\n"))
        }
        #expect(!FileManager.default.fileExists(atPath: home.path))
    }

    @Test func theCacheLivesInTheXDGCacheHomeElseInDotCache() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let home = folder.appendingPathComponent("home"), xdg = folder.appendingPathComponent("xdg")
        _ = try soxready(
            ["questionnaire", "show", "small.yaml"], environment: ["HOME": home.path], removing: ["SOXREADY_CACHE", "XDG_CACHE_HOME"])
        #expect(entries(in: home.appendingPathComponent(".cache/soxready")).count == 1)
        _ = try soxready(
            ["questionnaire", "show", "small.yaml"], environment: ["HOME": home.path, "XDG_CACHE_HOME": xdg.path],
            removing: ["SOXREADY_CACHE"])
        #expect(entries(in: xdg.appendingPathComponent("soxready")).count == 1)
        // Never in the workspace.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["home", "small.yaml", "xdg"])
    }

    @Test func aHomeWhereNothingCanBeWrittenMeansNoCacheAndNoError() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let blocker = folder.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: blocker)
        for environment in [["HOME": blocker.appendingPathComponent("home").path], ["SOXREADY_CACHE": blocker.path]] {
            let result = try soxready(
                ["assess", "--questionnaire", "small.yaml", "--app", "GL", "--restart"], input: ":quit\n",
                environment: environment, removing: ["XDG_CACHE_HOME", "SOXREADY_CACHE"].filter { environment[$0] == nil })
            #expect(result.status == 0, "\(environment): \(result.stderr)")
            #expect(result.stderr.isEmpty)
            #expect(result.stdout.contains("Saved nothing yet."))
        }
    }
}
