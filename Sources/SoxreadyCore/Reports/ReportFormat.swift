import Foundation

/// Every format `report` can write, and the file name each gets.
///
/// Each format is rendered by one ``ReportRenderer``; ``ReportFormat/renderer(templates:)``
/// gives it. Adding a format means a case here, a renderer, and a line in docs/plan.md
/// (docs/architecture.md, "Where to add").
public enum ReportFormat: String, Sendable, CaseIterable {
    /// The plan as Markdown (`.md`).
    case markdown = "md"
    /// The plan as one self-contained HTML file (`.html`).
    case html
    /// The stored result, `soxready/result@N`, exactly as recorded (`.json`).
    case json
    /// The remediation backlog for an Azure DevOps Boards import (`.csv`).
    case csv
    /// The sign-off pack: the executive summary, blockers, conditions and the sign-off block,
    /// one self-contained HTML file of at most two A4 pages (`.pack.html`; rules-2 runs only).
    case pack
    /// An answers file to edit and feed back with `assess --answers FILE --update` (`.answers.yaml`).
    case answers
    /// OSCAL assessment results, canonical JSON (`.oscal-ar.json`).
    case oscalAssessmentResults = "oscal-ar"
    /// OSCAL plan of action and milestones, canonical JSON (`.oscal-poam.json`).
    case oscalPOAM = "oscal-poam"
    /// The auditor's provided-by-client request list as CSV (`.pbc.csv`).
    case pbc
    /// The same list as Markdown (`.pbc.md`).
    case pbcMarkdown = "pbc-md"

    /// The formats written beside a run when none is asked for: the plan in Markdown and HTML,
    /// and the sign-off pack (rules-2 runs only; a rules-1 run gets its two plans, as it always did).
    public static let plans: [ReportFormat] = [.markdown, .html, .pack]

    /// The file name of a run's report in this format: `<slug>-run-<N>.<extension>`.
    public func fileName(appSlug: String, run: Int) -> String { "\(appSlug)-run-\(run).\(fileExtension)" }

    /// `md`, `html`, `json`, `csv`, `pack.html`, `answers.yaml`, `oscal-ar.json`, `oscal-poam.json`, `pbc.csv`, `pbc.md`.
    public var fileExtension: String {
        switch self {
        case .markdown, .html, .json, .csv: rawValue
        case .pack: "pack.html"
        case .answers: "answers.yaml"
        case .oscalAssessmentResults, .oscalPOAM: "\(rawValue).json"
        case .pbc: "pbc.csv"
        case .pbcMarkdown: "pbc.md"
        }
    }

    /// True when the format needs the plan templates.
    public var needsTemplates: Bool { planFormat != nil }

    /// The template format that renders this one, if any.
    public var planFormat: PlanRenderer.Format? {
        switch self {
        case .markdown: .markdown
        case .html: .html
        case .pack: .pack
        default: nil
        }
    }

    /// The report format of a template format.
    init(_ format: PlanRenderer.Format) {
        switch format {
        case .markdown: self = .markdown
        case .html: self = .html
        case .pack: self = .pack
        }
    }
}

/// What a renderer reads: the run as stored, its plan document, and the finance review around it.
public struct ReportContext: Sendable {
    /// The run, exactly as recorded.
    public var run: StoredRun
    /// The plan document built from the run's stored result.
    public var document: PlanDocument
    /// The application's sign-offs, oldest first.
    public var signOffs: [SignOff]
    /// The latest run before this one whose latest sign-off approves it, if any.
    public var lastApproved: StoredRun?
    /// What does not verify about the run (empty when it verifies); a report is rendered with
    /// problems only under `--unverified`, and then says so on its first page.
    public var verificationProblems: [String]

    /// Creates a context.
    public init(
        run: StoredRun, document: PlanDocument, signOffs: [SignOff] = [], lastApproved: StoredRun? = nil,
        verificationProblems: [String] = []
    ) {
        self.run = run
        self.document = document
        self.signOffs = signOffs
        self.lastApproved = lastApproved
        self.verificationProblems = verificationProblems
    }

    /// The decision that counts for this run: its latest sign-off, or nil (pending).
    public var signOff: SignOff? { signOffs.last { $0.runNumber == run.summary.number } }
}

extension ReportContext {
    /// The context of `run` from `store`: its plan document, compared with the run before it and
    /// with the last approved run, with the application's history for the trend, its sign-offs,
    /// and what does not verify about the run.
    ///
    /// - Parameters:
    ///   - run: The run to report on.
    ///   - store: The store holding it, for its history, sign-offs and earlier runs.
    ///   - appendix: False for `--no-appendix` (the rules-2 plan leaves the appendix out).
    /// - Returns: The run's context: its plan document, its application's sign-offs, the last approved
    ///   run before it (nil when none) and what does not verify.
    /// - Throws: ``StoreError``, or ``QuestionnaireLoadError`` naming the run whose stored
    ///   questionnaire does not load (this run's, the previous one's or the last approved one's).
    public static func load(run: StoredRun, from store: any AssessmentStore, appendix: Bool = true) throws -> ReportContext {
        let history = try store.runs(appName: run.appName)
        let previous = run.summary.number > 1 ? try store.run(appName: run.appName, number: run.summary.number - 1) : nil
        let signOffs = try store.signOffs(appName: run.appName)
        let approved = SignOffStatus.lastApprovedRun(before: run.summary.number, signOffs: signOffs)
        let lastApproved = try approved.map { number throws(StoreError) in
            if let previous, previous.summary.number == number { return previous }
            return try store.run(appName: run.appName, number: number)
        }
        // What does not verify: the run itself, and any of the application's sign-offs (a plan
        // shows the decisions, so a forged or edited one is not shown as if it held).
        var named: [Int: StoredRun] = [run.summary.number: run]
        if let previous { named[previous.summary.number] = previous }
        for number in Set(signOffs.map(\.runNumber)) where named[number] == nil && history.contains(where: { $0.number == number }) {
            named[number] = try store.run(appName: run.appName, number: number)
        }
        let signOffProblems = StoreVerifier.check(
            signOffs, app: run.appName, slug: run.appSlug, runs: { named[$0] },
            checkSignature: nil
        ).problems
        let problems = StoreVerifier.check(run, previous: previous) + signOffProblems.map { "\($0.item): \($0.what)" }
        let document = try PlanDocument(
            run: run, previous: previous, history: history, signOffs: signOffs, lastApproved: lastApproved,
            verificationProblems: problems, appendix: appendix)
        return ReportContext(run: run, document: document, signOffs: signOffs, lastApproved: lastApproved, verificationProblems: problems)
    }
}

/// Renders one ``ReportFormat`` of a run.
public protocol ReportRenderer: Sendable {
    /// The bytes of the report.
    ///
    /// - Throws: an error naming what could not be rendered.
    func render(_ context: ReportContext) throws -> Data
}

extension ReportFormat {
    /// The renderer of this format; `templates` is needed for ``markdown``, ``html`` and ``pack``,
    /// `boardsProcess` is read by ``csv`` only.
    ///
    /// - Throws: ``PlanRenderer/TemplateError`` when the format needs templates and none are given.
    public func renderer(
        templates: PlanRenderer?, boardsProcess: BoardsProcess = .agile
    ) throws(PlanRenderer.TemplateError) -> any ReportRenderer {
        switch self {
        case .markdown, .html, .pack:
            guard let templates else { throw PlanRenderer.TemplateError(path: "the plan templates", reason: "none were loaded") }
            return PlanTemplateRenderer(templates: templates, format: self)
        case .json: return ResultJSONRenderer()
        case .csv: return BacklogCSVRenderer(process: boardsProcess)
        case .answers: return AnswersFileRenderer()
        case .oscalAssessmentResults, .oscalPOAM: return OSCALRenderer(format: self)
        case .pbc, .pbcMarkdown: return PBCRenderer(format: self)
        }
    }
}

/// The Markdown or HTML plan, or the sign-off pack, through the Mustache templates.
struct PlanTemplateRenderer: ReportRenderer {
    var templates: PlanRenderer
    var format: ReportFormat
    func render(_ context: ReportContext) throws -> Data {
        guard let planFormat = format.planFormat else { return Data() }
        return Data((try templates.render(context.document, formats: [planFormat])[planFormat] ?? "").utf8)
    }
}

/// The stored result's JSON, byte for byte as recorded.
struct ResultJSONRenderer: ReportRenderer {
    func render(_ context: ReportContext) throws -> Data { Data(context.run.resultJSON.utf8) }
}

/// The CSV backlog, from the stored run.
struct BacklogCSVRenderer: ReportRenderer {
    var process: BoardsProcess
    func render(_ context: ReportContext) throws -> Data { Data(try BacklogCSV.render(context.run, process: process).utf8) }
}

/// The run's answers as an answers file.
struct AnswersFileRenderer: ReportRenderer {
    func render(_ context: ReportContext) throws -> Data {
        Data(
            try AnswersFileWriter.yaml(
                appName: context.run.appName, questionnaire: try context.run.questionnaire(),
                answers: context.run.answers, preparedBy: context.run.preparer?.name
            ).utf8)
    }
}
