import ArgumentParser
import Foundation
import SoxreadyCore

/// `soxready history`: one row per run of an application.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List an application's runs: number, date, questionnaire, readiness, score, confidence, gaps, change.")

    @Option(name: .long, help: ArgumentHelp("The application's name (or slug).", valueName: "name"))
    var app: String

    @Option(name: .long, help: "Output format.")
    var format: ListingFormat = .table

    @OptionGroup var global: GlobalOptions

    /// The runs as a table, fitted to `width` (nil: full rows, for pipes and files): at narrow
    /// widths the time gives way to the date, BLOCKERS HIGH MEDIUM LOW to P1 P2 P3 P4, the
    /// questionnaire is cut before its version, and the questionnaire, then LOW, MEDIUM, HIGH,
    /// CHANGE and CONFIDENCE are left out (a note says which).
    static func table(_ runs: [RunSummary], signOffs: [SignOff], width: Int?) -> String {
        let columns = [
            TextTable.Column("RUN"), TextTable.Column("RECORDED"), TextTable.Column("QUESTIONNAIRE", minimum: 12, drop: 1),
            TextTable.Column("READINESS"), TextTable.Column("SCORE"), TextTable.Column("CHANGE", drop: 5),
            TextTable.Column("CONFIDENCE", short: "CONF.", drop: 6), TextTable.Column("BLOCKERS", short: "P1"),
            TextTable.Column("HIGH", short: "P2", drop: 4), TextTable.Column("MEDIUM", short: "P3", drop: 3),
            TextTable.Column("LOW", short: "P4", drop: 2), TextTable.Column("SIGN-OFF"),
        ]
        var rows: [[TextTable.Cell]] = []
        var previous: Double?
        for run in runs {
            let change =
                AssessmentResult.change(from: previous, to: run.score).map { ($0 >= 0 ? "+" : "") + NumberText.oneDecimal($0) } ?? "-"
            let recorded = Timestamp.string(run.recordedAt)
            let version = run.questionnaireVersion.terminalSafe()
            rows.append([
                TextTable.Cell(String(run.number)), TextTable.Cell(recorded, compact: String(recorded.prefix(10))),
                TextTable.Cell("\(run.questionnaireID.terminalSafe()) \(version)", keep: version.count + 1),
                TextTable.Cell(run.readiness.rawValue), TextTable.Cell(run.score.map { NumberText.oneDecimal($0) } ?? "-"),
                TextTable.Cell(change), TextTable.Cell("\(NumberText.oneDecimal(run.confidence)) % \(run.stars)★"),
                TextTable.Cell(String(run.blockers)), TextTable.Cell(String(run.high)), TextTable.Cell(String(run.medium)),
                TextTable.Cell(String(run.low)), TextTable.Cell(SignOffEntry(signOffs.last { $0.runNumber == run.number }).status),
            ])
            previous = run.score ?? previous
        }
        let rendered = TextTable(columns, rows: rows).render(width: width)
        var out = rendered.text
        if let width, !rendered.dropped.isEmpty {
            let questionnaires = Set(runs.map { "\($0.questionnaireID) \($0.questionnaireVersion)" })
            var more = "history --format json has every column"
            if rendered.dropped.contains("QUESTIONNAIRE"), questionnaires.count == 1, let only = questionnaires.first {
                more = "every run is on \(only.terminalSafe()); " + more
            }
            out += TextTable.droppedNote(rendered.dropped, width: width, more: more)
        }
        return out
    }

    func run() throws {
        try reportingFailures {
            let store = try global.openStoreForReading(app: app)
            let runs = try store.runs(appName: app)
            let signOffs = try store.signOffs(appName: app)
            switch format {
            case .json:
                // The name as the store holds it, however it was typed ("general ledger", a slug).
                let name = try store.storedAppName(matching: app) ?? app
                try Console.out(try HistoryDocument(app: name, runs: runs, signOffs: signOffs).jsonData())
            case .table:
                try Console.out(Self.table(runs, signOffs: signOffs, width: Terminal.outputWidth))
            }
        }
    }
}
