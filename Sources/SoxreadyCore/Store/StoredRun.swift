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

/// What the assess flow hands the store to record: the answers, the questionnaire they were
/// scored against and the result of scoring them (the store fills in the run number and the
/// application's slug).
public struct RunToRecord: Sendable {
    /// The application's name (trimmed; compared exactly).
    public var appName: String
    /// The questionnaire and its exact content.
    public var questionnaire: LoadedQuestionnaire
    /// The answers to record.
    public var answers: AnswerSheet
    /// The result of scoring `answers`; its `app.slug` and `run.number` are set by the store.
    public var result: AssessmentResult
    /// The run's time (passed in, so that tests and reports are reproducible).
    public var recordedAt: Date
    /// Remove the application's draft in the same transaction (the run completes it); the
    /// draft must be held by this session.
    public var completingDraft: DraftSession?
    /// Who prepared the answers and attests them.
    public var preparer: Preparer

    /// Creates a run to record.
    public init(
        appName: String, questionnaire: LoadedQuestionnaire, answers: AnswerSheet, result: AssessmentResult,
        recordedAt: Date, preparer: Preparer, completingDraft: DraftSession? = nil
    ) {
        self.preparer = preparer
        self.appName = appName
        self.questionnaire = questionnaire
        self.answers = answers
        self.result = result
        self.recordedAt = recordedAt
        self.completingDraft = completingDraft
    }

    /// A run to record from `answers`, scored against `questionnaire` under the current rules
    /// (version 2) on the UTC date of `recordedAt`. A commitment on a question that is no longer
    /// a gap has served its purpose and is dropped (SCORING.md); the run before still shows it.
    ///
    /// - Parameters:
    ///   - answers: The answers.
    ///   - appName: The application's name.
    ///   - questionnaire: The questionnaire and its content.
    ///   - recordedAt: The run's time (its as-of date).
    ///   - preparer: Who prepared the answers and attests them.
    ///   - completingDraft: The session whose draft the run completes, if any.
    public init(
        scoring answers: AnswerSheet, appName: String, questionnaire: LoadedQuestionnaire, recordedAt: Date,
        preparer: Preparer, completingDraft: DraftSession? = nil
    ) {
        let card = ReadinessScorer.score(
            questionnaire.questionnaire, answers: answers, rules: .version2(asOf: CalendarDate(utc: recordedAt)))
        let gaps = Set(card.gaps.map(\.questionID))
        var kept = answers
        for (id, record) in answers where !gaps.contains(id) && (record.owner != nil || record.due != nil) {
            kept[id]?.owner = nil
            kept[id]?.due = nil
        }
        let result = AssessmentResult(
            card: card, questionnaire: questionnaire.questionnaire, answers: kept, appName: appName,
            appSlug: Identifier.slug(appName), runNumber: 0, recordedAt: recordedAt)
        self.init(
            appName: appName, questionnaire: questionnaire, answers: kept, result: result, recordedAt: recordedAt,
            preparer: preparer, completingDraft: completingDraft)
    }
}

/// What a reviewer's decision needs before the store records it.
public struct NewSignOff: Sendable {
    /// The application.
    public var appName: String
    /// The run decided on.
    public var runNumber: Int
    /// The run's fingerprint as the reviewer saw it (the statement names it).
    public var runFingerprint: String
    /// The reviewer's name.
    public var reviewer: String
    /// The reviewer's role.
    public var role: String
    /// Approve or send back.
    public var decision: SignOff.Decision
    /// The comment, if any (required to send back).
    public var comment: String?
    /// The statement the reviewer confirms (``SignOffStatement``).
    public var statement: String
    /// An SSH signature of the statement, armored, if signed.
    public var signature: String?
    /// When it is recorded.
    public var recordedAt: Date

    /// Creates a decision to record.
    public init(
        appName: String, runNumber: Int, runFingerprint: String, reviewer: String, role: String, decision: SignOff.Decision,
        comment: String?, statement: String, signature: String?, recordedAt: Date
    ) {
        self.appName = appName
        self.runNumber = runNumber
        self.runFingerprint = runFingerprint
        self.reviewer = reviewer
        self.role = role
        self.decision = decision
        self.comment = comment
        self.statement = statement
        self.signature = signature
        self.recordedAt = recordedAt
    }
}
