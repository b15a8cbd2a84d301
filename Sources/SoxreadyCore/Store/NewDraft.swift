import Foundation

/// What a new draft starts with.
public struct NewDraft: Sendable {
    /// The application's name.
    public var appName: String
    /// The questionnaire the draft answers.
    public var questionnaire: LoadedQuestionnaire
    /// Answers it starts with (carried over by `--only-gaps`), by question id.
    public var answers: AnswerSheet
    /// The run whose answers pre-fill the questions, on a rerun.
    public var basedOnRun: Int?
    /// Ask only the gaps of ``basedOnRun``.
    public var onlyGaps: Bool
    /// When it starts.
    public var startedAt: Date

    /// Creates the start of a draft.
    public init(
        appName: String, questionnaire: LoadedQuestionnaire, answers: AnswerSheet = [:], basedOnRun: Int? = nil,
        onlyGaps: Bool = false, startedAt: Date
    ) {
        self.appName = appName
        self.questionnaire = questionnaire
        self.answers = answers
        self.basedOnRun = basedOnRun
        self.onlyGaps = onlyGaps
        self.startedAt = startedAt
    }
}
