import Foundation
import Mustache

/// Renders a ``PlanDocument`` through the Mustache templates `plan.md.mustache` (content type
/// MARKDOWN, escaped with ``Swift/String/markdownEscaped``) and `plan.html.mustache` (HTML-escaped),
/// with the stylesheet `plan.css`.
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

        /// 65: a template folder that lacks a template, or one that does not parse, is bad data.
        public var exitStatus: ExitStatus { .dataError }
    }

    let markdownTemplate: MustacheTemplate?
    let htmlTemplate: MustacheTemplate?
    /// `plan.css`, inserted verbatim into the HTML plan as `{{{stylesheet}}}` (kept out of the
    /// template so that Mustache does not have to parse it).
    let stylesheet: String

    /// The plan formats a renderer can produce.
    public enum Format: Sendable, CaseIterable {
        case markdown, html
    }

    /// Loads the templates of `formats` (`plan.md.mustache`, `plan.html.mustache`) from `directory`.
    ///
    /// - Throws: ``TemplateError`` naming the file that is missing or does not parse.
    public init(directory: String, formats: Set<Format> = [.markdown, .html]) throws(TemplateError) {
        Self.registerContentTypes()
        markdownTemplate = formats.contains(.markdown) ? try Self.load((directory as NSString).appendingPathComponent("plan.md.mustache")) : nil
        htmlTemplate = formats.contains(.html) ? try Self.load((directory as NSString).appendingPathComponent("plan.html.mustache")) : nil
        stylesheet = formats.contains(.html) ? try Self.stylesheet((directory as NSString).appendingPathComponent("plan.css")) : ""
    }

    /// The files the templates of `formats` are read from: `plan.md.mustache`, `plan.html.mustache`
    /// and `plan.css`.
    static func fileNames(_ formats: Set<Format>) -> [String] {
        (formats.contains(.markdown) ? ["plan.md.mustache"] : []) + (formats.contains(.html) ? ["plan.html.mustache", "plan.css"] : [])
    }

    /// The content types the templates name: `MARKDOWN` and `HTML`.
    static func registerContentTypes() {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
        MustacheContentTypes.register(HTMLEscapingContentType(), named: "HTML")
    }

    /// A stylesheet to insert verbatim into a `<style>` element.
    ///
    /// - Throws: ``TemplateError`` when it is missing, unreadable, or would close the element.
    static func stylesheet(_ cssPath: String) throws(TemplateError) -> String {
        guard let data = FileManager.default.contents(atPath: cssPath), let css = String(data: data, encoding: .utf8) else {
            throw TemplateError(path: cssPath, reason: "stylesheet missing or unreadable")
        }
        // The stylesheet is inserted unescaped: it must not close the style element.
        guard !css.lowercased().contains("</style") else {
            throw TemplateError(path: cssPath, reason: "the stylesheet must not contain </style>")
        }
        return css
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

    /// The plan as Markdown for a wiki or a git repository (empty when the renderer was made without it).
    public func markdown(_ document: PlanDocument) -> String { markdown(tree: Self.tree(document)) }

    /// The plan as one self-contained HTML file (empty when the renderer was made without it).
    public func html(_ document: PlanDocument) -> String { html(tree: Self.tree(document)) }

    /// Both plans from one reflection pass over the document.
    public func both(_ document: PlanDocument) -> (markdown: String, html: String) {
        let tree = Self.tree(document)
        return (markdown(tree: tree), html(tree: tree))
    }

    func markdown(tree: Any) -> String { markdownTemplate?.render(tree) ?? "" }
    func html(tree: Any) -> String {
        guard let htmlTemplate, var fields = tree as? [String: Any] else { return "" }
        fields["stylesheet"] = stylesheet
        return htmlTemplate.render(fields)
    }

    /// The document as nested dictionaries and arrays, built with one reflection pass: Mustache
    /// then looks keys up in dictionaries instead of reflecting a struct at every `{{name}}`.
    static func tree(_ value: Any) -> Any {
        switch value {
        case let text as String: return text
        case let number as Int: return number
        case let flag as Bool: return flag
        case let list as [Any]: return list.map(tree)
        default:
            let mirror = Mirror(reflecting: value)
            guard mirror.displayStyle == .struct else { return value }
            var fields: [String: Any] = [:]
            for child in mirror.children {
                if let label = child.label { fields[label] = tree(child.value) }
            }
            return fields
        }
    }
}

/// Mustache content type for Markdown: every `{{value}}` is escaped as inline Markdown.
struct MarkdownContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { text.markdownEscaped }
}

/// Mustache content type for HTML, used through `{{% CONTENT_TYPE: HTML}}`: the same five
/// entities as swift-mustache's own escaper, with a fast path for text that needs none.
struct HTMLEscapingContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { text.htmlEscaped }
}

extension String {
    /// The text made safe as HTML text: `<`, `>`, `&`, `"` and `'` as entities; a line break
    /// as `<br>` (a note of several lines keeps its lines); control characters (ESC, BEL, DEL,
    /// C1) and bidirectional overrides as visible `\u{…}` escapes, so that no text can drive a
    /// terminal that shows the file or reorder what a reader sees.
    public var htmlEscaped: String {
        guard utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 || $0 < 0x20 || $0 == 0x7F
                                      || $0 == 0xC2 || $0 == 0xE2 })
        else { return self }
        var out = [UInt8]()
        out.reserveCapacity(utf8.count + 16)
        var previousWasCR = false
        for scalar in unicodeScalars {
            let value = scalar.value
            defer { previousWasCR = value == 0x0D }
            switch value {
            case 0x3C: out += Array("&lt;".utf8)
            case 0x3E: out += Array("&gt;".utf8)
            case 0x26: out += Array("&amp;".utf8)
            case 0x22: out += Array("&quot;".utf8)
            case 0x27: out += Array("&#39;".utf8)
            case 0x0A:
                if !previousWasCR { out += Array("<br>".utf8) }
            case 0x0D: out += Array("<br>".utf8)
            case 0x09: out.append(0x09)
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069:
                out += Array("\\u{\(String(value, radix: 16))}".utf8)
            default: out += Array(String(scalar).utf8)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
