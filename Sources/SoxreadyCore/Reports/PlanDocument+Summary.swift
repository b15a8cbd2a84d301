extension PlanDocument {
    /// One reason for the level, as the executive summary words it.
    public struct ReasonRow: Sendable {
        /// The rule of SCORING.md it comes from (1...4; 0 for a reason recorded under rules 1).
        public var rule: Int
        /// What the rule makes of the run: "not ready", "readiness unknown" or "a condition".
        public var effect: String
        /// The reason in plain words, with the questions' short titles.
        public var text: String
    }

    /// The run's place in the fiscal calendar (rules 2), in plain words.
    public struct CalendarSummary: Sendable {
        /// True when the cutover date is answered.
        public var hasCutover: Bool
        /// The cutover date, `YYYY-MM-DD`, or "not answered".
        public var cutover: String
        /// The fiscal year end as answered, or "not answered".
        public var fiscalYearEnd: String
        /// The as-of date of the run, `YYYY-MM-DD`.
        public var asOf: String
        /// `pre-cutover` or `post-cutover`.
        public var stage: String
        /// "pre-cutover (393 days to go)", "post-cutover (since 2027-05-15)".
        public var stageText: String
        /// The findings, one sentence each, warnings first flagged.
        public var findings: [Finding]
    }

    /// A sentence of the calendar findings.
    public struct Finding: Sendable {
        /// The sentence.
        public var text: String
        /// True when it stands against the run (a readiness rule holds because of it).
        public var warning: Bool
    }

    /// A blocker or a condition to close before go-live, on one line: what is open and who closes it by when.
    public struct ItemRow: Sendable {
        /// The question id.
        public var questionID: String
        /// The question's short title (the id when it has none).
        public var title: String
        /// True when the title is not the id itself: the id is then shown beside it.
        public var showID: Bool
        /// The title of the question's domain.
        public var domainTitle: String
        /// What is open: the answer as its label reads, or "Yes; no evidence reference".
        public var answer: String
        /// How far it is met, in a word: "No", "Partly", "Don't know", "Unanswered", or "No
        /// evidence" for a key control without an evidence reference (the summary's short form).
        public var met: String
        /// The person committed to close it (the commitment's owner), or empty.
        public var owner: String
        /// True when a person is committed.
        public var hasOwner: Bool
        /// The control owner's role (from the questionnaire), shown when no person is named.
        public var role: String
        /// The due date of the commitment, `YYYY-MM-DD`, or empty.
        public var due: String
        /// True when there is a commitment (owner and due date).
        public var hasCommitment: Bool
        /// "on time", "overdue", "after cutover", or "no commitment".
        public var status: String
        /// `on-time`, `overdue`, `after-cutover` or `none` (a CSS class).
        public var statusID: String
        /// True when the commitment is overdue on the run's as-of date.
        public var overdue: Bool
        /// True when the commitment is due after the cutover date.
        public var afterCutover: Bool
        /// "potential significant deficiency", "potential deficiency" or empty: a preview for
        /// management and the auditor to judge, never a finding.
        public var preview: String
        /// True when there is a preview.
        public var hasPreview: Bool
        /// True when the preview is of a potential significant deficiency.
        public var significantPreview: Bool
        /// The preview in a word, under the heading "Preview": "significant" or "control" (deficiency).
        public var previewShort: String
        /// Remediation priority 1...4 (0 for a key control without evidence, which is no gap).
        public var priority: Int
        /// True for a key control that is met but has no evidence reference (not a gap).
        public var evidenceMissing: Bool
    }

    /// A person named in commitments, with what they own before go-live.
    public struct OwnerLine: Sendable {
        /// The person.
        public var name: String
        /// How many blockers and conditions they are committed to close.
        public var count: Int
        /// Their earliest due date, `YYYY-MM-DD`.
        public var firstDue: String
        /// How many of their commitments are overdue or due after the cutover.
        public var late: Int
        /// True when one is overdue or due after the cutover.
        public var hasLate: Bool
    }

    /// Who prepared the run and what they attested.
    public struct PreparerLine: Sendable {
        /// True when the run records a preparer (runs recorded before preparers were asked have none).
        public var known: Bool
        /// The preparer's name, or "not recorded".
        public var name: String
        /// The attestation, word for word.
        public var attestation: String
    }

    /// Where the run stands in the finance review, and how to record a decision.
    public struct SignOffSummary: Sendable {
        /// `pending`, `approved` or `sent-back` (also a CSS class).
        public var status: String
        /// "pending", "approved by Lee Chen (Controller) on 2026-12-01", "sent back by … on …: comment".
        public var text: String
        /// True while no decision is recorded.
        public var pending: Bool
        /// True when the latest decision approves the run.
        public var approved: Bool
        /// True when the latest decision sends the run back.
        public var sentBack: Bool
        /// Every decision recorded on this run, oldest first (a later one supersedes).
        public var history: [SignOffRow]
        /// True when a decision is recorded.
        public var hasHistory: Bool
        /// What the reviewer confirms by approving, in plain words (``SignOffRules/approval(preparer:)``).
        public var confirms: String
        /// The command that records an approval (placeholders in capitals).
        public var approveCommand: String
        /// The command that sends the run back.
        public var sendBackCommand: String
    }

    /// One recorded decision on the run.
    public struct SignOffRow: Sendable {
        /// The sign-off number of the application.
        public var number: Int
        /// "approved" or "sent back".
        public var decision: String
        /// The reviewer's name.
        public var reviewer: String
        /// The reviewer's role.
        public var role: String
        /// The date, `YYYY-MM-DD`.
        public var date: String
        /// The comment, or empty.
        public var comment: String
        /// True when there is a comment.
        public var hasComment: Bool
        /// True when the statement was signed with an SSH key.
        public var signed: Bool
        /// True when a later decision supersedes it.
        public var superseded: Bool
    }

    /// What did not verify when the report was rendered with `--unverified`.
    public struct Verification: Sendable {
        /// True when the run does not verify (the plan says so in its header and on page 1).
        public var unverified: Bool
        /// What does not verify, one line each.
        public var problems: [Line]
    }
}
