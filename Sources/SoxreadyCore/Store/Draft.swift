import Foundation

/// An unfinished assessment: answers saved one at a time by the wizard.
public struct Draft: Sendable {
    /// The questionnaire content the draft answers.
    public var questionnaireContent: String
    /// SHA-256 of the questionnaire content.
    public var questionnaireHash: String
    /// The question the wizard was asking when it last saved, if known.
    public var position: String?
    /// When the draft was started.
    public var startedAt: Date
    /// When it was last saved.
    public var updatedAt: Date
    /// Answers (with notes, evidence and commitments) saved so far.
    public var answers: AnswerSheet
    /// The run whose answers pre-fill the questions (a rerun), or nil for a first assessment.
    public var basedOnRun: Int?
    /// True when the draft asks only the gaps of ``basedOnRun`` (`--only-gaps`).
    public var onlyGaps: Bool
    /// Who started the draft (its owner).
    public var owner: String
    /// The session holding the draft now, or nil when none does.
    public var holder: DraftHolder?

    /// Creates a draft.
    public init(
        questionnaireContent: String, questionnaireHash: String, position: String?, startedAt: Date, updatedAt: Date,
        answers: AnswerSheet, basedOnRun: Int?, onlyGaps: Bool, owner: String, holder: DraftHolder?
    ) {
        self.questionnaireContent = questionnaireContent
        self.questionnaireHash = questionnaireHash
        self.position = position
        self.startedAt = startedAt
        self.updatedAt = updatedAt
        self.answers = answers
        self.basedOnRun = basedOnRun
        self.onlyGaps = onlyGaps
        self.owner = owner
        self.holder = holder
    }
}
