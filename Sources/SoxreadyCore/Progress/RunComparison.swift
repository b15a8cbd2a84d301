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
        /// Only the note or the evidence changed (what auditors follow up).
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
    /// Levels and overall scores (unrounded) before and after.
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

    /// Changes of one kind.
    public func changes(_ kind: Kind) -> [Change] { changes.filter { $0.kind == kind } }

    /// Compares run `older` with run `newer`.
    ///
    /// - Parameters:
    ///   - older: The earlier run's questionnaire, answers and number.
    ///   - newer: The later run's questionnaire, answers and number.
    public init(older: (questionnaire: Questionnaire, answers: AnswerSheet, run: Int),
                newer: (questionnaire: Questionnaire, answers: AnswerSheet, run: Int))
    {
        let oldCard = ReadinessScorer.score(older.questionnaire, answers: older.answers)
        let newCard = ReadinessScorer.score(newer.questionnaire, answers: newer.answers)
        fromRun = older.run
        toRun = newer.run
        readinessBefore = oldCard.readiness
        readinessAfter = newCard.readiness
        scoreBefore = oldCard.score
        scoreAfter = newCard.score

        let oldOutcomes = Dictionary(uniqueKeysWithValues: oldCard.questions.map { ($0.questionID, $0) })
        let oldGaps = Set(oldCard.gaps.map(\.questionID))
        let newGaps = Set(newCard.gaps.map(\.questionID))
        var matchedOld: Set<String> = []
        var result: [Change] = []
        for (domain, question) in newer.questionnaire.domains.flatMap({ d in d.questions.map { (d, $0) } }) {
            let newOutcome = newCard.outcome(question.id)!
            let oldID: String? = older.questionnaire.question(question.id) != nil ? question.id
                : question.replaces.first { older.questionnaire.question($0) != nil }
            let after = RunComparison.describe(newOutcome, newer.answers[question.id]?.answer)
            guard let oldID, let oldOutcome = oldOutcomes[oldID] else {
                let gap = newGaps.contains(question.id)
                result.append(Change(questionID: question.id, previousID: nil, domainID: domain.id, before: "not in run \(older.run)",
                                     after: after, scoreBefore: nil, scoreAfter: newOutcome.score, gapBefore: false,
                                     gapAfter: gap, kind: .added))
                continue
            }
            matchedOld.insert(oldID)
            let before = RunComparison.describe(oldOutcome, older.answers[oldID]?.answer)
            let wasGap = oldGaps.contains(oldID), isGap = newGaps.contains(question.id)
            let kind: Kind
            switch (wasGap, isGap) {
            case (true, false): kind = .closed
            case (false, true): kind = .newGap
            case (true, true):
                let b = oldOutcome.score ?? -1, a = newOutcome.score ?? -1
                kind = a < b ? .regressed : (a > b ? .improved : .changed)
            case (false, false): kind = .changed
            }
            let oldRecord = older.answers[oldID], newRecord = newer.answers[question.id]
            let annotated = oldRecord?.note != newRecord?.note || oldRecord?.evidence != newRecord?.evidence
            guard before != after || wasGap != isGap || annotated else { continue }
            let onlyNotes = before == after && wasGap == isGap
            result.append(Change(questionID: question.id, previousID: oldID == question.id ? nil : oldID, domainID: domain.id,
                                 before: before, after: after, scoreBefore: oldOutcome.score, scoreAfter: newOutcome.score,
                                 gapBefore: wasGap, gapAfter: isGap, kind: onlyNotes ? .annotated : kind,
                                 noteBefore: oldRecord?.note, noteAfter: newRecord?.note,
                                 evidenceBefore: oldRecord?.evidence, evidenceAfter: newRecord?.evidence))
        }
        for domain in older.questionnaire.domains {
            for question in domain.questions where !matchedOld.contains(question.id) {
                let outcome = oldOutcomes[question.id]!
                result.append(Change(questionID: question.id, previousID: nil, domainID: domain.id,
                                     before: RunComparison.describe(outcome, older.answers[question.id]?.answer),
                                     after: "not in run \(newer.run)", scoreBefore: outcome.score, scoreAfter: nil,
                                     gapBefore: oldGaps.contains(question.id), gapAfter: false, kind: .removed))
            }
        }
        changes = result
        let oldDomainScores = Dictionary(uniqueKeysWithValues: oldCard.domains.map { ($0.domainID, $0.score) })
        domains = zip(newer.questionnaire.domains, newCard.domains).map { domain, outcome in
            DomainChange(domainID: domain.id, title: domain.title, before: oldDomainScores[domain.id] ?? nil, after: outcome.score)
        }
    }

    static func describe(_ outcome: QuestionOutcome, _ answer: Answer?) -> String {
        outcome.status == .notAsked ? "not asked" : AnswerFormatting.text(answer)
    }
}
