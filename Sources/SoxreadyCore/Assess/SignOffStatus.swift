import Foundation

/// Where a run stands in the finance review: pending, approved, or sent back (its latest
/// sign-off counts; earlier ones stay in the record).
public enum SignOffStatus: Sendable, Equatable {
    /// No decision yet.
    case pending
    /// Approved by the reviewer on the date.
    case approved(by: String, role: String, on: Date)
    /// Sent back by the reviewer on the date, with the comment.
    case sentBack(by: String, role: String, on: Date, comment: String)

    /// The status of run `number` among an application's sign-offs.
    public init(run number: Int, signOffs: [SignOff]) {
        guard let latest = signOffs.last(where: { $0.runNumber == number }) else {
            self = .pending
            return
        }
        switch latest.decision {
        case .approve: self = .approved(by: latest.reviewer, role: latest.role, on: latest.recordedAt)
        case .sendBack: self = .sentBack(by: latest.reviewer, role: latest.role, on: latest.recordedAt, comment: latest.comment ?? "")
        }
    }

    /// `pending`, `approved`, `sent-back`.
    public var id: String {
        switch self {
        case .pending: "pending"
        case .approved: "approved"
        case .sentBack: "sent-back"
        }
    }

    /// "pending", "approved by Lee Chen (Controller) on 2026-12-01", "sent back by … on …: comment".
    public var description: String {
        switch self {
        case .pending: return "pending"
        case .approved(let by, let role, let on): return "approved by \(by) (\(role)) on \(Timestamp.string(on).prefix(10))"
        case .sentBack(let by, let role, let on, let comment):
            return "sent back by \(by) (\(role)) on \(Timestamp.string(on).prefix(10))" + (comment.isEmpty ? "" : ": \(comment)")
        }
    }

    /// The latest run before `run` whose latest sign-off approves it.
    public static func lastApprovedRun(before run: Int, signOffs: [SignOff]) -> Int? {
        let numbers = Set(signOffs.map(\.runNumber)).filter { $0 < run }.sorted(by: >)
        return numbers.first { if case .approved = SignOffStatus(run: $0, signOffs: signOffs) { true } else { false } }
    }
}
