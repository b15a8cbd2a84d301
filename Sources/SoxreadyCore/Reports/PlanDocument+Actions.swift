extension PlanDocument {
    /// The remediation actions of one migration phase (rules-2 plan).
    public struct ActionPhase: Sendable {
        /// The phase id (`before-migration`, `cutover`, `after-cutover`).
        public var id: String
        /// The phase as a title.
        public var title: String
        /// The actions, in the result's remediation order.
        public var actions: [ActionRow]
        /// How many actions.
        public var count: Int
    }

    /// One remediation action: a row of at most six columns (priority, gap, answer, owner, due,
    /// status), and the details under it.
    public struct ActionRow: Sendable {
        /// The gap as a blocker or condition line (title, id, answer, commitment, preview).
        public var item: ItemRow
        /// `P1` … `P4`.
        public var priority: String
        /// "ICFR gate", "technical gate" or empty.
        public var gate: String
        /// True for a gate of either kind.
        public var gating: Bool
        /// The remediation action (the answer's own when its choice has one).
        public var action: String
        /// The details shown under the row, only those that have a value.
        public var details: [Detail]
        /// The details on one line: "Azure capability: Azure Backup · Effort: M · Risk: high".
        public var detailsText: String
    }

    /// A labelled detail of an action.
    public struct Detail: Sendable {
        /// "Azure capability", "Effort", "ITGC area", "CUEC theme", "Risk", "Control owner", "Preview".
        public var label: String
        /// The value.
        public var value: String
    }

    /// A key control met without an evidence reference, with the evidence auditors ask for.
    public struct EvidenceRow: Sendable {
        /// The question id.
        public var questionID: String
        /// The short title.
        public var title: String
        /// True when the title is not the id itself: the id is then shown beside it.
        public var showID: Bool
        /// The title of the question's domain.
        public var domainTitle: String
        /// The answer as given.
        public var answer: String
        /// The control owner's role.
        public var role: String
        /// The evidence auditors ask for (the question's `expectedEvidence`), separated by semicolons.
        public var expected: String
        /// True when the questionnaire lists expected evidence.
        public var hasExpected: Bool
    }

    /// A question asked only after the cutover: an item of the hypercare checklist.
    public struct HypercareRow: Sendable {
        /// The question id.
        public var questionID: String
        /// The short title.
        public var title: String
        /// True when the title is not the id itself: the id is then shown beside it.
        public var showID: Bool
        /// The question as it will be asked.
        public var prompt: String
        /// The control owner's role.
        public var role: String
        /// The evidence auditors ask for, separated by semicolons.
        public var expected: String
        /// True when the questionnaire lists expected evidence.
        public var hasExpected: Bool
    }

    /// What changed between an earlier run and this one (the `diff`), worded for the plan.
    public struct Comparison: Sendable {
        /// True when there is an earlier run to compare with.
        public var exists: Bool
        /// The earlier run's number.
        public var run: Int
        /// How the earlier run stands: "approved by Lee Chen (Controller) on 2026-12-01".
        public var standing: String
        /// True when the earlier run was scored under other rules than this one.
        public var rulesChanged: Bool
        /// "Rules 1 → 2".
        public var rulesText: String
        /// "score 60.0 → 72.3 (+12.3)".
        public var scoreChange: String
        /// "level Not ready → Ready with conditions", or "level unchanged (…)".
        public var levelChange: String
        /// Gaps closed.
        public var closed: [ChangeLine]
        /// New gaps (including new questions that are gaps).
        public var newGaps: [ChangeLine]
        /// Answers whose score went down.
        public var regressions: [ChangeLine]
        /// Open gaps whose score went up.
        public var improved: [ChangeLine]
        /// Other changed answers, and notes or evidence changed.
        public var changed: [ChangeLine]
        /// True when any list has an entry.
        public var hasChanges: Bool
        /// True for each non-empty list.
        public var hasClosed: Bool, hasNewGaps: Bool, hasRegressions: Bool, hasImproved: Bool, hasChanged: Bool
    }

    /// A changed question: its short title and id, the answer before and after.
    public struct ChangeLine: Sendable {
        /// The question id.
        public var questionID: String
        /// The short title.
        public var title: String
        /// True when the title is not the id itself: the id is then shown beside it.
        public var showID: Bool
        /// The answer before ("Partly", "not asked", "not in run 2").
        public var before: String
        /// The answer after.
        public var after: String
        /// What else changed: "note changed", "evidence changed", or empty.
        public var annotation: String
        /// True when there is an annotation.
        public var hasAnnotation: Bool
    }
}
