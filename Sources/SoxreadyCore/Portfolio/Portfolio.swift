import Foundation

/// The SOX PMO's view of every application (PRODUCT.md §7.4): each active application's latest
/// run (level, score, confidence, cutover date and days to it, blockers, sign-off status), a heat
/// map of applications × domains, the questions that block the most applications, the level
/// counts at the end of each month, and the cutovers of the next 90 days with their readiness.
///
/// Built from a ``PortfolioSource`` only: every figure is read from a stored result, never
/// recomputed. docs/portfolio.md describes each part and the JSON keys.
public struct Portfolio: Sendable {
    /// One application's row.
    public struct Row: Sendable, Equatable {
        /// The application's name.
        public var name: String
        /// Its slug.
        public var slug: String
        /// The latest run's number, nil when the application has no run yet.
        public var run: Int?
        /// When that run was recorded.
        public var recordedAt: Date?
        /// The rules it was scored under.
        public var rules: RulesVersion?
        /// Its level, nil when not assessed yet.
        public var readiness: ReadinessLevel?
        /// Overall score, percent to one decimal, nil when nothing was answered.
        public var score: Double?
        /// Confidence, percent to one decimal.
        public var confidence: Double?
        /// The cutover date the run recorded (rules 2), nil when unknown.
        public var cutover: CalendarDate?
        /// Calendar days from the as-of date to the cutover (negative once it has passed).
        public var daysToCutover: Int?
        /// The run's blockers (priority-1 gaps: the gates not met), in remediation order.
        public var blockers: [String]
        /// The decision that counts for the run (its latest sign-off), nil when pending.
        public var signOff: SignOff?
        /// Domain scores by domain id (nil: not assessed), for the heat map.
        public var domainScores: [String: Double?]

        /// Where the run stands in the finance review.
        public var signOffStatus: SignOffStatus { SignOffStatus(run: run ?? 0, signOffs: signOff.map { [$0] } ?? []) }
    }

    /// A heat-map column.
    public struct Domain: Sendable, Equatable {
        /// The domain id.
        public var id: String
        /// Its title.
        public var title: String
    }

    /// A question that blocks several applications.
    public struct BlockingQuestion: Sendable, Equatable {
        /// The question id.
        public var questionID: String
        /// Its short title (from the questionnaire of the first application it blocks).
        public var title: String
        /// The names of the applications it blocks, in name order.
        public var apps: [String]
    }

    /// The level counts at the end of one month (the as-of date for the current month).
    public struct MonthCounts: Sendable, Equatable {
        /// `YYYY-MM`.
        public var month: String
        /// Applications by the level of their latest run recorded by then.
        public var counts: [ReadinessLevel: Int]
    }

    /// The day the portfolio is as of: days to cutover count from it, runs and sign-offs
    /// recorded after it are left out.
    public var asOf: CalendarDate
    /// One row per application that is not archived, by name.
    public var rows: [Row]
    /// The heat map's columns: every domain of the latest results, in the order first met.
    public var domains: [Domain]
    /// The questions that block applications, most applications first (then by id).
    public var blockingQuestions: [BlockingQuestion]
    /// The level counts at each month's end, from the first run's month to the as-of month.
    public var levelsOverTime: [MonthCounts]
    /// Rows whose cutover lies within ``upcomingDays`` days of the as-of date (inclusive), by date.
    public var upcomingCutovers: [Row]

    /// The window of ``upcomingCutovers``: 90 days.
    public static let upcomingDays = 90

    /// Applications by the level of their latest run; those with no run are counted apart.
    public var levelCounts: [ReadinessLevel: Int] {
        Dictionary(grouping: rows.compactMap(\.readiness), by: { $0 }).mapValues(\.count)
    }

    /// Applications with no run yet.
    public var notAssessed: Int { rows.count { $0.readiness == nil } }

    /// Builds the portfolio of `source` as of `asOf`.
    ///
    /// Questionnaire content that does not load leaves the questions' titles as their ids.
    ///
    /// - Parameters:
    ///   - source: What the store read.
    ///   - asOf: The date the portfolio is as of (days to each cutover count from it).
    ///   - cache: Compiled questionnaires to read the titles from without parsing YAML (nil parses it).
    public init(_ source: PortfolioSource, asOf: CalendarDate, cache: QuestionnaireCache? = nil) {
        self.asOf = asOf
        var titles: [String: [String: String]] = [:]
        for (hash, content) in source.questionnaires {
            guard let loaded = try? QuestionnaireLoader.parse(content, file: "questionnaire \(hash.prefix(12))", cache: cache) else {
                continue
            }
            titles[hash] = Dictionary(
                loaded.questionnaire.questions.map { ($0.id, $0.displayTitle) }, uniquingKeysWith: { first, _ in first })
        }
        var domains: [Domain] = [], seen: Set<String> = []
        var blocking: [String: (title: String, apps: [String])] = [:]
        rows = source.apps.map { app in
            guard let latest = app.latest, let result = app.result else {
                return Row(
                    name: app.name, slug: app.slug, run: nil, recordedAt: nil, rules: nil, readiness: nil, score: nil,
                    confidence: nil, cutover: nil, daysToCutover: nil, blockers: [], signOff: nil, domainScores: [:])
            }
            for domain in result.domains where seen.insert(domain.id).inserted {
                domains.append(Domain(id: domain.id, title: domain.title))
            }
            let blockers = result.blockers
            for question in blockers {
                let title = app.questionnaireHash.flatMap { titles[$0]?[question] } ?? question
                blocking[question, default: (title, [])].apps.append(app.name)
            }
            let cutover = result.cutover
            return Row(
                name: app.name, slug: app.slug, run: latest.number, recordedAt: latest.recordedAt, rules: result.rules,
                readiness: result.readiness, score: result.score, confidence: result.confidencePercent, cutover: cutover,
                daysToCutover: cutover.map { asOf.days(to: $0) }, blockers: blockers,
                signOff: app.signOff,
                domainScores: Dictionary(result.domains.map { ($0.id, $0.score) }, uniquingKeysWith: { first, _ in first }))
        }
        // A domain no application has a score in (context questions only) gets no column.
        let rows = rows
        self.domains = domains.filter { domain in rows.contains { ($0.domainScores[domain.id] ?? nil) != nil } }
        blockingQuestions = blocking.map { BlockingQuestion(questionID: $0.key, title: $0.value.title, apps: $0.value.apps) }
            .sorted { ($0.apps.count, $1.questionID) > ($1.apps.count, $0.questionID) }
        upcomingCutovers = rows.filter { row in row.daysToCutover.map { (0...Self.upcomingDays).contains($0) } ?? false }
            .sorted { ($0.daysToCutover ?? 0, $0.name) < ($1.daysToCutover ?? 0, $1.name) }
        levelsOverTime = Self.months(source.levels, asOf: asOf)
    }

    /// At most this many months are counted (the latest ones): three years of a migration programme.
    public static let monthsShown = 36

    /// The level counts at the end of each month from the first run's month to `asOf`'s (at most
    /// the last ``monthsShown``).
    static func months(_ levels: [PortfolioSource.RunLevel], asOf: CalendarDate) -> [MonthCounts] {
        let dated = levels.map { (day: CalendarDate(utc: $0.recordedAt), level: $0) }
        guard var first = dated.map(\.day).min(), first <= asOf else { return [] }
        let earliest = (asOf.year * 12 + asOf.month - 1) - (Self.monthsShown - 1)
        if first.year * 12 + first.month - 1 < earliest {
            first = CalendarDate(year: earliest / 12, month: earliest % 12 + 1, day: 1) ?? first
        }
        var result: [MonthCounts] = []
        var year = first.year, month = first.month
        while (year, month) <= (asOf.year, asOf.month) {
            let end = min(CalendarDate.endOfMonth(year: year, month: month) ?? asOf, asOf)
            // Each application's latest run recorded on or before the month's end.
            var latest: [String: PortfolioSource.RunLevel] = [:]
            for entry in dated where entry.day <= end {
                if let known = latest[entry.level.slug], known.number > entry.level.number { continue }
                latest[entry.level.slug] = entry.level
            }
            let counts = Dictionary(grouping: latest.values.map(\.readiness), by: { $0 }).mapValues(\.count)
            result.append(MonthCounts(month: "\(end.description.prefix(7))", counts: counts))
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
        }
        return result
    }
}
