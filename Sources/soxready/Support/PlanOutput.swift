import Foundation
import SoxreadyCore

/// Finding the plan templates and making the writer of a run's plans.
enum PlanOutput {
    /// The template folder: `--templates`, `$SOXREADY_TEMPLATES`, `./Reports/templates`, then
    /// the installation's `share/soxready/templates` or the source tree the binary was built in.
    /// A folder the user names (the option or the environment) is used as it is: one that lacks a
    /// template is an error, never quietly replaced by the bundled templates.
    ///
    /// - Throws: ``CommandFailure`` (exit 66) listing the folders looked in.
    static func templatesDirectory(_ option: String?) throws -> String {
        if let option { return option }
        // A folder named by SOXREADY_TEMPLATES is used as it is: a missing template there is an
        // error, never silently replaced by the bundled ones.
        if let env = ProcessInfo.processInfo.environment["SOXREADY_TEMPLATES"], !env.isEmpty { return env }
        for folder in candidates where FileManager.default.fileExists(atPath: "\(folder)/plan.html.mustache") {
            return folder
        }
        throw CommandFailure("no plan templates found; looked in \(candidates.joined(separator: ", ")); use --templates DIR", .noInput)
    }

    /// The folders that may hold the plan templates, in the order they are tried.
    static var candidates: [String] {
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["SOXREADY_TEMPLATES"], !env.isEmpty { candidates.append(env) }
        candidates.append("Reports/templates")
        candidates += InstallationRoot.candidates.flatMap { ["\($0)/share/soxready/templates", "\($0)/Reports/templates"] }
        return candidates
    }

    /// The bundled rules-1 templates (`rules-1/` of the first default folder that has them), used
    /// for rules-1 runs when `--templates DIR` has no `rules-1/` of its own.
    static var bundledRules1: String? {
        candidates.map { "\($0)/\(PlanRenderer.rules1Folder)" }.first {
            FileManager.default.fileExists(atPath: "\($0)/plan.html.mustache")
        }
    }

    /// The templates a set of formats needs, loaded (nil when none needs them).
    static func templates(_ option: String?, for formats: [ReportFormat]) throws -> PlanRenderer? {
        let needed = Set(formats.compactMap(\.planFormat))
        guard !needed.isEmpty else { return nil }
        return try PlanRenderer(directory: try templatesDirectory(option), formats: needed, rules1Directory: bundledRules1)
    }

    /// A writer of `formats`, with its templates loaded now (a missing template stops the
    /// command before anything is asked or recorded); `appendix` false leaves the plan's appendix out.
    static func writer(_ templates: String?, formats: [ReportFormat], store: String?, appendix: Bool = true) throws -> PlanWriter {
        try PlanWriter(templates: try Self.templates(templates, for: formats), formats: formats, store: store, appendix: appendix)
    }

    /// "Plan written to A.md and A.html; sign-off pack A.pack.html", terminal-safe, with a newline.
    /// When the line is wider than `width` (a terminal's), each path goes on a line of its own
    /// instead, so that no path is broken: "Plan written to:", the plans, "Sign-off pack:", the pack.
    static func writtenLine(_ paths: [String], width: Int? = nil) -> String {
        let pack = ".\(ReportFormat.pack.fileExtension)"
        let plans = paths.filter { !$0.hasSuffix(pack) }.map { $0.terminalSafe() }
        let packs = paths.filter { $0.hasSuffix(pack) }.map { $0.terminalSafe() }
        var line = "Plan written to \(plans.joined(separator: " and "))"
        if !packs.isEmpty { line += "; sign-off pack \(packs.joined(separator: " and "))" }
        guard let width, line.displayWidth > width else { return line + "\n" }
        var lines = ["Plan written to:"] + plans.map { "  " + $0 }
        if !packs.isEmpty { lines += ["Sign-off pack:"] + packs.map { "  " + $0 } }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A writer of `formats` whose templates are found now (a missing one stops the command before
    /// anything is asked) and parsed before the run is recorded, not before the first question.
    static func deferredWriter(_ templates: String?, formats: [ReportFormat], store: String?, appendix: Bool = true) throws -> PlanWriter {
        guard formats.contains(where: \.needsTemplates) else {
            return try PlanWriter(templates: nil, formats: formats, store: store, appendix: appendix)
        }
        return try PlanWriter(
            templateDirectory: try templatesDirectory(templates), rules1Directory: bundledRules1, formats: formats,
            store: store, appendix: appendix)
    }
}

/// Folders that may hold soxready's bundled files: the binary's own prefix (`bin/..`) and, for a
/// binary run from its build folder, the package it was built from.
enum InstallationRoot {
    static var candidates: [String] {
        guard let executable = Bundle.main.executablePath else { return [] }
        var folder = PathText.parent(of: URL(fileURLWithPath: executable).resolvingSymlinksInPath().path)
        var result: [String] = []
        for _ in 0..<4 {
            folder = PathText.parent(of: folder)
            if folder.isEmpty || folder == "/" { break }
            result.append(folder)
        }
        return result
    }
}
