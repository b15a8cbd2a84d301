import Foundation

/// A run's sign-off status in `apps@1` and `history@1`: `{"status": "pending"}`, or the decision
/// with its reviewer, role, time and comment.
public struct SignOffEntry: Codable, Sendable, Equatable {
    /// `pending`, `approved` or `sent-back`.
    public var status: String
    /// The reviewer, or null.
    @ExplicitNull public var reviewer: String?
    /// Their role, or null.
    @ExplicitNull public var role: String?
    /// When, ISO 8601 UTC, or null.
    @ExplicitNull public var at: String?
    /// The comment, or null.
    @ExplicitNull public var comment: String?

    /// The entry of a run's latest sign-off (nil: pending).
    public init(_ signOff: SignOff?) {
        guard let signOff else {
            status = "pending"
            return
        }
        status = signOff.decision == .approve ? "approved" : "sent-back"
        reviewer = signOff.reviewer
        role = signOff.role
        at = Timestamp.string(signOff.recordedAt)
        comment = signOff.comment
    }
}
