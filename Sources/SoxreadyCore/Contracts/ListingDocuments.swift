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
    }

    /// The document of `apps`.
    public init(_ apps: [AppSummary]) {
        self.apps = apps.map {
            App(name: $0.name, slug: $0.slug, latestRun: $0.latest.map { [previous = $0.previousScore] in RunEntry($0, previousScore: previous) },
                draft: $0.hasDraft)
        }
    }

    /// The JSON bytes.
    public func jsonData() throws -> Data { try JSONContract.encode(self) }
}

/// `history --format json` (`soxready/history@1`): every run of one application.
public struct HistoryDocument: Encodable, Sendable {
    /// Always `soxready/history@1`.
    public var format = "soxready/history@1"
    /// The application's name as asked for.
    public var app: String
    /// Its runs, oldest first.
    public var runs: [RunEntry]

    /// The document of an application's runs, each with the change from the run before.
    public init(app: String, runs: [RunSummary]) {
        self.app = app
        var previous: Double?
        var items: [RunEntry] = []
        for run in runs {
            items.append(RunEntry(run, previousScore: previous))
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
