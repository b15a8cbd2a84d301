import ArgumentParser
import Foundation
import SoxreadyCore

extension SignOff.Decision: ExpressibleByArgument {}

/// `soxready signoff`: a reviewer's decision on a run, bound to its fingerprint.
struct SignOffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signoff",
        abstract: "Record a finance reviewer's decision on a run: approve it as the dated remediation plan, or send it back.",
        discussion: """
            The decision is bound to the run's fingerprint and chained to the application's sign-offs \
            (append-only: a later decision supersedes, the earlier one stays). The reviewer confirms \
            the statement printed here: they read the plan and accept it as the dated remediation plan \
            of the run and fingerprint named, with the answers as attested by their preparer; it is not \
            an audit opinion. The preparer of a run can never approve it. --sign-with signs the \
            statement with an SSH key (ssh-keygen -Y sign, namespace soxready), as git signs commits.

            Exit codes: 0 recorded; 64 usage (send-back without --comment); 65 the run does not verify, or \
            the store's immutability triggers are not in place (soxready verify says why); 66 no such application or run; 74 store or ssh-keygen error; 75 \
            store busy; 77 the reviewer prepared the run.
            """)

    @Option(name: .long, help: ArgumentHelp("The application's name (or slug).", valueName: "name"))
    var app: String

    @Option(name: .customLong("run"), help: ArgumentHelp("Run number (default: the latest).", valueName: "n"))
    var runNumber: Int?

    @Option(name: .long, help: ArgumentHelp("The reviewer's name, as it should appear in the plan.", valueName: "name"))
    var reviewer: String

    @Option(name: .long, help: ArgumentHelp("The reviewer's role (Controller, SOX PMO lead …).", valueName: "role"))
    var role: String

    @Option(name: .long, help: "approve or send-back.")
    var decision: SignOff.Decision

    @Option(name: .long, help: ArgumentHelp("A comment (required to send back).", valueName: "text"))
    var comment: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Sign the statement with this SSH key (a private key file, or the public key of an agent key).", valueName: "key"))
    var signWith: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let runNumber, runNumber < 1 { throw ValidationError("--run must be 1 or more") }
        try NameOption.check(reviewer, "--reviewer")
        try NameOption.check(role, "--role")
        if decision == .sendBack, (comment ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--decision send-back needs --comment saying what to change")
        }
    }

    func run() throws {
        try reportingFailures {
            let reviewer = try AppName.validated(self.reviewer, field: "the reviewer's name")
            let role = try AppName.validated(self.role, field: "the reviewer's role")
            let store = try global.openStoreForWriting()
            // A sign-off is only worth recording where it cannot be removed unseen.
            if let trigger = try store.missingSafeguards().first {
                throw CommandFailure(
                    "the store's trigger \(trigger) is missing, switched off or not as soxready made it, so a sign-off recorded now "
                        + "could be changed or removed unseen; nothing was recorded: run soxready verify and restore the store", .dataError)
            }
            let stored = try store.run(appName: app, number: runNumber)
            let previous = stored.summary.number > 1 ? try store.run(appName: app, number: stored.summary.number - 1) : nil
            if let problem = StoreVerifier.check(stored, previous: previous).first {
                throw CommandFailure(
                    "run \(stored.summary.number) of '\(stored.appName)' does not verify, so it cannot be signed off: \(problem); "
                        + "run soxready verify --app '\(stored.appName)'", .dataError)
            }
            if decision == .approve, let preparer = stored.preparer?.name, SignOffRules.samePerson(preparer, reviewer) {
                throw StoreError.selfApproval(app: stored.appName, run: stored.summary.number, name: reviewer, preparer: preparer)
            }
            let now = Date()
            let statement = SignOffRules.statement(
                app: stored.appName, run: stored, reviewer: reviewer, role: role, decision: decision,
                comment: comment, at: now)
            var signature: String?
            if let key = signWith {
                do throws(SSHSignature.Failure) { signature = try SSHSignature.sign(statement, keyPath: key) } catch {
                    throw CommandFailure(error.message, .ioError)
                }
            }
            let signOff = try store.recordSignOff(
                NewSignOff(
                    appName: stored.appName, runNumber: stored.summary.number,
                    runFingerprint: stored.fingerprint, reviewer: reviewer, role: role,
                    decision: decision, comment: comment, statement: statement,
                    signature: signature, recordedAt: now))
            try Console.out(statement.terminalSafe(keepNewlines: true))
            let verb = decision == .approve ? "Approved" : "Sent back"
            try Console.out(
                "\(verb): recorded as sign-off \(signOff.number) of \(stored.appName.terminalSafe()) (run \(signOff.runNumber)), "
                    + "fingerprint \(signOff.fingerprint.prefix(16))\(signature == nil ? "" : "; signed with \(signWith?.terminalSafe() ?? "")")\n"
            )
            refreshPlans(of: stored, in: store)
        }
    }

    /// Rewrites the run's plans already written to its default plan folder, so that the files a
    /// controller opens show the decision just recorded. The sign-off is recorded whatever
    /// happens here: a failure is a warning that says how to write them again.
    func refreshPlans(of run: StoredRun, in store: any AssessmentStore) {
        let folder = global.defaultPlanFolder(slug: run.appSlug)
        let formats = ReportFormat.plans.filter { format in
            FileManager.default.fileExists(
                atPath: (folder as NSString).appendingPathComponent(
                    format.fileName(
                        appSlug: run.appSlug,
                        run: run.summary.number)))
        }
        guard !formats.isEmpty else { return }
        do {
            let writer = try PlanOutput.writer(nil, formats: formats, store: global.storeIdentity)
            let context = try ReportContext.load(run: run, from: store)
            try writer.check(folder: folder)
            for path in try writer.write(context, folder: folder) { try Console.out("Plan updated: \(path.terminalSafe())\n") }
        } catch {
            Console.errorRemembering(
                "soxready: warning: the sign-off is recorded, but the plans in \(folder.terminalSafe()) were not "
                    + "updated (\(String(describing: error).terminalSafe())); write them again with: soxready report --app "
                    + "'\(run.appName.terminalSafe())' --run \(run.summary.number)")
        }
    }
}
