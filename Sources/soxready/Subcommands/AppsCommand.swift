import ArgumentParser
import Foundation
import SoxreadyCore

/// `soxready apps`: every application with its latest run; `apps rename`, `apps archive`, `apps restore`.
struct AppsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apps",
        abstract: "List the applications with their latest readiness, or rename, archive and restore one.",
        subcommands: [List.self, Rename.self, Archive.self, Restore.self],
        defaultSubcommand: List.self)

    /// `soxready apps [list]`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every application with its latest run, sign-off status and draft (archived ones with --archived).")

        @Option(name: .long, help: "Output format.")
        var format: ListingFormat = .table

        @Flag(name: .long, help: "List the archived applications instead.")
        var archived = false

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try reportingFailures {
                var apps: [AppSummary] = []
                var progress: [String: AppsDocument.DraftProgress] = [:]
                do {
                    let store = try global.openStoreForReading()
                    apps = try store.apps().filter { ($0.archivedAt != nil) == archived }
                    for app in apps where app.hasDraft { progress[app.name] = try Self.progress(of: app.name, in: store) }
                } catch StoreError.notFound {
                    apps = []
                }
                switch format {
                case .json:
                    try Console.out(try AppsDocument(apps, progress: progress).jsonData())
                case .table:
                    if apps.isEmpty {
                        let text =
                            archived
                            ? "No archived application in \(global.storeDisplayName.terminalSafe())."
                            : "No application has been assessed in \(global.storeDisplayName.terminalSafe()) yet. Start with: soxready assess --app NAME"
                        try Console.out((Terminal.summaryWidth.map { WizardText.wrap(text, width: $0) } ?? text) + "\n")
                        return
                    }
                    try Console.out(Self.table(apps, progress: progress, width: Terminal.outputWidth))
                }
            }
        }

        /// The applications as a table, fitted to `width` (nil: full rows, for pipes and files):
        /// at narrow widths the time gives way to the date, BLOCKERS HIGH MEDIUM LOW to P1 P2 P3
        /// P4, long names are cut with "…" (to 16 columns at least), and LOW, MEDIUM, HIGH, RUN,
        /// CONFIDENCE and RECORDED are left out in that order (a note says which).
        static func table(_ apps: [AppSummary], progress: [String: AppsDocument.DraftProgress], width: Int?) -> String {
            let columns = [
                TextTable.Column("APP", minimum: 16), TextTable.Column("RUN", drop: 4), TextTable.Column("RECORDED", drop: 6),
                TextTable.Column("READINESS"), TextTable.Column("SCORE"), TextTable.Column("CONFIDENCE", short: "CONF.", drop: 5),
                TextTable.Column("BLOCKERS", short: "P1"), TextTable.Column("HIGH", short: "P2", drop: 3),
                TextTable.Column("MEDIUM", short: "P3", drop: 2), TextTable.Column("LOW", short: "P4", drop: 1),
                TextTable.Column("SIGN-OFF"), TextTable.Column("DRAFT"),
            ]
            var rows: [[TextTable.Cell]] = []
            for app in apps {
                let draft = progress[app.name].map { "\($0.answered)/\($0.applicable)" } ?? (app.hasDraft ? "yes" : "")
                guard let run = app.latest else {
                    rows.append(
                        [TextTable.Cell(app.name.terminalSafe())] + Array(repeating: TextTable.Cell("-"), count: 10) + [
                            TextTable.Cell(draft)
                        ])
                    continue
                }
                let recorded = Timestamp.string(run.recordedAt)
                rows.append([
                    TextTable.Cell(app.name.terminalSafe()), TextTable.Cell(String(run.number)),
                    TextTable.Cell(recorded, compact: String(recorded.prefix(10))), TextTable.Cell(run.readiness.rawValue),
                    TextTable.Cell(run.score.map { NumberText.oneDecimal($0) } ?? "-"),
                    TextTable.Cell("\(NumberText.oneDecimal(run.confidence)) % \(run.stars)★"), TextTable.Cell(String(run.blockers)),
                    TextTable.Cell(String(run.high)), TextTable.Cell(String(run.medium)), TextTable.Cell(String(run.low)),
                    TextTable.Cell(SignOffEntry(app.latestSignOff).status), TextTable.Cell(draft),
                ])
            }
            let rendered = TextTable(columns, rows: rows).render(width: width)
            guard let width else { return rendered.text }
            return rendered.text + TextTable.droppedNote(rendered.dropped, width: width, more: "apps --format json has every column")
        }

        /// A draft's answered questions of those that apply.
        static func progress(of app: String, in store: any AssessmentStore) throws -> AppsDocument.DraftProgress? {
            guard let draft = try store.draft(appName: app),
                let questionnaire = try? QuestionnaireLoader.parse(draft.questionnaireContent, file: "the draft's questionnaire")
                    .questionnaire
            else { return nil }
            // The questions asked only after go-live are not applicable while the cutover is ahead (today, UTC).
            let notYetDue = ReadinessScorer.notYetDue(questionnaire, answers: draft.answers, asOf: CalendarDate(utc: Date()))
            let statuses = Applicability.statuses(questionnaire, answers: draft.answers, notYetDue: notYetDue)
            let applicable = statuses.values.filter { $0 != .notAsked && $0 != .notApplicable && $0 != .notYetDue }.count
            let answered = statuses.values.filter { $0 == .answered || $0 == .unknown }.count
            return AppsDocument.DraftProgress(answered: answered, applicable: applicable)
        }
    }

    /// `soxready apps rename OLD NEW`.
    struct Rename: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rename an application. Its slug (file names), its runs and their recorded results stay as they are.")

        @Argument(help: "The application's current name (or slug).") var name: String
        @Argument(help: "Its new name.") var newName: String
        @OptionGroup var global: GlobalOptions

        func validate() throws { try NameOption.check(newName, "the new name") }

        func run() throws {
            try reportingFailures {
                let target = try AppName.validated(newName)
                let store = try global.openStoreForWriting()
                try store.renameApp(name, to: target)
                try Console.out(
                    "Renamed \(name.terminalSafe()) to \(target.terminalSafe()); its runs keep the name they were recorded with.\n")
            }
        }
    }

    /// `soxready apps archive NAME`.
    struct Archive: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Archive an application: hidden from apps and the portfolio; its runs are never deleted (apps restore brings it back).")

        @Argument(help: "The application's name (or slug).") var name: String
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try reportingFailures {
                try global.openStoreForWriting().setArchived(name, archived: true, at: Date())
                try Console.out("Archived \(name.terminalSafe()); its runs stay in the store (soxready apps --archived lists it).\n")
            }
        }
    }

    /// `soxready apps restore NAME`.
    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Bring an archived application back into apps and the portfolio.")

        @Argument(help: "The application's name (or slug).") var name: String
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try reportingFailures {
                try global.openStoreForWriting().setArchived(name, archived: false, at: Date())
                try Console.out("Restored \(name.terminalSafe()).\n")
            }
        }
    }
}
