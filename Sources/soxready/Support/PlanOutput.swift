import Foundation
import SoxreadyCore

/// Finding the plan templates and making the writer of a run's plans.
enum PlanOutput {
    /// The template folder: `--templates`, `$SOXREADY_TEMPLATES`, `./Reports/templates`, then
    /// the installation's `share/soxready/templates` or the source tree the binary was built in.
    ///
    /// - Throws: ``CommandFailure`` (exit 66) listing the folders looked in.
    static func templatesDirectory(_ option: String?) throws -> String {
        if let option { return option }
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["SOXREADY_TEMPLATES"], !env.isEmpty { candidates.append(env) }
        candidates.append("Reports/templates")
        candidates += InstallationRoot.candidates.flatMap { ["\($0)/share/soxready/templates", "\($0)/Reports/templates"] }
        for folder in candidates where FileManager.default.fileExists(atPath: "\(folder)/plan.html.mustache") {
            return folder
        }
        throw CommandFailure("no plan templates found; looked in \(candidates.joined(separator: ", ")); use --templates DIR", .noInput)
    }

    /// The templates a set of formats needs, loaded (nil when none needs them).
    static func templates(_ option: String?, for formats: [ReportFormat]) throws -> PlanRenderer? {
        var needed: Set<PlanRenderer.Format> = []
        if formats.contains(.markdown) { needed.insert(.markdown) }
        if formats.contains(.html) { needed.insert(.html) }
        guard !needed.isEmpty else { return nil }
        return try PlanRenderer(directory: try templatesDirectory(option), formats: needed)
    }

    /// A writer of `formats`, with its templates loaded now (a missing template stops the
    /// command before anything is asked or recorded).
    static func writer(_ templates: String?, formats: [ReportFormat], store: String?) throws -> PlanWriter {
        try PlanWriter(templates: try Self.templates(templates, for: formats), formats: formats, store: store)
    }

    /// A writer of `formats` whose templates are found now (a missing one stops the command before
    /// anything is asked) and parsed before the run is recorded, not before the first question.
    static func deferredWriter(_ templates: String?, formats: [ReportFormat], store: String?) throws -> PlanWriter {
        guard formats.contains(where: \.needsTemplates) else { return try PlanWriter(templates: nil, formats: formats, store: store) }
        return try PlanWriter(templateDirectory: try templatesDirectory(templates), formats: formats, store: store)
    }
}

/// Folders that may hold soxready's bundled files: the binary's own prefix (`bin/..`) and, for a
/// binary run from its build folder, the package it was built from.
enum InstallationRoot {
    static var candidates: [String] {
        guard let executable = Bundle.main.executablePath else { return [] }
        var folder = (URL(fileURLWithPath: executable).resolvingSymlinksInPath().path as NSString).deletingLastPathComponent
        var result: [String] = []
        for _ in 0..<4 {
            folder = (folder as NSString).deletingLastPathComponent
            if folder.isEmpty || folder == "/" { break }
            result.append(folder)
        }
        return result
    }
}
