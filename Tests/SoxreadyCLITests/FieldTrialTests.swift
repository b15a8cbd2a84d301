import Foundation
import SoxreadyTestSupport
import Testing

/// Issue 10 at the command line, as a user runs it: each test runs the built binary in its own
/// folder and checks the exit code, the message and what was (not) written.
struct FieldTrialTests {
    let folder: URL
    let questionnaire = repositoryRoot.appendingPathComponent("Tests/SoxreadyCoreTests/Fixtures/scoring-small.yaml").path

    init() throws { folder = try temporaryFolder() }

    /// An answers file for `scoring-small`: `app:` is on line 2, `preparedBy:` on line 4.
    static func answers(app: String = "General Ledger", preparedBy: String = "Pat Preparer") -> String {
        """
        format: soxready/answers@1
        app: \(app)
        questionnaire: scoring-small
        preparedBy: \(preparedBy)
        answers:
          hosting: [paas]
          a1: {answer: partial, note: "CLI access not yet covered", evidence: CHG-1234}
          a2: a
          a3: n/a
          b1: 100
          b2: [x, y, z]
          b3: unknown
          c1: yes

        """
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Data(text.utf8))
    }

    @discardableResult
    func write(_ name: String, _ data: Data) throws -> String {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        return url.path
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func run(_ arguments: [String], input: String = "", environment: [String: String] = [:]) throws -> CommandResult {
        try runSoxready(arguments, input: input, directory: folder, environment: environment)
    }

    /// `assess --answers FILE` on the small questionnaire.
    func assess(_ answersFile: String, _ extra: [String] = [], environment: [String: String] = [:]) throws -> CommandResult {
        try run(["assess", "--questionnaire", questionnaire, "--answers", answersFile] + extra, environment: environment)
    }

    /// Records run 1 of General Ledger in the default store and returns the store's path.
    func recordFirstRun(store: String? = nil) throws -> String {
        let result = try assess(try write("gl.yaml", Self.answers()), store.map { ["--store", $0] } ?? [])
        #expect(result.status == 0, "\(result.stderr)")
        return path(store ?? ".soxready/soxready.sqlite")
    }

    /// Every file below `url` (relative path → bytes): what a command must leave unchanged. The
    /// YAML files at the top of the test folder are the tests' inputs, written between snapshots,
    /// and are left out.
    func snapshot(_ url: URL? = nil) throws -> [String: Data] {
        let root = url ?? folder
        var files: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return files }
        while let relative = walker.nextObject() as? String {
            if url == nil, !relative.contains("/"), relative.hasSuffix(".yaml") { continue }
            var isDirectory: ObjCBool = false
            let full = root.appendingPathComponent(relative).path
            _ = FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory)
            files[relative] =
                isDirectory.boolValue ? Data("<folder>".utf8) : (FileManager.default.contents(atPath: full) ?? Data("<unreadable>".utf8))
        }
        return files
    }

    /// The number of runs `history --format json` lists for General Ledger.
    func runCount(store: String? = nil) throws -> Int {
        let history = try run(["history", "--app", "General Ledger", "--format", "json"] + (store.map { ["--store", $0] } ?? []))
        guard history.status == 0 else { return 0 }
        let document = try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [String: Any]
        return (document?["runs"] as? [Any])?.count ?? -1
    }

    /// Runs SQL on an SQLite file with python's sqlite3 (not with soxready, which is under test).
    func sqlite(_ file: String, _ sql: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit(); c.close()",
            file, sql,
        ]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "sqlite3 on \(file) failed")
    }
}

// MARK: - Running the binary in other conditions

/// Runs `soxready` with its standard output on `/dev/full`; returns the status and stderr.
func runSoxreadyIntoFullDevice(_ arguments: [String], directory: URL) throws -> (status: Int32, stderr: String) {
    let process = Process()
    process.executableURL = soxreadyBinary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    environment.removeValue(forKey: "SOXREADY_STORE")
    process.environment = environment
    let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    let stderr = Pipe()
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = full
    process.standardError = stderr
    try process.run()
    let data = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try full.close()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// How the tests get a user whom file permissions stop: the current user when it is not root,
/// else `nobody` through `setpriv` or `runuser` (root ignores permissions).
enum Unprivileged {
    static let isRoot = geteuid() == 0
    static let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let runuser = ["/usr/sbin/runuser", "/sbin/runuser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Permissions can be made to stop this test's commands.
    static var available: Bool { !isRoot || setpriv != nil || runuser != nil }

    /// The command line that runs `arguments` of soxready as a user permissions apply to.
    static func command(_ arguments: [String]) -> (executable: String, arguments: [String]) {
        guard isRoot else { return (soxreadyBinary.path, arguments) }
        if let setpriv { return (setpriv, ["--reuid=65534", "--regid=65534", "--clear-groups", soxreadyBinary.path] + arguments) }
        return (runuser ?? "/usr/sbin/runuser", ["-u", "nobody", "--", soxreadyBinary.path] + arguments)
    }

    /// Runs soxready as that user in `directory`.
    static func run(_ arguments: [String], directory: URL) throws -> CommandResult {
        let (executable, all) = command(arguments)
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment.removeValue(forKey: "SOXREADY_STORE")
        return try runProcess(executable, all, directory: directory, environment: environment)
    }

    /// Gives `path` to that user (root only; others own their files already).
    static func giveAway(_ path: String) throws {
        guard isRoot else { return }
        try FileManager.default.setAttributes([.ownerAccountID: 65534, .groupOwnerAccountID: 65534], ofItemAtPath: path)
    }
}

// MARK: - Item 5: the plans are checked before anything is recorded

extension FieldTrialTests {
    @Test func item5MissingTemplatesStopABatchRunBeforeAnythingIsRecorded() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // A fresh workspace: not even the store is created.
        let fresh = try assess(try write("gl.yaml", Self.answers()), ["--templates", "/nonexistent"])
        #expect(fresh.status == 66)
        #expect(fresh.stderr == "soxready: error: /nonexistent/plan.md.mustache: template missing or unreadable\n")
        #expect(fresh.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: path(".soxready")))
        // A workspace with a run: the store stays byte for byte as it was, and no run is added.
        _ = try recordFirstRun()
        let before = try snapshot()
        let again = try assess(path("gl.yaml"), ["--templates", "/nonexistent"])
        #expect(again.status == 66)
        #expect(try snapshot() == before)
        #expect(try runCount() == 1)
    }

    @Test func item5AnEmptyTemplatesFolderInTheEnvironmentIsNotSilentlyReplaced() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try recordFirstRun()
        try FileManager.default.createDirectory(atPath: path("brand"), withIntermediateDirectories: true)
        let before = try snapshot()
        let result = try assess(path("gl.yaml"), environment: ["SOXREADY_TEMPLATES": path("brand")])
        #expect(result.status == 66)
        #expect(result.stderr == "soxready: error: \(path("brand"))/plan.md.mustache: template missing or unreadable\n")
        #expect(try snapshot() == before)
        #expect(try runCount() == 1)
    }

    @Test func item5APlanFolderThatCannotBeCreatedStopsABatchRunBeforeRecording() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try recordFirstRun()
        try write("somefile", "not a folder\n")
        let before = try snapshot()
        let result = try assess(path("gl.yaml"), ["--output", "somefile/plans"])
        #expect(result.status == 73)
        #expect(
            result.stderr.hasSuffix(
                """
                soxready: error: the plans cannot be written (cannot write somefile/plans: cannot create the folder somefile/plans), \
                so nothing was recorded

                """))
        #expect(result.stdout.isEmpty)
        #expect(try snapshot() == before)
        #expect(try runCount() == 1)
    }

    @Test(.enabled(if: Unprivileged.available, "needs a user that file permissions stop (not root, or setpriv/runuser)"))
    func item5AReadOnlyPlanFolderStopsABatchRunBeforeRecording() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // The workspace belongs to the unprivileged user; the plan folder is read-only to them.
        let workspace = folder.appendingPathComponent("workspace")
        try FileManager.default.createDirectory(at: workspace.appendingPathComponent("plans"), withIntermediateDirectories: true)
        try Unprivileged.giveAway(workspace.path)
        let answers = workspace.appendingPathComponent("gl.yaml").path
        try Self.answers().write(toFile: answers, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: answers)
        let first = try Unprivileged.run(["assess", "--questionnaire", questionnaire, "--answers", "gl.yaml"], directory: workspace)
        #expect(first.status == 0, "\(first.stderr)")
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: workspace.appendingPathComponent("plans").path)
        let before = try snapshot(workspace)
        let result = try Unprivileged.run(
            ["assess", "--questionnaire", questionnaire, "--answers", "gl.yaml", "--output", "plans"],
            directory: workspace)
        #expect(result.status == 73)
        #expect(
            result.stderr.hasSuffix(
                "soxready: error: the plans cannot be written (cannot write plans: Permission denied), so nothing was recorded\n"))
        #expect(try snapshot(workspace) == before)
        let history = try Unprivileged.run(["history", "--app", "General Ledger", "--format", "json"], directory: workspace)
        #expect(history.stdout.components(separatedBy: "\"number\"").count == 2)
    }

    @Test func item5TheWizardStopsBeforeItsFirstQuestion() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try recordFirstRun()
        try write("somefile", "not a folder\n")
        try FileManager.default.createDirectory(atPath: path("brand"), withIntermediateDirectories: true)
        let before = try snapshot()
        let lines = "paas\ny\na\nn/a\n100\nx\nunknown\ny\nn\nPat Preparer\ny\n"
        let cases: [(arguments: [String], environment: [String: String], status: Int32, message: String)] = [
            (["--templates", "/nonexistent"], [:], 66, "soxready: error: /nonexistent/plan.md.mustache: template missing or unreadable\n"),
            (
                [], ["SOXREADY_TEMPLATES": path("brand")], 66,
                "soxready: error: \(path("brand"))/plan.md.mustache: template missing or unreadable\n"
            ),
            (
                ["--output", "somefile/plans"], [:], 73,
                "soxready: error: the plans cannot be written (cannot write somefile/plans: cannot create the folder somefile/plans), so nothing was recorded\n"
            ),
        ]
        for (arguments, environment, status, message) in cases {
            let result = try run(
                ["assess", "--questionnaire", questionnaire, "--app", "General Ledger"] + arguments, input: lines,
                environment: environment)
            #expect(result.status == status, "\(arguments) \(environment)")
            #expect(result.stderr == message)
            #expect(!result.stdout.contains("Which hosting models?"), "\(arguments): the first question was asked")
            #expect(try snapshot() == before, "\(arguments): the workspace changed")
        }
    }
}

// MARK: - Item 6: control characters in names

extension FieldTrialTests {
    /// YAML double-quoted escapes for characters a name must not hold, with the code point named.
    static let forbiddenInNames: [(yaml: String, code: String)] = [
        ("\\0", "U+0000"), ("\\t", "U+0009"), ("\\n", "U+000A"), ("\\e", "U+001B"), ("\\x7F", "U+007F"), ("\\x85", "U+0085"),
        ("\\x9B", "U+009B"), ("\\u202E", "U+202E"), ("\\u2066", "U+2066"),
    ]

    @Test func item6AControlCharacterInTheAnswersFileNameIsRefusedWithItsLine() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try recordFirstRun()
        let before = try snapshot()
        for (escape, code) in Self.forbiddenInNames {
            let file = try write("bad-app.yaml", Self.answers(app: "\"General\(escape)Ledger\""))
            let result = try assess(file)
            #expect(result.status == 65, "\(code)")
            #expect(
                result.stderr
                    == "\(file):2:6: error: app holds a control character (\(code)); expected letters, digits, spaces and punctuation on one line\n",
                "\(code)")
            #expect(try snapshot() == before, "\(code): something was recorded")
        }
        for (escape, code) in Self.forbiddenInNames {
            let file = try write("bad-preparer.yaml", Self.answers(preparedBy: "\"Pat\(escape)Preparer\""))
            let result = try assess(file)
            #expect(result.status == 65, "\(code)")
            #expect(
                result.stderr
                    == "\(file):4:13: error: preparedBy holds a control character (\(code)); expected letters, digits, spaces and punctuation on one line\n",
                "\(code)")
            #expect(try snapshot() == before, "\(code): something was recorded")
        }
        // A commitment's owner is a name too.
        let owner = try write(
            "bad-owner.yaml",
            Self.answers().replacingOccurrences(
                of: "evidence: CHG-1234}", with: "evidence: CHG-1234, owner: \"Dana\\u202ELee\", due: 2027-01-31}"))
        let result = try assess(owner)
        #expect(result.status == 65)
        #expect(
            result.stderr
                == "\(owner):7:88: error: the owner of question 'a1' holds a control character (U+202E); expected letters, digits, spaces and punctuation on one line\n"
        )
        #expect(try snapshot() == before)
        #expect(try runCount() == 1)
    }

    @Test func item6AControlCharacterInANameOnTheCommandLineIsAUsageError() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try recordFirstRun()
        let before = try snapshot()
        // A NUL cannot reach a process through its arguments; every other control can.
        let characters: [(text: String, code: String)] = [
            ("\u{01}", "U+0001"), ("\u{1B}", "U+001B"), ("\u{7F}", "U+007F"),
            ("\u{85}", "U+0085"), ("\u{202E}", "U+202E"),
        ]
        for (character, code) in characters {
            let app = try assess(path("gl.yaml"), ["--app", "General\(character)Ledger"])
            #expect(app.status == 64, "\(code)")
            #expect(
                app.stderr.hasPrefix(
                    "Error: --app holds a control character (\(code)); expected letters, digits, spaces and punctuation on one line\n"),
                "\(code): \(app.stderr)")
            let preparer = try assess(path("gl.yaml"), ["--prepared-by", "Pat\(character)Preparer"])
            #expect(preparer.status == 64, "\(code)")
            #expect(
                preparer.stderr.hasPrefix(
                    "Error: --prepared-by holds a control character (\(code)); expected letters, digits, spaces and punctuation on one line\n"
                ),
                "\(code): \(preparer.stderr)")
            let wizard = try run(["assess", "--questionnaire", questionnaire, "--app", "General\(character)Ledger"], input: "paas\n")
            #expect(wizard.status == 64, "\(code)")
            #expect(!wizard.stdout.contains("Which hosting models?"))
            // The same for the other names a command line gives.
            let reviewer = try run([
                "signoff", "--app", "General Ledger", "--reviewer", "Ri\(character)ta", "--role", "Controller",
                "--decision", "approve",
            ])
            #expect(reviewer.status == 64, "\(code)")
            #expect(reviewer.stderr.hasPrefix("Error: --reviewer holds a control character (\(code))"), "\(code)")
            let rename = try run(["apps", "rename", "General Ledger", "G\(character)L"])
            #expect(rename.status == 64, "\(code)")
            #expect(rename.stderr.hasPrefix("Error: the new name holds a control character (\(code))"), "\(code)")
            #expect(try snapshot() == before, "\(code): something was recorded")
        }
        #expect(try runCount() == 1)
    }
}

// MARK: - Item 7: two stores in one workspace

extension FieldTrialTests {
    @Test func item7TwoStoresWriteTheirPlansToTheirOwnFolders() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let answers = try write("gl.yaml", Self.answers())
        let a = try assess(answers, ["--store", "a.sqlite"])
        #expect(
            a.stdout.hasSuffix(
                "Plan written to Reports/a/general-ledger/general-ledger-run-1.md and Reports/a/general-ledger/general-ledger-run-1.html; sign-off pack Reports/a/general-ledger/general-ledger-run-1.pack.html\n"
            ))
        let aPlan = try Data(contentsOf: URL(fileURLWithPath: path("Reports/a/general-ledger/general-ledger-run-1.md")))
        let b = try assess(answers, ["--store", "b.sqlite"])
        #expect(
            b.stdout.hasSuffix(
                "Plan written to Reports/b/general-ledger/general-ledger-run-1.md and Reports/b/general-ledger/general-ledger-run-1.html; sign-off pack Reports/b/general-ledger/general-ledger-run-1.pack.html\n"
            ))
        let main = try assess(answers)
        #expect(
            main.stdout.hasSuffix(
                "Plan written to Reports/general-ledger/general-ledger-run-1.md and Reports/general-ledger/general-ledger-run-1.html; sign-off pack Reports/general-ledger/general-ledger-run-1.pack.html\n"
            ))
        // Store a's plan is untouched by the others, and each folder names its own store.
        #expect(try Data(contentsOf: URL(fileURLWithPath: path("Reports/a/general-ledger/general-ledger-run-1.md"))) == aPlan)
        let resolved = folder.resolvingSymlinksInPath().path
        for (plans, store) in [
            ("Reports/a/general-ledger", "a.sqlite"), ("Reports/b/general-ledger", "b.sqlite"),
            ("Reports/general-ledger", ".soxready/soxready.sqlite"),
        ] {
            let marker = try String(contentsOfFile: path("\(plans)/.soxready-store"), encoding: .utf8)
            #expect(marker == "\(folder.path)/\(store)\n" || marker == "\(resolved)/\(store)\n", "\(plans): \(marker)")
        }
        // report writes to the same folders as assess.
        try FileManager.default.removeItem(atPath: path("Reports/b/general-ledger/general-ledger-run-1.md"))
        let report = try run(["report", "--store", "b.sqlite", "--app", "General Ledger", "--format", "md"])
        #expect(report.stdout == "Reports/b/general-ledger/general-ledger-run-1.md\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path("Reports/a/general-ledger/general-ledger-run-1.md"))) == aPlan)
    }

    @Test func item7TwoStoresGivenTheSameOutputFolderAreRefusedNotOverwritten() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let answers = try write("gl.yaml", Self.answers())
        #expect(try assess(answers, ["--store", "a.sqlite", "--output", "shared"]).status == 0)
        #expect(try assess(answers, ["--store", "b.sqlite"]).status == 0)
        let before = try snapshot()
        let a = folder.appendingPathComponent("a.sqlite").standardizedFileURL.path
        let b = folder.appendingPathComponent("b.sqlite").standardizedFileURL.path
        let refusal = "cannot write shared: it holds the plans of another store (\(a)); give --output DIR for the plans of \(b)"

        let assessB = try assess(answers, ["--store", "b.sqlite", "--output", "shared"])
        #expect(assessB.status == 73)
        #expect(assessB.stderr.hasSuffix("soxready: error: the plans cannot be written (\(refusal)), so nothing was recorded\n"))
        #expect(try snapshot() == before)
        #expect(try runCount(store: "b.sqlite") == 1)

        // report to another store's folder is refused the same way: b's run 1 would replace a's.
        let reportB = try run(["report", "--store", "b.sqlite", "--app", "General Ledger", "--output", "shared"])
        #expect(reportB.status == 73)
        #expect(reportB.stderr == "soxready: error: \(refusal)\n")
        #expect(try snapshot() == before)
        let intoDefault = try run(["report", "--store", "a.sqlite", "--app", "General Ledger", "--output", "Reports/b/general-ledger"])
        #expect(intoDefault.status == 73)
        #expect(intoDefault.stderr.contains("it holds the plans of another store (\(b))"))
        #expect(try snapshot() == before)
        // So is the portfolio of one store into a folder of the other.
        let portfolio = try run(["portfolio", "--store", "b.sqlite", "--output", "shared", "--as-of", "2026-12-01"])
        #expect(portfolio.status == 73)
        #expect(portfolio.stderr == "soxready: error: \(refusal)\n")
        #expect(try snapshot() == before)
        let own = try run(["portfolio", "--store", "b.sqlite", "--as-of", "2026-12-01"])
        #expect(own.stdout == "Reports/b/portfolio-2026-12-01.html\nReports/b/portfolio-2026-12-01.md\n")
    }
}

// MARK: - Item 8: writes that fail, and what must be bounded

extension FieldTrialTests {
    @Test func item8EveryCommandWritingToAFullDeviceExits74() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try recordFirstRun()
        #expect(try assess(path("gl.yaml")).status == 0)
        let commands: [[String]] = [
            ["history", "--app", "General Ledger"], ["history", "--app", "General Ledger", "--format", "json"],
            ["apps"], ["apps", "--format", "json"],
            ["report", "--app", "General Ledger", "--format", "json", "--output", "-"],
            ["report", "--app", "General Ledger", "--format", "md", "--output", "-"],
            ["diff", "--app", "General Ledger"], ["diff", "--app", "General Ledger", "--format", "json"],
            ["diff", "--app", "General Ledger", "--format", "md"],
            ["questionnaire", "list"], ["questionnaire", "show", questionnaire], ["questionnaire", "validate", questionnaire],
            ["verify"], ["portfolio", "--format", "json", "--output", "-"],
            ["--help"], ["history", "--help"], ["--version"],
        ]
        for arguments in commands {
            let result = try runSoxreadyIntoFullDevice(arguments, directory: folder)
            #expect(result.status == 74, "\(arguments)")
            #expect(result.stderr == "soxready: error: cannot write to standard output: No space left on device\n", "\(arguments)")
        }
    }

    @Test func item8AnUnboundedWeightIsRefusedByValidate() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOfFile: questionnaire, encoding: .utf8)
        #expect(text.contains("        weight: 5\n"))
        for (weight, problem) in [
            ("1e308", "is 1e+308; expected a number above 0 and at most 1000"),
            ("1001", "is 1001; expected a number above 0 and at most 1000"), (".inf", "is '.inf'; expected a number"),
        ] {
            let file = try write("weight.yaml", text.replacingOccurrences(of: "        weight: 5\n", with: "        weight: \(weight)\n"))
            let result = try run(["questionnaire", "validate", file])
            #expect(result.status == 65, "\(weight)")
            #expect(
                result.stderr == """
                    \(file):55:17: error: 'weight' in question 'b1' \(problem)
                    \(file): 1 error

                    """, "\(weight)")
            // And so it never reaches scoring.
            #expect(try run(["assess", "--questionnaire", file, "--answers", try write("gl.yaml", Self.answers())]).status == 65)
        }
        // A domain's weight is bounded the same way.
        let domain = try write(
            "domain.yaml",
            text.replacingOccurrences(of: "    criticality: critical\n", with: "    criticality: critical\n    weight: 1e308\n"))
        let result = try run(["questionnaire", "validate", domain])
        #expect(result.status == 65)
        #expect(
            result.stderr.hasPrefix(
                "\(domain):17:13: error: 'weight' in domain 'access' is 1e+308; expected a number above 0 and at most 1000\n"))
    }

    @Test func item8AConditionNested5000DeepIsALoadErrorNeverACrash() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOfFile: questionnaire, encoding: .utf8)
        let anchor = "        prompt: Days of retention?\n"
        #expect(text.contains(anchor))
        let depth = 5_000
        let conditions: [(name: String, when: String)] = [
            (
                "parentheses",
                "\"" + String(repeating: "(", count: depth) + "hosting contains 'iaas'" + String(repeating: ")", count: depth) + "\""
            ),
            ("nots", "\"" + String(repeating: "not ", count: depth) + "hosting contains 'iaas'\""),
            ("ands", "\"" + Array(repeating: "hosting contains 'iaas'", count: depth).joined(separator: " and ") + "\""),
            ("unclosed", "\"" + String(repeating: "(", count: depth) + "\""),
        ]
        let questionnaires = folder.appendingPathComponent("questionnaires")
        for (name, when) in conditions {
            let file = try write(
                "questionnaires/deep-\(name).yaml", text.replacingOccurrences(of: anchor, with: anchor + "        when: \(when)\n"))
            let result = try run(["questionnaire", "validate", file])
            #expect(result.status == 65, "\(name)")
            #expect(![132, 134, 139].contains(result.status), "\(name): crashed")
            #expect(result.stderr.hasPrefix("\(file):51:"), "\(name)")
            #expect(
                result.stderr.hasSuffix(
                    """
                    : error: invalid when of question 'b1': the condition nests more than 64 levels deep; expected at most 64 \
                    (split it, or use 'in [...]')
                    \(file): 1 error

                    """), "\(name): \(result.stderr.prefix(300))")
            let assess = try run(["assess", "--questionnaire", file, "--answers", try write("gl.yaml", Self.answers())])
            #expect(assess.status == 65, "\(name)")
        }
        // YAML nested that deep (a when written as a flow list) is a YAML error, not a crash.
        let yamlDeep = try write(
            "questionnaires/deep-yaml.yaml",
            text.replacingOccurrences(
                of: anchor,
                with: anchor + "        when: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"))
        let yaml = try run(["questionnaire", "validate", yamlDeep])
        #expect(yaml.status == 65)
        #expect(yaml.stderr.hasPrefix("\(yamlDeep):51:"))
        #expect(yaml.stderr.contains("Maximum nesting level reached"))
        // A folder holding them: list shows each as invalid and carries on; so does an id lookup.
        let list = try run(["questionnaire", "list"], environment: ["SOXREADY_QUESTIONNAIRES": questionnaires.path])
        #expect(list.status == 0)
        #expect(list.stdout.components(separatedBy: "(invalid)").count == conditions.count + 2)
        let show = try run(["questionnaire", "show", "sox-azure-migration"], environment: ["SOXREADY_QUESTIONNAIRES": questionnaires.path])
        #expect(show.status == 0)
    }
}

// MARK: - Item 10: a read-only store

extension FieldTrialTests {
    /// The reading commands, each with the output it must give.
    static let readingCommands: [[String]] = [
        ["history", "--app", "General Ledger"], ["report", "--app", "General Ledger", "--format", "json", "--output", "-"],
        ["apps"], ["diff", "--app", "General Ledger"], ["verify"], ["portfolio", "--format", "json", "--output", "-"],
    ]

    /// Copies the store into a folder of its own, optionally in WAL mode (as stores made before
    /// 2026-12 are), and makes file and folder read-only.
    func readOnlyCopy(of store: String, wal: Bool) throws -> URL {
        let readOnly = folder.appendingPathComponent(wal ? "read-only-wal" : "read-only")
        try FileManager.default.createDirectory(at: readOnly, withIntermediateDirectories: true)
        let copy = readOnly.appendingPathComponent("store.sqlite").path
        try FileManager.default.copyItem(atPath: store, toPath: copy)
        if wal { try sqlite(copy, "PRAGMA journal_mode = WAL;") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: readOnly.path) == ["store.sqlite"])
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: copy)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: readOnly.path)
        return readOnly
    }

    @Test(
        .enabled(if: Unprivileged.available, "needs a user that file permissions stop (not root, or setpriv/runuser)"),
        arguments: [false, true])
    func item10EveryReadingCommandWorksOnAReadOnlyStoreAndLeavesNothing(wal: Bool) throws {
        defer {
            try? FileManager.default.setAttributes(
                [.posixPermissions: 0o755], ofItemAtPath: folder.appendingPathComponent(wal ? "read-only-wal" : "read-only").path)
            try? FileManager.default.removeItem(at: folder)
        }
        let store = try recordFirstRun()
        #expect(try assess(path("gl.yaml")).status == 0)
        // What each command prints from the writable original.
        var expected: [[String]: String] = [:]
        for arguments in Self.readingCommands {
            let result = try run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            expected[arguments] = result.stdout
        }
        let readOnly = try readOnlyCopy(of: store, wal: wal)
        let before = try snapshot(readOnly)
        for arguments in Self.readingCommands {
            let result = try Unprivileged.run(arguments + ["--store", "store.sqlite"], directory: readOnly)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(result.stderr.isEmpty, "\(arguments)")
            // The same output, but for the store's name where a listing shows it.
            #expect(
                result.stdout.replacingOccurrences(of: "store.sqlite", with: ".soxready/soxready.sqlite") == expected[arguments],
                "\(arguments)")
            #expect(try snapshot(readOnly) == before, "\(arguments) left a file behind or changed the store")
        }
        // A command that writes to the store is refused without leaving anything either.
        let write = try Unprivileged.run(["apps", "archive", "General Ledger", "--store", "store.sqlite"], directory: readOnly)
        #expect(write.status == 73)
        #expect(write.stderr.hasPrefix("soxready: error: cannot open the store store.sqlite: "), "\(write.stderr)")
        #expect(try snapshot(readOnly) == before)
        // With the permissions back, the store takes a run.
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: readOnly.path)
        try FileManager.default.setAttributes(
            [.posixPermissions: 0o644], ofItemAtPath: readOnly.appendingPathComponent("store.sqlite").path)
        let recorded = try assess(path("gl.yaml"), ["--store", readOnly.appendingPathComponent("store.sqlite").path])
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(try runCount(store: readOnly.appendingPathComponent("store.sqlite").path) == 3)
    }

    @Test func item10ReadingAStoreInAWritableFolderLeavesNoFileBehind() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try recordFirstRun()
        #expect(try assess(path("gl.yaml")).status == 0)
        for wal in [false, true] {
            let copy = folder.appendingPathComponent("copy-\(wal)")
            try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: store, toPath: copy.appendingPathComponent("store.sqlite").path)
            if wal { try sqlite(copy.appendingPathComponent("store.sqlite").path, "PRAGMA journal_mode = WAL;") }
            let before = try snapshot(copy)
            for arguments in Self.readingCommands {
                let result = try runSoxready(arguments + ["--store", "store.sqlite"], directory: copy)
                #expect(result.status == 0, "\(arguments): \(result.stderr)")
                #expect(
                    try snapshot(copy) == before,
                    "WAL \(wal): \(arguments) left \((try? FileManager.default.contentsOfDirectory(atPath: copy.path).sorted()) ?? [])")
            }
        }
    }
}

// MARK: - Item 11: zero-byte and newer-schema stores

extension FieldTrialTests {
    /// Every command that opens the store, reading and writing, with `--store STORE`.
    func everyStoreCommand(_ store: String) throws -> [[String]] {
        let answers = try write("gl.yaml", Self.answers())
        return [
            ["history", "--app", "General Ledger"], ["report", "--app", "General Ledger", "--format", "json", "--output", "-"],
            ["report", "--app", "General Ledger"], ["apps"], ["diff", "--app", "General Ledger"], ["verify"],
            ["portfolio", "--format", "json", "--output", "-"], ["portfolio"],
            ["assess", "--questionnaire", questionnaire, "--answers", answers],
            ["assess", "--questionnaire", questionnaire, "--app", "General Ledger"],
            ["assess", "--questionnaire", questionnaire, "--app", "General Ledger", "--resume"],
            ["signoff", "--app", "General Ledger", "--reviewer", "Rita Reviewer", "--role", "Controller", "--decision", "approve"],
            ["apps", "rename", "General Ledger", "GL"], ["apps", "archive", "General Ledger"],
        ].map { $0 + ["--store", store] }
    }

    @Test func item11AZeroByteStoreIsRefusedByEveryCommandAndStaysEmpty() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try write("empty.sqlite", Data())
        let message = """
            soxready: error: empty.sqlite is not a usable soxready store: the file is empty; move it aside and restore it \
            from a backup, or use another --store

            """
        let before = try snapshot()
        for arguments in try everyStoreCommand("empty.sqlite") {
            let result = try run(arguments, input: "paas\n")
            #expect(result.status == 74, "\(arguments)")
            #expect(result.stderr.hasSuffix(message), "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("no application"), "\(arguments)")
            #expect(try snapshot() == before, "\(arguments) changed the workspace")
        }
        #expect(try FileManager.default.attributesOfItem(atPath: path("empty.sqlite"))[.size] as? Int == 0)
    }

    @Test(arguments: ["migrations", "storeInfo"])
    func item11AStoreOfANewerSchemaIsRefusedByEveryCommandAndNeverWritten(marking: String) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try recordFirstRun()
        try FileManager.default.moveItem(atPath: store, toPath: path("newer.sqlite"))
        // A newer soxready adds a migration and counts it in storeInfo; either is enough to tell.
        try sqlite(
            path("newer.sqlite"),
            marking == "migrations"
                ? "INSERT INTO grdb_migrations (identifier) VALUES ('v7: a table of the future'); CREATE TABLE future (x);"
                : "UPDATE storeInfo SET value = '7' WHERE key = 'schemaVersion';")
        let message = """
            soxready: error: the store newer.sqlite was written by a newer soxready (\(marking == "migrations"
                ? "schema 6 and the migration 'v7: a table of the future', which this version does not know" : "schema 7")); \
            this version does not change it: use the newer soxready

            """
        let before = try snapshot()
        for arguments in try everyStoreCommand("newer.sqlite") {
            let result = try run(arguments, input: "paas\n")
            #expect(result.status == 74, "\(arguments)")
            #expect(result.stderr.hasSuffix(message), "\(arguments): \(result.stderr)")
            #expect(try snapshot() == before, "\(arguments) changed the workspace")
        }
    }
}

// MARK: - Item 12: files that are not UTF-8

extension FieldTrialTests {
    /// `text` as UTF-8 with `marker` replaced by the Latin-1 bytes of "Zürich" (0xFC for ü), and
    /// the byte offset of 0xFC.
    static func latin1(_ text: String, marker: String) throws -> (data: Data, offset: Int) {
        let parts = text.components(separatedBy: marker)
        #expect(parts.count == 2, "the marker must appear once")
        var data = Data(parts[0].utf8)
        let offset = data.count + 1
        data.append(contentsOf: [0x5A, 0xFC, 0x72, 0x69, 0x63, 0x68])  // "Z\xfcrich"
        data.append(Data(parts[1].utf8))
        return (data, offset)
    }

    @Test func item12AQuestionnaireThatIsNotUTF8IsBadDataNamingWhere() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOfFile: questionnaire, encoding: .utf8)
        #expect(text.contains("title: Hand-worked scoring example\n"))
        let (data, offset) = try Self.latin1(
            text.replacingOccurrences(of: "title: Hand-worked scoring example\n", with: "title: MARK ledger\n"),
            marker: "MARK")
        let file = try write("latin1.yaml", data)
        let diagnostic =
            "\(file):5:9: error: the file is not UTF-8 text: byte 0xFC at offset \(offset); expected UTF-8 text (save it as UTF-8)"
        let validate = try run(["questionnaire", "validate", file])
        #expect(validate.status == 65)
        #expect(validate.stderr == "\(diagnostic)\n\(file): 1 error\n")
        let assess = try assess(try write("gl.yaml", Self.answers()), []).status
        #expect(assess == 0)
        let before = try snapshot()
        let withIt = try run(["assess", "--questionnaire", file, "--answers", path("gl.yaml")])
        #expect(withIt.status == 65)
        #expect(withIt.stderr == "\(diagnostic)\n")
        let wizard = try run(["assess", "--questionnaire", file, "--app", "Payroll"], input: "paas\n")
        #expect(wizard.status == 65)
        #expect(wizard.stderr == "\(diagnostic)\n")
        #expect(try snapshot() == before)
        // A file that is missing is still missing input.
        #expect(try run(["questionnaire", "validate", path("missing.yaml")]).status == 66)
        #expect(try run(["assess", "--questionnaire", path("missing.yaml"), "--answers", path("gl.yaml")]).status == 66)
    }

    @Test func item12AnAnswersFileThatIsNotUTF8IsBadDataNamingWhere() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try recordFirstRun()
        let before = try snapshot()
        let (data, offset) = try Self.latin1(
            Self.answers().replacingOccurrences(of: "CLI access not yet covered", with: "MARK office"),
            marker: "MARK")
        let file = try write("latin1.yaml", data)
        let result = try assess(file)
        #expect(result.status == 65)
        #expect(
            result.stderr
                == "\(file):7:33: error: the file is not UTF-8 text: byte 0xFC at offset \(offset); expected UTF-8 text (save it as UTF-8)\n"
        )
        #expect(try snapshot() == before)
        #expect(try assess(path("missing.yaml")).status == 66)
    }

    @Test func item12ATemplateThatIsNotUTF8IsBadDataAndAMissingOneIsMissingInput() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try recordFirstRun()
        try FileManager.default.createDirectory(atPath: path("brand"), withIntermediateDirectories: true)
        for name in [
            "plan.md.mustache", "plan.html.mustache", "pack.html.mustache", "summary.html.mustache", "signoff.html.mustache", "plan.css",
        ] {
            try FileManager.default.copyItem(
                atPath: repositoryRoot.appendingPathComponent("Reports/templates/\(name)").path,
                toPath: path("brand/\(name)"))
        }
        let markdown = try String(contentsOfFile: path("brand/plan.md.mustache"), encoding: .utf8)
        let (data, offset) = try Self.latin1("@@LATIN1@@ " + markdown, marker: "@@LATIN1@@")
        let template = try write("brand/plan.md.mustache", data)
        let before = try snapshot()
        let diagnostic = "soxready: error: \(template): the template is not UTF-8 text: byte 0xFC at offset \(offset); save it as UTF-8\n"
        let report = try run(["report", "--app", "General Ledger", "--format", "md", "--output", "-", "--templates", path("brand")])
        #expect(report.status == 65)
        #expect(report.stderr == diagnostic)
        let assess = try assess(path("gl.yaml"), ["--templates", path("brand")])
        #expect(assess.status == 65)
        #expect(assess.stderr == diagnostic)
        #expect(try snapshot() == before)
        try FileManager.default.removeItem(atPath: path("brand/plan.css"))
        let missing = try run(["report", "--app", "General Ledger", "--format", "html", "--output", "-", "--templates", path("brand")])
        #expect(missing.status == 66)
        #expect(missing.stderr == "soxready: error: \(path("brand/plan.css")): stylesheet missing or unreadable\n")
    }
}

// MARK: - Item 13: a bounded number of problems

extension FieldTrialTests {
    @Test func item13TwoHundredThousandUnknownKeysListTheFirst100AndCountTheRest() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try recordFirstRun()
        let before = try snapshot()
        var text = "format: soxready/answers@1\napp: General Ledger\nquestionnaire: scoring-small\npreparedBy: Pat Preparer\nanswers:\n"
        for index in 0..<200_000 { text += "  unknown-\(index): yes\n" }
        let file = try write("many.yaml", text)
        let result = try assess(file)
        #expect(result.status == 65)
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 102)  // 100 problems, the count, and the final newline
        #expect(
            lines[0]
                == "\(file):6:3: error: question 'unknown-0' is not in scoring-small@1.0.0; expected a question id from 'soxready questionnaire show scoring-small'"
        )
        #expect(
            lines[99]
                == "\(file):105:3: error: question 'unknown-99' is not in scoring-small@1.0.0; expected a question id from 'soxready questionnaire show scoring-small'"
        )
        #expect(
            lines[100]
                == "\(file): error: … and 199,900 more problems, not listed; expected the file checked again once the listed ones are fixed"
        )
        #expect(lines[101].isEmpty)
        #expect(try snapshot() == before)
    }

    @Test func item13AQuestionnaireWithThousandsOfErrorsListsTheFirst100AndCountsTheRest() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var text =
            "format: soxready/questionnaire@1\nid: many-errors\nversion: 1.0.0\ntitle: Many errors\ndomains:\n  - id: d\n    title: D\n    questions:\n"
        // Each question has two problems: an unknown key and no remediation.
        for index in 0..<5_000 { text += "      - {id: q\(index), prompt: Q?, type: yes-no, bogus: 1}\n" }
        let file = try write("many.yaml", text)
        let result = try run(["questionnaire", "validate", file])
        #expect(result.status == 65)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 102)
        #expect(lines.prefix(100).allSatisfy { $0.hasPrefix("\(file):") && $0.contains(": error: ") })
        #expect(lines[0].hasPrefix("\(file):9:9: error: "))
        #expect(
            lines[100]
                == "\(file): error: … and 9,900 more problems, not listed; expected the file checked again once the listed ones are fixed")
        #expect(lines[101] == "\(file): 10,000 errors")
        // The same bound where the questionnaire is used.
        let assess = try run(["assess", "--questionnaire", file, "--answers", try write("gl.yaml", Self.answers())])
        #expect(assess.status == 65)
        #expect(assess.stderr.split(separator: "\n").count == 101)
        #expect(
            assess.stderr.hasSuffix(
                "\(file): error: … and 9,900 more problems, not listed; expected the file checked again once the listed ones are fixed\n"))
    }
}

// MARK: - One-character names (Foundation traps on them)

extension FieldTrialTests {
    /// `--store s` and `--output p` are ordinary names: Foundation's `deletingLastPathComponent`
    /// traps on a one-character path (Swift 6.3.1 on Linux), and soxready must not.
    @Test func oneCharacterStoreAndOutputNamesWork() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let answers = try write("gl.yaml", Self.answers())
        let assessed = try assess(answers, ["--store", "s", "--output", "p"])
        #expect(assessed.status == 0, "\(assessed.stderr)")
        #expect(
            assessed.stdout.hasSuffix(
                "Plan written to p/general-ledger-run-1.md and p/general-ledger-run-1.html; "
                    + "sign-off pack p/general-ledger-run-1.pack.html\n"))
        let history = try run(["history", "--store", "s", "--app", "General Ledger"])
        #expect(history.status == 0, "\(history.stderr)")
        #expect(history.stdout.split(separator: "\n").count == 3)
        let portfolio = try run(["portfolio", "--store", "s", "--output", "q", "--format", "json"])
        #expect(portfolio.status == 0, "\(portfolio.stderr)")
        #expect(portfolio.stdout.hasPrefix("q/portfolio-"))
    }
}
