import Foundation

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
