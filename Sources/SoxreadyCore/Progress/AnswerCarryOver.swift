/// Carries a run's answers over to a (possibly newer) questionnaire for a rerun.
///
/// Answers move by question id; an answer to an id that a newer question names in `replaces`
/// moves to that question (the first of the old ids that has an answer wins). An answer that no
/// longer fits (a choice that was removed, a number now out of range) is dropped and reported,
/// so the question is asked again rather than carrying a wrong value.
public enum AnswerCarryOver {
    /// The outcome of carrying answers over.
    public struct Result: Sendable, Equatable {
        /// The answers as they apply to the new questionnaire, by new id (notes and evidence kept).
        public var answers: AnswerSheet
        /// Old id → new id for answers that moved through `replaces`.
        public var renamed: [String: String]
        /// Old ids whose answers were dropped, with the reason.
        public var dropped: [String: String]

        /// Creates a result (empty by default).
        public init(answers: AnswerSheet = [:], renamed: [String: String] = [:], dropped: [String: String] = [:]) {
            self.answers = answers
            self.renamed = renamed
            self.dropped = dropped
        }
    }

    /// Maps `answers` (given to `old`) onto `new`.
    public static func carry(_ answers: AnswerSheet, from old: Questionnaire, to new: Questionnaire) -> Result {
        var result = Result(answers: [:], renamed: [:], dropped: [:])
        for question in new.questions {
            var sourceID: String?
            if answers[question.id] != nil, old.question(question.id) != nil {
                sourceID = question.id
            } else if let replaced = question.replaces.first(where: { answers[$0] != nil }) {
                sourceID = replaced
            }
            guard let sourceID, var record = answers[sourceID] else { continue }
            if sourceID != question.id { result.renamed[sourceID] = question.id }
            if let answer = record.answer, !fits(answer, question) {
                result.dropped[sourceID] = "the answer \(AnswerText.plain(answer)) no longer fits question \(question.id)"
                record.answer = nil
            }
            if record.answer != nil || record.note != nil || record.evidence != nil {
                result.answers[question.id] = record
            }
        }
        return result
    }

    /// True when `answer` is still a valid answer to `question`.
    static func fits(_ answer: Answer, _ question: Question) -> Bool {
        switch answer {
        case .unknown: return true
        case .notApplicable: return question.notApplicable
        case .value(let value):
            switch (question.type, value) {
            case (.choice, .choice(let id)), (.yesNo, .choice(let id)), (.yesPartialNo, .choice(let id)):
                return question.choice(id) != nil
            case (.multi, .choices(let ids)):
                return ids.allSatisfy { question.choice($0) != nil }
            case (.number, .number(let number)):
                return (question.min.map { number >= $0 } ?? true) && (question.max.map { number <= $0 } ?? true)
            case (.date, .date), (.text, .text):
                return true
            default:
                return false
            }
        }
    }

    /// What `--only-gaps` keeps as answered: the answers of `base` carried over to `new` that
    /// were not gaps in `base`'s stored result (never an unknown); the rest is asked.
    ///
    /// - Throws: ``QuestionnaireLoadError`` naming the run when its stored questionnaire does not load.
    public static func keptByOnlyGaps(from base: StoredRun, to new: Questionnaire) throws(QuestionnaireLoadError) -> AnswerSheet {
        let old = try base.questionnaire()
        let carried = carry(base.answers, from: old, to: new)
        let oldGaps = Set(base.result.gaps.map(\.question))
        // The new ids of the old gaps (a renamed question keeps its standing).
        var gaps = oldGaps
        for (oldID, newID) in carried.renamed where oldGaps.contains(oldID) { gaps.insert(newID) }
        return carried.answers.filter { id, record in
            guard !gaps.contains(id), let answer = record.answer else { return false }
            return answer != .unknown
        }
    }
}
