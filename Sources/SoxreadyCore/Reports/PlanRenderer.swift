import Foundation
import Mustache

/// Renders a ``PlanDocument`` through the Mustache templates of a folder: `plan.md.mustache`
/// (content type MARKDOWN, escaped with ``Swift/String/markdownEscaped``), `plan.html.mustache`
/// and the sign-off pack `pack.html.mustache` (HTML-escaped, with the partials they name and the
/// stylesheet `plan.css`).
///
/// A run renders with the templates of the rules it was scored under: rules-2 runs with the
/// folder's own templates, rules-1 runs with the frozen set in its `rules-1/` subfolder (or, when
/// the folder has none, with the `rules1Directory` given, the bundled set), so that a recorded
/// rules-1 plan renders byte for byte as it always did.
///
/// Teams can copy `Reports/templates/` and pass the copy with `--templates DIR` to brand the plan.
public struct PlanRenderer: Sendable {
    /// Why templates could not be used.
    public struct TemplateError: Error, Sendable, CustomStringConvertible {
        /// The template file.
        public var path: String
        /// What is wrong.
        public var reason: String
        /// The file is missing or cannot be read (missing input), rather than wrong.
        public var isMissing = false
        /// `PATH: REASON`: the template file and what is wrong with it.
        public var description: String { "\(path): \(reason)" }

        /// Creates an error about the template at `path`.
        public init(path: String, reason: String, isMissing: Bool = false) {
            self.path = path
            self.reason = reason
            self.isMissing = isMissing
        }

        /// 66 for a template that is missing or unreadable; 65 for one that is not UTF-8, does
        /// not parse, or would break the page.
        public var exitStatus: ExitStatus { isMissing ? .noInput : .dataError }
    }

    /// The plan formats a renderer can produce.
    public enum Format: Sendable, CaseIterable {
        /// The Markdown plan.
        case markdown
        /// The HTML plan.
        case html
        /// The sign-off pack (HTML, rules-2 runs only).
        case pack
    }

    /// The folder's own templates, for rules-2 runs.
    let current: PlanTemplateSet
    /// The frozen templates for rules-1 runs; nil when neither the folder nor the fallback has them.
    let rules1: PlanTemplateSet?

    /// The name of the subfolder that holds the frozen rules-1 templates.
    public static let rules1Folder = "rules-1"

    /// Loads the templates of `formats` from `directory`, and the rules-1 set from
    /// `directory/rules-1` or else from `rules1Directory`.
    ///
    /// - Throws: ``TemplateError`` naming the file that is missing or does not parse.
    public init(directory: String, formats: Set<Format> = Set(Format.allCases), rules1Directory: String? = nil) throws(TemplateError) {
        Self.registerContentTypes()
        current = try PlanTemplateSet(directory: directory, formats: formats)
        let own = (directory as NSString).appendingPathComponent(Self.rules1Folder)
        var isDirectory: ObjCBool = false
        let folder = FileManager.default.fileExists(atPath: own, isDirectory: &isDirectory) && isDirectory.boolValue ? own : rules1Directory
        rules1 = try folder.map { folder throws(TemplateError) in
            try PlanTemplateSet(directory: folder, formats: formats.subtracting([.pack]))
        }
    }

    /// The files the templates of `formats` are read from: `plan.md.mustache`, `plan.html.mustache`,
    /// `pack.html.mustache`, the partials `summary` and `signoff`, and `plan.css`.
    static func fileNames(_ formats: Set<Format>) -> [String] {
        let html = formats.contains(.html) || formats.contains(.pack)
        return (formats.contains(.markdown) ? ["plan.md.mustache"] : []) + (formats.contains(.html) ? ["plan.html.mustache"] : [])
            + (formats.contains(.pack) ? ["pack.html.mustache"] : [])
            + (html ? ["summary.html.mustache", "signoff.html.mustache", "plan.css"] : [])
    }

    /// The content types the templates name: `MARKDOWN` and `HTML`.
    static func registerContentTypes() {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
        MustacheContentTypes.register(HTMLEscapingContentType(), named: "HTML")
    }

    /// The set that renders `document`.
    func set(for document: PlanDocument) throws(TemplateError) -> PlanTemplateSet {
        guard document.rules == 1 else { return current }
        guard let rules1 else {
            throw TemplateError(
                path: (current.directory as NSString).appendingPathComponent(Self.rules1Folder),
                reason: "no rules-1 templates: run \(document.runNumber) was scored under rules 1 and renders with them")
        }
        return rules1
    }

    /// The plan as Markdown for a wiki or a git repository (empty when the renderer was made without it).
    ///
    /// - Throws: ``TemplateError`` for a rules-1 run when no rules-1 templates were found.
    public func markdown(_ document: PlanDocument) throws(TemplateError) -> String {
        try set(for: document).markdown?.render(Self.tree(document)) ?? ""
    }

    /// The plan as one self-contained HTML file (empty when the renderer was made without it).
    ///
    /// - Throws: ``TemplateError`` for a rules-1 run when no rules-1 templates were found.
    public func html(_ document: PlanDocument) throws(TemplateError) -> String {
        try set(for: document).html("plan", tree: Self.tree(document))
    }

    /// The sign-off pack, one self-contained HTML file (empty when the renderer was made without it).
    ///
    /// - Throws: ``TemplateError`` for a rules-1 run: the pack exists for rules-2 runs only.
    public func pack(_ document: PlanDocument) throws(TemplateError) -> String {
        try packTemplates(for: document).html("pack", tree: Self.tree(document.forPack()))
    }

    /// The set that renders the pack of `document`: the current one, for a rules-2 run.
    func packTemplates(for document: PlanDocument) throws(TemplateError) -> PlanTemplateSet {
        guard document.rules != 1 else {
            throw TemplateError(
                path: (current.directory as NSString).appendingPathComponent("pack.html.mustache"),
                reason: "the sign-off pack is for runs scored under rules 2; run \(document.runNumber) was scored under rules 1")
        }
        return current
    }

    /// The formats asked for, from one reflection pass over the document.
    ///
    /// - Throws: ``TemplateError`` as ``markdown(_:)``, ``html(_:)`` and ``pack(_:)`` do.
    public func render(_ document: PlanDocument, formats: [Format]) throws(TemplateError) -> [Format: String] {
        let tree = Self.tree(document)
        var out: [Format: String] = [:]
        for format in formats {
            switch format {
            case .markdown: out[format] = try set(for: document).markdown?.render(tree) ?? ""
            case .html: out[format] = try set(for: document).html("plan", tree: tree)
            case .pack: out[format] = try packTemplates(for: document).html("pack", tree: Self.tree(document.forPack()))
            }
        }
        return out
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
