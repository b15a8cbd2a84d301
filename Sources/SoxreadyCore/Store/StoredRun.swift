import Foundation

/// A recorded run with everything needed to rebuild its reports and verify it.
public struct StoredRun: Sendable {
    /// Headline figures.
    public var summary: RunSummary
    /// The application's name.
    public var appName: String
    /// The application's slug (file names, `Reports/<slug>/`).
    public var appSlug: String
    /// The answers exactly as recorded.
    public var answers: AnswerSheet
    /// The result exactly as recorded.
    public var result: AssessmentResult
    /// The result's JSON exactly as stored (what `report --format json` prints).
    public var resultJSON: String
    /// The answers' canonical JSON exactly as stored (what the fingerprint covers).
    public var answersJSON: String
    /// The exact questionnaire text scored against.
    public var questionnaireContent: String
    /// SHA-256 of the questionnaire content.
    public var questionnaireHash: String
    /// The run's fingerprint (docs/store.md).
    public var fingerprint: String
    /// The recipe of the fingerprint: ``RunFingerprint/recipe1`` (runs recorded before schema v5) or ``RunFingerprint/recipe2``.
    public var fingerprintRecipe: String
    /// Who prepared the run and what they attested; nil for runs recorded before preparers were asked.
    public var preparer: Preparer?
    /// The fingerprint of the application's run before, as recorded (recipe 2), else nil.
    public var previousFingerprint: String?

    /// Creates a stored run.
    public init(
        summary: RunSummary, appName: String, appSlug: String, answers: AnswerSheet, result: AssessmentResult,
        resultJSON: String, answersJSON: String, questionnaireContent: String, questionnaireHash: String,
        fingerprint: String, fingerprintRecipe: String = RunFingerprint.recipe2, preparer: Preparer? = nil,
        previousFingerprint: String? = nil
    ) {
        self.fingerprintRecipe = fingerprintRecipe
        self.preparer = preparer
        self.previousFingerprint = previousFingerprint
        self.summary = summary
        self.appName = appName
        self.appSlug = appSlug
        self.answers = answers
        self.result = result
        self.resultJSON = resultJSON
        self.answersJSON = answersJSON
        self.questionnaireContent = questionnaireContent
        self.questionnaireHash = questionnaireHash
        self.fingerprint = fingerprint
    }

    /// The questionnaire parsed from the stored content.
    ///
    /// - Parameter cache: Compiled questionnaires to try before parsing the YAML (nil: parse it).
    /// - Throws: ``QuestionnaireLoadError`` naming the run, when the stored content no longer
    ///   loads (it did when the run was recorded).
    /// - Returns: The questionnaire the run was scored against, from ``questionnaireContent``.
    public func questionnaire(cache: QuestionnaireCache? = nil) throws(QuestionnaireLoadError) -> Questionnaire {
        try QuestionnaireLoader.parse(
            questionnaireContent,
            file: "the questionnaire of run \(summary.number) (\(summary.questionnaireID)@\(summary.questionnaireVersion))",
            cache: cache
        ).questionnaire
    }
}
