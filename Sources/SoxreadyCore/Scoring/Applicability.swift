/// Which questions apply to an answer sheet, in questionnaire order: a `when` looks only at
/// earlier questions that are themselves asked, with three-valued logic (SCORING.md).
public enum Applicability {
    /// Every question's outcome in questionnaire order: its status and, for an answered scored
    /// question, its answer score s. Questions in `notYetDue` (rules 2, a pre-cutover run) are
    /// not asked and not applicable; their answers are kept but not scored.
    public static func outcomes(_ questionnaire: Questionnaire, answers: AnswerSheet, notYetDue: Set<String> = []) -> [QuestionOutcome] {
        var usable: [String: AnswerValue] = [:]
        var outcomes: [QuestionOutcome] = []
        for domain in questionnaire.domains {
            for question in domain.questions {
                let asked = question.when?.holds { usable[$0] } ?? true
                var outcome = QuestionOutcome(questionID: question.id, domainID: domain.id, status: .unanswered, score: nil)
                if notYetDue.contains(question.id) {
                    outcome.status = .notYetDue
                } else if !asked {
                    outcome.status = .notAsked
                } else {
                    switch answers[question.id]?.answer {
                    case .none: outcome.status = .unanswered
                    case .unknown?: outcome.status = .unknown
                    case .notApplicable?: outcome.status = .notApplicable
                    case .value(let value)?:
                        outcome.status = .answered
                        usable[question.id] = value
                        if question.isScored { outcome.score = ReadinessScorer.answerScore(question, value) }
                    }
                }
                outcomes.append(outcome)
            }
        }
        return outcomes
    }

    /// Every question's status, by id.
    public static func statuses(
        _ questionnaire: Questionnaire, answers: AnswerSheet, notYetDue: Set<String> = []
    ) -> [String: QuestionOutcome.Status] {
        Dictionary(uniqueKeysWithValues: outcomes(questionnaire, answers: answers, notYetDue: notYetDue).map { ($0.questionID, $0.status) })
    }
}
