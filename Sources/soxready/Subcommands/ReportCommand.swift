import ArgumentParser
import Foundation
import SoxreadyCore

extension ReportFormat: ExpressibleByArgument {}
extension BoardsProcess: ExpressibleByArgument {}

/// `soxready report`: the plan or result of a recorded run.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract:
            "Render the plan of a recorded run (default: the latest): Markdown, HTML, the sign-off pack, CSV backlog, JSON result, OSCAL or the PBC list.",
        discussion: """
            A run that does not verify (soxready verify) is refused with exit 65 unless --unverified is \
            given. Without --format, writes the Markdown and HTML plans and the sign-off pack (a run \
            recorded under rules 1 gets its two plans, rendered as recorded, and has no pack: --format \
            pack is refused for it with exit 64). Files are written atomically to --output DIR (default \
            Reports/<app-slug>/) as <app-slug>-run-<N>.<md|html|pack.html|csv|json|answers.yaml|oscal-ar.json|\
            oscal-poam.json|pbc.csv|pbc.md>; --output - writes one format to stdout. The same run always \
            renders to the same bytes. docs/export.md describes the OSCAL, PBC and Boards formats.
            """)

    @Option(name: .long, help: ArgumentHelp("The application's name (or slug).", valueName: "name"))
    var app: String

    @Option(name: .customLong("run"), help: ArgumentHelp("Run number (default: the latest).", valueName: "n"))
    var runNumber: Int?

    @Option(
        name: .long,
        help: """
            Output format: md, html, pack (the sign-off pack, at most two A4 pages), json, csv (Azure DevOps Boards import), \
            answers (an answers file to edit and feed back), oscal-ar (OSCAL assessment results), oscal-poam (OSCAL plan of \
            action and milestones), pbc (the auditor's request list as CSV) or pbc-md (the same as Markdown); default md, html \
            and pack.
            """)
    var format: ReportFormat?

    @Option(
        name: .customLong("boards-process"),
        help: ArgumentHelp(
            "With --format csv: the Azure DevOps process of the project imported into, which sets the work item type and state: agile (Feature, New; the default), scrum (Feature, New), cmmi (Feature, Proposed) or basic (Epic, To Do).",
            valueName: "process"))
    var boardsProcess: BoardsProcess?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Folder with the plan templates (default Reports/templates; rules-1 runs use its rules-1/ folder, else the bundled one).",
            valueName: "dir"))
    var templates: String?

    @Flag(name: .long, help: "Leave the appendix of every answer out of the plan.")
    var noAppendix = false

    @Option(name: .long, help: ArgumentHelp("Folder to write to, or - for stdout (default Reports/<app-slug>/).", valueName: "dir"))
    var output: String?

    @Flag(name: .long, help: "Render a run that does not verify (the plan then says so on its first page).")
    var unverified = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let runNumber, runNumber < 1 { throw ValidationError("--run must be 1 or more") }
        if output == "-" && format == nil {
            throw ValidationError(
                "--output - writes one format: add --format md, html, pack, json, csv, answers, oscal-ar, oscal-poam, pbc or pbc-md")
        }
        if boardsProcess != nil && format != .csv { throw ValidationError("--boards-process applies to --format csv only") }
    }

    func run() throws {
        try reportingFailures {
            let formats = format.map { [$0] } ?? ReportFormat.plans
            // Every plan folder is marked with its store, --output ones too: a folder holding another
            // store's plans is refused, never overwritten (run 1 of one store is not run 1 of another).
            var writer = try PlanOutput.writer(templates, formats: formats, store: global.storeIdentity, appendix: !noAppendix)
            writer.boardsProcess = boardsProcess ?? .agile
            let store = try global.openStoreForReading(app: app)
            let stored = try store.run(appName: app, number: runNumber)
            if stored.result.rules == .v1 {
                if format == .pack {
                    throw CommandFailure(
                        "run \(stored.summary.number) of '\(stored.appName)' was scored under rules 1 and has no sign-off pack; "
                            + "its plan (--format html) has its own sign-off block, or record a new run (assess --answers FILE "
                            + "--update) for a pack", .usage)
                }
                if noAppendix {
                    try Console.error(
                        "soxready: note: run \(stored.summary.number) was scored under rules 1; its plan renders as recorded, with the appendix"
                    )
                }
            }
            let context = try ReportContext.load(run: stored, from: store, appendix: !noAppendix)
            // A run whose fingerprint or links do not hold is not rendered as if they did.
            if let problem = context.verificationProblems.first, !unverified {
                throw CommandFailure(
                    "run \(stored.summary.number) of '\(stored.appName)' does not verify: \(problem); soxready verify "
                        + "--app '\(stored.appName)' says more; give --unverified to render it anyway (the plan then says so)",
                    .dataError)
            }
            if output == "-", let format {
                try Console.out(try format.renderer(templates: writer.templates, boardsProcess: writer.boardsProcess).render(context))
                return
            }
            let folder = output ?? global.defaultPlanFolder(slug: stored.appSlug)
            try writer.preflight(folder: folder, fileName: formats.first?.fileName(appSlug: stored.appSlug, run: stored.summary.number))
            for path in try writer.write(context, folder: folder) { try Console.out(path.terminalSafe() + "\n") }
        }
    }
}
