import ArgumentParser
import Foundation
import SoxreadyCore

/// `soxready diff`: answer-level changes between two runs.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two runs: answers, gaps closed and opened, regressions, domain scores, readiness.",
        discussion: """
            Default: the last two runs. Runs scored against different questionnaire versions are compared \
            by question id, following 'replaces' for renamed or split questions; added and removed \
            questions are listed as such. JSON keys are documented in docs/progress.md.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, md }

    @Option(name: .long, help: ArgumentHelp("The application's name (or slug).", valueName: "name"))
    var app: String

    @Option(name: .long, help: ArgumentHelp("The earlier run (default: the one before --to).", valueName: "n"))
    var from: Int?

    @Option(name: .long, help: ArgumentHelp("The later run (default: the latest).", valueName: "m"))
    var to: Int?

    @Option(name: .long, help: "Output format.")
    var format: Format = .table

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let from, from < 1 { throw ValidationError("--from must be 1 or more") }
        if let to, to < 1 { throw ValidationError("--to must be 1 or more") }
    }

    func run() throws {
        try reportingFailures {
            let store = try global.openStoreForReading(app: app)
            let newer = try store.run(appName: app, number: to)
            let olderNumber = from ?? (newer.summary.number - 1)
            guard olderNumber >= 1 else {
                let count = try store.runs(appName: newer.appName).count
                throw CommandFailure(
                    count == 1
                        ? "'\(newer.appName)' has one run so far; diff compares two: record another with "
                            + "soxready assess --app '\(newer.appName)'"
                        : "run 1 is the first run of '\(newer.appName)': there is nothing before it; give --to N (2 to \(count)) "
                            + "to compare a later run with it", .noInput)
            }
            let older = try store.run(appName: app, number: olderNumber)
            let comparison = RunComparison(older: try RunComparison.Side(older), newer: try RunComparison.Side(newer))
            let view = DiffView(
                app: newer.appName, older: older, newer: newer, comparison: comparison,
                newQuestionnaire: try newer.questionnaire(), oldQuestionnaire: try older.questionnaire())
            switch format {
            case .json: try Console.out(try view.json())
            case .md: try Console.out(view.markdown())
            case .table: try Console.out(view.table(width: Terminal.outputWidth).terminalSafe(keepNewlines: true))
            }
        }
    }
}
