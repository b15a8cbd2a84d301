import ArgumentParser
import Foundation
import SoxreadyCore

/// `soxready report`: the plan or result of a recorded run.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Render a recorded run (default: the latest) as the JSON result contract.",
        discussion: "Files are written atomically to --output DIR (default Reports/<app-slug>/); --output - writes to stdout.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json
    }

    @Option(name: .long, help: ArgumentHelp("The application's name (or slug).", valueName: "name"))
    var app: String

    @Option(name: .long, help: ArgumentHelp("Run number (default: the latest).", valueName: "n"))
    var run: Int?

    @Option(name: .long, help: "Output format.")
    var format: Format = .json

    @Option(name: .long, help: ArgumentHelp("Folder to write to, or - for stdout (default Reports/<app-slug>/).", valueName: "dir"))
    var output: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let run, run < 1 { throw ValidationError("--run must be 1 or more") }
    }

    func run() async throws {
        try reportingFailures {
            let store = try global.openStore(forApp: app)
            let stored = try store.run(appName: app, number: run)
            let data = try stored.result.jsonData()
            if output == "-" {
                FileHandle.standardOutput.write(data)
                return
            }
            let folder = output ?? "Reports/\(stored.appSlug)"
            let path = (folder as NSString).appendingPathComponent("\(stored.appSlug)-run-\(stored.summary.number).\(format.rawValue)")
            try AtomicFile.write(data, to: path)
            print(path.terminalSafe())
        }
    }
}
