import Foundation
import SoxreadyTestSupport
import Testing

struct QuestionnaireCommandTests {
    let bundled = "Questionnaires/sox-azure-migration.yaml"
    let fourProblems = "Tests/SoxreadyCoreTests/Fixtures/four-problems.yaml"

    @Test func validateBundledQuestionnaireExitsZero() throws {
        let result = try runSoxready(["questionnaire", "validate", bundled])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("\(bundled): ok: sox-azure-migration 2.0.0, 16 domains"))
        #expect(result.stderr.isEmpty)
    }

    @Test func validateListsEveryErrorAndExits65() throws {
        let result = try runSoxready(["questionnaire", "validate", fourProblems])
        #expect(result.status == 65)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(
            lines == [
                "\(fourProblems):16:13: error: duplicate question id 'mfa-admins'; expected an id unique in the file (first used at line 10)",
                "\(fourProblems):24:54: error: choice 'quarterly' of question 'uar-frequency' has score 1.5; expected a score in 0...1",
                "\(fourProblems):28:9: error: unknown key 'promt' in question 'pim'; did you mean 'prompt'?",
                "\(fourProblems):30:15: error: when of question 'pim': unknown question 'hosting'; expected the id of a question asked earlier",
                "\(fourProblems): 4 errors",
            ])
    }

    @Test func validateSeveralFilesReportsEachAndExitsWithTheWorst() throws {
        let result = try runSoxready(["questionnaire", "validate", bundled, "missing.yaml", fourProblems])
        #expect(result.status == 65)
        #expect(result.stdout.contains("\(bundled): ok"))
        #expect(result.stderr.contains("missing.yaml: cannot read the questionnaire: no such file"))
        #expect(result.stderr.contains("\(fourProblems): 4 errors"))
    }

    @Test func validateMissingFileExits66() throws {
        let result = try runSoxready(["questionnaire", "validate", "missing.yaml"])
        #expect(result.status == 66)
    }

    @Test func validateWithoutPathsIsAUsageError() throws {
        let result = try runSoxready(["questionnaire", "validate"])
        #expect(result.status == 64)
    }

    @Test func listShowsTheBundledQuestionnaire() throws {
        let result = try runSoxready(["questionnaire", "list"])
        #expect(result.status == 0)
        let row = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("sox-azure-migration") })
        #expect(row.contains("2.0.0"))
        #expect(row.contains("Questionnaires/sox-azure-migration.yaml"))
    }

    @Test func listFindsQuestionnairesInTheEnvironmentFolderFirst() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent(fourProblems), encoding: .utf8)
        try text.write(to: folder.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        let result = try runSoxready(["questionnaire", "list"], environment: ["SOXREADY_QUESTIONNAIRES": folder.path])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        try #require(lines.count >= 4, "\(result.stdout)")
        #expect(lines[2].hasPrefix("(invalid)"))
        #expect(lines[2].contains("4 error(s)"))
        #expect(lines[3].hasPrefix("sox-azure-migration"))
    }

    @Test func showPrintsAnOutline() throws {
        let result = try runSoxready(["questionnaire", "show", "sox-azure-migration"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("sox-azure-migration 2.0.0: "))
        #expect(result.stdout.contains("\n1. Application profile (application-profile)"))
        #expect(result.stdout.contains("[G] "))
        #expect(result.stdout.contains("when: "))
        // Rules version 2's thresholds, not rules 1's conditional confidence.
        #expect(
            result.stdout.contains(
                "\nThresholds: ready 85 · not ready 60 · critical domain floor 50\n"
                    + "            unknown confidence 40 · ready confidence 90\n"))
        #expect(!result.stdout.contains("conditional confidence"))
        // 2.0.0: 31 ICFR gates and one technical gate (the Azure Migrate readiness label).
        #expect(result.stdout.contains(" · 32 gates (31 ICFR, 1 technical) · "))
        #expect(result.stdout.contains("[T] readiness-label (Azure Migrate readiness label) · choice"))
    }

    @Test func showByPathAndByIdAtVersion() throws {
        let byPath = try runSoxready(["questionnaire", "show", bundled])
        let byVersion = try runSoxready(["questionnaire", "show", "sox-azure-migration@2.0.0"])
        #expect(byPath.status == 0)
        #expect(byVersion.stdout == byPath.stdout)
        #expect(byPath.stdout.contains("\nFile: \(bundled)\n"))
        let wrongVersion = try runSoxready(["questionnaire", "show", "sox-azure-migration@9.9.9"])
        #expect(wrongVersion.status == 66)
        #expect(wrongVersion.stderr.contains("no questionnaire 'sox-azure-migration@9.9.9' found"))
    }

    @Test func showOfAnInvalidFileExits65() throws {
        let result = try runSoxready(["questionnaire", "show", fourProblems])
        #expect(result.status == 65)
        #expect(result.stderr.contains("duplicate question id 'mfa-admins'"))
    }
}
