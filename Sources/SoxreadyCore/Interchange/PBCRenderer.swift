import Foundation

/// `report --format pbc` (CSV) and `--format pbc-md` (Markdown): the auditor's request list,
/// built from the stored run.
struct PBCRenderer: ReportRenderer {
    /// ``ReportFormat/pbc`` or ``ReportFormat/pbcMarkdown``.
    var format: ReportFormat

    /// - Throws: ``QuestionnaireLoadError`` when the stored questionnaire no longer loads.
    func render(_ context: ReportContext) throws -> Data {
        let list = try PBCList(run: context.run)
        return Data((format == .pbcMarkdown ? list.markdown : list.csv).utf8)
    }
}
