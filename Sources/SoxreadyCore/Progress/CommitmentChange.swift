/// How one gap's commitment (owner and due date) changed between two runs: what the controller
/// follows from one run to the next (met, slipped, reassigned, new, withdrawn).
///
/// Read from the runs' stored results (a gap's `commitment`), never recomputed. Runs scored under
/// rules 1 record no commitments, so a comparison of two rules-1 runs has none.
public struct CommitmentChange: Sendable, Equatable {
    /// What happened to the commitment.
    public enum Kind: String, Sendable, Equatable, Codable, CaseIterable {
        /// The gap closed by the later run's as-of date, on or before the commitment's due date.
        case met
        /// The gap closed, but after the commitment's due date.
        case metLate = "met-late"
        /// The gap is still open and its due date moved later.
        case slipped
        /// The gap is still open, the due date did not move later, the owner changed.
        case reassigned
        /// The gap had no commitment in the earlier run (or was no gap) and has one now.
        case new
        /// The gap is still open and its commitment was removed.
        case withdrawn
    }

    /// The question id in the later run (the earlier id when the question was removed).
    public var questionID: String
    /// The kind of change.
    public var kind: Kind
    /// The commitment in the earlier run's result, or nil.
    public var before: AssessmentResult.CommitmentEntry?
    /// The commitment in the later run's result, or nil.
    public var after: AssessmentResult.CommitmentEntry?

    /// Creates a change.
    public init(questionID: String, kind: Kind, before: AssessmentResult.CommitmentEntry?, after: AssessmentResult.CommitmentEntry?) {
        self.questionID = questionID
        self.kind = kind
        self.before = before
        self.after = after
    }

    /// The change for one question, or nil when its commitment did not change.
    ///
    /// - Parameters:
    ///   - question: the question id the change is reported under.
    ///   - before: the earlier run's commitment for the gap (nil when none or no gap).
    ///   - after: the later run's commitment (nil when none or no gap).
    ///   - closed: true when the gap closed in the later run.
    ///   - asOf: the later run's as-of date (a met commitment is on time when this is on or
    ///     before its due date).
    /// - Returns: ``Kind/met`` or ``Kind/metLate`` for a closed gap, ``Kind/withdrawn``, ``Kind/new``,
    ///   ``Kind/slipped`` or ``Kind/reassigned``; nil when neither run has a commitment or it did not change.
    static func between(
        _ question: String, before: AssessmentResult.CommitmentEntry?, after: AssessmentResult.CommitmentEntry?,
        closed: Bool, asOf: CalendarDate
    ) -> CommitmentChange? {
        switch (before, after) {
        case (nil, nil): return nil
        case (let before?, nil):
            if closed {
                return CommitmentChange(questionID: question, kind: asOf <= before.due ? .met : .metLate, before: before, after: nil)
            }
            return CommitmentChange(questionID: question, kind: .withdrawn, before: before, after: nil)
        case (nil, let after?): return CommitmentChange(questionID: question, kind: .new, before: nil, after: after)
        case (let before?, let after?):
            if after.due > before.due { return CommitmentChange(questionID: question, kind: .slipped, before: before, after: after) }
            if after.owner != before.owner {
                return CommitmentChange(questionID: question, kind: .reassigned, before: before, after: after)
            }
            return nil
        }
    }
}
