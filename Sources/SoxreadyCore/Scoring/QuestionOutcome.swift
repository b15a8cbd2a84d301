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
