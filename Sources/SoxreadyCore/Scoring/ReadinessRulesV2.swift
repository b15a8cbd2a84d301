/// The readiness rules of rules version 2 (SCORING.md), applied in order: the first rule that
/// applies decides the level, and every clause of rules 1–4 that holds gives one reason, so that
/// a not-ready result still lists its conditions.
///
/// Two clauses are not repeated when a stronger one about the same figure holds: "overall below
/// `ready`" when it is already below `notReady`, and "confidence below `readyConfidence`" when it
/// is already at or below `unknownConfidence` (docs/scoring.md).
enum ReadinessRulesV2 {
    static func decide(_ card: Scorecard, questionnaire: Questionnaire) -> (ReadinessLevel, [Reason]) {
        let t = questionnaire.thresholds
        let outcomes = Dictionary(uniqueKeysWithValues: card.questions.map { ($0.questionID, $0) })
        let gaps = Dictionary(card.gaps.map { ($0.questionID, $0) }, uniquingKeysWith: { first, _ in first })
        let order = Dictionary(uniqueKeysWithValues: questionnaire.questions.enumerated().map { ($1.id, $0) })
        func title(_ id: String) -> String { questionnaire.question(id)?.displayTitle ?? id }
        func inOrder(_ ids: [String]) -> [String] { ids.sorted { (order[$0] ?? 0) < (order[$1] ?? 0) } }

        // G: the gating questions that apply.
        let gates = questionnaire.questions.filter { $0.gating && outcomes[$0.id]?.isApplicable == true }
        var notMet: [String] = [], partlyWithout: [String] = [], partlyWith: [String] = [], unknownOrOpen: [String] = []
        for question in gates {
            guard let outcome = outcomes[question.id] else { continue }
            switch outcome.status {
            case .answered:
                guard let s = outcome.score else { continue }
                if s == 0 {
                    notMet.append(question.id)
                } else if s < 1 {
                    if gaps[question.id]?.commitment?.1 == .onTime {
                        partlyWith.append(question.id)
                    } else {
                        partlyWithout.append(question.id)
                    }
                }
            case .unknown, .unanswered:
                unknownOrOpen.append(question.id)
            case .notAsked, .notApplicable, .notYetDue:
                break
            }
        }
        var reasons: [Reason] = []
        func add(_ rule: Int, _ text: String, _ ids: [String] = []) {
            reasons.append(Reason(rule: rule, text: text, questions: inOrder(ids)))
        }

        // Rule 1.
        if !notMet.isEmpty {
            add(
                1,
                notMet.count == 1
                    ? "A gate is not met: \(list(notMet, title))" : "\(notMet.count) gates are not met: \(list(notMet, title))", notMet)
        }
        if !partlyWithout.isEmpty {
            // A commitment that is not on time says why; a missing one needs no note.
            let described = list(partlyWithout) { id in
                guard let (commitment, status) = gaps[id]?.commitment else { return title(id) }
                return "\(title(id)) (\(commitment.owner), due \(commitment.due), \(status == .overdue ? "overdue" : "after the cutover"))"
            }
            add(
                1,
                (partlyWithout.count == 1
                    ? "A gate is only partly met without an on-time commitment to close it: "
                    : "\(partlyWithout.count) gates are only partly met without an on-time commitment to close them: ") + described,
                partlyWithout)
        }
        // Rule 2.
        if !unknownOrOpen.isEmpty {
            let described = list(unknownOrOpen) { "\(title($0)) (\(outcomes[$0]?.status == .unknown ? "don't know" : "unanswered"))" }
            add(
                2, (unknownOrOpen.count == 1 ? "A gate is" : "\(unknownOrOpen.count) gates are") + " not known to be met: \(described)",
                unknownOrOpen)
        }
        let lowConfidence = card.confidence <= t.unknownConfidence
        if lowConfidence {
            add(
                2,
                "Confidence is \(percent(card.confidence, near: t.unknownConfidence)) %, at or below \(NumberText.plain(t.unknownConfidence)) %: "
                    + "too few questions are answered to judge")
        }
        // Rule 3.
        let lowScore = card.score.map { $0 < t.notReady } ?? false
        if let score = card.score, lowScore {
            add(3, "The overall score \(percent(score, near: t.notReady)) is below \(NumberText.plain(t.notReady))")
        }
        let weak = zip(questionnaire.domains, card.domains).compactMap { domain, outcome -> String? in
            guard domain.criticality == .critical, let score = outcome.score, score < t.criticalDomainFloor else { return nil }
            return "\(domain.title) (\(percent(score, near: t.criticalDomainFloor)))"
        }
        if !weak.isEmpty {
            add(
                3,
                (weak.count == 1 ? "A critical domain scores" : "\(weak.count) critical domains score")
                    + " below \(NumberText.plain(t.criticalDomainFloor)): \(list(weak) { $0 })")
        }
        let window = card.stage == .preCutover ? card.calendar.closeWindow : nil
        if let window, window.kind == .year, let cutover = card.calendar.cutover {
            add(
                3,
                "The cutover date \(cutover) falls in the close window of the fiscal year end \(window.periodEnd) "
                    + "(\(t.closeWindowBefore) days before to \(t.closeWindowAfter) after)")
        }
        // Rule 4.
        if !partlyWith.isEmpty {
            let described = list(partlyWith) { id in
                guard let (commitment, _) = gaps[id]?.commitment else { return title(id) }
                return "\(title(id)) (\(commitment.owner), due \(commitment.due))"
            }
            add(
                4,
                (partlyWith.count == 1
                    ? "A gate is partly met with an on-time commitment to close it: "
                    : "\(partlyWith.count) gates are partly met with on-time commitments to close them: ") + described, partlyWith)
        }
        let highRisk = card.gaps.filter { $0.risk == .high && !$0.gating }.map(\.questionID)
        if !highRisk.isEmpty {
            add(
                4,
                (highRisk.count == 1 ? "A high-risk gap is" : "\(highRisk.count) high-risk gaps are") + " open besides the gates: "
                    + list(inOrder(highRisk), title), highRisk)
        }
        if let score = card.score, !lowScore, score < t.ready {
            add(4, "The overall score \(percent(score, near: t.ready)) is below \(NumberText.plain(t.ready))")
        }
        if !lowConfidence, card.confidence < t.readyConfidence {
            add(4, "Confidence is \(percent(card.confidence, near: t.readyConfidence)) %, below \(NumberText.plain(t.readyConfidence)) %")
        }
        let criticalIDs = Set(
            questionnaire.domains.filter { $0.criticality == .critical }.flatMap { $0.questions.filter(\.isScored).map(\.id) })
        let criticalOpen = card.questions.filter {
            criticalIDs.contains($0.questionID) && ($0.status == .unknown || $0.status == .unanswered)
        }
        .map(\.questionID)
        if !criticalOpen.isEmpty {
            add(
                4,
                (criticalOpen.count == 1 ? "A question of a critical domain is" : "\(criticalOpen.count) questions of critical domains are")
                    + " unknown or unanswered: \(list(criticalOpen, title))", criticalOpen)
        }
        if !card.evidenceMissing.isEmpty {
            let ids = card.evidenceMissing
            add(
                4,
                (ids.count == 1 ? "A key control is met but has" : "\(ids.count) key controls are met but have")
                    + " no evidence reference: " + list(ids, title), ids)
        }
        let overdue = card.gaps.filter { $0.commitment?.1 == .overdue }.map(\.questionID)
        if !overdue.isEmpty {
            let described = list(inOrder(overdue)) { id in
                guard let (commitment, _) = gaps[id]?.commitment else { return title(id) }
                return "\(title(id)) (\(commitment.owner), due \(commitment.due))"
            }
            add(4, (overdue.count == 1 ? "A commitment is" : "\(overdue.count) commitments are") + " overdue: \(described)", overdue)
        }
        if card.stage == .preCutover {
            if questionnaire.calendar.cutover != nil, card.calendar.cutover == nil {
                add(4, "The cutover date is not answered, so the calendar cannot be checked")
            }
            if let window, window.kind == .quarter, let cutover = card.calendar.cutover {
                add(
                    4,
                    "The cutover date \(cutover) falls in the close window of the quarter end \(window.periodEnd) "
                        + "(\(t.closeWindowBefore) days before to \(t.closeWindowAfter) after)")
            }
            if let days = card.calendar.operatingDays, days < t.minOperatingDays, let cutover = card.calendar.cutover,
                let yearEnd = cutover.adding(days: days)
            {
                add(
                    4,
                    "The new platform operates \(days) day\(days == 1 ? "" : "s") before the fiscal year end \(yearEnd), "
                        + "fewer than \(t.minOperatingDays)")
            }
        }

        let level: ReadinessLevel
        if reasons.contains(where: { $0.rule == 1 }) {
            level = .notReady
        } else if reasons.contains(where: { $0.rule == 2 }) {
            level = .readinessUnknown
        } else if reasons.contains(where: { $0.rule == 3 }) {
            level = .notReady
        } else if reasons.contains(where: { $0.rule == 4 }) {
            level = .readyWithConditions
        } else {
            level = .ready
        }
        return (level, reasons)
    }

    /// Up to five items joined in plain words, then "and N more": `A`, `A and B`, `A, B and C`.
    static func list(_ items: [String], _ describe: (String) -> String) -> String {
        let shown = items.prefix(5).map(describe)
        let more = items.count - shown.count
        if more > 0 { return shown.joined(separator: ", ") + " and \(more) more" }
        guard shown.count > 1 else { return shown.first ?? "" }
        return shown.dropLast().joined(separator: ", ") + " and " + (shown.last ?? "")
    }

    /// One decimal, or two when one decimal would round onto the threshold it is compared with.
    static func percent(_ value: Double, near threshold: Double) -> String { ReadinessRulesV1.percent(value, near: threshold) }
}
