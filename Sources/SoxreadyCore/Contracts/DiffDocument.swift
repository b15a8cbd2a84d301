import Foundation

/// `diff --format json` (keys in docs/progress.md): what changed between two runs of one
/// application. Two runs scored under rules 1 give `soxready/diff@1`, exactly as soxready 0.1
/// printed it; when either run was scored under rules 2 the document is `soxready/diff@2`, which
/// adds the rules of each run and the commitments.
public struct DiffDocument: Encodable, Sendable {
    /// `soxready/diff@1` or `soxready/diff@2`.
    public var format: String
    /// The application's name.
    public var app: String
    /// The earlier run.
    public var from: RunReference
    /// The later run.
    public var to: RunReference
    /// True when the readiness level changed.
    public var readinessChanged: Bool
    /// Change of the overall score in points to one decimal, or null.
    @ExplicitNull public var scoreChange: Double?
    /// Every changed question.
    public var changes: [ChangeEntry]
    /// Question ids of the gaps closed.
    public var closedGaps: [String]
    /// Question ids of the new gaps (also of new questions that are gaps).
    public var newGaps: [String]
    /// Question ids whose score went down while a gap.
    public var regressions: [String]
    /// Domain scores before and after.
    public var domains: [DomainEntry]
    /// diff@2: `{"from": 1|2, "to": 1|2}`, the rules each run was scored under.
    public var rules: RulesPair?
    /// diff@2: true when the runs were scored under different rules.
    public var rulesChanged: Bool?
    /// diff@2: every commitment that changed.
    public var commitments: [CommitmentEntry]?
    /// diff@2: the later run's gaps whose commitment is overdue.
    public var overdueCommitments: [String]?

    /// The rules versions of the two runs.
    public struct RulesPair: Encodable, Sendable {
        /// The earlier run's rules version.
        public var from: Int
        /// The later run's.
        public var to: Int
    }

    /// One commitment that changed: `kind` is `met`, `met-late`, `slipped`, `reassigned`, `new`
    /// or `withdrawn`; `before`/`after` are `{"owner", "due", "status"}` or null.
    public struct CommitmentEntry: Encodable, Sendable {
        /// The question id.
        public var question: String
        /// What happened.
        public var kind: String
        /// The earlier run's commitment, or null.
        @ExplicitNull public var before: AssessmentResult.CommitmentEntry?
        /// The later run's, or null.
        @ExplicitNull public var after: AssessmentResult.CommitmentEntry?
    }

    /// A run compared.
    public struct RunReference: Encodable, Sendable {
        /// Run number.
        public var run: Int
        /// ISO 8601 UTC.
        public var recordedAt: String
        /// The questionnaire scored against.
        public var questionnaire: AssessmentResult.ScoredQuestionnaire
        /// The level's id.
        public var readiness: String
        /// Overall score, or null.
        @ExplicitNull public var score: Double?
    }

    /// One changed question.
    public struct ChangeEntry: Encodable, Sendable {
        /// The question id (in the later run).
        public var question: String
        /// Its id in the earlier run when it was renamed, else null.
        @ExplicitNull public var previousQuestion: String?
        /// The domain id.
        public var domain: String
        /// `closed`, `new-gap`, `regressed`, `improved`, `changed`, `annotated`, `added`, `removed`.
        public var kind: String
        /// The answer before and after, as plain text.
        public var before: String
        /// After.
        public var after: String
        /// Answer scores to three decimals, or null.
        @ExplicitNull public var scoreBefore: Double?
        /// After.
        @ExplicitNull public var scoreAfter: Double?
        /// Whether it was a gap, and is one.
        public var gapBefore: Bool
        /// After.
        public var gapAfter: Bool
        /// Notes and evidence before and after, or null.
        @ExplicitNull public var noteBefore: String?
        /// After.
        @ExplicitNull public var noteAfter: String?
        /// Evidence before.
        @ExplicitNull public var evidenceBefore: String?
        /// After.
        @ExplicitNull public var evidenceAfter: String?
        /// diff@2: the gap's commitment before and after, or null.
        public var commitmentBefore: AssessmentResult.CommitmentEntry?
        /// After.
        public var commitmentAfter: AssessmentResult.CommitmentEntry?
        /// Whether the commitment keys are written (diff@2 only).
        var writesCommitments = false

        enum CodingKeys: String, CodingKey {
            case question, previousQuestion, domain, kind, before, after, scoreBefore, scoreAfter, gapBefore, gapAfter
            case noteBefore, noteAfter, evidenceBefore, evidenceAfter, commitmentBefore, commitmentAfter
        }

        /// Encodes the diff@1 keys, and under diff@2 the commitments (null when none).
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(question, forKey: .question)
            try c.encode(_previousQuestion, forKey: .previousQuestion)
            try c.encode(domain, forKey: .domain)
            try c.encode(kind, forKey: .kind)
            try c.encode(before, forKey: .before)
            try c.encode(after, forKey: .after)
            try c.encode(_scoreBefore, forKey: .scoreBefore)
            try c.encode(_scoreAfter, forKey: .scoreAfter)
            try c.encode(gapBefore, forKey: .gapBefore)
            try c.encode(gapAfter, forKey: .gapAfter)
            try c.encode(_noteBefore, forKey: .noteBefore)
            try c.encode(_noteAfter, forKey: .noteAfter)
            try c.encode(_evidenceBefore, forKey: .evidenceBefore)
            try c.encode(_evidenceAfter, forKey: .evidenceAfter)
            if writesCommitments {
                try c.encode(ExplicitNull(wrappedValue: commitmentBefore), forKey: .commitmentBefore)
                try c.encode(ExplicitNull(wrappedValue: commitmentAfter), forKey: .commitmentAfter)
            }
        }
    }

    /// A domain's score before and after.
    public struct DomainEntry: Encodable, Sendable {
        /// The domain id.
        public var id: String
        /// Its title.
        public var title: String
        /// Scores to one decimal, or null.
        @ExplicitNull public var before: Double?
        /// After.
        @ExplicitNull public var after: Double?
        /// Change in points, or null.
        @ExplicitNull public var change: Double?
    }

    /// The document of `comparison` between runs `older` and `newer` of `app`.
    public init(app: String, older: StoredRun, newer: StoredRun, comparison: RunComparison) {
        func reference(_ run: StoredRun) -> RunReference {
            RunReference(
                run: run.summary.number, recordedAt: run.result.run.recordedAt, questionnaire: run.result.questionnaire,
                readiness: run.result.readiness.rawValue, score: run.result.score)
        }
        func rounded(_ value: Double?) -> Double? { value.map(AssessmentResult.round1) }
        func three(_ value: Double?) -> Double? { value.map { ($0 * 1000).rounded() / 1000 } }
        let v2 = comparison.rulesBefore == .v2 || comparison.rulesAfter == .v2
        format = v2 ? "soxready/diff@2" : "soxready/diff@1"
        self.app = app
        from = reference(older)
        to = reference(newer)
        readinessChanged = comparison.readinessBefore != comparison.readinessAfter
        scoreChange = AssessmentResult.change(from: comparison.scoreBefore, to: comparison.scoreAfter)
        changes = comparison.changes.map {
            ChangeEntry(
                question: $0.questionID, previousQuestion: $0.previousID, domain: $0.domainID, kind: $0.kind.rawValue,
                before: $0.before, after: $0.after, scoreBefore: three($0.scoreBefore), scoreAfter: three($0.scoreAfter),
                gapBefore: $0.gapBefore, gapAfter: $0.gapAfter, noteBefore: $0.noteBefore, noteAfter: $0.noteAfter,
                evidenceBefore: $0.evidenceBefore, evidenceAfter: $0.evidenceAfter,
                commitmentBefore: $0.commitmentBefore, commitmentAfter: $0.commitmentAfter, writesCommitments: v2)
        }
        closedGaps = comparison.changes(.closed).map(\.questionID)
        newGaps = comparison.changes(.newGap).map(\.questionID) + comparison.changes(.added).filter(\.gapAfter).map(\.questionID)
        regressions = comparison.changes(.regressed).map(\.questionID)
        domains = comparison.domains.map {
            DomainEntry(
                id: $0.domainID, title: $0.title, before: rounded($0.before), after: rounded($0.after),
                change: AssessmentResult.change(from: $0.before, to: $0.after))
        }
        if v2 {
            rules = RulesPair(from: comparison.rulesBefore.rawValue, to: comparison.rulesAfter.rawValue)
            rulesChanged = comparison.rulesChanged
            commitments = comparison.commitments.map {
                CommitmentEntry(question: $0.questionID, kind: $0.kind.rawValue, before: $0.before, after: $0.after)
            }
            overdueCommitments = comparison.overdueCommitments
        }
    }

    enum CodingKeys: String, CodingKey {
        case format, app, from, to, readinessChanged, scoreChange, changes, closedGaps, newGaps, regressions, domains
        case rules, rulesChanged, commitments, overdueCommitments
    }

    /// The JSON bytes.
    public func jsonData() throws -> Data { try JSONContract.encode(self) }
}
