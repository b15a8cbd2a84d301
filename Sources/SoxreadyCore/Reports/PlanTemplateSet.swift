import Foundation
import Mustache

/// One folder of plan templates, loaded: the Markdown plan, the HTML plan, the sign-off pack, the
/// HTML partials they name (`{{> summary}}` is `summary.html.mustache` in the same folder) and the
/// stylesheet. ``PlanRenderer`` holds two sets: the current one (rules version 2) and the frozen
/// rules-1 set (`rules-1/`), so that a run renders with the templates of the rules it was scored under.
struct PlanTemplateSet: Sendable {
    /// The folder the templates come from.
    let directory: String
    /// `plan.md.mustache`, when loaded.
    let markdown: MustacheTemplate?
    /// `plan.html.mustache`, `pack.html.mustache` and their partials, by name (`plan`, `pack`, `summary` …).
    let library: MustacheLibrary
    /// `plan.css`, inserted verbatim as `{{{stylesheet}}}` (empty when no HTML format is loaded).
    let stylesheet: String

    /// Loads the templates of `formats` from `directory`.
    ///
    /// - Throws: ``PlanRenderer/TemplateError`` naming the file that is missing or does not parse,
    ///   including a partial that a template names and the folder lacks.
    init(directory: String, formats: Set<PlanRenderer.Format>) throws(PlanRenderer.TemplateError) {
        self.directory = directory
        func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
        markdown = formats.contains(.markdown) ? try Self.load(path("plan.md.mustache")).template : nil
        var library = MustacheLibrary()
        var partials: [String] = []
        for (format, name) in [(PlanRenderer.Format.html, "plan"), (.pack, "pack")] where formats.contains(format) {
            let (template, text) = try Self.load(path("\(name).html.mustache"))
            library.register(template, named: name)
            partials += Self.partialNames(in: text)
        }
        // Partials may name partials in turn; each is loaded once.
        var loaded: Set<String> = []
        while let name = partials.popLast() {
            guard loaded.insert(name).inserted else { continue }
            let (template, text) = try Self.load(path("\(name).html.mustache"))
            library.register(template, named: name)
            partials += Self.partialNames(in: text)
        }
        self.library = library
        stylesheet = formats.contains(.html) || formats.contains(.pack) ? try Self.stylesheet(path("plan.css")) : ""
    }

    /// A stylesheet to insert verbatim into a `<style>` element.
    ///
    /// - Throws: ``PlanRenderer/TemplateError`` when it is missing, unreadable, or would close the element.
    static func stylesheet(_ cssPath: String) throws(PlanRenderer.TemplateError) -> String {
        guard let data = FileManager.default.contents(atPath: cssPath) else {
            throw PlanRenderer.TemplateError(path: cssPath, reason: "stylesheet missing or unreadable", isMissing: true)
        }
        let css: String
        do {
            css = try UTF8Text.decode(data)
        } catch {
            throw PlanRenderer.TemplateError(
                path: cssPath, reason: "the stylesheet is not UTF-8 text: \(error.description); save it as UTF-8")
        }
        // The stylesheet is inserted unescaped: it must not close the style element.
        guard !css.lowercased().contains("</style") else {
            throw PlanRenderer.TemplateError(path: cssPath, reason: "the stylesheet must not contain </style>")
        }
        return css
    }

    /// The names of the partials a template text includes (`{{> name}}`), in order.
    static func partialNames(in text: String) -> [String] {
        var names: [String] = []
        var rest = text[...]
        while let open = rest.range(of: "{{>") {
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "}}") else { break }
            let name = rest[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { names.append(name) }
            rest = rest[close.upperBound...]
        }
        return names
    }

    static func load(_ path: String) throws(PlanRenderer.TemplateError) -> (template: MustacheTemplate, text: String) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PlanRenderer.TemplateError(path: path, reason: "template missing or unreadable", isMissing: true)
        }
        let text: String
        do {
            text = try UTF8Text.decode(data)
        } catch {
            throw PlanRenderer.TemplateError(path: path, reason: "the template is not UTF-8 text: \(error.description); save it as UTF-8")
        }
        do {
            return (try MustacheTemplate(string: text), text)
        } catch {
            throw PlanRenderer.TemplateError(path: path, reason: "the template does not parse: \(error)")
        }
    }

    /// Renders `name` (`plan` or `pack`) of the HTML library with the stylesheet added to `tree`.
    func html(_ name: String, tree: Any) -> String {
        guard var fields = tree as? [String: Any] else { return "" }
        fields["stylesheet"] = stylesheet
        return library.render(fields, withTemplate: name) ?? ""
    }
}
