import Foundation
import SoxreadyTestSupport
import Testing

/// Sign-offs and verification end to end (issue 14): refusals, a store tampered with in every way
/// an auditor worries about, real SSH signatures, and the fingerprint recipe of docs/store.md.
final class SignOffVerifyTests {
    let folder: URL
    let questionnaire = repositoryRoot.appendingPathComponent("Tests/SoxreadyCoreTests/Fixtures/scoring-small.yaml").path
    var store: String { folder.appendingPathComponent(".soxready/soxready.sqlite").path }

    init() throws { folder = try temporaryFolder() }
    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Records run `number` of General Ledger, prepared by Pat Preparer: a1 partly met, c1 met.
    @discardableResult
    func record(_ a1: String = "partial", c1: String = "yes") throws -> CommandResult {
        let path = folder.appendingPathComponent("answers.yaml")
        try """
        format: soxready/answers@1
        app: General Ledger
        preparedBy: Pat Preparer
        answers:
          hosting: [paas]
          a1: \(a1)
          a2: q
          c1: '\(c1)'

        """.write(to: path, atomically: true, encoding: .utf8)
        let result = try runSoxready(["assess", "--questionnaire", questionnaire, "--answers", path.path], directory: folder)
        #expect(result.status == 0, "\(result.stderr)")
        return result
    }

    func soxready(_ arguments: [String]) throws -> CommandResult { try runSoxready(arguments, directory: folder) }

    func sqlite(_ sql: String) throws -> String {
        let result = try run("/usr/bin/env", ["sqlite3", "-batch", "-noheader", store, sql])
        #expect(result.status == 0, "sqlite3: \(result.stderr)")
        return result.stdout
    }

    func run(_ executable: String, _ arguments: [String], input: String = "") throws -> CommandResult {
        try runProcess(
            executable, arguments, directory: folder,
            environment: ProcessInfo.processInfo.environment.merging(["SOXREADY_CACHE": testCacheFolder]) { $1 }, input: input)
    }

    @Test(arguments: TestStore.Backend.all)
    func thePreparerCannotApproveTheirOwnRunAndNothingIsRecorded(_ backend: TestStore.Backend) throws {
        let db = try TestStore(backend, folder: folder)
        defer { db.remove() }
        try record()
        let own = try soxready([
            "signoff", "--app", "General Ledger", "--reviewer", "  pat PREPARER ", "--role", "Controller", "--decision", "approve",
        ])
        #expect(own.status == 77)
        #expect(
            own.stderr
                == "soxready: error: pat PREPARER is Pat Preparer, who prepared run 1 of 'General Ledger' and cannot approve it: the preparer never "
                + "approves their own run; another reviewer must sign off (nothing was recorded)\n")
        #expect(try db.query(sqlite: "SELECT COUNT(*) FROM signOff", postgres: "SELECT count(*) FROM soxready.sign_offs") == "0\n")
        let noComment = try soxready([
            "signoff", "--app", "General Ledger", "--reviewer", "Lee Chen", "--role", "Controller", "--decision", "send-back",
        ])
        #expect(noComment.status == 64)
        #expect(noComment.stderr.contains("--decision send-back needs --comment saying what to change"))
        let noRun = try soxready([
            "signoff", "--app", "General Ledger", "--run", "4", "--reviewer", "Lee Chen", "--role", "Controller", "--decision", "approve",
        ])
        #expect(noRun.status == 66)
        #expect(try db.query(sqlite: "SELECT COUNT(*) FROM signOff", postgres: "SELECT count(*) FROM soxready.sign_offs") == "0\n")
    }

    @Test(arguments: TestStore.Backend.all)
    func anApprovalNamesWhatTheReviewerConfirmsAndShowsInHistoryAndApps(_ backend: TestStore.Backend) throws {
        let db = try TestStore(backend, folder: folder)
        defer { db.remove() }
        try record()
        let fingerprint = try db.query(sqlite: "SELECT fingerprint FROM run", postgres: "SELECT fingerprint FROM soxready.runs")
            .trimmingCharacters(in: .newlines)
        let approved = try soxready([
            "signoff", "--app", "General Ledger", "--reviewer", "Lee Chen", "--role", "Controller", "--decision", "approve",
        ])
        #expect(approved.status == 0, "\(approved.stderr)")
        #expect(approved.stdout.contains("Run: 1, recorded "))
        #expect(approved.stdout.contains(", fingerprint \(fingerprint)\n"))
        #expect(
            approved.stdout.contains(
                "I have read the migration plan of this run and accept it as the dated remediation plan for the run and "
                    + "fingerprint named above, with the answers as attested by their preparer, Pat Preparer. This is not an "
                    + "audit opinion on internal control over financial reporting.\n"))
        #expect(approved.stdout.contains("Approved: recorded as sign-off 1 of General Ledger (run 1)"))
        // The plans assess wrote are written again: the files a controller opens show the decision.
        let plans = db.planFolder(slug: "general-ledger")
        #expect(
            approved.stdout.hasSuffix(
                "Plan updated: \(plans)/general-ledger-run-1.md\n"
                    + "Plan updated: \(plans)/general-ledger-run-1.html\n"
                    + "Plan updated: \(plans)/general-ledger-run-1.pack.html\n"))
        for file in ["md", "html", "pack.html"] {
            let plan = try String(contentsOf: folder.appendingPathComponent("\(plans)/general-ledger-run-1.\(file)"), encoding: .utf8)
            #expect(plan.contains("approved by Lee Chen (Controller) on "), "\(file)")
        }
        let history = try soxready(["history", "--app", "General Ledger"])
        #expect(history.stdout.split(separator: "\n")[2].hasSuffix("approved"))
        let apps = try soxready(["apps", "--format", "json"])
        #expect(apps.stdout.contains("\"reviewer\" : \"Lee Chen\""))
        // A later decision supersedes; the earlier one stays.
        let back = try soxready([
            "signoff", "--app", "General Ledger", "--reviewer", "Lee Chen", "--role", "Controller", "--decision", "send-back",
            "--comment", "Add owners to the open gaps",
        ])
        #expect(back.status == 0)
        #expect(
            try db.query(
                sqlite: "SELECT number, decision FROM signOff ORDER BY number",
                postgres: "SELECT number, decision FROM soxready.sign_offs ORDER BY number") == "1|approve\n2|send-back\n")
        #expect(try soxready(["history", "--app", "General Ledger"]).stdout.split(separator: "\n")[2].hasSuffix("sent-back"))
        let verified = try soxready(["verify"])
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(
            verified.stdout.hasSuffix("Checked 1 application, 1 run and 2 sign-offs: fingerprints, links, results and sign-offs hold.\n"))
    }

    @Test(arguments: TestStore.Backend.all)
    func anEditedResultIsCaughtByVerifyAndRefusedByReport(_ backend: TestStore.Backend) throws {
        let db = try TestStore(backend, folder: folder)
        defer { db.remove() }
        try record()
        try record("yes")
        // An insider drops the trigger and makes run 1 look ready (the columns too); on PostgreSQL the
        // tables' owner can disable the trigger (the day-to-day role of docs/store.md cannot).
        _ = try db.query(
            sqlite: """
                DROP TRIGGER runIsImmutable;
                UPDATE run SET result = replace(result, '"readiness" : "not-ready"', '"readiness" : "ready"'), readiness = 'ready' WHERE number = 1;
                """,
            postgres: """
                ALTER TABLE soxready.runs DISABLE TRIGGER runs_are_immutable;
                UPDATE soxready.runs SET result = replace(result, '"readiness" : "not-ready"', '"readiness" : "ready"'), readiness = 'ready' WHERE number = 1;
                """)
        let verified = try soxready(["verify"])
        #expect(verified.status == 65)
        // The switched-off trigger is itself broken, and named first.
        let trigger = backend == .sqlite ? "runIsImmutable" : "runs_are_immutable"
        #expect(
            verified.stderr.hasPrefix(
                "soxready: BROKEN: The store's trigger \(trigger): missing, switched off or not as soxready made it; without it, "
                    + "recorded runs can be changed or deleted\n"))
        #expect(
            verified.stderr.contains(
                "soxready: BROKEN: General Ledger run 1: the stored result does not follow from its answers under rules 2 (level recorded Ready, recomputed Not ready)\n"
            ))
        #expect(verified.stderr.contains("General Ledger run 1: its answers, result, preparer or time differ from its fingerprint"))
        #expect(
            verified.stderr.hasSuffix(
                "soxready: error: verification failed at The store's trigger \(trigger): missing, switched off or not as soxready "
                    + "made it; without it, recorded runs can be changed or deleted; 3 problems in 1 application, 2 runs and 0 sign-offs\n")
        )
        let report = try soxready(["report", "--app", "General Ledger", "--run", "1", "--format", "md", "--output", "-"])
        #expect(report.status == 65)
        #expect(report.stdout.isEmpty)
        #expect(report.stderr.contains("run 1 of 'General Ledger' does not verify"))
        let anyway = try soxready(["report", "--app", "General Ledger", "--run", "1", "--format", "json", "--output", "-", "--unverified"])
        #expect(anyway.status == 0)
        // Run 2 still verifies on its own: its link names run 1's stored fingerprint, which was not changed.
        #expect(try soxready(["report", "--app", "General Ledger", "--run", "2", "--format", "json", "--output", "-"]).status == 0)
    }

    @Test(arguments: TestStore.Backend.all)
    func aTriggerReCreatedToProtectNothingIsCaught(_ backend: TestStore.Backend) throws {
        let db = try TestStore(backend, folder: folder)
        defer { db.remove() }
        try record()
        #expect(try soxready(["verify"]).status == 0)
        // The same names, doing nothing: a WHEN that never holds, or another function.
        _ = try db.query(
            sqlite: """
                DROP TRIGGER signOffIsNeverDeleted;
                CREATE TRIGGER signOffIsNeverDeleted BEFORE DELETE ON signOff WHEN 0 BEGIN SELECT RAISE(ABORT, 'sign-offs are immutable'); END;
                """,
            postgres: """
                CREATE FUNCTION soxready.allow_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$;
                DROP TRIGGER sign_offs_are_immutable ON soxready.sign_offs;
                CREATE TRIGGER sign_offs_are_immutable BEFORE UPDATE OR DELETE ON soxready.sign_offs FOR EACH ROW EXECUTE FUNCTION soxready.allow_change();
                """)
        let verified = try soxready(["verify"])
        #expect(verified.status == 65)
        let trigger = backend == .sqlite ? "signOffIsNeverDeleted" : "sign_offs_are_immutable"
        // No sign-off is recorded into a store whose safeguards are not in place.
        let refused = try soxready([
            "signoff", "--app", "General Ledger", "--reviewer", "Lee Chen", "--role", "Controller", "--decision", "approve",
        ])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("the store's trigger \(trigger) is missing, switched off or not as soxready made it"))
        #expect(
            try db.query(sqlite: "SELECT COUNT(*) FROM signOff", postgres: "SELECT count(*) FROM soxready.sign_offs") == "0\n")
        #expect(
            verified.stderr.hasPrefix(
                "soxready: BROKEN: The store's trigger \(trigger): missing, switched off or not as soxready made it; without it, "
                    + "recorded sign-offs can be changed or deleted\n"))
    }

    @Test(arguments: TestStore.Backend.all)
    func anEditedAnswerAndARemovedRunAreCaught(_ backend: TestStore.Backend) throws {
        let db = try TestStore(backend, folder: folder)
        defer { db.remove() }
        try record()
        try record("yes")
        try record("yes", c1: "no")
        _ = try db.query(
            sqlite: """
                DROP TRIGGER runIsImmutable;
                DROP TRIGGER runIsNeverDeleted;
                UPDATE run SET answers = replace(answers, '"no"', '"yes"') WHERE number = 3;
                DELETE FROM run WHERE number = 2;
                """,
            postgres: """
                ALTER TABLE soxready.runs DISABLE TRIGGER runs_are_immutable;
                UPDATE soxready.runs SET answers = replace(answers, '"no"', '"yes"') WHERE number = 3;
                DELETE FROM soxready.runs WHERE number = 2;
                """)
        let verified = try soxready(["verify", "--app", "General Ledger"])
        #expect(verified.status == 65)
        let all = verified.stderr.split(separator: "\n").filter { $0.hasPrefix("soxready: BROKEN: ") }.map { String($0.dropFirst(18)) }
        let triggers = backend == .sqlite ? ["runIsImmutable", "runIsNeverDeleted"] : ["runs_are_immutable"]
        #expect(
            Array(all.prefix(triggers.count))
                == triggers.map {
                    "The store's trigger \($0): missing, switched off or not as soxready made it; without it, recorded runs can be changed or deleted"
                })
        let broken = Array(all.dropFirst(triggers.count))
        #expect(broken.count == 4)
        #expect(broken[0] == "General Ledger run 2: is missing: the runs go from 1 to 3")
        // With c1 yes, 3 of the 8 applicable scored questions are answered: 37.5 %, readiness unknown.
        #expect(
            broken[1]
                == "General Ledger run 3: the stored result does not follow from its answers under rules 2 (level recorded Not ready, recomputed Readiness unknown)"
        )
        #expect(broken[2].hasPrefix("General Ledger run 3: its link to the run before is broken"))
        #expect(broken[3].hasPrefix("General Ledger run 3: its answers, result, preparer or time differ from its fingerprint"))
    }

    @Test(arguments: TestStore.Backend.all)
    func aForgedSignOffIsCaught(_ backend: TestStore.Backend) throws {
        let db = try TestStore(backend, folder: folder)
        defer { db.remove() }
        try record()
        let fingerprint = try db.query(sqlite: "SELECT fingerprint FROM run", postgres: "SELECT fingerprint FROM soxready.runs")
            .trimmingCharacters(in: .newlines)
        // Written straight into the table: the preparer approving, with a made-up fingerprint.
        _ = try db.query(
            sqlite: """
                INSERT INTO signOff (appID, number, runNumber, runFingerprint, reviewer, role, decision, statement, recordedAt, fingerprint)
                VALUES (1, 1, 1, '\(fingerprint)', 'Pat Preparer', 'Controller', 'approve', 'I approve, fingerprint \(fingerprint)',
                        '2026-12-01T10:00:00Z', '\(String(repeating: "a", count: 64))');
                """,
            postgres: """
                INSERT INTO soxready.sign_offs (app_id, number, run_number, run_fingerprint, reviewer, role, decision, statement, recorded_at, fingerprint)
                SELECT id, 1, 1, '\(fingerprint)', 'Pat Preparer', 'Controller', 'approve', 'I approve, fingerprint \(fingerprint)',
                       '2026-12-01T10:00:00Z', '\(String(repeating: "a", count: 64))' FROM soxready.apps;
                """)
        let verified = try soxready(["verify"])
        #expect(verified.status == 65)
        #expect(verified.stderr.contains("General Ledger sign-off 1: its fields differ from its fingerprint (recomputed "))
        #expect(verified.stderr.contains("General Ledger sign-off 1: its reviewer Pat Preparer prepared run 1 and cannot approve it\n"))
        // The broken links are in stdout too: a saved report never reads as clean.
        #expect(verified.stdout.hasPrefix("Checked "))
        #expect(
            verified.stdout.contains(
                "  BROKEN: General Ledger sign-off 1: its reviewer Pat Preparer prepared run 1 and cannot approve it\n"))
        // A plan shows the decisions: report refuses a run whose application has a sign-off that does not verify.
        let report = try soxready(["report", "--app", "General Ledger", "--format", "md", "--output", "-"])
        #expect(report.status == 65)
        #expect(
            report.stderr.contains(
                "soxready: error: run 1 of 'General Ledger' does not verify: sign-off 1: its fields differ from its fingerprint"))
        let anyway = try soxready(["report", "--app", "General Ledger", "--format", "md", "--output", "-", "--unverified"])
        #expect(anyway.status == 0)
        #expect(anyway.stdout.contains("sign-off 1: its reviewer Pat Preparer prepared run 1 and cannot approve it"))
    }

    /// Names are compared ignoring accents too: the preparer cannot approve by dropping or adding one.
    @Test func thePreparerCannotApproveUnderTheirNameWithOtherAccents() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try record()
        for reviewer in ["PAT PRÉPARER", "Pat Prèparer", "Ｐａｔ Preparer", "pat.preparer@contoso.com", "Pat_Preparer@contoso.com"] {
            let own = try soxready([
                "signoff", "--app", "General Ledger", "--reviewer", reviewer, "--role", "Controller", "--decision", "approve",
            ])
            #expect(own.status == 77, "\(reviewer): \(own.stderr)")
        }
        // An invisible character would make the same name look different: it is refused in any name.
        let hidden = try soxready([
            "signoff", "--app", "General Ledger", "--reviewer", "Pat\u{200B}Preparer", "--role", "Controller", "--decision", "approve",
        ])
        #expect(hidden.status == 64, "\(hidden.stderr)")
        #expect(hidden.stderr.contains("--reviewer holds an invisible formatting character (U+200B)"))
        #expect(try sqlite("SELECT COUNT(*) FROM signOff") == "0\n")
    }

    @Test(arguments: TestStore.Backend.all)
    func sshSignaturesAreMadeAndCheckedAgainstTheAllowedSigners(_ backend: TestStore.Backend) throws {
        let db = try TestStore(backend, folder: folder)
        defer { db.remove() }
        try record()
        for name in ["lee", "mallory"] {
            let keygen = try run(
                "/usr/bin/env", ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", folder.appendingPathComponent(name).path])
            #expect(keygen.status == 0, "\(keygen.stderr)")
        }
        let lee = try String(contentsOf: folder.appendingPathComponent("lee.pub"), encoding: .utf8).split(separator: " ")
        try "lee.chen@contoso.example \(lee[0]) \(lee[1])\n".write(
            to: folder.appendingPathComponent("allowed_signers"), atomically: true, encoding: .utf8)

        let signed = try soxready([
            "signoff", "--app", "General Ledger", "--reviewer", "Lee Chen", "--role", "Controller", "--decision", "approve",
            "--sign-with", folder.appendingPathComponent("lee").path,
        ])
        #expect(signed.status == 0, "\(signed.stderr)")
        #expect(
            try db.query(
                sqlite: "SELECT substr(signature, 1, 29) FROM signOff", postgres: "SELECT substr(signature, 1, 29) FROM soxready.sign_offs")
                == "-----BEGIN SSH SIGNATURE-----\n")
        let good = try soxready(["verify", "--allowed-signers", "allowed_signers"])
        #expect(good.status == 0, "\(good.stderr)")
        let fingerprint = try db.query(
            sqlite: "SELECT substr(fingerprint, 1, 16) FROM run", postgres: "SELECT substr(fingerprint, 1, 16) FROM soxready.runs"
        )
        .trimmingCharacters(in: .newlines)
        #expect(
            good.stdout.contains(
                "  General Ledger: 1 run, 1 sign-off (latest run 1, fingerprint \(fingerprint)); sign-off 1 by Lee Chen signed by "
                    + "lee.chen@contoso.example ✓\n"))
        let unchecked = try soxready(["verify"])
        #expect(unchecked.status == 0)
        #expect(unchecked.stdout.contains("  1 signature was not checked: give --allowed-signers FILE\n"))

        // Mallory's key is not allowed.
        let forged = try soxready([
            "signoff", "--app", "General Ledger", "--reviewer", "Mallory Moe", "--role", "Controller", "--decision", "approve",
            "--sign-with", folder.appendingPathComponent("mallory").path,
        ])
        #expect(forged.status == 0)
        let bad = try soxready(["verify", "--allowed-signers", "allowed_signers"])
        #expect(bad.status == 65)
        #expect(
            bad.stderr.contains(
                "General Ledger sign-off 2: its SSH signature does not verify: the key that made it is not in allowed_signers\n"))

        // An unsigned sign-off holds unless signatures are required.
        #expect(
            try soxready([
                "signoff", "--app", "General Ledger", "--reviewer", "Nora Ng", "--role", "Controller", "--decision",
                "approve",
            ]).status == 0)
        let required = try soxready(["verify", "--allowed-signers", "allowed_signers", "--require-signatures"])
        #expect(required.status == 65)
        #expect(
            required.stderr.contains(
                "General Ledger sign-off 3: it is not signed (--require-signatures): anyone who can write the store "
                    + "could have made it\n"))
        let usage = try soxready(["verify", "--require-signatures"])
        #expect(usage.status == 64)
        #expect(usage.stderr.contains("--require-signatures needs --allowed-signers FILE"))
        // An allowed-signers file ssh-keygen cannot read is said to be that, not a bad signature.
        try "Lee Chen \(lee[0]) \(lee[1])\n".write(to: folder.appendingPathComponent("unquoted"), atomically: true, encoding: .utf8)
        let unreadable = try soxready(["verify", "--allowed-signers", "unquoted"])
        #expect(unreadable.status == 65)
        #expect(
            unreadable.stderr.contains("General Ledger sign-off 1: its SSH signature does not verify: ssh-keygen cannot read unquoted ("))

        // Lee's key, allowed, used for a sign-off in Pat Kim's name: the signature verifies, but it is not Pat Kim's.
        #expect(
            try soxready([
                "signoff", "--app", "General Ledger", "--reviewer", "Pat Kim", "--role", "Controller", "--decision", "approve",
                "--sign-with", folder.appendingPathComponent("lee").path,
            ]).status == 0)
        let borrowed = try soxready(["verify", "--allowed-signers", "allowed_signers"])
        #expect(borrowed.status == 65)
        #expect(borrowed.stdout.contains("; sign-off 4 by Pat Kim signed by lee.chen@contoso.example, not the reviewer ✗"))
        #expect(
            borrowed.stderr.contains(
                "General Ledger sign-off 4: it is signed with the key of lee.chen@contoso.example, not of its reviewer Pat Kim "
                    + "(the allowed-signers principal must be the reviewer's name or their e-mail address)\n"))
    }

    @Test func theFingerprintRecipeOfTheStoreDocRecomputesEveryRun() throws {
        try record()
        try record("yes")
        let block = try #require(
            try documentedBlocks(in: "docs/store.md", after: "### Recomputing a run's fingerprint by hand", language: "sh").first)
        var lines = block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "STORE=.soxready/soxready.sqlite APP=general-ledger RUN=1")
        for number in [1, 2] {
            lines[0] = "STORE=.soxready/soxready.sqlite APP=general-ledger RUN=\(number)"
            let result = try run("/bin/bash", ["-c", lines.joined(separator: "\n")])
            #expect(result.status == 0, "\(result.stderr)")
            let printed = result.stdout.split(separator: "\n").map(String.init)
            #expect(printed.count == 4)
            #expect(printed[0] == printed[1], "run \(number): recomputed \(printed[0]), stored \(printed[1])")
            #expect(printed[2] == printed[3])
            #expect(printed[1] == (try sqlite("SELECT fingerprint FROM run WHERE number = \(number)")).trimmingCharacters(in: .newlines))
        }
    }
}
