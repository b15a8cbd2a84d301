/// Scores an answer sheet against a questionnaire exactly as SCORING.md defines.
///
/// ```swift
/// let card = ReadinessScorer.score(questionnaire, answers: sheet, rules: .version2(asOf: CalendarDate("2027-01-15")!))
/// print(card.readiness, card.score ?? 0)
/// ```
public enum ReadinessScorer {
    /// Which rules to score under.
    public enum Rules: Sendable, Equatable {
        /// Rules version 1 (runs recorded by soxready 0.1; kept for verifying them).
        case version1
        /// Rules version 2, on the run's as-of date (the UTC date of its recording time).
        case version2(asOf: CalendarDate)
    }

    /// Scores `answers` against `questionnaire`.
    ///
    /// Answers to unknown questions are ignored; values are taken as given (validate them first
    /// with ``AnswersFileParser`` or the wizard).
    ///
    /// - Returns: Every figure unrounded, the gaps in remediation order, the level and its reasons.
    public static func score(_ questionnaire: Questionnaire, answers: AnswerSheet, rules: Rules) -> Scorecard {
        var asOf: CalendarDate?
        var stage = RunStage.preCutover
        var notYetDue: Set<String> = []
        var calendar = CalendarFigures.none
        if case .version2(let day) = rules {
            asOf = day
            (calendar.cutover, calendar.fiscalYearEnd) = calendarDates(questionnaire, answers: answers)
            stage = Self.stage(cutover: calendar.cutover, asOf: day)
            notYetDue = Self.notYetDue(questionnaire, stage: stage)
            if stage == .preCutover, let cutover = calendar.cutover, let fiscalYearEnd = calendar.fiscalYearEnd {
                let fiscal = FiscalCalendar(
                    fiscalYearEnd: fiscalYearEnd, windowBefore: questionnaire.thresholds.closeWindowBefore,
                    windowAfter: questionnaire.thresholds.closeWindowAfter)
                calendar.closeWindow = fiscal.closeWindow(containing: cutover)
                calendar.operatingDays = fiscal.operatingDays(from: cutover)
            }
        }
        let outcomes = Applicability.outcomes(questionnaire, answers: answers, notYetDue: notYetDue)

        let byID = Dictionary(uniqueKeysWithValues: outcomes.map { ($0.questionID, $0) })
        var domainOutcomes: [DomainOutcome] = []
        var weighted = 0.0, multipliers = 0.0
        var answeredScored = 0, applicableScored = 0
        var gaps: [(gap: Gap, order: Int)] = []
        var evidenceMissing: [String] = []
        var order = 0
        for domain in questionnaire.domains {
            var earned = 0.0, possible = 0.0, answered = 0, applicable = 0
            for question in domain.questions {
                defer { order += 1 }
                guard question.isScored, let outcome = byID[question.id], outcome.isApplicable else { continue }
                applicable += 1
                let w = question.points
                let record = answers[question.id]
                if let s = outcome.score {
                    answered += 1
                    earned += w * s
                    possible += w
                    if s >= 1, question.isKey, (record?.evidence ?? "").trimmingWhitespace.isEmpty { evidenceMissing.append(question.id) }
                }
                let s = outcome.score
                guard s.map({ $0 < 1 }) ?? true else { continue }
                var gap = Gap(
                    questionID: question.id, domainID: domain.id, score: s, answer: record?.answer, risk: question.gapRisk,
                    gating: question.gating, unknown: outcome.status == .unknown, pointsLost: w * (1 - (s ?? 0)),
                    priority: question.gating ? 1 : question.gapRisk.rank)
                gap.gate = question.gate
                gap.action = action(question, answer: record?.answer)
                if let asOf {
                    if let commitment = record?.commitment {
                        gap.commitment = (commitment, commitment.status(asOf: asOf, cutover: calendar.cutover, stage: stage))
                    }
                    gap.deficiencyPreview = preview(gap, question: question, domain: domain)
                }
                gaps.append((gap, order))
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
        var ordered = gaps.sorted {
            if $0.gap.priority != $1.gap.priority { return $0.gap.priority < $1.gap.priority }
            if $0.gap.pointsLost != $1.gap.pointsLost { return $0.gap.pointsLost > $1.gap.pointsLost }
            return $0.order < $1.order
        }.map(\.gap)
        if asOf != nil { ordered = placeAfter(ordered, questionnaire: questionnaire) }

        var card = Scorecard(
            questions: outcomes, domains: domainOutcomes, score: overall, confidence: confidence,
            stars: stars(confidence), gaps: ordered, readiness: .ready, reasons: [],
            rules: asOf == nil ? .v1 : .v2, asOf: asOf, stage: stage, calendar: calendar,
            notYetDue: questionnaire.questions.map(\.id).filter(notYetDue.contains), evidenceMissing: evidenceMissing)
        if asOf == nil {
            let (level, reasons) = ReadinessRulesV1.decide(card, questionnaire: questionnaire, answers: answers)
            card.readiness = level
            card.reasons = reasons.map { Reason(rule: nil, text: $0) }
        } else {
            (card.readiness, card.reasons) = ReadinessRulesV2.decide(card, questionnaire: questionnaire)
        }
        return card
    }

    /// The answered cutover and fiscal year end dates (the questions of the questionnaire's
    /// `calendar` roles), nil where a role is not named, not asked or not answered with a date.
    /// The calendar questions come before every after-cutover question, so plain applicability
    /// settles them.
    static func calendarDates(
        _ questionnaire: Questionnaire, answers: AnswerSheet
    ) -> (cutover: CalendarDate?, fiscalYearEnd: CalendarDate?) {
        let plain = Applicability.statuses(questionnaire, answers: answers)
        func answeredDate(_ id: String?) -> CalendarDate? {
            guard let id, plain[id] == .answered, case .value(.date(let value))? = answers[id]?.answer else { return nil }
            return value
        }
        return (answeredDate(questionnaire.calendar.cutover), answeredDate(questionnaire.calendar.fiscalYearEnd))
    }

    /// SCORING.md's stage: post-cutover when the cutover date is answered and on or before the
    /// as-of date, else pre-cutover.
    static func stage(cutover: CalendarDate?, asOf: CalendarDate) -> RunStage {
        if let cutover, cutover <= asOf { return .postCutover }
        return .preCutover
    }

    /// The questions not yet due at `stage`: every `asked: after-cutover` question in a
    /// pre-cutover run of a questionnaire that names a `calendar.cutover`, else none.
    static func notYetDue(_ questionnaire: Questionnaire, stage: RunStage) -> Set<String> {
        guard stage == .preCutover, questionnaire.calendar.cutover != nil else { return [] }
        return Set(questionnaire.questions.filter { $0.asked == .afterCutover }.map(\.id))
    }

    /// The run's stage on `asOf` for these answers, exactly as ``score(_:answers:rules:)`` decides
    /// it under rules version 2 (SCORING.md "The calendar and the run's stage").
    ///
    /// - Parameters:
    ///   - questionnaire: The questionnaire.
    ///   - answers: The answers so far (the wizard passes the answers given up to now).
    ///   - asOf: The as-of date: the UTC calendar date of the run (the wizard's clock, never `Date()` here).
    /// - Returns: The stage, and the cutover date answered (nil when none is).
    public static func stage(
        _ questionnaire: Questionnaire, answers: AnswerSheet, asOf: CalendarDate
    ) -> (stage: RunStage, cutover: CalendarDate?) {
        let cutover = calendarDates(questionnaire, answers: answers).cutover
        return (stage(cutover: cutover, asOf: asOf), cutover)
    }

    /// The questions that are not yet due on `asOf` for these answers (SCORING.md): the `asked:
    /// after-cutover` questions of a pre-cutover run, when the questionnaire names a
    /// `calendar.cutover`; none in a post-cutover run. The wizard does not ask them; their
    /// answers are kept, not scored.
    ///
    /// - Parameters:
    ///   - questionnaire: The questionnaire.
    ///   - answers: The answers so far.
    ///   - asOf: The as-of date (the UTC calendar date of the run).
    /// - Returns: Their ids.
    public static func notYetDue(_ questionnaire: Questionnaire, answers: AnswerSheet, asOf: CalendarDate) -> Set<String> {
        notYetDue(questionnaire, stage: stage(questionnaire, answers: answers, asOf: asOf).stage)
    }

    /// The remediation action for `answer`: the chosen choice's own action (choice, yes-no and
    /// yes-partial-no questions), else the question's.
    static func action(_ question: Question, answer: Answer?) -> String {
        if question.type != .multi, case .value(.choice(let id))? = answer, let own = question.choice(id)?.action { return own }
        return question.remediation?.action ?? ""
    }

    /// SCORING.md's deficiency preview of a gap.
    static func preview(_ gap: Gap, question: Question, domain: Domain) -> DeficiencyPreview? {
        if question.gate == .technical { return nil }
        if question.gate == .icfr, domain.criticality == .critical {
            let partial = (gap.score ?? 0) > 0
            if !partial || gap.commitment?.1 != .onTime { return .potentialSignificantDeficiency }
        }
        return gap.risk == .high ? .potentialDeficiency : nil
    }

    /// Moves every gap whose `remediation.after` names another open gap after it, keeping the
    /// order otherwise: repeatedly place the first gap whose open predecessors are placed.
    static func placeAfter(_ gaps: [Gap], questionnaire: Questionnaire) -> [Gap] {
        let open = Set(gaps.map(\.questionID))
        var remaining = gaps
        var placed: Set<String> = []
        var result: [Gap] = []
        while !remaining.isEmpty {
            let index =
                remaining.firstIndex { gap in
                    (questionnaire.question(gap.questionID)?.remediation?.after ?? []).allSatisfy {
                        !open.contains($0) || placed.contains($0)
                    }
                } ?? 0  // the loader rejects cycles; never stall
            let gap = remaining.remove(at: index)
            placed.insert(gap.questionID)
            result.append(gap)
        }
        return result
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
