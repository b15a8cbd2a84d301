import Foundation
import Mustache

/// Renders a ``PlanDocument`` through the Mustache templates `plan.md.mustache` (content type
/// MARKDOWN, escaped with ``Swift/String/markdownEscaped``) and `plan.html.mustache` (HTML-escaped).
///
/// Teams can copy `Reports/templates/` and pass the copy with `--templates DIR` to brand the plan.
public struct PlanRenderer: Sendable {
    /// Why templates could not be used.
    public struct TemplateError: Error, Sendable, CustomStringConvertible {
        /// The template file.
        public var path: String
        /// What is wrong.
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    let markdownTemplate: MustacheTemplate
    let htmlTemplate: MustacheTemplate

    /// Loads `plan.md.mustache` and `plan.html.mustache` from `directory`.
    ///
    /// - Throws: ``TemplateError`` naming the file that is missing or does not parse (exit 66 / 65).
    public init(directory: String) throws(TemplateError) {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
        markdownTemplate = try Self.load((directory as NSString).appendingPathComponent("plan.md.mustache"))
        htmlTemplate = try Self.load((directory as NSString).appendingPathComponent("plan.html.mustache"))
    }

    static func load(_ path: String) throws(TemplateError) -> MustacheTemplate {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw TemplateError(path: path, reason: "template missing or unreadable")
        }
        do {
            return try MustacheTemplate(string: text)
        } catch {
            throw TemplateError(path: path, reason: "the template does not parse: \(error)")
        }
    }

    /// The plan as Markdown for a wiki or a git repository.
    public func markdown(_ document: PlanDocument) -> String { markdownTemplate.render(document) }

    /// The plan as one self-contained HTML file.
    public func html(_ document: PlanDocument) -> String { htmlTemplate.render(document) }
}

/// Mustache content type for Markdown: every `{{value}}` is escaped as inline Markdown.
struct MarkdownContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { text.markdownEscaped }
}
