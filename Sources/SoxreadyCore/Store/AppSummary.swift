import Foundation

/// One application in the store with its latest run (the portfolio view).
public struct AppSummary: Sendable, Equatable {
    /// The application's name as first given.
    public var name: String
    /// Its slug, unique in the store (`general-ledger`).
    public var slug: String
    /// The latest run, nil when none is recorded yet.
    public var latest: RunSummary?
    /// The overall score of the run before the latest one (percent to one decimal), for the
    /// change shown beside the latest run; nil when there is none or it had no score.
    public var previousScore: Double?
    /// The unfinished draft, if any.
    public var draft: DraftSummary?
    /// When the application was archived (hidden from `apps` and the portfolio), or nil.
    public var archivedAt: Date?
    /// The decision that counts for the latest run (its latest sign-off), or nil when pending.
    public var latestSignOff: SignOff?

    /// Creates a summary.
    public init(
        name: String, slug: String, latest: RunSummary?, previousScore: Double? = nil, draft: DraftSummary? = nil,
        archivedAt: Date? = nil, latestSignOff: SignOff? = nil
    ) {
        self.archivedAt = archivedAt
        self.latestSignOff = latestSignOff
        self.name = name
        self.slug = slug
        self.latest = latest
        self.previousScore = previousScore
        self.draft = draft
    }

    /// True when an unfinished wizard draft exists.
    public var hasDraft: Bool { draft != nil }
}

/// What `apps` shows of an unfinished draft.
public struct DraftSummary: Sendable, Equatable {
    /// When it was last saved.
    public var updatedAt: Date
    /// Questions with an answer so far.
    public var answered: Int

    /// Creates a summary.
    public init(updatedAt: Date, answered: Int) {
        self.updatedAt = updatedAt
        self.answered = answered
    }
}
