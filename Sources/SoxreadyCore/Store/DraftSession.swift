import Foundation

/// One wizard session: who runs it and where, so that a draft is written by one session at a time.
///
/// A session holds a draft from ``AssessmentStore/startDraft(_:session:)`` or
/// ``AssessmentStore/claimDraft(appName:session:takeOver:)`` until it records the run or releases
/// the draft. A holder whose process has ended on this host (a crash, `kill -9`) is stale, and its
/// draft is taken without asking.
public struct DraftSession: Sendable, Equatable {
    /// A token unique to this session.
    public var token: String
    /// The user running it (`--user`, else the login name).
    public var user: String
    /// The host name.
    public var host: String
    /// The process id.
    public var processID: Int32
    /// When the session began.
    public var startedAt: Date

    /// Creates a session identity.
    public init(token: String, user: String, host: String, processID: Int32, startedAt: Date) {
        self.token = token
        self.user = user
        self.host = host
        self.processID = processID
        self.startedAt = startedAt
    }

    /// The session of this process: a random token, the given user, this host and process id.
    public static func current(user: String, at date: Date) -> DraftSession {
        DraftSession(
            token: UUID().uuidString.lowercased(), user: user, host: ProcessInfo.processInfo.hostName,
            processID: ProcessInfo.processInfo.processIdentifier, startedAt: date)
    }

    /// The holder record of this session.
    public var holder: DraftHolder {
        DraftHolder(user: user, host: host, processID: processID, since: startedAt)
    }
}
