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
    /// One plain-language line per rule condition that holds.
    public var reasons: [String]

    /// The outcome of the question `id`, or nil.
    public func outcome(_ id: String) -> QuestionOutcome? { questions.first { $0.questionID == id } }
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
    public var isApplicable: Bool { status != .notAsked && status != .notApplicable }
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
}
