import ArgumentParser
import Foundation
import SoxreadyCore

/// `soxready apps`: the portfolio view.
struct AppsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apps",
        abstract: "List every assessed application with its latest readiness.")

    @Option(name: .long, help: "Output format.")
    var format: ListingFormat = .table

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try reportingFailures {
            let apps: [AppSummary]
            do {
                apps = try global.openStore(create: false).apps()
            } catch let failure as Failure where failure.status == .cannotCreate && !FileManager.default.fileExists(atPath: global.storePath) {
                apps = []
            }
            switch format {
            case .json:
                FileHandle.standardOutput.write(try ListingJSON.apps(apps))
            case .table:
                if apps.isEmpty {
                    print("No application has been assessed in \(global.storePath) yet. Start with: soxready assess --app NAME")
                    return
                }
                var rows = [["APP", "RUN", "RECORDED", "READINESS", "SCORE", "CONFIDENCE", "BLOCKERS", "HIGH", "MEDIUM", "LOW", "DRAFT"]]
                for app in apps {
                    guard let run = app.latest else {
                        rows.append([app.name, "-", "-", "-", "-", "-", "-", "-", "-", "-", app.hasDraft ? "yes" : ""])
                        continue
                    }
                    rows.append([app.name, String(run.number), Timestamp.string(run.recordedAt), run.readiness.rawValue,
                                 run.score.map { String(format1: $0) } ?? "-", "\(String(format1: run.confidence)) % \(run.stars)★",
                                 String(run.blockers), String(run.high), String(run.medium), String(run.low), app.hasDraft ? "yes" : ""])
                }
                print(TextTable.render(rows.map { $0.map { $0.terminalSafe() } }), terminator: "")
            }
        }
    }
}
