import Foundation

/// What a reviewer's decision needs before the store records it.
public struct NewSignOff: Sendable {
    /// The application.
    public var appName: String
    /// The run decided on.
    public var runNumber: Int
    /// The run's fingerprint as the reviewer saw it (the statement names it).
    public var runFingerprint: String
    /// The reviewer's name.
    public var reviewer: String
    /// The reviewer's role.
    public var role: String
    /// Approve or send back.
    public var decision: SignOff.Decision
    /// The comment, if any (required to send back).
    public var comment: String?
    /// The statement the reviewer confirms (``SignOffStatement``).
    public var statement: String
    /// An SSH signature of the statement, armored, if signed.
    public var signature: String?
    /// When it is recorded.
    public var recordedAt: Date

    /// Creates a decision to record.
    public init(
        appName: String, runNumber: Int, runFingerprint: String, reviewer: String, role: String, decision: SignOff.Decision,
        comment: String?, statement: String, signature: String?, recordedAt: Date
    ) {
        self.appName = appName
        self.runNumber = runNumber
        self.runFingerprint = runFingerprint
        self.reviewer = reviewer
        self.role = role
        self.decision = decision
        self.comment = comment
        self.statement = statement
        self.signature = signature
        self.recordedAt = recordedAt
    }
}
