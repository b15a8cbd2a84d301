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
