import Foundation

/// Who holds a draft, as shown to another session that wants it.
public struct DraftHolder: Sendable, Equatable, CustomStringConvertible {
    /// The user.
    public var user: String
    /// The host name.
    public var host: String
    /// The process id on that host.
    public var processID: Int32
    /// Since when.
    public var since: Date

    /// Creates a holder record.
    public init(user: String, host: String, processID: Int32, since: Date) {
        self.user = user
        self.host = host
        self.processID = processID
        self.since = since
    }

    /// `user dana on host jump-1 (process 4711) since 2026-12-01T09:30:00Z`.
    public var description: String {
        "user \(user) on host \(host) (process \(processID)) since \(Timestamp.string(since))"
    }

    /// True when the holder's process has ended on this host (gone, or a zombie not yet reaped):
    /// its hold is stale. A holder on another host is taken to be alive.
    public var hasEnded: Bool {
        guard host == ProcessInfo.processInfo.hostName else { return false }
        if processID == ProcessInfo.processInfo.processIdentifier { return false }
        if kill(processID, 0) != 0 { return errno == ESRCH }
        // /proc/PID/stat is "PID (name) STATE …"; Z is a process that has ended.
        guard let stat = try? String(contentsOfFile: "/proc/\(processID)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        return String(stat[stat.index(after: close)...]).trimmingWhitespace.first == "Z"
    }
}
