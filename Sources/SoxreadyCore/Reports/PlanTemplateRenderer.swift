import Foundation

/// The Markdown or HTML plan, or the sign-off pack, through the Mustache templates.
struct PlanTemplateRenderer: ReportRenderer {
    var templates: PlanRenderer
    var format: ReportFormat
    func render(_ context: ReportContext) throws -> Data {
        guard let planFormat = format.planFormat else { return Data() }
        return Data((try templates.render(context.document, formats: [planFormat])[planFormat] ?? "").utf8)
    }
}
