import Foundation

/// `portfolio --format json` (`soxready/portfolio@1`, keys in docs/portfolio.md).
public struct PortfolioDocument: Encodable, Sendable {
    /// Always `soxready/portfolio@1`.
    public var format = "soxready/portfolio@1"
    /// The as-of date, `YYYY-MM-DD`.
    public var asOf: CalendarDate
    /// Applications by level of their latest run, and `not-assessed`.
    public var levels: [String: Int]
    /// One entry per application that is not archived, by name.
    public var apps: [App]
    /// The heat map's columns.
    public var domains: [DomainEntry]
    /// The questions that block applications, most applications first.
    public var blockingQuestions: [BlockingQuestion]
    /// Level counts at each month's end.
    public var levelsOverTime: [Month]
    /// The cutovers in the next 90 days.
    public var upcomingCutovers: [Cutover]

    /// One application.
    public struct App: Encodable, Sendable {
        /// Its name.
        public var name: String
        /// Its slug.
        public var slug: String
        /// The latest run's number, or null.
        @ExplicitNull public var run: Int?
        /// ISO 8601 UTC, or null.
        @ExplicitNull public var recordedAt: String?
        /// 1 or 2, or null.
        @ExplicitNull public var rules: Int?
        /// The level's id, or null when not assessed.
        @ExplicitNull public var readiness: String?
        /// Percent to one decimal, or null.
        @ExplicitNull public var score: Double?
        /// Percent to one decimal, or null.
        @ExplicitNull public var confidence: Double?
        /// `YYYY-MM-DD`, or null.
        @ExplicitNull public var cutover: CalendarDate?
        /// Days from the as-of date, negative once passed, or null.
        @ExplicitNull public var daysToCutover: Int?
        /// Question ids of the blockers.
        public var blockers: [String]
        /// `{"status", "reviewer", "role", "at", "comment"}`.
        public var signOff: SignOffEntry
        /// Domain id → score (percent to one decimal, or null when not assessed); domains the
        /// run's questionnaire does not have are absent.
        public var domains: [String: ExplicitNull<Double>]
    }

    /// A heat-map column.
    public struct DomainEntry: Encodable, Sendable {
        /// The domain id.
        public var id: String
        /// Its title.
        public var title: String
    }

    /// A question blocking applications.
    public struct BlockingQuestion: Encodable, Sendable {
        /// The question id.
        public var question: String
        /// Its short title.
        public var title: String
        /// How many applications it blocks.
        public var count: Int
        /// Their names.
        public var apps: [String]
    }

    /// One month's level counts.
    public struct Month: Encodable, Sendable {
        /// `YYYY-MM`.
        public var month: String
        /// Level id → applications (every level present, 0 when none).
        public var levels: [String: Int]
    }

    /// An upcoming cutover.
    public struct Cutover: Encodable, Sendable {
        /// The application.
        public var name: String
        /// `YYYY-MM-DD`.
        public var cutover: CalendarDate
        /// Days from the as-of date.
        public var daysToCutover: Int
        /// The level's id.
        public var readiness: String
        /// `pending`, `approved` or `sent-back`.
        public var signOff: String
    }

    /// The document of `portfolio`.
    public init(_ portfolio: Portfolio) {
        asOf = portfolio.asOf
        var levels = Dictionary(uniqueKeysWithValues: ReadinessLevel.allCases.map { ($0.rawValue, portfolio.levelCounts[$0] ?? 0) })
        levels["not-assessed"] = portfolio.notAssessed
        self.levels = levels
        apps = portfolio.rows.map { row in
            App(
                name: row.name, slug: row.slug, run: row.run, recordedAt: row.recordedAt.map(Timestamp.string), rules: row.rules?.rawValue,
                readiness: row.readiness?.rawValue, score: row.score, confidence: row.confidence, cutover: row.cutover,
                daysToCutover: row.daysToCutover, blockers: row.blockers, signOff: SignOffEntry(row.signOff),
                domains: row.domainScores.mapValues { ExplicitNull(wrappedValue: $0) })
        }
        domains = portfolio.domains.map { DomainEntry(id: $0.id, title: $0.title) }
        blockingQuestions = portfolio.blockingQuestions.map {
            BlockingQuestion(question: $0.questionID, title: $0.title, count: $0.apps.count, apps: $0.apps)
        }
        levelsOverTime = portfolio.levelsOverTime.map { month in
            Month(
                month: month.month,
                levels: Dictionary(uniqueKeysWithValues: ReadinessLevel.allCases.map { ($0.rawValue, month.counts[$0] ?? 0) }))
        }
        upcomingCutovers = portfolio.upcomingCutovers.compactMap { row in
            guard let cutover = row.cutover, let days = row.daysToCutover, let readiness = row.readiness else { return nil }
            return Cutover(
                name: row.name, cutover: cutover, daysToCutover: days, readiness: readiness.rawValue, signOff: row.signOffStatus.id)
        }
    }

    /// The JSON bytes.
    public func jsonData() throws -> Data { try JSONContract.encode(self) }
}
