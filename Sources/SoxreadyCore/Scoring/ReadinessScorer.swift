/// Scores an answer sheet against a questionnaire exactly as SCORING.md defines.
///
/// ```swift
/// let card = ReadinessScorer.score(questionnaire, answers: ["mfa-admins": AnswerRecord(answer: .value(.choice("yes")))])
/// print(card.readiness, card.score ?? 0)
/// ```
public enum ReadinessScorer {
    /// Scores `answers` against `questionnaire`.
    ///
    /// Answers to unknown questions are ignored; values are taken as given (validate them first
    /// with ``AnswersFileParser`` or the wizard).
    ///
    /// - Returns: Every figure unrounded, the gaps in priority order, the level and its reasons.
    public static func score(_ questionnaire: Questionnaire, answers: AnswerSheet) -> Scorecard {
        let outcomes = Applicability.outcomes(questionnaire, answers: answers)
        let byID = Dictionary(uniqueKeysWithValues: outcomes.map { ($0.questionID, $0) })
        var domainOutcomes: [DomainOutcome] = []
        var weighted = 0.0, multipliers = 0.0
        var answeredScored = 0, applicableScored = 0
        var gaps: [(gap: Gap, order: Int)] = []
        var order = 0
        for domain in questionnaire.domains {
            var earned = 0.0, possible = 0.0, answered = 0, applicable = 0
            for question in domain.questions {
                defer { order += 1 }
                guard question.isScored, let outcome = byID[question.id], outcome.isApplicable else { continue }
                applicable += 1
                let w = question.points
                if let s = outcome.score {
                    answered += 1
                    earned += w * s
                    possible += w
                }
                if outcome.score == nil || outcome.score! < 1 {
                    let risk = question.gapRisk
                    let s = outcome.score
                    let gap = Gap(questionID: question.id, domainID: domain.id, score: s,
                                  answer: answers[question.id]?.answer, risk: risk, gating: question.gating,
                                  unknown: outcome.status == .unknown, pointsLost: w * (1 - (s ?? 0)),
                                  priority: question.gating ? 1 : risk.rank)
                    gaps.append((gap, order))
                }
            }
            let score: Double? = possible > 0 ? 100 * earned / possible : nil
            if let score {
                weighted += domain.multiplier * score
                multipliers += domain.multiplier
            }
            answeredScored += answered
            applicableScored += applicable
            domainOutcomes.append(DomainOutcome(domainID: domain.id, score: score, answered: answered, applicable: applicable))
        }

        let overall: Double? = multipliers > 0 ? weighted / multipliers : nil
        let confidence = applicableScored > 0 ? 100 * Double(answeredScored) / Double(applicableScored) : 0
        let orderedGaps = gaps.sorted {
            if $0.gap.priority != $1.gap.priority { return $0.gap.priority < $1.gap.priority }
            if $0.gap.pointsLost != $1.gap.pointsLost { return $0.gap.pointsLost > $1.gap.pointsLost }
            return $0.order < $1.order
        }.map(\.gap)

        var card = Scorecard(questions: outcomes, domains: domainOutcomes, score: overall, confidence: confidence,
                             stars: stars(confidence), gaps: orderedGaps, readiness: .ready, reasons: [])
        (card.readiness, card.reasons) = ReadinessRules.decide(card, questionnaire: questionnaire, answers: answers)
        return card
    }

    /// The score s of a value: a choice's score, a multi's sum capped at 1, a number's first band.
    public static func answerScore(_ question: Question, _ value: AnswerValue) -> Double? {
        switch value {
        case .choice(let id):
            return question.choice(id)?.score
        case .choices(let ids):
            return Swift.min(1, ids.compactMap { question.choice($0)?.score }.reduce(0, +))
        case .number(let number):
            guard !question.bands.isEmpty else { return nil }
            return question.bands.first { $0.contains(number) }?.score ?? 0
        case .date, .text:
            return nil
        }
    }

    /// Azure Migrate's confidence stars: 0–20 → 1, >20–40 → 2, >40–60 → 3, >60–80 → 4, >80 → 5.
    public static func stars(_ confidence: Double) -> Int {
        switch confidence {
        case ...20: 1
        case ...40: 2
        case ...60: 3
        case ...80: 4
        default: 5
        }
    }
}
