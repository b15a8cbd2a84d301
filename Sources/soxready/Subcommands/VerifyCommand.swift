import ArgumentParser
import Foundation
import SoxreadyCore

/// `soxready verify`: recompute every fingerprint, link, result and signature of the store.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check every run and sign-off of the store (or of one application): fingerprints, chains, results, signatures.",
        discussion: """
            For each run: its fingerprint (docs/store.md gives the recipe), its link to the run before, \
            that its stored result follows from its answers under the rules it was scored with, and that \
            the store's summary columns agree with it. For each sign-off: its fingerprint and link, the \
            run fingerprint it names, that its reviewer did not prepare the run, that its statement says \
            what its fields say, and its SSH signature against --allowed-signers (OpenSSH's \
            allowed-signers format: one line per key, `PRINCIPAL namespaces="soxready" ssh-ed25519 AAAA…`, \
            a principal with spaces in double quotes; the principal is shown). Fingerprints show that \
            nothing changed by accident or by a careless edit; only a signature shows who made a \
            sign-off: --require-signatures counts an unsigned one as broken.

            Exit codes: 0 everything holds; 64 --require-signatures without --allowed-signers; 65 \
            something is broken (the first broken link is named); 66 no such application; 74 the \
            store cannot be read.
            """)

    @Option(name: .long, help: ArgumentHelp("Check one application (default: all).", valueName: "name"))
    var app: String?

    @Option(name: .long, help: ArgumentHelp("OpenSSH allowed-signers file to check sign-off signatures against.", valueName: "file"))
    var allowedSigners: String?

    @Flag(name: .long, help: "Count an unsigned sign-off as broken: only a signature shows who made a sign-off.")
    var requireSignatures = false

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reportingFailures {
            if let allowedSigners, !FileManager.default.isReadableFile(atPath: allowedSigners) {
                throw CommandFailure("cannot read the allowed-signers file \(allowedSigners)", .noInput)
            }
            let store = try app.map { try global.openStoreForReading(app: $0) } ?? global.openStoreForReading()
            let checker: ((String, String) -> StoreVerifier.SignatureCheck)? = allowedSigners.map { file in
                { statement, signature in SSHSignature.verify(statement, signature: signature, allowedSigners: file) }
            }
            if requireSignatures, allowedSigners == nil {
                throw CommandFailure("--require-signatures needs --allowed-signers FILE to check the signatures against", .usage)
            }
            let report = try StoreVerifier.verify(store, appName: app, checkSignature: checker, requireSignatures: requireSignatures)
            var out = "Checked \(store.location.terminalSafe()):\n"
            var unchecked = 0
            for app in report.apps {
                var line =
                    "  \(app.name.terminalSafe()): \(app.runs) run\(app.runs == 1 ? "" : "s"), \(app.signOffs) sign-off\(app.signOffs == 1 ? "" : "s")"
                    + (app.latest.map { " (latest run \($0.number), fingerprint \($0.fingerprint.prefix(16)))" } ?? "")
                for (number, reviewer, check) in app.signatures {
                    switch check {
                    case .good(let principal) where SignOffRules.principal(principal, names: reviewer):
                        line += "; sign-off \(number) by \(reviewer.terminalSafe()) signed by \(principal.terminalSafe()) ✓"
                    case .good(let principal):
                        line +=
                            "; sign-off \(number) by \(reviewer.terminalSafe()) signed by \(principal.terminalSafe()), not the reviewer ✗"
                    case .bad: line += "; sign-off \(number) by \(reviewer.terminalSafe()): bad signature ✗"
                    case .notChecked: unchecked += 1
                    }
                }
                out += line + "\n"
            }
            let runs = report.apps.map(\.runs).reduce(0, +), signOffs = report.apps.map(\.signOffs).reduce(0, +)
            let what =
                "\(report.apps.count) application\(report.apps.count == 1 ? "" : "s"), \(runs) run\(runs == 1 ? "" : "s") and "
                + "\(signOffs) sign-off\(signOffs == 1 ? "" : "s")"
            if unchecked > 0 {
                out += "  \(unchecked) signature\(unchecked == 1 ? " was" : "s were") not checked: give --allowed-signers FILE\n"
            }
            guard let first = report.problems.first else {
                try Console.out(
                    TextWrap.lines(
                        out + "Checked \(what): fingerprints, links, results and sign-offs hold.\n", width: Terminal.summaryWidth))
                return
            }
            // The broken links go to stdout too, so that a saved report never reads as clean.
            for problem in report.problems { out += "  BROKEN: \(problem.description.terminalSafe())\n" }
            try Console.out(TextWrap.lines(out, width: Terminal.summaryWidth))
            if !Console.errorIsOutput {
                for problem in report.problems { try Console.error("soxready: BROKEN: \(problem.description.terminalSafe())") }
            }
            throw CommandFailure(
                "verification failed at \(first.description); \(report.problems.count) problem\(report.problems.count == 1 ? "" : "s") "
                    + "in \(what)", .dataError)
        }
    }
}
