import Foundation

/// The rules-2 parts of the plan: the executive summary, the finance review, commitments on every
/// action, evidence, the hypercare checklist and the comparison with the last approved run. All
/// of it is read from the stored run and its sign-offs; nothing is re-scored.
extension PlanDocument {
    /// An answer once, as its label reads: "Partly", "No", "Don't know", "Unanswered", "12 days".
    static func answerLabel(_ answer: Answer?, question: Question) -> String {
        guard let answer else { return "Unanswered" }
        switch answer {
        case .unknown: return "Don't know"
        case .notApplicable: return "Not applicable"
        case .value(.choice(let id)): return question.choice(id)?.label ?? id
        case .value(.choices(let ids)):
            return ids.isEmpty ? "None" : ids.map { question.choice($0)?.label ?? $0 }.joined(separator: "; ")
        case .value(.number(let number)): return NumberText.plain(number) + (question.unit.map { " \($0)" } ?? "")
        case .value(let value): return AnswerText.plain(value)
        }
    }

    /// What a rule makes of a run, in the words of the executive summary.
    static func effect(ofRule rule: Int?) -> String {
        switch rule {
        case 1?, 3?: "not ready"
        case 2?: "readiness unknown"
        case 4?: "a condition"
        default: ""
        }
    }

    static let readySentence =
        "No readiness rule holds against this run: every gate is met, no high-risk gap is open, nothing in a "
        + "critical domain is unknown, every key control that is met has an evidence reference, no commitment is overdue, the "
        + "scores and the confidence reach their thresholds and the cutover date passes the calendar checks."

    /// A gap as a blocker or condition line.
    static func item(_ gap: AssessmentResult.GapEntry, questionnaire: Questionnaire, answers: AnswerSheet) -> ItemRow {
        let question = questionnaire.question(gap.question)
        let status: (text: String, id: String)
        switch gap.commitment?.status {
        case nil: status = ("no commitment", "none")
        case .onTime?: status = ("on time", "on-time")
        case .overdue?: status = ("overdue", "overdue")
        case .afterCutover?: status = ("after cutover", "after-cutover")
        }
        let preview: String
        switch gap.deficiencyPreview {
        case .potentialSignificantDeficiency?: preview = "potential significant deficiency"
        case .potentialDeficiency?: preview = "potential deficiency"
        case nil: preview = ""
        }
        let met: String
        switch gap.score {
        case nil: met = gap.unknown ? "Don't know" : "Unanswered"
        case let score? where score <= 0: met = "No"
        default: met = "Partly"
        }
        return ItemRow(
            questionID: gap.question, title: question?.displayTitle ?? gap.question, showID: question?.title != nil,
            domainTitle: questionnaire.domain(ofQuestion: gap.question)?.title ?? "",
            answer: question.map { answerLabel(answers[gap.question]?.answer, question: $0) } ?? "Unanswered", met: met,
            owner: gap.commitment?.owner ?? "", hasOwner: gap.commitment != nil, role: gap.owner,
            due: gap.commitment?.due.description ?? "", hasCommitment: gap.commitment != nil,
            status: status.text, statusID: status.id, overdue: gap.commitment?.status == .overdue,
            afterCutover: gap.commitment?.status == .afterCutover, preview: preview, hasPreview: !preview.isEmpty,
            significantPreview: gap.deficiencyPreview == .potentialSignificantDeficiency,
            previewShort: gap.deficiencyPreview == .potentialSignificantDeficiency ? "significant" : (preview.isEmpty ? "" : "control"),
            priority: gap.priority,
            evidenceMissing: false)
    }

    /// A key control met without an evidence reference, as a condition line.
    static func evidenceItem(_ id: String, questionnaire: Questionnaire, answers: AnswerSheet) -> ItemRow {
        let question = questionnaire.question(id)
        let answer = question.map { answerLabel(answers[id]?.answer, question: $0) } ?? "Yes"
        return ItemRow(
            questionID: id, title: question?.displayTitle ?? id, showID: question?.title != nil,
            domainTitle: questionnaire.domain(ofQuestion: id)?.title ?? "",
            answer: "\(answer); no evidence reference", met: "No evidence", owner: "", hasOwner: false,
            role: question?.remediation?.owner ?? "",
            due: "", hasCommitment: false, status: "evidence to record", statusID: "evidence", overdue: false,
            afterCutover: false, preview: "", hasPreview: false, significantPreview: false, previewShort: "", priority: 0,
            evidenceMissing: true)
    }

    /// The conditions to close before go-live (see ``conditions``).
    static func conditionItems(_ result: AssessmentResult, questionnaire: Questionnaire, answers: AnswerSheet) -> [ItemRow] {
        let critical = Set(questionnaire.domains.filter { $0.criticality == .critical }.map(\.id))
        let gaps = result.gaps.filter { gap in
            !gap.gating && (gap.risk == .high || (gap.score == nil && critical.contains(gap.domain)) || gap.commitment?.status == .overdue)
        }
        return gaps.map { item($0, questionnaire: questionnaire, answers: answers) }
            + (result.rules2?.evidenceMissing ?? []).map { evidenceItem($0, questionnaire: questionnaire, answers: answers) }
    }

    /// The other gaps with a commitment (see ``commitments``).
    static func commitmentItems(
        _ result: AssessmentResult, questionnaire: Questionnaire, answers: AnswerSheet,
        conditions: [ItemRow]
    ) -> [ItemRow] {
        let listed = Set(conditions.map(\.questionID))
        return result.gaps.filter { !$0.gating && $0.commitment != nil && !listed.contains($0.question) }
            .map { item($0, questionnaire: questionnaire, answers: answers) }
    }

    /// "17 blockers (16 ICFR gates and 1 technical gate) and 32 conditions are open before go-live.",
    /// then "6 other gaps have a commitment to close them by a date." when there are some.
    static func goLiveSentence(icfr: Int, technical: Int, conditions: Int, commitments: Int) -> String {
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
        let blockers = icfr + technical
        var parts: [String] = []
        if blockers > 0 {
            var kinds: [String] = []
            if icfr > 0 { kinds.append(count(icfr, "ICFR gate", "ICFR gates")) }
            if technical > 0 { kinds.append(count(technical, "technical gate", "technical gates")) }
            parts.append(count(blockers, "blocker", "blockers") + " (" + kinds.joined(separator: " and ") + ")")
        }
        if conditions > 0 { parts.append(count(conditions, "condition", "conditions")) }
        var text =
            parts.isEmpty
            ? "No blocker and no condition is open before go-live."
            : parts.joined(separator: " and ") + (blockers + conditions == 1 ? " is" : " are") + " open before go-live."
        if commitments > 0 {
            text +=
                commitments == 1
                ? " 1 other gap has a commitment to close it by a date."
                : " \(commitments) other gaps have a commitment to close them by a date."
        }
        return text
    }

    /// How many of the open gaps among `items` have a commitment, how many of those are late, and
    /// how many key controls need an evidence reference; `placement` says where the gaps are
    /// ("listed below" in the plan, "of this run" in a pack whose lists are cut).
    static func commitmentSentence(_ items: [ItemRow], placement: String = "listed below") -> String {
        let gaps = items.filter { !$0.evidenceMissing }
        var parts: [String] = []
        if !gaps.isEmpty {
            let committed = gaps.filter(\.hasCommitment).count
            switch (committed, gaps.count) {
            case (0, 1): parts.append("The open gap \(placement) has no commitment (a named owner and a due date)")
            case (0, _): parts.append("None of the \(gaps.count) open gaps \(placement) has a commitment (a named owner and a due date)")
            case (1, 1): parts.append("The open gap \(placement) has a commitment (a named owner and a due date)")
            case let (all, total) where all == total:
                parts.append("All \(total) open gaps \(placement) have a commitment (a named owner and a due date)")
            default:
                parts.append(
                    "\(committed) of the \(gaps.count) open gaps \(placement) \(committed == 1 ? "has" : "have") a commitment "
                        + "(a named owner and a due date)")
            }
            let overdue = gaps.filter(\.overdue).count, late = gaps.filter(\.afterCutover).count
            if overdue > 0 { parts.append("⚠ \(overdue) \(overdue == 1 ? "is" : "are") overdue") }
            if late > 0 { parts.append("⚠ \(late) \(late == 1 ? "is" : "are") due after the cutover") }
        }
        let evidence = items.filter(\.evidenceMissing).count
        if evidence > 0 { parts.append("\(evidence) key control\(evidence == 1 ? " needs" : "s need") an evidence reference") }
        return parts.isEmpty ? "" : parts.joined(separator: "; ") + "."
    }

    /// The people named in commitments, earliest first due date first.
    static func ownerLines(_ items: [ItemRow]) -> [OwnerLine] {
        var byName: [String: [ItemRow]] = [:]
        for item in items where item.hasCommitment { byName[item.owner, default: []].append(item) }
        return byName.map { name, items in
            let late = items.filter { $0.overdue || $0.afterCutover }.count
            return OwnerLine(name: name, count: items.count, firstDue: items.map(\.due).min() ?? "", late: late, hasLate: late > 0)
        }.sorted { ($0.firstDue, $0.name) < ($1.firstDue, $1.name) }
    }

    /// The calendar summary of a rules-2 result.
    static func calendarSummary(_ result: AssessmentResult, questionnaire: Questionnaire) -> CalendarSummary {
        guard let rules2 = result.rules2 else {
            return CalendarSummary(
                hasCutover: false, cutover: "not answered", fiscalYearEnd: "not answered", asOf: "", stage: "",
                stageText: "", findings: [])
        }
        let thresholds = questionnaire.thresholds
        let calendar = rules2.calendar
        let asOf = rules2.asOf
        let window = "\(thresholds.closeWindowBefore) days before to \(thresholds.closeWindowAfter) after"
        var findings: [Finding] = []
        var stageText = rules2.stage.rawValue
        if let cutover = calendar.cutover {
            if rules2.stage == .preCutover {
                let days = asOf.days(to: cutover)
                stageText = "a pre-cutover run, \(days) day\(days == 1 ? "" : "s") before the cutover"
                if let closeWindow = calendar.closeWindow {
                    switch closeWindow.kind {
                    case .year:
                        findings.append(
                            Finding(
                                text: "⚠ The cutover falls in the close window of the fiscal year end \(closeWindow.periodEnd) "
                                    + "(\(window)): the run is not ready until the date moves out of it.", warning: true))
                    case .quarter:
                        findings.append(
                            Finding(
                                text: "⚠ The cutover falls in the close window of the quarter end \(closeWindow.periodEnd) "
                                    + "(\(window)): a condition to agree with the controller.", warning: true))
                    }
                } else if calendar.fiscalYearEnd != nil {
                    findings.append(
                        Finding(
                            text: "The cutover is outside the close windows of every quarter and year end (\(window) each).",
                            warning: false))
                }
                if let days = calendar.operatingDays, let yearEnd = cutover.adding(days: days) {
                    if days < thresholds.minOperatingDays {
                        findings.append(
                            Finding(
                                text: "⚠ The new platform operates \(days) day\(days == 1 ? "" : "s") before the fiscal year "
                                    + "end \(yearEnd), fewer than the \(thresholds.minOperatingDays) the controls need to "
                                    + "show they operate: a condition.", warning: true))
                    } else {
                        findings.append(
                            Finding(
                                text: "The new platform operates \(days) days before the fiscal year end \(yearEnd) "
                                    + "(at least \(thresholds.minOperatingDays) are asked for).", warning: false))
                    }
                }
            } else {
                stageText = "a post-cutover run"
                findings.append(
                    Finding(
                        text: "The cutover was on \(cutover), on or before this run's as-of date \(asOf): this is a "
                            + "post-cutover run, and the calendar checks, made before the cutover, no longer apply.",
                        warning: false))
            }
        } else if questionnaire.calendar.cutover != nil {
            findings.append(
                Finding(
                    text: "⚠ The cutover date is not answered: the close windows and the operating window cannot be "
                        + "checked (a condition).", warning: true))
        } else {
            findings.append(Finding(text: "The questionnaire names no cutover date question: no calendar check applies.", warning: false))
        }
        if calendar.fiscalYearEnd == nil, questionnaire.calendar.fiscalYearEnd != nil {
            findings.append(Finding(text: "The fiscal year end is not answered: the close windows cannot be checked.", warning: false))
        }
        if !rules2.notYetDue.isEmpty {
            let count = rules2.notYetDue.count
            findings.append(
                Finding(
                    text: "\(count) question\(count == 1 ? " is" : "s are") asked only after go-live: the hypercare "
                        + "checklist of this plan.", warning: false))
        }
        return CalendarSummary(
            hasCutover: calendar.cutover != nil, cutover: calendar.cutover?.description ?? "not answered",
            fiscalYearEnd: calendar.fiscalYearEnd?.description ?? "not answered", asOf: asOf.description,
            stage: rules2.stage.rawValue, stageText: stageText, findings: findings)
    }

    /// How an earlier run stands in the review: "not signed off", "approved by Lee Chen (Controller)
    /// on 2026-12-01", "sent back by … on …" (the comment is in that run's own plan).
    static func standing(of run: StoredRun?, signOffs: [SignOff]) -> String {
        guard let run else { return "" }
        switch SignOffStatus(run: run.summary.number, signOffs: signOffs) {
        case .pending: return "not signed off"
        case .approved(let by, let role, let on): return "approved by \(by) (\(role)) on \(Timestamp.string(on).prefix(10))"
        case .sentBack(let by, let role, let on, _): return "sent back by \(by) (\(role)) on \(Timestamp.string(on).prefix(10))"
        }
    }

    /// The sign-off status of `run` among the application's `signOffs`, and how to record a decision.
    static func signOffSummary(run: StoredRun, signOffs: [SignOff]) -> SignOffSummary {
        let number = run.summary.number
        let status = SignOffStatus(run: number, signOffs: signOffs)
        let mine = signOffs.filter { $0.runNumber == number }
        let history = mine.enumerated().map { index, signOff in
            SignOffRow(
                number: signOff.number, decision: signOff.decision == .approve ? "approved" : "sent back", reviewer: signOff.reviewer,
                role: signOff.role, date: String(Timestamp.string(signOff.recordedAt).prefix(10)), comment: signOff.comment ?? "",
                hasComment: !(signOff.comment ?? "").isEmpty, signed: signOff.signature != nil, superseded: index < mine.count - 1)
        }
        var pending = false, approved = false, sentBack = false
        switch status {
        case .pending: pending = true
        case .approved: approved = true
        case .sentBack: sentBack = true
        }
        let command = "soxready signoff --app \(run.appSlug) --run \(number) --reviewer 'YOUR NAME' --role 'YOUR ROLE'"
        return SignOffSummary(
            status: status.id, text: status.description, pending: pending, approved: approved, sentBack: sentBack,
            history: history, hasHistory: !history.isEmpty,
            confirms: SignOffRules.approval(preparer: run.preparer?.name ?? "no preparer recorded"),
            approveCommand: command + " --decision approve",
            sendBackCommand: command + " --decision send-back --comment 'WHAT TO CHANGE'")
    }

    /// What changed between `older` and `run` (nil: nothing to compare with).
    static func comparison(
        older: StoredRun?, run: StoredRun, questionnaire: Questionnaire, standing: String
    )
        throws(QuestionnaireLoadError) -> Comparison
    {
        guard let older else {
            return Comparison(
                exists: false, run: 0, standing: "", rulesChanged: false, rulesText: "", scoreChange: "", levelChange: "",
                closed: [], newGaps: [], regressions: [], improved: [], changed: [], hasChanges: false, hasClosed: false,
                hasNewGaps: false, hasRegressions: false, hasImproved: false, hasChanged: false)
        }
        let oldQuestionnaire = try older.questionnaire()
        let compared = RunComparison(
            older: RunComparison.Side(questionnaire: oldQuestionnaire, answers: older.answers, result: older.result),
            newer: RunComparison.Side(questionnaire: questionnaire, answers: run.answers, result: run.result))
        func label(_ text: String, _ record: AnswerRecord?, _ question: Question?) -> String {
            if text == "not asked" || text.hasPrefix("not in run") { return text }
            guard let question else { return text }
            return answerLabel(record?.answer, question: question)
        }
        func lines(_ changes: [RunComparison.Change]) -> [ChangeLine] {
            changes.map { change in
                let oldID = change.previousID ?? change.questionID
                let newQuestion = questionnaire.question(change.questionID), oldQuestion = oldQuestionnaire.question(oldID)
                var notes: [String] = []
                if change.noteBefore != change.noteAfter { notes.append("note changed") }
                if change.evidenceBefore != change.evidenceAfter { notes.append("evidence changed") }
                switch (change.commitmentBefore, change.commitmentAfter) {
                case (nil, let after?): notes.append("commitment added: \(after.owner) by \(after.due)")
                case (let before?, nil) where change.kind != .closed:
                    notes.append("commitment removed (was \(before.owner) by \(before.due))")
                case (let before?, let after?) where before != after: notes.append("commitment now \(after.owner) by \(after.due)")
                default: break
                }
                let annotation = notes.joined(separator: ", ")
                return ChangeLine(
                    questionID: change.questionID, title: (newQuestion ?? oldQuestion)?.displayTitle ?? change.questionID,
                    showID: (newQuestion ?? oldQuestion)?.title != nil,
                    before: label(change.before, older.answers[oldID], oldQuestion),
                    after: label(change.after, run.answers[change.questionID], newQuestion),
                    annotation: annotation, hasAnnotation: !annotation.isEmpty)
            }
        }
        let closed = lines(compared.changes(.closed))
        let newGaps = lines(compared.changes.filter { $0.kind == .newGap || ($0.kind == .added && $0.gapAfter) })
        let regressions = lines(compared.changes(.regressed)), improved = lines(compared.changes(.improved))
        let changed = lines(
            compared.changes.filter { [.changed, .annotated, .removed].contains($0.kind) || ($0.kind == .added && !$0.gapAfter) })
        let scoreChange: String
        switch (older.result.score, run.result.score) {
        case let (before?, after?):
            let change = AssessmentResult.change(from: before, to: after) ?? 0
            scoreChange =
                "score \(NumberText.oneDecimal(before)) → \(NumberText.oneDecimal(after)) (\(change >= 0 ? "+" : "")\(NumberText.oneDecimal(change)))"
        default:
            scoreChange =
                "score \(older.result.score.map { NumberText.oneDecimal($0) } ?? "not assessed") → "
                + (run.result.score.map { NumberText.oneDecimal($0) } ?? "not assessed")
        }
        let levelChange =
            older.result.readiness == run.result.readiness
            ? "level unchanged (\(run.result.readiness.title))"
            : "level \(older.result.readiness.title) → \(run.result.readiness.title)"
        let rulesChanged = older.result.rules != run.result.rules
        return Comparison(
            exists: true, run: older.summary.number, standing: standing, rulesChanged: rulesChanged,
            rulesText: "rules \(older.result.rules.rawValue) → \(run.result.rules.rawValue)", scoreChange: scoreChange,
            levelChange: levelChange, closed: closed, newGaps: newGaps, regressions: regressions, improved: improved,
            changed: changed,
            hasChanges: !(closed.isEmpty && newGaps.isEmpty && regressions.isEmpty && improved.isEmpty && changed.isEmpty),
            hasClosed: !closed.isEmpty, hasNewGaps: !newGaps.isEmpty, hasRegressions: !regressions.isEmpty,
            hasImproved: !improved.isEmpty, hasChanged: !changed.isEmpty)
    }

    /// The remediation actions by phase, with their commitments and details.
    static func actionPhases(_ result: AssessmentResult, questionnaire: Questionnaire, answers: AnswerSheet) -> [ActionPhase] {
        MigrationPhase.allCases.compactMap { phase in
            let actions = result.gaps.filter { $0.phase == phase }.map { gap in
                let question = questionnaire.question(gap.question)
                let remediation = question?.remediation
                let item = item(gap, questionnaire: questionnaire, answers: answers)
                var details: [Detail] = []
                func add(_ label: String, _ value: String?) {
                    if let value, !value.isEmpty { details.append(Detail(label: label, value: value)) }
                }
                add("Azure capability", remediation?.azure.joined(separator: "; "))
                add("Effort", remediation?.effort?.rawValue)
                add("ITGC area", question?.itgc.map(\.title).joined(separator: "; "))
                add("CUEC theme", question?.cuec.joined(separator: ", "))
                add("Risk", gap.risk.rawValue)
                add("Control owner", gap.commitment != nil ? gap.owner : nil)
                add("Preview", item.hasPreview ? item.preview : nil)
                let gate: String
                switch gap.gate {
                case .icfr?: gate = "ICFR gate"
                case .technical?: gate = "technical gate"
                case nil: gate = gap.gating ? "gate" : ""
                }
                return ActionRow(
                    item: item, priority: "P\(gap.priority)", gate: gate, gating: gap.gating, action: gap.action, details: details,
                    detailsText: details.map { "\($0.label): \($0.value)" }.joined(separator: " · "))
            }
            return actions.isEmpty ? nil : ActionPhase(id: phase.rawValue, title: phase.title, actions: actions, count: actions.count)
        }
    }

    /// Evidence rows for the key controls met without an evidence reference.
    static func evidenceRows(_ result: AssessmentResult, questionnaire: Questionnaire, answers: AnswerSheet) -> [EvidenceRow] {
        (result.rules2?.evidenceMissing ?? []).map { id in
            let question = questionnaire.question(id)
            let expected = question?.expectedEvidence.joined(separator: "; ") ?? ""
            return EvidenceRow(
                questionID: id, title: question?.displayTitle ?? id, showID: question?.title != nil,
                domainTitle: questionnaire.domain(ofQuestion: id)?.title ?? "",
                answer: question.map { answerLabel(answers[id]?.answer, question: $0) } ?? "",
                role: question?.remediation?.owner ?? "", expected: expected, hasExpected: !expected.isEmpty)
        }
    }

    /// The hypercare checklist: the questions not yet due, in questionnaire order.
    static func hypercareRows(_ result: AssessmentResult, questionnaire: Questionnaire) -> [HypercareRow] {
        (result.rules2?.notYetDue ?? []).map { id in
            let question = questionnaire.question(id)
            let expected = question?.expectedEvidence.joined(separator: "; ") ?? ""
            return HypercareRow(
                questionID: id, title: question?.displayTitle ?? id, showID: question?.title != nil, prompt: question?.prompt ?? "",
                role: question?.remediation?.owner ?? "", expected: expected, hasExpected: !expected.isEmpty)
        }
    }
}
