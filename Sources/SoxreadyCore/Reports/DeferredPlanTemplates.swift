import Foundation
import Synchronization

/// Plan templates read from a folder the first time they are needed, once: the wizard asks its
/// first question without parsing them (Mustache takes a few milliseconds), and parses them
/// before it records the run (``PlanWriter/prepareTemplates()``).
final class DeferredPlanTemplates: Sendable {
    /// The template folder.
    let directory: String
    /// The folder of the rules-1 templates when `directory` has no `rules-1/` of its own.
    let rules1Directory: String?
    /// The formats whose templates are read.
    let formats: Set<PlanRenderer.Format>
    private let loaded = Mutex<Result<PlanRenderer, PlanRenderer.TemplateError>?>(nil)

    /// Templates of `formats` in `directory`, whose files must be readable now.
    ///
    /// - Throws: ``PlanRenderer/TemplateError`` naming a template or stylesheet that is missing
    ///   or unreadable (whether they parse is found out when they are first used).
    init(directory: String, rules1Directory: String?, formats: Set<PlanRenderer.Format>) throws(PlanRenderer.TemplateError) {
        self.directory = directory
        self.rules1Directory = rules1Directory
        self.formats = formats
        for name in PlanRenderer.fileNames(formats) {
            let path = (directory as NSString).appendingPathComponent(name)
            guard access(path, R_OK) == 0 else {
                throw PlanRenderer.TemplateError(
                    path: path,
                    reason: name.hasSuffix(".css")
                        ? "stylesheet missing or unreadable"
                        : "template missing or unreadable", isMissing: true)
            }
        }
    }

    /// The templates, parsed on the first call.
    ///
    /// - Throws: ``PlanRenderer/TemplateError`` naming the file that is missing or does not parse
    ///   (the same error on every call).
    func renderer() throws(PlanRenderer.TemplateError) -> PlanRenderer {
        let result = loaded.withLock { loaded in
            if let loaded { return loaded }
            let result: Result<PlanRenderer, PlanRenderer.TemplateError>
            do throws(PlanRenderer.TemplateError) {
                result = .success(try PlanRenderer(directory: directory, formats: formats, rules1Directory: rules1Directory))
            } catch {
                result = .failure(error)
            }
            loaded = result
            return result
        }
        return try result.get()
    }
}
