import Foundation

/// A reviewer's decision on a run (PRODUCT.md §7.2): recorded append-only, bound to the run's
/// fingerprint, chained to the application's sign-off before it, optionally signed with SSH.
public struct SignOff: Sendable, Equatable {
    /// The decision.
    public enum Decision: String, Sendable, Hashable, Codable, CaseIterable {
        /// The reviewer accepts the plan as the dated remediation plan of the run.
        case approve
        /// The reviewer sends it back, with a comment.
        case sendBack = "send-back"
    }

    /// Sign-off number, from 1 per application (append-only; a later one supersedes an earlier).
    public var number: Int
    /// The run it is about.
    public var runNumber: Int
    /// The run's fingerprint when the decision was recorded.
    public var runFingerprint: String
    /// The reviewer's name.
    public var reviewer: String
    /// The reviewer's role (Controller, SOX PMO lead …).
    public var role: String
    /// Approve or send back.
    public var decision: Decision
    /// The reviewer's comment, if any.
    public var comment: String?
    /// The statement the reviewer confirms, word for word.
    public var statement: String
    /// When it was recorded.
    public var recordedAt: Date
    /// An SSH signature of ``statement`` (`ssh-keygen -Y sign`, namespace `soxready`), armored; nil when unsigned.
    public var signature: String?
    /// The fingerprint of the sign-off before it for the application (the chain), nil for the first.
    public var previousFingerprint: String?
    /// This sign-off's fingerprint (docs/store.md).
    public var fingerprint: String

    /// Creates a sign-off.
    public init(
        number: Int, runNumber: Int, runFingerprint: String, reviewer: String, role: String, decision: Decision,
        comment: String?, statement: String, recordedAt: Date, signature: String?, previousFingerprint: String?,
        fingerprint: String
    ) {
        self.number = number
        self.runNumber = runNumber
        self.runFingerprint = runFingerprint
        self.reviewer = reviewer
        self.role = role
        self.decision = decision
        self.comment = comment
        self.statement = statement
        self.recordedAt = recordedAt
        self.signature = signature
        self.previousFingerprint = previousFingerprint
        self.fingerprint = fingerprint
    }
}

/// Who prepared a run and what they attested (PRODUCT.md §7.2).
public struct Preparer: Sendable, Equatable {
    /// The attestation every preparer gives, word for word.
    public static let attestation = "The answers are complete and accurate to the best of my knowledge."

    /// The preparer's name.
    public var name: String
    /// The attestation text they confirmed.
    public var attestation: String

    /// A preparer who confirmed the standard attestation.
    public init(name: String, attestation: String = Preparer.attestation) {
        self.name = name
        self.attestation = attestation
    }
}
