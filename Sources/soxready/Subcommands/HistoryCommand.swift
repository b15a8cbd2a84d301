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
                var rows = [["RUN", "RECORDED", "QUESTIONNAIRE", "READINESS", "SCORE", "CHANGE", "CONFIDENCE", "BLOCKERS", "HIGH", "MEDIUM", "LOW",
                             "SIGN-OFF"]]
                var previous: Double?
                for run in runs {
                    let change = AssessmentResult.change(from: previous, to: run.score).map { ($0 >= 0 ? "+" : "") + NumberText.oneDecimal($0) } ?? "-"
                    rows.append([String(run.number), Timestamp.string(run.recordedAt), "\(run.questionnaireID) \(run.questionnaireVersion)",
                                 run.readiness.rawValue, run.score.map { NumberText.oneDecimal($0) } ?? "-", change,
                                 "\(NumberText.oneDecimal(run.confidence)) % \(run.stars)★", String(run.blockers), String(run.high),
                                 String(run.medium), String(run.low), SignOffEntry(signOffs.last { $0.runNumber == run.number }).status])
                    previous = run.score ?? previous
                }
                try Console.out(TextTable.render(rows.map { $0.map { $0.terminalSafe() } }))
            }
        }
    }
}
