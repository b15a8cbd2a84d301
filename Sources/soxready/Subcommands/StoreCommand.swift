import ArgumentParser
import Foundation
import SoxreadyCore
import SoxreadyPostgres

/// `soxready store copy FROM TO` and `soxready store migrate`: moving a team between stores.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Copy every application, run, sign-off and draft from one store to another, or set up a store's schema.",
        subcommands: [Copy.self, Migrate.self])

    /// `soxready store copy FROM TO`.
    struct Copy: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy a whole store (SQLite file or PostgreSQL URL) into an empty one, and verify the copy.",
            discussion: """
                Every application (archived ones too), run, sign-off and draft is copied as recorded: runs keep \
                their numbers, times, stored answers and result JSON, questionnaire content, preparers, fingerprints \
                and links. FROM must verify (soxready verify) and TO must be empty (a missing SQLite file or an empty \
                database is created). After the copy TO is verified and every fingerprint compared with FROM. Copied \
                drafts are held by no session.

                Exit codes: 0 copied and verified; 64 a bad URL; 65 FROM does not verify, or the copy differs; 66 FROM \
                does not exist; 73 TO is not empty; 74 a store cannot be read or written; 75 a store is busy.
                """)

        @Argument(help: ArgumentHelp("The store to copy: a SQLite file or a PostgreSQL URL.", valueName: "from"))
        var from: String

        @Argument(help: ArgumentHelp("The empty store to copy into: a SQLite file or a PostgreSQL URL.", valueName: "to"))
        var to: String

        func run() throws {
            try reportingFailures {
                let busy = ProcessInfo.processInfo.environment["SOXREADY_BUSY_TIMEOUT"].flatMap(Double.init) ?? 3
                let fromName = GlobalOptions.displayName(from).terminalSafe(), toName = GlobalOptions.displayName(to).terminalSafe()
                let source = try GlobalOptions.openStore(from, writing: false, busyTimeout: busy)
                let sourceReport = try StoreVerifier.verify(source)
                if let problem = sourceReport.problems.first {
                    throw CommandFailure(
                        "\(fromName) does not verify (\(problem.description.terminalSafe())); soxready verify names every "
                            + "problem; nothing was copied", .dataError)
                }
                let target = try GlobalOptions.openStore(to, writing: true, busyTimeout: busy)
                let present = try target.apps()
                guard present.isEmpty else {
                    throw CommandFailure(
                        "\(toName) is not empty (\(present.count) application\(present.count == 1 ? "" : "s")); "
                            + "store copy writes only into an empty store; nothing was copied", .cannotCreate)
                }
                var exports: [ApplicationExport] = []
                for app in try source.apps() {
                    let export = try source.exportApplication(app.name)
                    do {
                        try target.importApplication(export)
                    } catch let error as StoreError {
                        let done = exports.map(\.name)
                        throw CommandFailure(
                            "\(error.description.terminalSafe())"
                                + (done.isEmpty
                                    ? ""
                                    : "; \(toName) already holds "
                                        + "\(done.count) application\(done.count == 1 ? "" : "s") of the copy: start again with an empty store"),
                            error.exitStatus)
                    }
                    exports.append(export)
                }
                // The copy must verify on its own and hold exactly what the source holds.
                let targetReport = try StoreVerifier.verify(target)
                var differences = targetReport.problems.map(\.description)
                for export in exports {
                    differences += export.differences(from: try target.exportApplication(export.name)).map { "\(export.name): \($0)" }
                }
                if let first = differences.first {
                    for difference in differences { try Console.error("soxready: DIFFERS: \(difference.terminalSafe())") }
                    throw CommandFailure("the copy in \(toName) does not match \(fromName): \(first.terminalSafe())", .dataError)
                }
                let runs = exports.map(\.runs.count).reduce(0, +), signOffs = exports.map(\.signOffs.count).reduce(0, +)
                let drafts = exports.filter { $0.draft != nil }.count
                try Console.out(
                    "Copied \(plural(exports.count, "application")), \(plural(runs, "run")), \(plural(signOffs, "sign-off")) "
                        + "and \(plural(drafts, "draft")) from \(fromName) to \(toName).\n"
                        + "Verified \(toName): every fingerprint and link holds and matches \(fromName).\n"
                        + (drafts > 0 ? "Copied drafts are held by no session; their owners resume them with soxready assess.\n" : ""))
            }
        }

        func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
    }

    /// `soxready store migrate`.
    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create the store's schema, or upgrade it to this soxready's, and print its version.",
            discussion: """
                Every writing command does this when it needs to; on PostgreSQL a DBA runs it as the role that owns \
                the schema, so that the day-to-day role needs no right to create or alter tables (docs/store.md).
                """)

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try reportingFailures {
                let store = try global.openStoreForWriting()
                let version: Int
                if let postgres = store as? PostgresStore {
                    version = try postgres.schemaVersion()
                } else if let sqlite = store as? SQLiteStore {
                    version = try sqlite.schemaVersion()
                } else {
                    version = 0
                }
                try Console.out("The store \(global.storeDisplayName.terminalSafe()) is at schema version \(version).\n")
            }
        }
    }
}
