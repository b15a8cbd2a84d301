extension PlanDocument {
    /// Builds the plan of `run`, compared with `previous` (the run before, if any) and with
    /// `lastApproved` (the latest earlier run whose decision is approve), with the trend of
    /// `history` (every run of the application, oldest first) and the application's `signOffs`.
    ///
    /// Every figure comes from the run's stored result; nothing is re-scored.
    ///
    /// - Parameters:
    ///   - run: The run to plan.
    ///   - previous: The run before it, nil for the first run.
    ///   - history: Every run of the application, oldest first.
    ///   - signOffs: The application's sign-offs, oldest first.
    ///   - lastApproved: The latest earlier run whose decision is approve, if any.
    ///   - verificationProblems: What does not verify, when the plan is rendered with `--unverified`.
    ///   - includeAppendix: False for `--no-appendix`.
    /// - Throws: ``QuestionnaireLoadError`` naming the run whose stored questionnaire no longer
    ///   parses (this one, the previous one or the last approved one).
    public init(
        run: StoredRun, previous: StoredRun?, history: [RunSummary], signOffs: [SignOff] = [], lastApproved: StoredRun? = nil,
        verificationProblems: [String] = [], appendix includeAppendix: Bool = true
    ) throws(QuestionnaireLoadError) {
        let questionnaire = try run.questionnaire()
        let result = run.result
        let thresholds = questionnaire.thresholds

        appName = run.appName
        appSlug = run.appSlug
        questionnaireID = questionnaire.id
        questionnaireVersion = questionnaire.version
        questionnaireTitle = questionnaire.title
        runNumber = run.summary.number
        recordedAt = result.run.recordedAt
        recordedDate = String(result.run.recordedAt.prefix(10))
        fingerprint = run.fingerprint
        fingerprintShort = String(run.fingerprint.prefix(16))
        rules = result.rules.rawValue

        readiness = result.readiness.rawValue
        readinessTitle = result.readiness.title
        readinessSymbol = Self.symbol(result.readiness)
        score = result.score.map { NumberText.oneDecimal($0) } ?? "not assessed"
        confidencePercent = NumberText.oneDecimal(result.confidence.percent)
        stars = result.confidence.stars
        confidenceStars = String(repeating: "★", count: stars) + String(repeating: "☆", count: 5 - stars)
        blockerCount = run.summary.blockers
        highCount = run.summary.high
        mediumCount = run.summary.medium
        lowCount = run.summary.low
        reasons = result.reasons.map { Line(text: $0.text) }
        let answered = result.domains.map(\.answered).reduce(0, +), applicable = result.domains.map(\.applicable).reduce(0, +)
        coverageNote =
            "Scores cover the \(answered) answered question\(answered == 1 ? "" : "s") of the \(applicable) scored questions that apply"
            + " (confidence \(NumberText.oneDecimal(result.confidence.percent)) %); unanswered and \"don't know\" answers are not in the scores."
        // Rules 1 warned at its conditional confidence; rules 2 reads readyConfidence instead.
        lowConfidence =
            result.rules == .v1
            ? result.confidence.percent <= thresholds.conditionalConfidence
            : result.confidence.percent < thresholds.readyConfidence
        // The questions named in the reasons, in questionnaire order.
        let named = result.namedQuestionIDs
        namedQuestions = questionnaire.questions.filter { named.contains($0.id) }.map {
            NamedQuestion(questionID: $0.id, prompt: $0.prompt)
        }
        hasNamedQuestions = !namedQuestions.isEmpty

        // 4. Domains
        let domainScores = Dictionary(result.domains.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        domains = questionnaire.domains.compactMap { domain in
            guard let outcome = domainScores[domain.id] else { return nil }
            let score = outcome.score
            let cells = score.map { Int(($0 / 5).rounded()) } ?? 0
            return DomainRow(
                id: domain.id, title: domain.title, criticality: domain.criticality.rawValue,
                multiplier: "×" + NumberText.plain(domain.multiplier), score: score.map { NumberText.oneDecimal($0) } ?? "not assessed",
                assessed: score != nil, contextOnly: !domain.isScored, answered: outcome.answered, applicable: outcome.applicable,
                bar: score == nil ? "" : String(repeating: "█", count: cells) + String(repeating: "░", count: 20 - cells),
                belowFloor: domain.criticality == .critical && (outcome.score.map { $0 < thresholds.criticalDomainFloor } ?? false))
        }
        chartSVG = PlanCharts.domainBars(domains.filter { !$0.contextOnly }, thresholds: thresholds)

        // 5 and 6. Blockers and the remediation plan
        let rows = result.gaps.map { Self.gapRow($0, questionnaire: questionnaire, answers: run.answers) }
        blockers = rows.filter(\.gating)
        hasBlockers = !blockers.isEmpty
        phases = MigrationPhase.allCases.compactMap { phase in
            let actions = zip(result.gaps, rows).filter { gap, _ in gap.phase == phase }.map(\.1)
            return actions.isEmpty ? nil : PhaseGroup(id: phase.rawValue, title: phase.title, actions: actions, count: actions.count)
        }
        hasActions = !rows.isEmpty

        // 7. Shared responsibility
        // Questionnaires of rules-1 runs could not declare the link; they used the 1.0.0 convention.
        responsibility = Self.responsibility(
            link: questionnaire.sharedResponsibility ?? (result.rules == .v1 ? .legacy : nil),
            answers: run.answers)

        // 8. Progress
        progress = try Self.progress(run: run, questionnaire: questionnaire, previous: previous, history: history)
        if progress.hasPrevious {
            changeSummary = "\(progress.scoreChange) since run \(progress.previousRun); \(progress.levelChange)"
        } else {
            changeSummary = "First run: nothing to compare with yet"
        }

        // 9. To confirm
        toConfirm = result.gaps.filter { $0.score == nil }.map { gap in
            let question = questionnaire.question(gap.question)
            return ConfirmRow(
                questionID: gap.question, title: question?.displayTitle ?? gap.question, showID: question?.title != nil,
                prompt: question?.prompt ?? "",
                domainTitle: questionnaire.domain(ofQuestion: gap.question)?.title ?? "",
                status: gap.unknown ? "don't know" : "unanswered", gating: gap.gating,
                owner: question?.remediation?.owner ?? "")
        }
        hasToConfirm = !toConfirm.isEmpty

        // 11. Appendix: every question asked, with its answer, note and evidence.
        let statuses = Applicability.statuses(questionnaire, answers: run.answers)
        appendix = questionnaire.domains.map { domain in
            AppendixDomain(
                title: domain.title, hasAnswers: !domain.questions.isEmpty,
                answers: domain.questions.map { question in
                    let record = run.answers[question.id]
                    let status = statuses[question.id]
                    let asked = status != .notAsked
                    let label =
                        result.rules2?.notYetDue.contains(question.id) == true
                        ? "not yet due (asked after cutover)"
                        : asked ? Self.answerLabel(record?.answer, question: question) : "not asked (does not apply)"
                    return AppendixRow(
                        questionID: question.id, title: question.displayTitle, showID: question.title != nil, prompt: question.prompt,
                        answer: asked ? Self.answerText(record?.answer, question: question) : "not asked (does not apply)",
                        answerLabel: label,
                        note: record?.note ?? "", evidence: record?.evidence ?? "",
                        hasNote: record?.note != nil, hasEvidence: record?.evidence != nil)
                })
        }

        // The finance review and the rules-2 plan
        preparer = PreparerLine(
            known: run.preparer != nil, name: run.preparer?.name ?? "not recorded",
            attestation: run.preparer?.attestation ?? "")
        signOff = Self.signOffSummary(run: run, signOffs: signOffs)
        verification = Verification(unverified: !verificationProblems.isEmpty, problems: verificationProblems.map { Line(text: $0) })
        let decidingRule = result.reasons.first?.rule
        let reasonRows = result.reasons.map { ReasonRow(rule: $0.rule ?? 0, effect: Self.effect(ofRule: $0.rule), text: $0.text) }
        levelReasons = zip(result.reasons, reasonRows).filter { $0.0.rule == decidingRule }.map(\.1)
        otherReasons = zip(result.reasons, reasonRows).filter { $0.0.rule != decidingRule }.map(\.1)
        hasLevelReasons = !levelReasons.isEmpty
        hasOtherReasons = !otherReasons.isEmpty
        readyText = Self.readySentence
        calendar = Self.calendarSummary(result, questionnaire: questionnaire)
        let items = result.gaps.filter(\.gating).map { Self.item($0, questionnaire: questionnaire, answers: run.answers) }
        icfrBlockers = zip(result.gaps.filter(\.gating), items).filter { $0.0.gate != .technical }.map(\.1)
        technicalBlockers = zip(result.gaps.filter(\.gating), items).filter { $0.0.gate == .technical }.map(\.1)
        hasICFRBlockers = !icfrBlockers.isEmpty
        hasTechnicalBlockers = !technicalBlockers.isEmpty
        conditions = Self.conditionItems(result, questionnaire: questionnaire, answers: run.answers)
        hasConditions = !conditions.isEmpty
        commitments = Self.commitmentItems(result, questionnaire: questionnaire, answers: run.answers, conditions: conditions)
        hasCommitments = !commitments.isEmpty
        goLiveText = Self.goLiveSentence(
            icfr: icfrBlockers.count, technical: technicalBlockers.count, conditions: conditions.count,
            commitments: commitments.count)
        commitmentText = Self.commitmentSentence(items + conditions)
        hasCommitmentText = !commitmentText.isEmpty
        owners = Self.ownerLines(items + conditions + commitments)
        hasOwners = !owners.isEmpty
        ownersText = owners.map { "\($0.name): \($0.count), first due \($0.firstDue)" + ($0.hasLate ? " (⚠ \($0.late) late)" : "") }
            .joined(separator: "; ")
        hasOpenItems = !(items.isEmpty && conditions.isEmpty && commitments.isEmpty)
        domainChartSVG = PlanCharts.domainBars(domains.filter { !$0.contextOnly }, thresholds: thresholds, wrapLabels: true)
        actionPhases = Self.actionPhases(result, questionnaire: questionnaire, answers: run.answers)
        evidenceRows = Self.evidenceRows(result, questionnaire: questionnaire, answers: run.answers)
        hasEvidenceRows = !evidenceRows.isEmpty
        hypercare = Self.hypercareRows(result, questionnaire: questionnaire)
        hasHypercare = !hypercare.isEmpty
        sinceApproved = try Self.comparison(
            older: lastApproved, run: run, questionnaire: questionnaire,
            standing: Self.standing(of: lastApproved, signOffs: signOffs))
        sincePrevious = try Self.comparison(
            older: previous, run: run, questionnaire: questionnaire,
            standing: Self.standing(of: previous, signOffs: signOffs))
        previousIsApproved = previous != nil && lastApproved?.summary.number == previous?.summary.number
        self.includeAppendix = includeAppendix

        sources = questionnaire.sources.map {
            // Only web addresses become links; anything else (javascript:, data:) stays text.
            let isWeb = $0.url.map { $0.hasPrefix("https://") || $0.hasPrefix("http://") } ?? false
            return SourceRow(title: $0.title, url: $0.url ?? "", hasURL: isWeb, note: $0.note ?? "", hasNote: $0.note != nil)
        }
    }

    static func symbol(_ level: ReadinessLevel) -> String {
        switch level {
        case .ready: "✔"
        case .readyWithConditions: "◐"
        case .notReady: "✖"
        case .readinessUnknown: "?"
        }
    }

    /// An answer as finance reads it: the choice's label with its id, numbers with units
    /// (``AnswerText/readable(_:question:)``, shared with the interchange formats).
    static func answerText(_ answer: Answer?, question: Question) -> String {
        AnswerText.readable(answer, question: question)
    }

    static func gapRow(_ gap: AssessmentResult.GapEntry, questionnaire: Questionnaire, answers: AnswerSheet) -> GapRow {
        let question = questionnaire.question(gap.question)
        let remediation = question?.remediation
        return GapRow(
            priority: gap.priority, questionID: gap.question, prompt: question?.prompt ?? "",
            domainTitle: questionnaire.domain(ofQuestion: gap.question)?.title ?? "",
            answer: question.map { answerText(answers[gap.question]?.answer, question: $0) } ?? "",
            risk: gap.risk.rawValue, gating: gap.gating, action: gap.action,
            owner: gap.owner, phase: gap.phase.title,
            azure: remediation?.azure.joined(separator: "; ") ?? "", effort: remediation?.effort?.rawValue ?? "",
            itgc: question?.itgc.map(\.title).joined(separator: "; ") ?? "",
            cuec: question?.cuec.joined(separator: ", ") ?? "", pointsLost: NumberText.oneDecimal(gap.pointsLost))
    }
}
