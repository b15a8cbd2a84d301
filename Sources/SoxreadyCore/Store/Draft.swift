import Foundation

/// An unfinished assessment: answers saved one at a time by the wizard.
public struct Draft: Sendable {
    /// The questionnaire content the draft answers.
    public var questionnaireContent: String
    /// SHA-256 of the questionnaire content.
    public var questionnaireHash: String
    /// The question the wizard was asking when it last saved, if known.
    public var position: String?
    /// When the draft was started.
    public var startedAt: Date
    /// When it was last saved.
    public var updatedAt: Date
    /// Answers (with notes, evidence and commitments) saved so far.
    public var answers: AnswerSheet
    /// The run whose answers pre-fill the questions (a rerun), or nil for a first assessment.
    public var basedOnRun: Int?
    /// True when the draft asks only the gaps of ``basedOnRun`` (`--only-gaps`).
    public var onlyGaps: Bool
    /// Who started the draft (its owner).
    public var owner: String
    /// The session holding the draft now, or nil when none does.
    public var holder: DraftHolder?

    /// Creates a draft.
    public init(
        questionnaireContent: String, questionnaireHash: String, position: String?, startedAt: Date, updatedAt: Date,
        answers: AnswerSheet, basedOnRun: Int?, onlyGaps: Bool, owner: String, holder: DraftHolder?
    ) {
        self.questionnaireContent = questionnaireContent
        self.questionnaireHash = questionnaireHash
        self.position = position
        self.startedAt = startedAt
        self.updatedAt = updatedAt
        self.answers = answers
        self.basedOnRun = basedOnRun
        self.onlyGaps = onlyGaps
        self.owner = owner
        self.holder = holder
    }
}

/// What a new draft starts with.
public struct NewDraft: Sendable {
    /// The application's name.
    public var appName: String
    /// The questionnaire the draft answers.
    public var questionnaire: LoadedQuestionnaire
    /// Answers it starts with (carried over by `--only-gaps`), by question id.
    public var answers: AnswerSheet
    /// The run whose answers pre-fill the questions, on a rerun.
    public var basedOnRun: Int?
    /// Ask only the gaps of ``basedOnRun``.
    public var onlyGaps: Bool
    /// When it starts.
    public var startedAt: Date

    /// Creates the start of a draft.
    public init(
        appName: String, questionnaire: LoadedQuestionnaire, answers: AnswerSheet = [:], basedOnRun: Int? = nil,
        onlyGaps: Bool = false, startedAt: Date
    ) {
        self.appName = appName
        self.questionnaire = questionnaire
        self.answers = answers
        self.basedOnRun = basedOnRun
        self.onlyGaps = onlyGaps
        self.startedAt = startedAt
    }
}

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
