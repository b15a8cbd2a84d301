import Foundation

/// `report --format oscal-ar` and `--format oscal-poam`: the run's OSCAL documents as canonical
/// JSON, built from the stored run (never from the plan document).
struct OSCALRenderer: ReportRenderer {
    /// ``ReportFormat/oscalAssessmentResults`` or ``ReportFormat/oscalPOAM``.
    var format: ReportFormat

    /// - Throws: ``QuestionnaireLoadError`` when the stored questionnaire no longer loads;
    ///   ``InterchangeError/nothingToPlan(app:run:)`` for a POA&M of a run without open gaps.
    func render(_ context: ReportContext) throws -> Data {
        // The run records no preparer yet (PRODUCT.md §7.2 adds it): the documents say so.
        let builder = try OSCALBuilder(run: context.run, preparedBy: context.run.preparer?.name)
        let document = format == .oscalPOAM ? try builder.planOfActionAndMilestones() : builder.assessmentResults()
        return document.data
    }
}
