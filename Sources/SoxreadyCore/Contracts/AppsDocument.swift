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
