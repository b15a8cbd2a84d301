/// The full, unrounded outcome of scoring one answer sheet against one questionnaire.
///
/// Produced by ``ReadinessScorer``; every figure follows SCORING.md. Percentages are 0...100.
public struct Scorecard: Sendable, Equatable {
    /// Per question, in questionnaire order.
    public var questions: [QuestionOutcome]
    /// Per domain, in questionnaire order.
    public var domains: [DomainOutcome]
    /// Overall score, percent 0...100, unrounded; nil when no domain has a score.
    public var score: Double?
    /// Answered scored questions over applicable scored questions, percent 0...100 (0 when none apply).
    public var confidence: Double
    /// Confidence stars 1...5 (Azure Migrate's bands).
    public var stars: Int
    /// Gaps in remediation priority order.
    public var gaps: [Gap]
    /// The readiness level.
    public var readiness: ReadinessLevel
    /// One entry per rule clause that holds, in rule order (rules 1: one line per condition,
    /// with no rule number).
    public var reasons: [Reason]
    /// The rules the card was scored under.
    public var rules: RulesVersion
    /// Rules 2: the run's as-of date (the UTC date of its recording time); nil under rules 1.
    public var asOf: CalendarDate?
    /// Rules 2: pre- or post-cutover.
    public var stage: RunStage
    /// Rules 2: the calendar figures.
    public var calendar: CalendarFigures
    /// Rules 2: questions asked only after cutover, not yet due in a pre-cutover run (questionnaire order).
    public var notYetDue: [String]
    /// Rules 2: key questions fully met with no evidence reference (questionnaire order).
    public var evidenceMissing: [String]

    /// The outcome of the question `id`, or nil.
    public func outcome(_ id: String) -> QuestionOutcome? { questions.first { $0.questionID == id } }
}
