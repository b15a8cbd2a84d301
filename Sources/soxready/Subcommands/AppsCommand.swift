import ArgumentParser
import Foundation
import SoxreadyCore

/// `soxready apps`: every assessed application with its latest run.
struct AppsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apps",
        abstract: "List every assessed application with its latest readiness.")

    @Option(name: .long, help: "Output format.")
    var format: ListingFormat = .table

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try reportingFailures {
            let apps: [AppSummary]
            do {
                apps = try global.openStoreForReading().apps()
            } catch StoreError.notFound {
                apps = []
            }
            switch format {
            case .json:
                try Console.out(try AppsDocument(apps).jsonData())
            case .table:
                if apps.isEmpty {
                    try Console.out("No application has been assessed in \(global.storePath.terminalSafe()) yet. Start with: soxready assess --app NAME\n")
                    return
                }
                var rows = [["APP", "RUN", "RECORDED", "READINESS", "SCORE", "CONFIDENCE", "BLOCKERS", "HIGH", "MEDIUM", "LOW", "DRAFT"]]
                for app in apps {
                    guard let run = app.latest else {
                        rows.append([app.name, "-", "-", "-", "-", "-", "-", "-", "-", "-", app.hasDraft ? "yes" : ""])
                        continue
                    }
                    rows.append([app.name, String(run.number), Timestamp.string(run.recordedAt), run.readiness.rawValue,
                                 run.score.map { NumberText.oneDecimal($0) } ?? "-", "\(NumberText.oneDecimal(run.confidence)) % \(run.stars)★",
                                 String(run.blockers), String(run.high), String(run.medium), String(run.low), app.hasDraft ? "yes" : ""])
                }
                try Console.out(TextTable.render(rows.map { $0.map { $0.terminalSafe() } }))
            }
        }
    }
}
