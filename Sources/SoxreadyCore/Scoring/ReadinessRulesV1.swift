/// The five readiness rules of rules version 1 (kept so that runs recorded under them can be
/// verified), applied in order, with a plain-language reason for
/// every condition that holds.
enum ReadinessRulesV1 {
    static func decide(_ card: Scorecard, questionnaire: Questionnaire, answers: AnswerSheet) -> (ReadinessLevel, [String]) {
        let t = questionnaire.thresholds
        var outcomes: [String: QuestionOutcome] = [:]
        for outcome in card.questions { outcomes[outcome.questionID] = outcome }
        let gating = questionnaire.questions.filter { $0.gating && outcomes[$0.id]?.isApplicable == true }

        // Rule 1: a gating question answered with s = 0.
        var rule1: [String] = []
        // Rule 2: a gating question unknown or unanswered, or low confidence.
        var rule2: [String] = []
        // Rule 4 (gating part): a gating question partly met.
        var rule4: [String] = []
        var unknownGating: [String] = [], unansweredGating: [String] = []
        for question in gating {
            guard let outcome = outcomes[question.id] else { continue }
            switch outcome.status {
            case .answered:
                let s = outcome.score ?? 0
                let said = describe(answers[question.id]?.answer, of: question)
                if s == 0 {
                    rule1.append("Gating question \(question.id) is not met (answer: \(said))")
                } else if s < 1 {
                    rule4.append("Gating question \(question.id) is only partly met (answer: \(said))")
                }
            case .unknown:
                unknownGating.append(question.id)
            case .unanswered:
                unansweredGating.append(question.id)
            case .notAsked, .notApplicable, .notYetDue:
                break
            }
        }
        if !unknownGating.isEmpty {
            rule2.append(
                unknownGating.count == 1
                    ? "Gating question \(unknownGating[0]) is answered \"don't know\""
                    : "\(unknownGating.count) gating questions are answered \"don't know\": \(unknownGating.joined(separator: ", "))")
        }
        if !unansweredGating.isEmpty {
            rule2.append(
                unansweredGating.count == 1
                    ? "Gating question \(unansweredGating[0]) is unanswered"
                    : "\(unansweredGating.count) gating questions are unanswered: \(unansweredGating.joined(separator: ", "))")
        }
        let lowConfidence = card.confidence <= t.unknownConfidence
        if lowConfidence {
            rule2.append(
                "Confidence is \(percent(card.confidence, near: t.unknownConfidence)) %, at or below \(number(t.unknownConfidence)) %: too few questions are answered to judge"
            )
        }

        // Rule 3: a low overall score or a weak critical domain.
        var rule3: [String] = []
        let lowScore = card.score.map { $0 < t.notReady } ?? false
        if let score = card.score, lowScore {
            rule3.append("The overall score \(percent(score, near: t.notReady)) is below \(number(t.notReady))")
        }
        for (domain, outcome) in zip(questionnaire.domains, card.domains) where domain.criticality == .critical {
            if let score = outcome.score, score < t.criticalDomainFloor {
                rule3.append(
                    "Critical domain \(domain.id) scores \(percent(score, near: t.criticalDomainFloor)), below \(number(t.criticalDomainFloor))"
                )
            }
        }

        // Rule 4: high-risk gaps, a middling score or middling confidence.
        let highRisk = card.gaps.filter { $0.risk == .high && !$0.gating }
        if !highRisk.isEmpty {
            let ids = highRisk.prefix(5).map(\.questionID).joined(separator: ", ")
            let more = highRisk.count > 5 ? " and \(highRisk.count - 5) more" : ""
            let gatingNote = card.gaps.contains { $0.gating } ? " besides the gating gaps" : ""
            rule4.append("\(highRisk.count) high-risk gap\(highRisk.count == 1 ? " is" : "s are") open\(gatingNote): \(ids)\(more)")
        }
        if let score = card.score, !lowScore, score < t.ready {
            rule4.append("The overall score \(percent(score, near: t.ready)) is below \(number(t.ready))")
        }
        if !lowConfidence, card.confidence <= t.conditionalConfidence {
            rule4.append(
                "Confidence is \(percent(card.confidence, near: t.conditionalConfidence)) %, at or below \(number(t.conditionalConfidence)) %"
            )
        }

        let reasons = rule1 + rule2 + rule3 + rule4
        if !rule1.isEmpty { return (.notReady, reasons) }
        if !rule2.isEmpty { return (.readinessUnknown, reasons) }
        if !rule3.isEmpty { return (.notReady, reasons) }
        if !rule4.isEmpty { return (.readyWithConditions, reasons) }
        let score = card.score.map { percent($0, near: t.ready) } ?? "n/a"
        return (
            .ready,
            [
                "Every gating question is met, no high-risk gap is open, the overall score \(score) is at least \(number(t.ready)) and confidence is \(percent(card.confidence, near: t.conditionalConfidence)) %"
            ]
        )
    }

    /// One decimal, or two when one decimal would round onto the threshold it is compared with.
    static func percent(_ value: Double, near threshold: Double) -> String {
        let one = (value * 10).rounded() / 10
        if one == threshold, value != threshold {
            return NumberText.twoDecimals(value)
        }
        return NumberText.oneDecimal(value)
    }

    static func number(_ value: Double) -> String { NumberText.plain(value) }

    /// How an answer reads in a reason: the choice label's id, the number, or the text.
    static func describe(_ answer: Answer?, of question: Question) -> String {
        guard let answer else { return "unanswered" }
        switch answer {
        case .unknown: return "don't know"
        case .notApplicable: return "n/a"
        case .value(let value): return AnswerText.plain(value)
        }
    }
}
