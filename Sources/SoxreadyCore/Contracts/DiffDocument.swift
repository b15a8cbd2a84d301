import Foundation

/// `diff --format json` (`soxready/diff@1`, keys in docs/progress.md): what changed between two
/// runs of one application.
public struct DiffDocument: Encodable, Sendable {
    /// Always `soxready/diff@1`.
    public var format = "soxready/diff@1"
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
            RunReference(run: run.summary.number, recordedAt: run.result.run.recordedAt, questionnaire: run.result.questionnaire,
                         readiness: run.result.readiness.rawValue, score: run.result.score)
        }
        func rounded(_ value: Double?) -> Double? { value.map(AssessmentResult.round1) }
        func three(_ value: Double?) -> Double? { value.map { ($0 * 1000).rounded() / 1000 } }
        self.app = app
        from = reference(older)
        to = reference(newer)
        readinessChanged = comparison.readinessBefore != comparison.readinessAfter
        scoreChange = AssessmentResult.change(from: comparison.scoreBefore, to: comparison.scoreAfter)
        changes = comparison.changes.map {
            ChangeEntry(question: $0.questionID, previousQuestion: $0.previousID, domain: $0.domainID, kind: $0.kind.rawValue,
                        before: $0.before, after: $0.after, scoreBefore: three($0.scoreBefore), scoreAfter: three($0.scoreAfter),
                        gapBefore: $0.gapBefore, gapAfter: $0.gapAfter, noteBefore: $0.noteBefore, noteAfter: $0.noteAfter,
                        evidenceBefore: $0.evidenceBefore, evidenceAfter: $0.evidenceAfter)
        }
        closedGaps = comparison.changes(.closed).map(\.questionID)
        newGaps = comparison.changes(.newGap).map(\.questionID) + comparison.changes(.added).filter(\.gapAfter).map(\.questionID)
        regressions = comparison.changes(.regressed).map(\.questionID)
        domains = comparison.domains.map {
            DomainEntry(id: $0.domainID, title: $0.title, before: rounded($0.before), after: rounded($0.after),
                        change: AssessmentResult.change(from: $0.before, to: $0.after))
        }
    }

    /// The JSON bytes.
    public func jsonData() throws -> Data { try JSONContract.encode(self) }
}
