import Foundation

/// Recomputes what an auditor relies on (PRODUCT.md §7.2, docs/store.md): every run's
/// fingerprint and its link to the run before, that its stored result follows from its answers
/// under the rules it was scored with, that the store's summary columns agree with the result,
/// and every sign-off's fingerprint, link, run fingerprint, reviewer and signature.
public enum StoreVerifier {
    /// One thing found broken.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        /// The application.
        public var app: String
        /// `run 2`, `sign-off 1`.
        public var item: String
        /// What differs.
        public var what: String

        /// `General Ledger run 2: the stored result does not follow from its answers …`.
        public var description: String { "\(app) \(item): \(what)" }
    }

    /// What checking a signature gave.
    public enum SignatureCheck: Sendable, Equatable {
        /// The signature is good; the principal the allowed-signers file names for it.
        case good(principal: String)
        /// The signature does not verify, or its key is not allowed.
        case bad(reason: String)
        /// Not checked (no allowed-signers file given).
        case notChecked
    }

    /// What was checked, per application, and what is broken.
    public struct Report: Sendable {
        /// One application's figures.
        public struct App: Sendable {
            /// Its name.
            public var name: String
            /// Runs checked.
            public var runs: Int
            /// Sign-offs checked.
            public var signOffs: Int
            /// Signatures by outcome, with the principals of the good ones.
            public var signatures: [(signOff: Int, reviewer: String, check: SignatureCheck)]
            /// The latest run's number and fingerprint (nil without runs): deleting the newest
            /// runs leaves a shorter chain that holds, so an auditor compares this with the
            /// fingerprint of the pack they hold or of an earlier verify.
            public var latest: (number: Int, fingerprint: String)? = nil
        }

        /// Every application checked, by name.
        public var apps: [App] = []
        /// Everything broken, in store order (the first is the first broken link).
        public var problems: [Problem] = []

        /// True when nothing is broken.
        public var holds: Bool { problems.isEmpty }
    }

    /// Checks `appName` (or every application) in `store`.
    ///
    /// - Parameters:
    ///   - store: The store.
    ///   - appName: One application, or nil for all.
    ///   - checkSignature: Verifies an armored SSH signature of a statement; nil when no
    ///     allowed-signers file is given (signatures are then reported as not checked).
    ///   - requireSignatures: True (`verify --require-signatures`) when an unsigned sign-off is
    ///     itself a problem: without a signature, anyone who can write the store can make a
    ///     sign-off whose fingerprint holds.
    /// - Returns: The applications checked, with their counts of runs and sign-offs and each signature's
    ///   outcome, and every problem found in store order (none when everything holds).
    /// - Throws: ``StoreError`` when the store cannot be read.
    public static func verify(
        _ store: any AssessmentStore, appName: String? = nil,
        checkSignature: ((_ statement: String, _ signature: String) -> SignatureCheck)? = nil,
        requireSignatures: Bool = false
    )
        throws(StoreError) -> Report
    {
        var report = Report()
        for trigger in try store.missingSafeguards() {
            let rows = trigger.lowercased().hasPrefix("sign") ? "recorded sign-offs" : "recorded runs"
            report.problems.append(
                Problem(
                    app: "The store's", item: "trigger \(trigger)",
                    what: "missing, switched off or not as soxready made it; without it, \(rows) can be changed or deleted"))
        }
        let names: [String]
        if let appName { names = [appName] } else { names = try store.apps().map(\.name) }
        for name in names {
            let summaries = try store.runs(appName: name)
            var runs: [StoredRun] = []
            for summary in summaries { runs.append(try store.run(appName: name, number: summary.number)) }
            var app = Report.App(name: runs.first?.appName ?? name, runs: runs.count, signOffs: 0, signatures: [])
            app.latest = runs.last.map { ($0.summary.number, $0.fingerprint) }
            var expected = 1
            for (index, run) in runs.enumerated() {
                if run.summary.number != expected {
                    report.problems.append(
                        Problem(
                            app: app.name, item: "run \(expected)",
                            what: "is missing: the runs go from \(expected - 1) to \(run.summary.number)"))
                    expected = run.summary.number
                }
                expected += 1
                let previous = index > 0 ? runs[index - 1] : nil
                for what in check(run, previous: previous) {
                    report.problems.append(Problem(app: app.name, item: "run \(run.summary.number)", what: what))
                }
                if summaries[index] != run.summary {
                    report.problems.append(
                        Problem(
                            app: app.name, item: "run \(run.summary.number)",
                            what: "the store's summary columns were read inconsistently"))
                }
            }
            let signOffs = try store.signOffs(appName: name)
            app.signOffs = signOffs.count
            let slug = runs.first?.appSlug ?? Identifier.slug(name)
            let checked = check(
                signOffs, app: app.name, slug: slug, runs: { number in runs.first { $0.summary.number == number } },
                checkSignature: checkSignature, requireSignatures: requireSignatures)
            report.problems += checked.problems
            app.signatures = checked.signatures
            report.apps.append(app)
        }
        return report
    }

    /// What is wrong with an application's sign-offs (oldest first): each one's number, its link to
    /// the one before, its fingerprint, the run fingerprint it names, that its reviewer did not
    /// prepare the run it approves, that its statement says what its fields say, and its
    /// signature.
    ///
    /// - Parameters:
    ///   - signOffs: The application's sign-offs, oldest first.
    ///   - app: The application's name, for the problems.
    ///   - slug: The application's slug, which the sign-off fingerprints include.
    ///   - runs: The run of a number, nil when the store has none.
    ///   - checkSignature: Verifies a signature; nil reports signatures as not checked.
    ///   - requireSignatures: True when an unsigned sign-off is a problem.
    /// - Returns: The problems, and the outcome of each signature found.
    public static func check(
        _ signOffs: [SignOff], app: String, slug: String, runs: (Int) -> StoredRun?,
        checkSignature: ((_ statement: String, _ signature: String) -> SignatureCheck)?,
        requireSignatures: Bool = false
    )
        -> (problems: [Problem], signatures: [(signOff: Int, reviewer: String, check: SignatureCheck)])
    {
        var problems: [Problem] = []
        var signatures: [(signOff: Int, reviewer: String, check: SignatureCheck)] = []
        var previousSignOff: SignOff?
        for signOff in signOffs {
            let item = "sign-off \(signOff.number)"
            func broken(_ what: String) { problems.append(Problem(app: app, item: item, what: what)) }
            if signOff.number != (previousSignOff?.number ?? 0) + 1 {
                problems.append(Problem(app: app, item: "sign-off \((previousSignOff?.number ?? 0) + 1)", what: "is missing"))
            }
            if signOff.previousFingerprint != previousSignOff?.fingerprint {
                broken(
                    "its link to the sign-off before is broken (it names \(short(signOff.previousFingerprint)), "
                        + "the sign-off before is \(short(previousSignOff?.fingerprint)))")
            }
            let recomputed = RunFingerprint.compute(appSlug: slug, signOff: signOff)
            if recomputed != signOff.fingerprint {
                broken("its fields differ from its fingerprint (recomputed \(short(recomputed)), stored \(short(signOff.fingerprint)))")
            }
            if let run = runs(signOff.runNumber) {
                if run.fingerprint != signOff.runFingerprint {
                    broken(
                        "it signs off run \(signOff.runNumber) with fingerprint \(short(signOff.runFingerprint)), "
                            + "but the run's fingerprint is \(short(run.fingerprint))")
                }
                if signOff.decision == .approve, let preparer = run.preparer?.name, SignOffRules.samePerson(preparer, signOff.reviewer) {
                    broken("its reviewer \(signOff.reviewer) prepared run \(signOff.runNumber) and cannot approve it")
                }
                // The statement (what a signature signs) must say what the record says.
                let stated = SignOffRules.statedApplication(signOff.statement) ?? app
                let expected = SignOffRules.statement(
                    app: stated, run: run, reviewer: signOff.reviewer, role: signOff.role,
                    decision: signOff.decision, comment: signOff.comment, at: signOff.recordedAt)
                if expected != signOff.statement {
                    broken(
                        "its statement does not say what its fields say (reviewer \(signOff.reviewer), \(signOff.role), "
                            + "\(signOff.decision == .approve ? "approve" : "send back") on \(Timestamp.string(signOff.recordedAt)))")
                }
            } else {
                broken("it signs off run \(signOff.runNumber), which does not exist")
            }
            if !signOff.statement.contains("fingerprint \(signOff.runFingerprint)") {
                broken("its statement does not name the run's fingerprint")
            }
            if let signature = signOff.signature {
                let outcome = checkSignature?(signOff.statement, signature) ?? .notChecked
                signatures.append((signOff.number, signOff.reviewer, outcome))
                switch outcome {
                case .bad(let reason):
                    broken("its SSH signature does not verify: \(reason)")
                case .good(let principal) where !SignOffRules.principal(principal, names: signOff.reviewer):
                    broken(
                        "it is signed with the key of \(principal), not of its reviewer \(signOff.reviewer) "
                            + "(the allowed-signers principal must be the reviewer's name or their e-mail address)")
                default:
                    break
                }
            } else if requireSignatures {
                broken("it is not signed (--require-signatures): anyone who can write the store could have made it")
            }
            previousSignOff = signOff
        }
        return (problems, signatures)
    }

    /// What is wrong with one run, given the run before it (empty when it holds).
    public static func check(_ run: StoredRun, previous: StoredRun?) -> [String] {
        var problems: [String] = []
        if SHA256Digest.hex(run.questionnaireContent) != run.questionnaireHash {
            problems.append("its questionnaire content does not match the hash it was stored under")
        }
        // The stored result follows from the stored answers under the run's own rules.
        if let recomputed = rescored(run), recomputed != run.resultJSON {
            let stored = run.result.readiness.title
            let again = (try? AssessmentResult.decode(Data(recomputed.utf8)))?.readiness.title ?? "?"
            problems.append(
                "the stored result does not follow from its answers under rules \(run.result.rules.rawValue)"
                    + (stored == again ? "" : " (level recorded \(stored), recomputed \(again))"))
        }
        if RunSummary(result: run.result, recordedAt: run.summary.recordedAt) != run.summary {
            problems.append(
                "the store's summary columns (level \(run.summary.readiness.title), score \(run.summary.score.map { NumberText.oneDecimal($0) } ?? "none")) "
                    + "disagree with its result (\(run.result.readiness.title), \(run.result.score.map { NumberText.oneDecimal($0) } ?? "none"))"
            )
        }
        switch run.fingerprintRecipe {
        case RunFingerprint.recipe1:
            let recomputed = RunFingerprint.compute(answersJSON: Data(run.answersJSON.utf8), questionnaireContent: run.questionnaireContent)
            if recomputed != run.fingerprint {
                problems.append(
                    "its answers or questionnaire differ from its fingerprint (recomputed \(short(recomputed)), stored \(short(run.fingerprint)))"
                )
            }
        case RunFingerprint.recipe2:
            if run.previousFingerprint != previous?.fingerprint {
                problems.append(
                    "its link to the run before is broken (it names \(short(run.previousFingerprint)), the run before is \(short(previous?.fingerprint)))"
                )
            }
            let fields = RunFingerprint.RunFields(
                appSlug: run.appSlug, run: run.summary.number, recordedAt: run.result.run.recordedAt,
                questionnaireHash: run.questionnaireHash,
                answersJSON: run.answersJSON, resultJSON: run.resultJSON, preparedBy: run.preparer?.name ?? "",
                attestation: run.preparer?.attestation ?? "", previousFingerprint: run.previousFingerprint)
            let recomputed = RunFingerprint.compute(fields)
            if recomputed != run.fingerprint {
                problems.append(
                    "its answers, result, preparer or time differ from its fingerprint (recomputed \(short(recomputed)), stored \(short(run.fingerprint)))"
                )
            }
        default:
            problems.append("its fingerprint recipe '\(run.fingerprintRecipe)' is unknown to this soxready")
        }
        return problems
    }

    /// The result JSON the run's answers give under its own rules and as-of date; nil when the
    /// stored questionnaire does not load (reported by the fingerprint check instead).
    static func rescored(_ run: StoredRun) -> String? {
        guard let questionnaire = try? run.questionnaire(), let recordedAt = Timestamp.date(run.result.run.recordedAt) else { return nil }
        let rules: ReadinessScorer.Rules =
            run.result.rules == .v1 ? .version1 : .version2(asOf: run.result.rules2?.asOf ?? CalendarDate(utc: recordedAt))
        let card = ReadinessScorer.score(questionnaire, answers: run.answers, rules: rules)
        let result = AssessmentResult(
            card: card, questionnaire: questionnaire, answers: run.answers, appName: run.result.app.name,
            appSlug: run.result.app.slug, runNumber: run.result.run.number, recordedAt: recordedAt)
        return (try? result.jsonData()).map { String(decoding: $0, as: UTF8.self) }
    }

    static func short(_ fingerprint: String?) -> String { fingerprint.map { String($0.prefix(16)) } ?? "none" }
}
