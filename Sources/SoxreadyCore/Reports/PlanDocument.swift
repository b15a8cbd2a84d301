/// Everything a migration plan shows, already worded and formatted, in the order of PRODUCT.md §6.
///
/// Built by ``PlanDocument/init(run:previous:history:)`` from stored runs; rendered by
/// ``PlanRenderer`` through Mustache templates (Markdown and HTML) and by ``BacklogCSV``. Every
/// field holds raw text: the template's content type escapes it.
public struct PlanDocument: Sendable {
    // 1. Header
    public var appName: String
    public var appSlug: String
    public var questionnaireID: String
    public var questionnaireVersion: String
    public var questionnaireTitle: String
    public var runNumber: Int
    /// ISO 8601 UTC (`2026-11-29T18:00:00Z`) and the date alone.
    public var recordedAt: String
    public var recordedDate: String
    /// SHA-256 of the run's answers and questionnaire content (docs/store.md), and its first 16 digits.
    public var fingerprint: String
    public var fingerprintShort: String

    // 2. Summary
    public var readiness: String
    public var readinessTitle: String
    /// A symbol that carries the level without colour: ✔ ready, ◐ with conditions, ✖ not ready, ? unknown.
    public var readinessSymbol: String
    public var score: String
    public var scoreIsKnown: Bool
    public var confidencePercent: String
    public var confidenceStars: String
    public var stars: Int
    public var blockerCount: Int
    public var highCount: Int
    public var mediumCount: Int
    public var lowCount: Int
    /// "+4.2 points and from Ready with conditions to Ready since run 2", or "First run".
    public var changeSummary: String

    /// "Scores cover the 40 answered questions of 45 that apply (89 %)." — always shown, because a
    /// score says nothing of what is unanswered.
    public var coverageNote: String
    /// True when confidence is at or below the conditional threshold: the plan warns that the
    /// scores rest on few answers.
    public var lowConfidence: Bool

    // 3. Why this level
    public var reasons: [Line]
    /// The questions named in the reasons, with their text, so a reader needs no appendix.
    public var namedQuestions: [NamedQuestion]
    public var hasNamedQuestions: Bool

    // 4. Domain scores
    public var domains: [DomainRow]
    /// The inline SVG bar chart, already HTML-safe (HTML only).
    public var chartSVG: String

    // 5. Blockers
    public var blockers: [GapRow]
    public var hasBlockers: Bool

    // 6. Remediation plan
    public var phases: [PhaseGroup]
    public var hasActions: Bool

    // 7. Shared responsibility
    public var responsibility: Responsibility

    // 8. Progress since the previous run
    public var progress: Progress

    // 9. To confirm
    public var toConfirm: [ConfirmRow]
    public var hasToConfirm: Bool

    // 11. Appendix
    public var appendix: [AppendixDomain]

    // 12. Sources and limits
    public var sources: [SourceRow]

    /// A line of text.
    public struct Line: Sendable { public var text: String }

    /// A question id with its text.
    public struct NamedQuestion: Sendable {
        public var questionID: String
        public var prompt: String
    }

    /// One row of the domain table.
    public struct DomainRow: Sendable {
        public var id: String
        public var title: String
        public var criticality: String
        public var multiplier: String
        public var score: String
        public var assessed: Bool
        public var contextOnly: Bool
        public var answered: Int
        public var applicable: Int
        /// A 20-cell text bar (`██████████░░░░░░░░░░`), empty when not assessed.
        public var bar: String
        /// Below the critical-domain floor (critical domains only).
        public var belowFloor: Bool
    }

    /// A gap as an action line.
    public struct GapRow: Sendable {
        public var priority: Int
        public var questionID: String
        public var prompt: String
        public var domainTitle: String
        public var answer: String
        public var risk: String
        public var gating: Bool
        public var action: String
        public var owner: String
        public var phase: String
        public var azure: String
        public var effort: String
        public var itgc: String
        public var cuec: String
        public var pointsLost: String
    }

    /// The actions of one migration phase.
    public struct PhaseGroup: Sendable {
        public var id: String
        public var title: String
        public var actions: [GapRow]
        public var count: Int
    }

    /// The shared-responsibility table for the hosting models answered.
    public struct Responsibility: Sendable {
        public var determined: Bool
        public var models: [Line]
        public var rows: [ResponsibilityRow]
        public var note: String
    }

    /// One responsibility area across the models.
    public struct ResponsibilityRow: Sendable {
        public var area: String
        public var cells: [ResponsibilityCell]
    }

    /// Who owns an area under one model.
    public struct ResponsibilityCell: Sendable {
        public var owner: String
        public var cssClass: String
    }

    /// Changes since the previous run.
    public struct Progress: Sendable {
        public var hasPrevious: Bool
        public var previousRun: Int
        public var scoreChange: String
        public var levelChange: String
        public var closed: [ChangeRow]
        public var newGaps: [ChangeRow]
        public var regressions: [ChangeRow]
        public var improved: [ChangeRow]
        public var hasClosed: Bool
        public var hasNewGaps: Bool
        public var hasRegressions: Bool
        public var hasImproved: Bool
        /// Score and level of every run so far, oldest first (for the trend).
        public var trend: [TrendPoint]
        public var hasTrend: Bool
        /// A compact text trend for Markdown: `1: 55.0 ✖ → 2: 72.3 ◐ → 3: 88.4 ✔`.
        public var trendText: String
        /// The trend as inline SVG, HTML-safe.
        public var trendSVG: String
    }

    /// A changed answer.
    public struct ChangeRow: Sendable {
        public var questionID: String
        public var prompt: String
        public var before: String
        public var after: String
    }

    /// One run on the trend.
    public struct TrendPoint: Sendable {
        public var run: Int
        public var score: String
        public var readinessTitle: String
        public var symbol: String
    }

    /// A question still to confirm.
    public struct ConfirmRow: Sendable {
        public var questionID: String
        public var prompt: String
        public var domainTitle: String
        public var status: String
        public var gating: Bool
        public var owner: String
    }

    /// All answers of one domain.
    public struct AppendixDomain: Sendable {
        public var title: String
        public var answers: [AppendixRow]
    }

    /// One answer with its note and evidence.
    public struct AppendixRow: Sendable {
        public var questionID: String
        public var prompt: String
        public var answer: String
        public var note: String
        public var evidence: String
        public var hasNote: Bool
        public var hasEvidence: Bool
    }

    /// A source the questionnaire names.
    public struct SourceRow: Sendable {
        public var title: String
        public var url: String
        public var hasURL: Bool
        public var note: String
        public var hasNote: Bool
    }
}
