import Foundation
import SoxreadyTestSupport
import Testing

/// The wizard with stdin not a terminal: plain prompts, one line per question, no escape bytes.
struct WizardPipeTests {
    let folder: URL
    let questionnaire = repositoryRoot.appendingPathComponent("Tests/pty/fixtures/pty.yaml").path

    init() throws { folder = try temporaryFolder() }

    /// Runs `command` in `sh -c` in the test folder, killing it after `limit` seconds.
    func shell(_ command: String, limit: Double = 20) throws -> (status: Int32, stdout: String, stderr: String, timedOut: Bool) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["SOXREADY"] = soxreadyBinary.path
        environment["Q"] = questionnaire
        environment.removeValue(forKey: "SOXREADY_STORE")
        environment["SOXREADY_CACHE"] = testCacheFolder
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        nonisolated(unsafe) var errData = Data(), outData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            outData = out.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let deadline = Date().addingTimeInterval(limit)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        let timedOut = process.isRunning
        if timedOut {
            kill(-process.processIdentifier, SIGKILL)
            process.terminate()
        }
        process.waitUntilExit()
        group.wait()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self), timedOut)
    }

    @Test func devNullEndsAtOnceWithoutTakingADefault() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try shell("\"$SOXREADY\" assess --questionnaire \"$Q\" --app GL </dev/null", limit: 10)
        #expect(!result.timedOut)
        #expect(result.status == 66)
        #expect(result.stderr.contains("input ended before the questionnaire was finished; nothing was taken as a default"))
        #expect(result.stderr.contains("first unanswered question: hosting"))
    }

    @Test func yesPipedInDoesNotHang() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try shell("yes | \"$SOXREADY\" assess --questionnaire \"$Q\" --app GL")
        #expect(!result.timedOut)
        // "y" answers the yes/partial/no and text questions but is no hosting model: three tries, then exit 65.
        #expect(result.status == 65)
        #expect(result.stderr.contains("stopped after 3 invalid answers to question hosting"))
    }

    @Test func crlfLinesAnswerEveryQuestionAndRecordARun() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let input =
            ["paas, saas", "quarterly", "y", "Oracle EBS on Azure SQL", "2027-03-31", "2555", "Pat Preparer", "y"]
            .joined(separator: "\r\n") + "\r\n"
        try input.write(to: folder.appendingPathComponent("input.txt"), atomically: true, encoding: .utf8)
        let result = try shell("\"$SOXREADY\" assess --questionnaire \"$Q\" --app GL < input.txt")
        #expect(result.status == 0, "\(result.stderr)")
        // Every answer was taken: the gates are met, but with no evidence reference (rules 2).
        #expect(result.stdout.contains("Readiness:  READY WITH CONDITIONS\n"))
        #expect(result.stdout.contains("  - 2 key controls are met but have no evidence reference: uar-frequency and mfa-admins\n"))
        let plan = try String(contentsOf: folder.appendingPathComponent("Reports/gl/gl-run-1.md"), encoding: .utf8)
        #expect(plan.contains("**◐ Ready with conditions**"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Reports/gl/gl-run-1.html").path))
    }

    @Test func plainModeConsumesExactlyOneLinePerQuestion() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // The answers stop after three questions; the shell reads the rest of the same stdin.
        let command =
            "{ printf 'paas\\nquarterly\\ny\\n:quit\\nleftover line\\n'; } | { \"$SOXREADY\" assess --questionnaire \"$Q\" --app GL >/dev/null; read -r rest; echo \"rest=$rest\"; }"
        let result = try shell(command)
        #expect(result.status == 0)
        #expect(result.stdout == "rest=leftover line\n")
    }

    @Test func plainPromptsEndWithANewlineAndHaveNoEscapeByte() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try shell("printf 'paas\\n:quit\\n' | TERM=xterm \"$SOXREADY\" assess --questionnaire \"$Q\" --app GL")
        #expect(result.status == 0)
        #expect(!result.stdout.contains("\u{1B}"))
        #expect(result.stdout.contains("\n>\n"))
        #expect(result.stdout.hasSuffix("Saved 1 answer. Resume with: soxready assess --app GL\n"))
    }

    @Test func theAppNameIsAskedWhenMissing() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try shell("printf 'General Ledger\\n:quit\\n' | \"$SOXREADY\" assess --questionnaire \"$Q\"")
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Which application are you assessing?"))
        #expect(result.stdout.contains("Resume with: soxready assess --app 'General Ledger'"))
    }
}
