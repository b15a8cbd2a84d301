import ArgumentParser
import Foundation
import SoxreadyCore

/// `soxready portfolio`: every active application's latest run for the SOX PMO.
struct PortfolioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portfolio",
        abstract: "The portfolio for the SOX PMO: every active application's latest run, a heat map of domains, "
            + "the questions blocking the most applications, levels over time and the cutovers of the next 90 days.",
        discussion: """
            Built from the stored results only (nothing is re-scored); archived applications are left out. \
            Without --format, writes portfolio-<as-of>.html and .md to --output DIR (default Reports/, or \
            Reports/<store name>/ for a store other than the default); --output - writes one format to stdout. \
            The HTML is one offline file that prints on A4 landscape. JSON keys: docs/portfolio.md.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case html, md, json

        var fileExtension: String { rawValue }
    }

    @Option(name: .long, help: "Output format: html, md or json (default html and md).")
    var format: Format?

    @Option(name: .long, help: ArgumentHelp("Folder to write to, or - for stdout.", valueName: "dir"))
    var output: String?

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "The day to count days to cutover from (default today, UTC); runs and sign-offs recorded after it are left out.",
            valueName: "YYYY-MM-DD"))
    var asOf: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Folder with portfolio.html.mustache, portfolio.md.mustache and portfolio.css (default Reports/templates).",
            valueName: "dir"))
    var templates: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if output == "-" && format == nil { throw ValidationError("--output - writes one format: add --format html, md or json") }
        if let asOf, CalendarDate(asOf) == nil {
            throw ValidationError("--as-of '\(asOf)' is not a date: expected YYYY-MM-DD naming a real day")
        }
    }

    func run() throws {
        try reportingFailures {
            let day = asOf.flatMap(CalendarDate.init) ?? CalendarDate(utc: Date())
            let formats = format.map { [$0] } ?? [.html, .md]
            var needed: Set<PlanRenderer.Format> = []
            if formats.contains(.html) { needed.insert(.html) }
            if formats.contains(.md) { needed.insert(.markdown) }
            let renderer =
                needed.isEmpty ? nil : try PortfolioRenderer(directory: try PlanOutput.templatesDirectory(templates), formats: needed)
            let source: PortfolioSource
            do {
                // The end of the as-of day (UTC): a run recorded on it counts.
                let cutoff = asOf == nil ? nil : Date(timeIntervalSince1970: Double(day.dayNumber + 1) * 86_400 - 1)
                source = try global.openStoreForReading().portfolioSource(recordedBy: cutoff)
            } catch StoreError.notFound {
                source = PortfolioSource(apps: [], levels: [], questionnaires: [:])
            }
            let portfolio = Portfolio(source, asOf: day, cache: QuestionnaireCatalog.forProcess.cache)
            func render(_ format: Format) throws -> Data {
                switch format {
                case .json: return try PortfolioDocument(portfolio).jsonData()
                case .md: return Data((renderer?.markdown(portfolio) ?? "").utf8)
                case .html: return Data((renderer?.html(portfolio) ?? "").utf8)
                }
            }
            if output == "-", let format {
                try Console.out(try render(format))
                return
            }
            let folder = output ?? global.defaultReportsFolder
            // The folder is marked with its store, as plan folders are: another store's portfolio
            // of the same day is never overwritten.
            try PlanWriter(templates: nil, formats: [], store: global.storeIdentity)
                .preflight(folder: folder, fileName: "portfolio-\(day).\(formats[0].fileExtension)")
            for format in formats {
                let path = (folder as NSString).appendingPathComponent("portfolio-\(day).\(format.fileExtension)")
                try AtomicFile.write(try render(format), to: path)
                try Console.out(path.terminalSafe() + "\n")
            }
        }
    }
}
