import Foundation

/// Writes a run's reports into a folder, atomically, and checks beforehand that it can.
///
/// The assess flow calls ``preflight(folder:fileName:)`` and ``prepareTemplates()`` before it
/// records a run, so that a template that is missing or does not parse, or a folder that cannot
/// be written, stops the command while nothing is recorded yet (the answers stay in the draft).
public struct PlanWriter: Sendable {
    /// The loaded templates (nil when no format needs them, or when they are read when first
    /// needed: see ``init(templateDirectory:formats:store:)``).
    public var templates: PlanRenderer?
    /// Templates read when first needed, instead of ``templates``.
    private var deferredTemplates: DeferredPlanTemplates?
    /// The formats to write, in order.
    public var formats: [ReportFormat]
    /// The store the plans come from (its location); a folder that holds plans of another store
    /// is refused, so that two stores never overwrite each other's plans. Nil: no check.
    public var store: String?
    /// The Boards process the CSV backlog is written for (``ReportFormat/csv`` only).
    public var boardsProcess: BoardsProcess = .agile
    /// False for `--no-appendix`: the rules-2 plan is written without its appendix of every answer.
    public var appendix: Bool

    /// Creates a writer of `formats`.
    ///
    /// - Throws: ``PlanRenderer/TemplateError`` when a format needs templates and `templates` is nil.
    public init(
        templates: PlanRenderer?, formats: [ReportFormat], store: String? = nil, appendix: Bool = true
    )
        throws(PlanRenderer.TemplateError)
    {
        if formats.contains(where: \.needsTemplates), templates == nil {
            throw PlanRenderer.TemplateError(path: "the plan templates", reason: "none were loaded")
        }
        self.templates = templates
        self.formats = formats
        self.store = store
        self.appendix = appendix
    }

    /// Creates a writer of `formats` whose templates are read from `directory` when they are first
    /// needed (``prepareTemplates()``, or the first ``write(_:folder:)``), not now: the wizard asks
    /// its first question without parsing them.
    ///
    /// - Throws: ``PlanRenderer/TemplateError`` now when a template the formats need is missing or
    ///   unreadable; whether it parses is found out when it is first needed.
    public init(
        templateDirectory directory: String, rules1Directory: String? = nil, formats: [ReportFormat], store: String? = nil,
        appendix: Bool = true
    ) throws(PlanRenderer.TemplateError) {
        let needed = Set(formats.compactMap(\.planFormat))
        if !needed.isEmpty {
            deferredTemplates = try DeferredPlanTemplates(directory: directory, rules1Directory: rules1Directory, formats: needed)
        }
        self.formats = formats
        self.store = store
        self.appendix = appendix
    }

    /// Reads and parses the templates now if they were left for later (nothing to do otherwise).
    ///
    /// - Throws: ``PlanRenderer/TemplateError`` naming the template that is missing or does not parse.
    public func prepareTemplates() throws(PlanRenderer.TemplateError) {
        _ = try renderer()
    }

    /// The templates: the loaded ones, else the deferred ones (parsed on first use).
    func renderer() throws(PlanRenderer.TemplateError) -> PlanRenderer? {
        if let templates { return templates }
        return try deferredTemplates?.renderer()
    }

    /// The file in a plan folder that names the store its plans come from.
    public static let markerName = ".soxready-store"

    /// Checks that `folder` exists or can be created, that a file can be written in it, and that
    /// it does not hold the plans of another store (then names this store in it).
    ///
    /// - Parameters:
    ///   - folder: The plan folder.
    ///   - fileName: The first file to be written, named in an error (the folder when nil).
    /// - Throws: ``AtomicFile/WriteError`` naming the file or folder.
    public func preflight(folder: String, fileName: String?) throws(AtomicFile.WriteError) {
        let marker = (folder as NSString).appendingPathComponent(Self.markerName)
        let named = fileName.map { (folder as NSString).appendingPathComponent($0) } ?? folder
        do {
            try FileManager.default.createDirectory(atPath: folder.isEmpty ? "." : folder, withIntermediateDirectories: true)
        } catch {
            throw AtomicFile.WriteError(path: named, reason: "cannot create the folder \(folder)")
        }
        if let store, let data = FileManager.default.contents(atPath: marker) {
            let owner = String(decoding: data, as: UTF8.self).trimmingWhitespace
            if owner != store {
                throw AtomicFile.WriteError(
                    path: folder, reason: "it holds the plans of another store (\(owner)); give --output DIR for the plans of \(store)")
            }
        }
        guard access(folder.isEmpty ? "." : folder, W_OK) == 0 else {
            throw AtomicFile.WriteError(path: named, reason: String(cString: strerror(errno)))
        }
        if let store, !FileManager.default.fileExists(atPath: marker) {
            try AtomicFile.write(Data((store + "\n").utf8), to: marker)
        }
    }

    /// Checks, without creating or writing anything, that ``preflight(folder:fileName:)`` would
    /// pass: the folder is a writable folder whose marker names this store (or none), or the
    /// closest folder above it that exists is writable.
    ///
    /// - Throws: ``AtomicFile/WriteError`` naming the folder.
    public func check(folder: String) throws(AtomicFile.WriteError) {
        var isDirectory: ObjCBool = false
        let path = folder.isEmpty ? "." : folder
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw AtomicFile.WriteError(path: folder, reason: "it is a file, not a folder") }
            guard access(path, W_OK) == 0 else { throw AtomicFile.WriteError(path: folder, reason: String(cString: strerror(errno))) }
            if let store, let data = FileManager.default.contents(atPath: (path as NSString).appendingPathComponent(Self.markerName)) {
                let owner = String(decoding: data, as: UTF8.self).trimmingWhitespace
                if owner != store {
                    throw AtomicFile.WriteError(
                        path: folder, reason: "it holds the plans of another store (\(owner)); give --output DIR for the plans of \(store)")
                }
            }
            return
        }
        var ancestor = PathText.parent(of: path)
        while !ancestor.isEmpty, !FileManager.default.fileExists(atPath: ancestor, isDirectory: &isDirectory) {
            ancestor = PathText.parent(of: ancestor)
        }
        let existing = ancestor.isEmpty ? "." : ancestor
        _ = FileManager.default.fileExists(atPath: existing, isDirectory: &isDirectory)
        guard isDirectory.boolValue, access(existing, W_OK) == 0 else {
            throw AtomicFile.WriteError(path: folder, reason: "cannot create the folder \(folder)")
        }
    }

    /// Renders every format of `context` and writes each file atomically into `folder`; the
    /// sign-off pack is left out for a rules-1 run, which has none. The context's document decides
    /// the appendix (``ReportContext/load(run:from:appendix:)`` with ``appendix``).
    ///
    /// - Returns: The paths written, in format order.
    /// - Throws: ``AtomicFile/WriteError``, or a renderer's error; files written before it stay.
    public func write(_ context: ReportContext, folder: String) throws -> [String] {
        var paths: [String] = []
        let written = formats.filter { $0 != .pack || context.run.result.rules != .v1 }  // a rules-1 run has no pack
        var rendered: [ReportFormat: Data] = [:]
        let templates = try renderer()
        if let templates {
            // The template formats come from one pass over the document.
            let plans = written.compactMap(\.planFormat)
            for (format, text) in try templates.render(context.document, formats: plans) {
                rendered[ReportFormat(format)] = Data(text.utf8)
            }
        }
        for format in written {
            let data = try rendered[format] ?? format.renderer(templates: templates, boardsProcess: boardsProcess).render(context)
            let path = (folder as NSString).appendingPathComponent(
                format.fileName(appSlug: context.run.appSlug, run: context.run.summary.number))
            try AtomicFile.write(data, to: path)
            paths.append(path)
        }
        return paths
    }
}
