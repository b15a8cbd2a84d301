/// What changed between two runs of one application, question by question (the "diff").
///
/// Runs scored against different questionnaire versions compare by question id, following the
/// newer version's `replaces`: an answer to an old id counts as the answer to the question that
/// replaced it. Questions only in the newer version are *added*, questions only in the older one
/// *removed*; neither is silently dropped.
public struct RunComparison: Sendable, Equatable {
    /// One question whose answer or standing changed.
    public struct Change: Sendable, Equatable {
        /// The question id in the newer run (the older id when the question was removed).
        public var questionID: String
        /// The older run's id for it, when it differed (renamed through `replaces`).
        public var previousID: String?
        /// Domain id in the newer run (older run for removed questions).
        public var domainID: String
        /// Answer text before and after (`unanswered` when none; `not asked` when its `when` did not hold).
        public var before: String
        /// After.
        public var after: String
        /// Answer score before and after (nil for unknown, unanswered, context, not asked).
        public var scoreBefore: Double?
        /// Answer score after.
        public var scoreAfter: Double?
        /// Whether it was a gap before and after.
        public var gapBefore: Bool
        /// Whether it is a gap after.
        public var gapAfter: Bool
        /// The kind of change.
        public var kind: Kind
        /// Notes and evidence before and after (nil when none).
        public var noteBefore: String? = nil
        /// Note after.
        public var noteAfter: String? = nil
        /// Evidence before.
        public var evidenceBefore: String? = nil
        /// Evidence after.
        public var evidenceAfter: String? = nil
        /// The gap's commitment in each run's result (nil when none, no gap, or rules 1).
        public var commitmentBefore: AssessmentResult.CommitmentEntry? = nil
        /// Commitment after.
        public var commitmentAfter: AssessmentResult.CommitmentEntry? = nil
    }

    /// How a question's standing changed.
    public enum Kind: String, Sendable, Equatable, Codable {
        /// It was a gap and is no longer one.
        case closed
        /// It was not a gap and now is (or is newly applicable and open).
        case newGap = "new-gap"
        /// Its score went down while staying (or becoming) a gap.
        case regressed
        /// Its score went up but it is still a gap.
        case improved
        /// The answer changed without changing the score.
        case changed
        /// Only the note, the evidence or the commitment changed (what auditors follow up).
        case annotated
        /// The question exists only in the newer questionnaire version.
        case added
        /// The question exists only in the older questionnaire version.
        case removed
    }

    /// Per-domain score before and after (nil when not assessed), in the newer questionnaire's order.
    public struct DomainChange: Sendable, Equatable {
        /// The domain id.
        public var domainID: String
        /// The title.
        public var title: String
        /// Before.
        public var before: Double?
        /// After.
        public var after: Double?
    }

    /// Run numbers compared.
    public var fromRun: Int
    /// The later run.
    public var toRun: Int
    /// Levels and overall scores (as stored, to one decimal) before and after.
    public var readinessBefore: ReadinessLevel
    /// Readiness after.
    public var readinessAfter: ReadinessLevel
    /// Overall score before (unrounded).
    public var scoreBefore: Double?
    /// Answer score after.
    public var scoreAfter: Double?
    /// Every question whose answer, gap standing, note or evidence changed, in the newer
    /// questionnaire's order (removed questions last).
    public var changes: [Change]
    /// Domain scores before and after.
    public var domains: [DomainChange]
    /// The rules each run was scored under; a level change between runs of different rules may
    /// come from the rules, not from the answers.
    public var rulesBefore: RulesVersion
    /// The later run's rules.
    public var rulesAfter: RulesVersion
    /// Every commitment that changed, in the order of ``changes``.
    public var commitments: [CommitmentChange]
    /// Gaps of the later run whose commitment is overdue on its as-of date, in remediation order.
    public var overdueCommitments: [String]

    /// True when the two runs were scored under different rules.
    public var rulesChanged: Bool { rulesBefore != rulesAfter }

    /// Changes of one kind.
    public func changes(_ kind: Kind) -> [Change] { changes.filter { $0.kind == kind } }

    /// One side of a comparison: a run's questionnaire, answers and stored result.
    public struct Side: Sendable {
        /// The questionnaire the run was scored against.
        public var questionnaire: Questionnaire
        /// The run's answers.
        public var answers: AnswerSheet
        /// The run's stored result (its gaps, scores and level are read, never recomputed).
        public var result: AssessmentResult

        /// Creates a side.
        public init(questionnaire: Questionnaire, answers: AnswerSheet, result: AssessmentResult) {
            self.questionnaire = questionnaire
            self.answers = answers
            self.result = result
        }

        /// A stored run's side.
        ///
        /// - Throws: ``QuestionnaireLoadError`` naming the run when its questionnaire does not load.
        public init(_ run: StoredRun) throws(QuestionnaireLoadError) {
            self.init(questionnaire: try run.questionnaire(), answers: run.answers, result: run.result)
        }

        /// The answer score s of a question as the result has it: a gap's score, 1 for an
        /// answered scored question that is no gap, else nil.
        func score(_ question: Question, status: QuestionOutcome.Status, gaps: [String: AssessmentResult.GapEntry]) -> Double? {
            if let gap = gaps[question.id] { return gap.score }
            return status == .answered && question.isScored ? 1 : nil
        }
    }

    /// Compares run `older` with run `newer` from their stored results.
    public init(older: Side, newer: Side) {
        fromRun = older.result.run.number
        toRun = newer.result.run.number
        readinessBefore = older.result.readiness
        readinessAfter = newer.result.readiness
        scoreBefore = older.result.score
        scoreAfter = newer.result.score
        rulesBefore = older.result.rules
        rulesAfter = newer.result.rules

        let oldStatuses = Applicability.statuses(
            older.questionnaire, answers: older.answers,
            notYetDue: Set(older.result.rules2?.notYetDue ?? []))
        let newStatuses = Applicability.statuses(
            newer.questionnaire, answers: newer.answers,
            notYetDue: Set(newer.result.rules2?.notYetDue ?? []))
        let oldGaps = Dictionary(older.result.gaps.map { ($0.question, $0) }, uniquingKeysWith: { first, _ in first })
        let newGaps = Dictionary(newer.result.gaps.map { ($0.question, $0) }, uniquingKeysWith: { first, _ in first })
        var matchedOld: Set<String> = []
        var result: [Change] = []
        for (domain, question) in newer.questionnaire.domains.flatMap({ d in d.questions.map { (d, $0) } }) {
            let newStatus = newStatuses[question.id] ?? .unanswered
            let newScore = newer.score(question, status: newStatus, gaps: newGaps)
            let oldID: String? =
                older.questionnaire.question(question.id) != nil
                ? question.id
                : question.replaces.first { older.questionnaire.question($0) != nil }
            let after = RunComparison.describe(newStatus, newer.answers[question.id]?.answer)
            guard let oldID, let oldQuestion = older.questionnaire.question(oldID), let oldStatus = oldStatuses[oldID] else {
                result.append(
                    Change(
                        questionID: question.id, previousID: nil, domainID: domain.id, before: "not in run \(fromRun)",
                        after: after, scoreBefore: nil, scoreAfter: newScore, gapBefore: false,
                        gapAfter: newGaps[question.id] != nil, kind: .added,
                        commitmentAfter: newGaps[question.id]?.commitment))
                continue
            }
            matchedOld.insert(oldID)
            let oldScore = older.score(oldQuestion, status: oldStatus, gaps: oldGaps)
            let before = RunComparison.describe(oldStatus, older.answers[oldID]?.answer)
            let wasGap = oldGaps[oldID] != nil, isGap = newGaps[question.id] != nil
            let kind: Kind
            switch (wasGap, isGap) {
            case (true, false): kind = .closed
            case (false, true): kind = .newGap
            case (true, true):
                let b = oldScore ?? -1, a = newScore ?? -1
                kind = a < b ? .regressed : (a > b ? .improved : .changed)
            case (false, false): kind = .changed
            }
            let oldRecord = older.answers[oldID], newRecord = newer.answers[question.id]
            let commitmentBefore = oldGaps[oldID]?.commitment, commitmentAfter = newGaps[question.id]?.commitment
            let annotated =
                oldRecord?.note != newRecord?.note || oldRecord?.evidence != newRecord?.evidence
                || commitmentBefore != commitmentAfter
            guard before != after || wasGap != isGap || annotated else { continue }
            let onlyNotes = before == after && wasGap == isGap
            result.append(
                Change(
                    questionID: question.id, previousID: oldID == question.id ? nil : oldID, domainID: domain.id,
                    before: before, after: after, scoreBefore: oldScore, scoreAfter: newScore,
                    gapBefore: wasGap, gapAfter: isGap, kind: onlyNotes ? .annotated : kind,
                    noteBefore: oldRecord?.note, noteAfter: newRecord?.note,
                    evidenceBefore: oldRecord?.evidence, evidenceAfter: newRecord?.evidence,
                    commitmentBefore: commitmentBefore, commitmentAfter: commitmentAfter))
        }
        for domain in older.questionnaire.domains {
            for question in domain.questions where !matchedOld.contains(question.id) {
                let status = oldStatuses[question.id] ?? .unanswered
                result.append(
                    Change(
                        questionID: question.id, previousID: nil, domainID: domain.id,
                        before: RunComparison.describe(status, older.answers[question.id]?.answer),
                        after: "not in run \(toRun)", scoreBefore: older.score(question, status: status, gaps: oldGaps),
                        scoreAfter: nil, gapBefore: oldGaps[question.id] != nil, gapAfter: false, kind: .removed,
                        commitmentBefore: oldGaps[question.id]?.commitment))
            }
        }
        changes = result
        let asOf = newer.result.rules2?.asOf ?? CalendarDate(String(newer.result.run.recordedAt.prefix(10)))
        commitments = result.compactMap { change in
            guard let asOf, change.kind != .removed else { return nil }
            return CommitmentChange.between(
                change.questionID, before: change.commitmentBefore, after: change.commitmentAfter,
                closed: change.kind == .closed, asOf: asOf)
        }
        overdueCommitments = newer.result.gaps.filter { $0.commitment?.status == .overdue }.map(\.question)
        let oldDomainScores = Dictionary(older.result.domains.map { ($0.id, $0.score) }, uniquingKeysWith: { first, _ in first })
        let newDomainScores = Dictionary(newer.result.domains.map { ($0.id, $0.score) }, uniquingKeysWith: { first, _ in first })
        domains = newer.questionnaire.domains.map { domain in
            DomainChange(
                domainID: domain.id, title: domain.title, before: oldDomainScores[domain.id] ?? nil,
                after: newDomainScores[domain.id] ?? nil)
        }
    }

    /// The answer as plain text; `not asked` when its `when` did not hold; a question asked only
    /// after the cutover in a pre-cutover run says `not yet due` after its answer, if any.
    static func describe(_ status: QuestionOutcome.Status, _ answer: Answer?) -> String {
        switch status {
        case .notAsked: return "not asked"
        case .notYetDue: return answer == nil ? "not yet due" : AnswerText.plain(answer) + " (not yet due)"
        default: return AnswerText.plain(answer)
        }
    }
}
