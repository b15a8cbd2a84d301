import Foundation
import SoxreadyCore

/// Finding templates and writing plans.
enum PlanOutput {
    /// The template folder: `--templates`, `$SOXREADY_TEMPLATES`, `./Reports/templates`, then
    /// the installation's `share/soxready/templates` or the source tree the binary was built in.
    static func templatesDirectory(_ option: String?) throws -> String {
        if let option { return option }
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["SOXREADY_TEMPLATES"], !env.isEmpty { candidates.append(env) }
        candidates.append("Reports/templates")
        candidates += InstallationRoot.candidates.flatMap { ["\($0)/share/soxready/templates", "\($0)/Reports/templates"] }
        for folder in candidates where FileManager.default.fileExists(atPath: "\(folder)/plan.html.mustache") {
            return folder
        }
        throw Failure("no plan templates found; looked in \(candidates.joined(separator: ", ")); use --templates DIR", .noInput)
    }

    static func renderer(_ option: String?, formats: Set<PlanRenderer.Format> = [.markdown, .html]) throws -> PlanRenderer {
        let folder = try templatesDirectory(option)
        do {
            return try PlanRenderer(directory: folder, formats: formats)
        } catch {
            throw Failure(error.description, .dataError)
        }
    }

    /// The plan document of run `number` (latest when nil), with the run before it and the history.
    static func document(store: AssessmentStore, app: String, run number: Int?) throws -> (PlanDocument, StoredRun) {
        try document(store: store, run: try store.run(appName: app, number: number))
    }

    /// The plan document of a run already in hand (just recorded), with the run before it and the history.
    static func document(store: AssessmentStore, run: StoredRun) throws -> (PlanDocument, StoredRun) {
        let app = run.appName
        let history = try store.runs(appName: app)
        let previous = run.summary.number > 1 ? try store.run(appName: app, number: run.summary.number - 1) : nil
        do {
            return (try PlanDocument(run: run, previous: previous, history: history), run)
        } catch {
            throw Failure("the questionnaire stored with run \(run.summary.number) does not load: \(error)", .dataError)
        }
    }

    /// Writes the Markdown and HTML plans of `run` to `folder`; returns the paths written.
    static func writePlans(_ document: PlanDocument, renderer: PlanRenderer, folder: String) throws -> [String] {
        let base = (folder as NSString).appendingPathComponent("\(document.appSlug)-run-\(document.runNumber)")
        let markdown = base + ".md", html = base + ".html"
        let plans = renderer.both(document)
        try AtomicFile.write(Data(plans.markdown.utf8), to: markdown)
        try AtomicFile.write(Data(plans.html.utf8), to: html)
        return [markdown, html]
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
