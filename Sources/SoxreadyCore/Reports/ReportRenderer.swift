import Foundation

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
