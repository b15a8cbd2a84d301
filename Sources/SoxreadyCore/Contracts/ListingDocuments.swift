import Foundation

/// `apps --format json` (`soxready/apps@1`): every application with its latest run.
public struct AppsDocument: Encodable, Sendable {
    /// Always `soxready/apps@1`.
    public var format = "soxready/apps@1"
    /// The applications, ordered by name.
    public var apps: [App]

    /// One application.
    public struct App: Encodable, Sendable {
        /// Its name and slug.
        public var name, slug: String
        /// Its latest run (with the change from the run before), or null.
        @ExplicitNull public var latestRun: RunEntry?
        /// True when an unfinished draft exists.
        public var draft: Bool
        /// How far the draft got: questions answered of those that apply, or null.
        @ExplicitNull public var draftProgress: DraftProgress?
    }

    /// `{"answered": N, "applicable": M}`.
    public struct DraftProgress: Codable, Sendable, Equatable {
        /// Questions with an answer.
        public var answered: Int
        /// Questions that apply.
        public var applicable: Int

        /// Creates the figures.
        public init(answered: Int, applicable: Int) {
            self.answered = answered
            self.applicable = applicable
        }
    }

    /// The document of `apps`; `progress` gives each draft's figures by application name.
    public init(_ apps: [AppSummary], progress: [String: DraftProgress] = [:]) {
        self.apps = apps.map { app in
            var entry = app.latest.map { RunEntry($0, previousScore: app.previousScore) }
            entry?.signOff = SignOffEntry(app.latestSignOff)
            return App(name: app.name, slug: app.slug, latestRun: entry, draft: app.hasDraft, draftProgress: progress[app.name])
        }
    }

    /// The JSON bytes.
    public func jsonData() throws -> Data { try JSONContract.encode(self) }
}

/// `history --format json` (`soxready/history@1`): every run of one application.
public struct HistoryDocument: Encodable, Sendable {
    /// Always `soxready/history@1`.
    public var format = "soxready/history@1"
    /// The application's name as the store holds it (not as typed after `--app`).
    public var app: String
    /// Its runs, oldest first.
    public var runs: [RunEntry]

    /// The document of an application's runs, each with the change from the run before and the
    /// decision that counts for it among `signOffs`.
    public init(app: String, runs: [RunSummary], signOffs: [SignOff] = []) {
        self.app = app
        var previous: Double?
        var items: [RunEntry] = []
        for run in runs {
            var entry = RunEntry(run, previousScore: previous)
            entry.signOff = SignOffEntry(signOffs.last { $0.runNumber == run.number })
            items.append(entry)
            previous = run.score ?? previous
        }
        self.runs = items
    }

    /// The JSON bytes.
    public func jsonData() throws -> Data { try JSONContract.encode(self) }
}

/// One run in `apps@1` and `history@1`.
public struct RunEntry: Codable, Sendable, Equatable {
    /// Gap counts by priority.
    public struct Gaps: Codable, Sendable, Equatable {
        /// P1, P2, P3 and P4 gaps.
        public var blockers, high, medium, low: Int
    }

    /// Run number.
    public var number: Int
    /// ISO 8601 UTC.
    public var recordedAt: String
    /// The questionnaire scored against.
    public var questionnaire: AssessmentResult.ScoredQuestionnaire
    /// The level's id.
    public var readiness: String
    /// Overall score, or null.
    @ExplicitNull public var score: Double?
    /// Change from the run before, in points to one decimal, or null.
    @ExplicitNull public var scoreChange: Double?
    /// Confidence.
    public var confidence: AssessmentResult.Confidence
    /// Gaps by priority.
    public var gaps: Gaps
    /// The decision that counts for the run.
    public var signOff: SignOffEntry = SignOffEntry(nil)

    /// The entry of `run`, with the change from `previousScore`.
    public init(_ run: RunSummary, previousScore: Double?) {
        number = run.number
        recordedAt = Timestamp.string(run.recordedAt)
        questionnaire = .init(id: run.questionnaireID, version: run.questionnaireVersion)
        readiness = run.readiness.rawValue
        score = run.score
        scoreChange = AssessmentResult.change(from: previousScore, to: run.score)
        confidence = .init(percent: run.confidence, stars: run.stars)
        gaps = Gaps(blockers: run.blockers, high: run.high, medium: run.medium, low: run.low)
    }
}

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
