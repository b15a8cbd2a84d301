import Foundation

/// What the portfolio is built from, as one store read gives it: every application that is not
/// archived with its latest run's stored result, the decision that counts for that run, the
/// level of every run (for the level counts over time), and the questionnaires those results
/// were scored against (for the questions' short titles).
///
/// Nothing here is recomputed: results are the ones recorded (PRODUCT.md §7.4, "built from the
/// stored results only").
public struct PortfolioSource: Sendable {
    /// One application.
    public struct App: Sendable {
        /// The application's name.
        public var name: String
        /// Its slug.
        public var slug: String
        /// Its latest run recorded on or before the cut-off, nil when none.
        public var latest: RunSummary?
        /// What the portfolio reads of that run's stored result.
        public var result: PortfolioResult?
        /// The content hash of the questionnaire that run was scored against.
        public var questionnaireHash: String?
        /// The latest sign-off of that run made on or before the cut-off, nil when pending.
        public var signOff: SignOff?

        /// Creates an entry.
        public init(
            name: String, slug: String, latest: RunSummary?, result: PortfolioResult?, questionnaireHash: String?,
            signOff: SignOff?
        ) {
            self.name = name
            self.slug = slug
            self.latest = latest
            self.result = result
            self.questionnaireHash = questionnaireHash
            self.signOff = signOff
        }
    }

    /// One run's level (every run of the applications above, up to the cut-off).
    public struct RunLevel: Sendable, Equatable {
        /// The application's slug.
        public var slug: String
        /// The run number.
        public var number: Int
        /// When it was recorded.
        public var recordedAt: Date
        /// Its readiness level.
        public var readiness: ReadinessLevel

        /// Creates an entry.
        public init(slug: String, number: Int, recordedAt: Date, readiness: ReadinessLevel) {
            self.slug = slug
            self.number = number
            self.recordedAt = recordedAt
            self.readiness = readiness
        }
    }

    /// The applications, ordered by name.
    public var apps: [App]
    /// Every run's level, in no particular order.
    public var levels: [RunLevel]
    /// The questionnaire content of each hash in ``App/questionnaireHash`` (YAML text).
    public var questionnaires: [String: String]

    /// Creates a source.
    public init(apps: [App], levels: [RunLevel], questionnaires: [String: String]) {
        self.apps = apps
        self.levels = levels
        self.questionnaires = questionnaires
    }
}

extension AssessmentStore {
    /// The portfolio's source through ``PortfolioSource/read(from:recordedBy:)`` (a backend with
    /// a faster way to read it implements this itself).
    public func portfolioSource(recordedBy cutoff: Date?) throws(StoreError) -> PortfolioSource {
        try PortfolioSource.read(from: self, recordedBy: cutoff)
    }
}

extension PortfolioSource {
    /// The portfolio's source through the protocol's per-application reads: correct for any
    /// backend, a few reads per application (``SQLiteStore`` reads it in four queries; the tests
    /// compare the two).
    ///
    /// - Parameters:
    ///   - store: The store to read.
    ///   - cutoff: Runs and sign-offs recorded after it are left out (nil: none).
    /// - Returns: The applications not archived, ordered as ``AssessmentStore/apps()`` gives them, every
    ///   run's level and the questionnaire content of each latest run.
    /// - Throws: ``StoreError``.
    public static func read(from store: any AssessmentStore, recordedBy cutoff: Date?) throws(StoreError) -> PortfolioSource {
        var apps: [PortfolioSource.App] = []
        var levels: [PortfolioSource.RunLevel] = []
        var questionnaires: [String: String] = [:]
        func within(_ date: Date) -> Bool { cutoff.map { date <= $0 } ?? true }
        for app in try store.apps() where app.archivedAt == nil {
            let runs = try store.runs(appName: app.slug).filter { within($0.recordedAt) }
            levels += runs.map { .init(slug: app.slug, number: $0.number, recordedAt: $0.recordedAt, readiness: $0.readiness) }
            guard let latest = runs.last else {
                apps.append(.init(name: app.name, slug: app.slug, latest: nil, result: nil, questionnaireHash: nil, signOff: nil))
                continue
            }
            let run = try store.run(appName: app.slug, number: latest.number)
            questionnaires[run.questionnaireHash] = run.questionnaireContent
            let signOff = try store.signOffs(appName: app.slug)
                .last { $0.runNumber == latest.number && within($0.recordedAt) }
            apps.append(
                .init(
                    name: app.name, slug: app.slug, latest: latest, result: PortfolioResult(run.result),
                    questionnaireHash: run.questionnaireHash,
                    signOff: signOff))
        }
        return PortfolioSource(apps: apps, levels: levels, questionnaires: questionnaires)
    }
}
