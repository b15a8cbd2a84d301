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
