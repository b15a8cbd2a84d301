/// Everything recorded for one question: the answer (if any), a note, an evidence reference,
/// and a commitment to close its gap (a named owner and a due date).
public struct AnswerRecord: Sendable, Hashable {
    /// The answer; nil when the question was skipped (a note or evidence may still be kept).
    public var answer: Answer?
    /// The lead's note; nil when none.
    public var note: String?
    /// An evidence reference (ticket, URL, document id); nil when none.
    public var evidence: String?
    /// Who will close the gap: a named person (free text), not a role; nil when none.
    public var owner: String?
    /// By when the gap will be closed; nil when none.
    public var due: CalendarDate?

    /// Creates a record.
    public init(answer: Answer?, note: String? = nil, evidence: String? = nil, owner: String? = nil, due: CalendarDate? = nil) {
        self.answer = answer
        self.note = note
        self.evidence = evidence
        self.owner = owner
        self.due = due
    }

    /// The commitment, when both an owner and a due date are given (one alone is none).
    public var commitment: Commitment? {
        guard let owner, !owner.trimmingWhitespace.isEmpty, let due else { return nil }
        return Commitment(owner: owner, due: due)
    }

    /// True when only one of owner and due date is given: no commitment yet, and the wizard and
    /// the answers-file loader say so.
    public var hasHalfACommitment: Bool { (owner != nil) != (due != nil) }

    /// True when the record holds anything besides its answer (a note, evidence, owner or due date).
    public var hasAnnotations: Bool { note != nil || evidence != nil || owner != nil || due != nil }
}

/// The answers of one assessment, by question id.
public typealias AnswerSheet = [String: AnswerRecord]

/// A commitment to close a gap: a named person and a due date (SCORING.md rules version 2).
public struct Commitment: Sendable, Hashable, Codable {
    /// The person who owns closing the gap.
    public var owner: String
    /// The date it is due.
    public var due: CalendarDate

    /// Creates a commitment.
    public init(owner: String, due: CalendarDate) {
        self.owner = owner
        self.due = due
    }

    /// How a commitment stands on a run's as-of date (SCORING.md).
    public enum Status: String, Sendable, Hashable, Codable {
        /// Due on or after the as-of date, and (before the cutover) on or before the cutover date.
        case onTime = "on-time"
        /// Due before the as-of date.
        case overdue
        /// In a pre-cutover run with a known cutover date, due after it.
        case afterCutover = "after-cutover"
    }

    /// The status on `asOf`, for a run whose cutover date is `cutover` (nil when unknown) and
    /// stage `stage`: overdue when due < as-of; after-cutover when the cutover is known, the run
    /// is pre-cutover and due > cutover; otherwise on time (a due date equal to either is on time).
    public func status(asOf: CalendarDate, cutover: CalendarDate?, stage: RunStage) -> Status {
        if due < asOf { return .overdue }
        if let cutover, stage == .preCutover, due > cutover { return .afterCutover }
        return .onTime
    }
}
