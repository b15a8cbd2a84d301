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

/// One reason for a readiness level (SCORING.md): the rule it comes from, plain words using the
/// questions' short titles, and the ids of the questions it names (empty for a clause about the
/// score, the confidence or the calendar).
public struct Reason: Sendable, Hashable, Codable {
    /// The rule (1...4); nil for a reason recorded under rules 1, which had no numbers.
    public var rule: Int?
    /// The reason in plain words.
    public var text: String
    /// The questions it names, in questionnaire order.
    public var questions: [String]

    /// Creates a reason.
    public init(rule: Int?, text: String, questions: [String] = []) {
        self.rule = rule
        self.text = text
        self.questions = questions
    }
}

/// The calendar figures of a run (SCORING.md): the cutover and fiscal-year-end dates as
/// answered, the close window that holds the cutover date, and the operating window.
public struct CalendarFigures: Sendable, Equatable {
    /// The cutover date, when answered and applicable.
    public var cutover: CalendarDate?
    /// The fiscal year end, when answered and applicable.
    public var fiscalYearEnd: CalendarDate?
    /// Pre-cutover only: the close window holding the cutover date.
    public var closeWindow: FiscalCalendar.CloseWindow?
    /// Pre-cutover only: days from the cutover to the next fiscal year end.
    public var operatingDays: Int?

    /// No figures.
    public static let none = CalendarFigures(cutover: nil, fiscalYearEnd: nil, closeWindow: nil, operatingDays: nil)
}

/// The versions of the scoring rules (SCORING.md). A run keeps the rules it was scored under.
public enum RulesVersion: Int, Sendable, Hashable, Codable, CaseIterable {
    /// Rules version 1 (`soxready/result@1`), scored by soxready 0.1.
    case v1 = 1
    /// Rules version 2 (`soxready/result@2`): commitments, evidence, the fiscal calendar.
    case v2 = 2

    /// The rules new runs are scored under.
    public static let current = RulesVersion.v2
}

/// How one question stands after scoring.
public struct QuestionOutcome: Sendable, Equatable {
    /// What the answer amounts to.
    public enum Status: String, Sendable, Equatable {
        /// The `when` condition does not hold: the question is not asked.
        case notAsked = "not-asked"
        /// Answered `n/a`.
        case notApplicable = "not-applicable"
        /// Answered with a value.
        case answered
        /// Answered `unknown`.
        case unknown
        /// No answer.
        case unanswered
        /// Rules 2: asked only after cutover, and the run is pre-cutover (any answer is kept, not scored).
        case notYetDue = "not-yet-due"
    }

    /// The question id.
    public var questionID: String
    /// The id of the question's domain.
    public var domainID: String
    /// Status of the answer.
    public var status: Status
    /// Answer score s in 0...1 for an answered scored question, else nil.
    public var score: Double?
    /// True when the question counts (its `when` holds and it is not `n/a`).
    public var isApplicable: Bool { status != .notAsked && status != .notApplicable && status != .notYetDue }
}

/// A domain's figures.
public struct DomainOutcome: Sendable, Equatable {
    /// The domain id.
    public var domainID: String
    /// Domain score, percent 0...100, unrounded; nil when no scored question is answered.
    public var score: Double?
    /// Answered scored questions.
    public var answered: Int
    /// Applicable scored questions.
    public var applicable: Int
}

/// A gap: an applicable scored question with s < 1, answered unknown, or unanswered.
public struct Gap: Sendable, Equatable {
    /// The question id.
    public var questionID: String
    /// The domain id.
    public var domainID: String
    /// The answer score s, nil for unknown or unanswered.
    public var score: Double?
    /// The answer (nil when unanswered).
    public var answer: Answer?
    /// Gap risk (SCORING.md).
    public var risk: RiskLevel
    /// True when the question is gating.
    public var gating: Bool
    /// True when answered unknown.
    public var unknown: Bool
    /// Points lost: w × (1 − s), or w when unknown or unanswered.
    public var pointsLost: Double
    /// Remediation priority 1...4: P1 gating, P2 other high risk, P3 medium, P4 low.
    public var priority: Int
    /// The kind of gate, for a gating question.
    public var gate: Gate? = nil
    /// Rules 2: the commitment to close it, with its status on the as-of date.
    public var commitment: (Commitment, Commitment.Status)? = nil
    /// Rules 2: a preview of how serious a deficiency this could be, for management and the auditor to judge.
    public var deficiencyPreview: DeficiencyPreview? = nil
    /// The remediation action: the answer's own (per-choice `action:`) or the question's.
    public var action: String = ""

    /// Compares every field; the commitment by its commitment and its status (a tuple is not `Equatable`).
    public static func == (lhs: Gap, rhs: Gap) -> Bool {
        lhs.questionID == rhs.questionID && lhs.domainID == rhs.domainID && lhs.score == rhs.score && lhs.answer == rhs.answer
            && lhs.risk == rhs.risk && lhs.gating == rhs.gating && lhs.unknown == rhs.unknown && lhs.pointsLost == rhs.pointsLost
            && lhs.priority == rhs.priority && lhs.gate == rhs.gate && lhs.commitment?.0 == rhs.commitment?.0
            && lhs.commitment?.1 == rhs.commitment?.1 && lhs.deficiencyPreview == rhs.deficiencyPreview && lhs.action == rhs.action
    }
}

/// A preview of the deficiency a gap could be, worded in plans for management and the auditor
/// to judge, never as a finding (SCORING.md).
public enum DeficiencyPreview: String, Sendable, Hashable, Codable {
    /// An ICFR gate in a critical domain not met (s = 0, unknown, unanswered, or partly met without an on-time commitment).
    case potentialSignificantDeficiency = "potential-significant-deficiency"
    /// Any other high-risk gap (not a technical gate).
    case potentialDeficiency = "potential-deficiency"
}
