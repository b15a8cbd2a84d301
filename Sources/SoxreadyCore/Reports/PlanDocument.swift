/// Everything a migration plan shows, already worded and formatted, in the order of PRODUCT.md §6
/// and, for rules-2 runs, §7.2–§7.3 (the executive summary on page 1, the finance review).
///
/// Built by ``PlanDocument/init(run:previous:history:signOffs:lastApproved:verificationProblems:appendix:)``
/// from the stored run only (never re-scored); rendered by ``PlanRenderer`` through Mustache
/// templates (Markdown, HTML, the sign-off pack) and by ``BacklogCSV``. Every field holds raw
/// text: the template's content type escapes it. The frozen rules-1 templates read the fields of
/// sections 1–12 as they always did; the rules-2 templates read the fields after them too.
public struct PlanDocument: Sendable {
    // 1. Header
    /// The application's name as given.
    public var appName: String
    /// The application's slug (file names, `Reports/<slug>/`).
    public var appSlug: String
    /// Questionnaire id.
    public var questionnaireID: String
    /// Questionnaire version.
    public var questionnaireVersion: String
    /// Questionnaire title.
    public var questionnaireTitle: String
    /// Run number, from 1.
    public var runNumber: Int
    /// ISO 8601 UTC (`2026-11-29T18:00:00Z`) and the date alone.
    public var recordedAt: String
    /// The recording date, `YYYY-MM-DD`.
    public var recordedDate: String
    /// SHA-256 of the run's answers and questionnaire content (docs/store.md), and its first 16 digits.
    public var fingerprint: String
    /// The first 16 hex digits of the fingerprint.
    public var fingerprintShort: String
    /// The rules the run was scored under (1 or 2): which template set renders it.
    public var rules: Int

    // 2. Summary
    /// Readiness level id (`ready`, `ready-with-conditions`, `not-ready`, `readiness-unknown`), also the badge CSS class.
    public var readiness: String
    /// Readiness level as finance reads it.
    public var readinessTitle: String
    /// A symbol that carries the level without colour: ✔ ready, ◐ with conditions, ✖ not ready, ? unknown.
    public var readinessSymbol: String
    /// Score, percent to one decimal, or "not assessed".
    public var score: String
    /// Confidence, percent to one decimal.
    public var confidencePercent: String
    /// Confidence as five stars (★★★★☆).
    public var confidenceStars: String
    /// Confidence stars, 1...5.
    public var stars: Int
    /// Gating gaps (P1).
    public var blockerCount: Int
    /// Other high-risk gaps (P2).
    public var highCount: Int
    /// Medium-risk gaps (P3).
    public var mediumCount: Int
    /// Low-risk gaps (P4).
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
    /// The readiness reasons, one line each.
    public var reasons: [Line]
    /// The questions named in the reasons, with their text, so a reader needs no appendix.
    public var namedQuestions: [NamedQuestion]
    /// True when the reasons name questions.
    public var hasNamedQuestions: Bool

    // 4. Domain scores
    /// Domain rows, in questionnaire order.
    public var domains: [DomainRow]
    /// The inline SVG bar chart, already HTML-safe (HTML only).
    public var chartSVG: String

    // 5. Blockers
    /// The gating gaps.
    public var blockers: [GapRow]
    /// True when a gating gap is open.
    public var hasBlockers: Bool

    // 6. Remediation plan
    /// Remediation actions grouped by phase (only phases with actions).
    public var phases: [PhaseGroup]
    /// True when any remediation action is open.
    public var hasActions: Bool

    // 7. Shared responsibility
    /// The shared-responsibility table.
    public var responsibility: Responsibility

    // 8. Progress since the previous run
    /// Changes since the previous run.
    public var progress: Progress

    // 9. To confirm
    /// Questions answered "don't know" or unanswered.
    public var toConfirm: [ConfirmRow]
    /// True when something is left to confirm.
    public var hasToConfirm: Bool

    // 11. Appendix
    /// Every answer, by domain.
    public var appendix: [AppendixDomain]

    // 12. Sources and limits
    /// The questionnaire's sources.
    public var sources: [SourceRow]

    // The finance review (rules-2 templates)
    /// Who prepared the run.
    public var preparer: PreparerLine
    /// The sign-off status, the decisions recorded on this run, and how to record one.
    public var signOff: SignOffSummary
    /// What does not verify (rendered with `--unverified` only).
    public var verification: Verification

    // The executive summary (rules-2 templates, page 1 of the plan and of the pack)
    /// The reasons of the rule that decides the level.
    public var levelReasons: [ReasonRow]
    /// True when a rule holds against the run (any level but Ready).
    public var hasLevelReasons: Bool
    /// The reasons of the later rules that also hold.
    public var otherReasons: [ReasonRow]
    /// True when later rules also hold.
    public var hasOtherReasons: Bool
    /// One sentence for a Ready run, which no rule holds against.
    public var readyText: String
    /// The run's place in the fiscal calendar.
    public var calendar: CalendarSummary
    /// Open ICFR gates (`gating: true`), in remediation order.
    public var icfrBlockers: [ItemRow]
    /// True when an ICFR gate is open.
    public var hasICFRBlockers: Bool
    /// Open technical gates (`gating: technical`), in remediation order.
    public var technicalBlockers: [ItemRow]
    /// True when a technical gate is open.
    public var hasTechnicalBlockers: Bool
    /// The conditions to close before go-live, those that rule 4 of SCORING.md names: open
    /// high-risk gaps that are not gates, unknown or unanswered questions of critical domains,
    /// gaps whose commitment is overdue, and key controls met without evidence, in remediation
    /// order (evidence last).
    public var conditions: [ItemRow]
    /// True when a condition is open.
    public var hasConditions: Bool
    /// The other open gaps that a person has committed to close by a date (no readiness rule
    /// holds because of them), in remediation order.
    public var commitments: [ItemRow]
    /// True when there are such commitments.
    public var hasCommitments: Bool
    /// "17 blockers (16 ICFR gates and 1 technical gate) and 32 conditions are open before go-live.",
    /// and how many other gaps have a commitment.
    public var goLiveText: String
    /// How many blockers and conditions have a commitment, how many are late, how many key
    /// controls need evidence.
    public var commitmentText: String
    /// True when ``commitmentText`` has something to say.
    public var hasCommitmentText: Bool
    /// The people named in commitments, earliest first due date first.
    public var owners: [OwnerLine]
    /// True when a person is named.
    public var hasOwners: Bool
    /// The owners on one line: "Ravi Menon: 3, first due 2027-02-12; Elena Fischer: 4, …" (⚠ N late flagged).
    public var ownersText: String
    /// True when blockers or conditions are open.
    public var hasOpenItems: Bool
    /// The rows left out of each list of the executive summary to keep the sign-off pack on two
    /// pages (``forPack()``), 0 in the plan, which lists every one: ICFR blockers, technical
    /// blockers, conditions and other commitments, in that order.
    public var moreICFRBlockers = 0, moreTechnicalBlockers = 0, moreConditions = 0, moreCommitments = 0
    /// True when ``moreICFRBlockers`` (and so on) is not 0: the list ends with "and N more — see the plan".
    public var hasMoreICFRBlockers = false, hasMoreTechnicalBlockers = false, hasMoreConditions = false, hasMoreCommitments = false

    // The full rules-2 plan
    /// The domain chart with labels on up to two lines, never cut off (inline SVG, HTML-safe).
    public var domainChartSVG: String
    /// The remediation actions by phase, each with its commitment and details.
    public var actionPhases: [ActionPhase]
    /// Key controls met without an evidence reference.
    public var evidenceRows: [EvidenceRow]
    /// True when a key control lacks evidence.
    public var hasEvidenceRows: Bool
    /// The hypercare checklist: questions asked only after the cutover, not yet due.
    public var hypercare: [HypercareRow]
    /// True when questions are not yet due.
    public var hasHypercare: Bool
    /// What changed since the latest earlier approved run.
    public var sinceApproved: Comparison
    /// What changed since the run before.
    public var sincePrevious: Comparison
    /// True when the run before is the last approved run (its changes are shown once).
    public var previousIsApproved: Bool
    /// False when the plan is rendered with `--no-appendix`.
    public var includeAppendix: Bool

    /// A line of text.
    public struct Line: Sendable {
        /// The line's text.
        public var text: String
    }

    /// A question id with its text.
    public struct NamedQuestion: Sendable {
        /// The question id.
        public var questionID: String
        /// The question as asked.
        public var prompt: String
    }

    /// One row of the domain table.
    public struct DomainRow: Sendable {
        /// The id.
        public var id: String
        /// The title.
        public var title: String
        /// Criticality (`critical`, `high`, `medium`).
        public var criticality: String
        /// The domain multiplier, as `×3`.
        public var multiplier: String
        /// Score, percent to one decimal, or "not assessed".
        public var score: String
        /// True when the domain has a score.
        public var assessed: Bool
        /// True for a domain with no scored question.
        public var contextOnly: Bool
        /// Answered scored questions.
        public var answered: Int
        /// Applicable scored questions.
        public var applicable: Int
        /// A 20-cell text bar (`██████████░░░░░░░░░░`), empty when not assessed.
        public var bar: String
        /// Below the critical-domain floor (critical domains only).
        public var belowFloor: Bool
    }

    /// A gap as an action line.
    public struct GapRow: Sendable {
        /// Remediation priority 1...4.
        public var priority: Int
        /// The question id.
        public var questionID: String
        /// The question as asked.
        public var prompt: String
        /// The title of the question's domain.
        public var domainTitle: String
        /// The answer as finance reads it.
        public var answer: String
        /// Gap risk (`high`, `medium`, `low`).
        public var risk: String
        /// True for a gating question.
        public var gating: Bool
        /// The remediation action.
        public var action: String
        /// The control owner's role.
        public var owner: String
        /// The migration phase, as a title.
        public var phase: String
        /// Azure capabilities, separated by semicolons.
        public var azure: String
        /// Effort (S, M, L), or empty.
        public var effort: String
        /// ITGC areas, separated by semicolons.
        public var itgc: String
        /// CUEC theme labels.
        public var cuec: String
        /// Points lost, to one decimal.
        public var pointsLost: String
    }

    /// The actions of one migration phase.
    public struct PhaseGroup: Sendable {
        /// The id.
        public var id: String
        /// The title.
        public var title: String
        /// The actions of the phase, in priority order.
        public var actions: [GapRow]
        /// How many actions.
        public var count: Int
    }

    /// The shared-responsibility table for the hosting models answered.
    public struct Responsibility: Sendable {
        /// True when the hosting models are known.
        public var determined: Bool
        /// Hosting models answered, as column titles.
        public var models: [Line]
        /// One row per responsibility area.
        public var rows: [ResponsibilityRow]
        /// The note.
        public var note: String
    }

    /// One responsibility area across the models.
    public struct ResponsibilityRow: Sendable {
        /// The responsibility area.
        public var area: String
        /// Who owns the area, one cell per hosting model.
        public var cells: [ResponsibilityCell]
    }

    /// Who owns an area under one model.
    public struct ResponsibilityCell: Sendable {
        /// The control owner's role.
        public var owner: String
        /// `customer`, `shared` or `inherited`.
        public var cssClass: String
    }

    /// Changes since the previous run.
    public struct Progress: Sendable {
        /// True when there is a run before this one.
        public var hasPrevious: Bool
        /// The number of the run before.
        public var previousRun: Int
        /// "score 60.0 → 72.3 (+12.3)".
        public var scoreChange: String
        /// The readiness change, or "level unchanged (…)".
        public var levelChange: String
        /// Gaps closed since the run before.
        public var closed: [ChangeRow]
        /// New gaps since the run before.
        public var newGaps: [ChangeRow]
        /// Answers whose score went down.
        public var regressions: [ChangeRow]
        /// Gaps whose score went up.
        public var improved: [ChangeRow]
        /// True when a gap closed.
        public var hasClosed: Bool
        /// True when a new gap opened.
        public var hasNewGaps: Bool
        /// True when an answer regressed.
        public var hasRegressions: Bool
        /// True when an open gap improved.
        public var hasImproved: Bool
        /// Score and level of every run so far, oldest first (for the trend).
        public var trend: [TrendPoint]
        /// True from the second run on.
        public var hasTrend: Bool
        /// A compact text trend for Markdown: `1: 55.0 ✖ → 2: 72.3 ◐ → 3: 88.4 ✔`.
        public var trendText: String
        /// The trend as inline SVG, HTML-safe.
        public var trendSVG: String
    }

    /// A changed answer.
    public struct ChangeRow: Sendable {
        /// The question id.
        public var questionID: String
        /// The question as asked.
        public var prompt: String
        /// Before.
        public var before: String
        /// After.
        public var after: String
    }

    /// One run on the trend.
    public struct TrendPoint: Sendable {
        /// Run number.
        public var run: Int
        /// Score, percent to one decimal, or "not assessed".
        public var score: String
        /// Readiness level as finance reads it.
        public var readinessTitle: String
        /// The level's symbol (✔ ◐ ✖ ?).
        public var symbol: String
    }

    /// A question still to confirm.
    public struct ConfirmRow: Sendable {
        /// The question id.
        public var questionID: String
        /// The short title.
        public var title: String
        /// True when the title is not the id itself: the id is then shown beside it.
        public var showID: Bool
        /// The question as asked.
        public var prompt: String
        /// The title of the question's domain.
        public var domainTitle: String
        /// "don't know" or "unanswered".
        public var status: String
        /// True for a gating question.
        public var gating: Bool
        /// The control owner's role.
        public var owner: String
    }

    /// All answers of one domain.
    public struct AppendixDomain: Sendable {
        /// The title.
        public var title: String
        /// True when the domain has questions.
        public var hasAnswers: Bool
        /// The answers.
        public var answers: [AppendixRow]
    }

    /// One answer with its note and evidence.
    public struct AppendixRow: Sendable {
        /// The question id.
        public var questionID: String
        /// The short title.
        public var title: String
        /// True when the title is not the id itself: the id is then shown beside it.
        public var showID: Bool
        /// The question as asked.
        public var prompt: String
        /// The answer as finance reads it.
        public var answer: String
        /// The answer once, as the label reads ("Partly", not "Partly (partial)").
        public var answerLabel: String
        /// The note.
        public var note: String
        /// The evidence reference.
        public var evidence: String
        /// True when there is a note.
        public var hasNote: Bool
        /// True when there is evidence.
        public var hasEvidence: Bool
    }

    /// A source the questionnaire names.
    public struct SourceRow: Sendable {
        /// The title.
        public var title: String
        /// The address.
        public var url: String
        /// True when the address is a web link (http or https).
        public var hasURL: Bool
        /// The note.
        public var note: String
        /// True when there is a note.
        public var hasNote: Bool
    }
}
