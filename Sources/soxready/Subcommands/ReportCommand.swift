import ArgumentParser
import Foundation
import SoxreadyCore

/// `soxready report`: the plan or result of a recorded run.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Render the plan of a recorded run (default: the latest): Markdown, HTML, CSV backlog or the JSON result.",
        discussion: """
            Without --format, writes the Markdown and HTML plans. Files are written atomically to \
            --output DIR (default Reports/<app-slug>/) as <app-slug>-run-<N>.<md|html|csv|json>; \
            --output - writes one format to stdout. The same run always renders to the same bytes.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, html, json, csv, answers
    }

    @Option(name: .long, help: ArgumentHelp("The application's name (or slug).", valueName: "name"))
    var app: String

    @Option(name: .long, help: ArgumentHelp("Run number (default: the latest).", valueName: "n"))
    var run: Int?

    @Option(name: .long, help: "Output format: md, html, json, csv (Azure DevOps Boards import) or answers (an answers file to edit and feed back); default md and html.")
    var format: Format?

    @Option(name: .long, help: ArgumentHelp("Folder with plan.md.mustache and plan.html.mustache (default Reports/templates).", valueName: "dir"))
    var templates: String?

    @Option(name: .long, help: ArgumentHelp("Folder to write to, or - for stdout (default Reports/<app-slug>/).", valueName: "dir"))
    var output: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let run, run < 1 { throw ValidationError("--run must be 1 or more") }
        if output == "-" && format == nil { throw ValidationError("--output - writes one format: add --format md, html, json or csv") }
    }

    func run() async throws {
        try reportingFailures {
            let store = try global.openStore(forApp: app)
            let (document, stored) = try PlanOutput.document(store: store, app: app, run: run)
            let folder = output ?? "Reports/\(stored.appSlug)"
            guard let format else {
                let renderer = try PlanOutput.renderer(templates)
                for path in try PlanOutput.writePlans(document, renderer: renderer, folder: folder) { print(path.terminalSafe()) }
                return
            }
            let data: Data
            switch format {
            case .json: data = try stored.result.jsonData()
            case .csv: data = Data(BacklogCSV.render(document).utf8)
            case .md: data = Data(try PlanOutput.renderer(templates, formats: [.markdown]).markdown(document).utf8)
            case .html: data = Data(try PlanOutput.renderer(templates, formats: [.html]).html(document).utf8)
            case .answers: data = Data(try AnswersFileWriter.yaml(appName: stored.appName, questionnaire: try stored.questionnaire(), answers: stored.answers).utf8)
            }
            if output == "-" {
                FileHandle.standardOutput.write(data)
                return
            }
            let ext = format == .answers ? "answers.yaml" : format.rawValue
            let path = (folder as NSString).appendingPathComponent("\(stored.appSlug)-run-\(stored.summary.number).\(ext)")
            try AtomicFile.write(data, to: path)
            print(path.terminalSafe())
        }
    }
}
