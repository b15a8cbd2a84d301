extension PlanDocument {
    /// Microsoft's shared-responsibility matrix (Azure documentation, "Shared responsibility in
    /// the cloud"): who owns each area under each hosting model.
    static let responsibilityMatrix: [(area: String, onPremises: String, iaas: String, paas: String, saas: String)] = [
        ("Information and data", "customer", "customer", "customer", "customer"),
        ("Configurations and settings", "customer", "customer", "customer", "customer"),
        ("Identities and users (accounts, access management)", "customer", "customer", "customer", "customer"),
        ("Devices (mobile and PCs)", "customer", "customer", "customer", "shared"),
        ("Applications", "customer", "customer", "shared", "shared"),
        ("Network controls", "customer", "customer", "shared", "microsoft"),
        ("Operating system", "customer", "customer", "microsoft", "microsoft"),
        ("Physical hosts, network and datacenter", "customer", "microsoft", "microsoft", "microsoft"),
    ]

    /// The table for the hosting models answered to the question the questionnaire names in
    /// `sharedResponsibility:` (`link`).
    static func responsibility(link: SharedResponsibilityLink?, answers: AnswerSheet) -> Responsibility {
        let note =
            "Inherited: Microsoft operates it and its SOC 1 Type 2 report covers it; shared: both sides own part, "
            + "so the customer's part needs a control; customer: a customer-owned control (and CUEC) for the SOX file. "
            + "Source: Azure documentation on shared responsibility in the cloud."
        var models: [(title: String, column: KeyPath<ResponsibilityColumns, String>)] = []
        if let link {
            var chosen: [String] = []
            switch answers[link.question]?.answer {
            case .value(.choices(let ids))?: chosen = ids
            case .value(.choice(let id))?: chosen = [id]
            default: break
            }
            for entry in link.models where chosen.contains(entry.choice) {
                switch entry.model {
                case .onPremises: models.append(("On-premises (hybrid part)", \.onPremises))
                case .iaas: models.append(("IaaS", \.iaas))
                case .paas: models.append(("PaaS", \.paas))
                case .saas: models.append(("SaaS", \.saas))
                }
            }
        }
        guard !models.isEmpty else {
            return Responsibility(
                determined: false, models: [], rows: [],
                note: "Not determined: the hosting question is unanswered or the questionnaire has none. " + note)
        }
        let rows = responsibilityMatrix.map { entry in
            let columns = ResponsibilityColumns(onPremises: entry.onPremises, iaas: entry.iaas, paas: entry.paas, saas: entry.saas)
            return ResponsibilityRow(
                area: entry.area,
                cells: models.map { model in
                    let owner = columns[keyPath: model.column]
                    switch owner {
                    case "microsoft": return ResponsibilityCell(owner: "Inherited (Microsoft, SOC 1)", cssClass: "inherited")
                    case "shared": return ResponsibilityCell(owner: "Shared", cssClass: "shared")
                    default: return ResponsibilityCell(owner: "Customer", cssClass: "customer")
                    }
                })
        }
        return Responsibility(determined: true, models: models.map { Line(text: $0.title) }, rows: rows, note: note)
    }

    struct ResponsibilityColumns {
        var onPremises: String, iaas: String, paas: String, saas: String
    }

    static func progress(
        run: StoredRun, questionnaire: Questionnaire, previous: StoredRun?, history: [RunSummary]
    )
        throws(QuestionnaireLoadError) -> Progress
    {
        let trend = history.filter { $0.number <= run.summary.number }.map {
            TrendPoint(
                run: $0.number, score: $0.score.map { NumberText.oneDecimal($0) } ?? "–", readinessTitle: $0.readiness.title,
                symbol: symbol($0.readiness))
        }
        let trendText = trend.map { "\($0.run): \($0.score) \($0.symbol)" }.joined(separator: " → ")
        var progress = Progress(
            hasPrevious: false, previousRun: 0, scoreChange: "", levelChange: "", closed: [], newGaps: [],
            regressions: [], improved: [], hasClosed: false, hasNewGaps: false, hasRegressions: false,
            hasImproved: false, trend: trend, hasTrend: trend.count > 1, trendText: trendText,
            trendSVG: PlanCharts.trend(history.filter { $0.number <= run.summary.number }))
        guard let previous else { return progress }
        let older = try previous.questionnaire()
        let comparison = RunComparison(
            older: RunComparison.Side(questionnaire: older, answers: previous.answers, result: previous.result),
            newer: RunComparison.Side(questionnaire: questionnaire, answers: run.answers, result: run.result))
        progress.hasPrevious = true
        progress.previousRun = previous.summary.number
        switch (previous.result.score, run.result.score) {
        case let (before?, after?):
            let change = AssessmentResult.change(from: before, to: after) ?? 0
            progress.scoreChange =
                "score \(NumberText.oneDecimal(before)) → \(NumberText.oneDecimal(after)) (\(change >= 0 ? "+" : "")\(NumberText.oneDecimal(change)))"
        default:
            progress.scoreChange =
                "score \(previous.result.score.map { NumberText.oneDecimal($0) } ?? "not assessed") → \(run.result.score.map { NumberText.oneDecimal($0) } ?? "not assessed")"
        }
        progress.levelChange =
            previous.result.readiness == run.result.readiness
            ? "level unchanged (\(run.result.readiness.title))"
            : "level \(previous.result.readiness.title) → \(run.result.readiness.title)"
        func rows(_ kind: RunComparison.Kind) -> [ChangeRow] {
            comparison.changes(kind).map {
                ChangeRow(
                    questionID: $0.questionID,
                    prompt: questionnaire.question($0.questionID)?.prompt ?? older.question($0.questionID)?.prompt ?? "",
                    before: $0.before, after: $0.after)
            }
        }
        progress.closed = rows(.closed)
        progress.newGaps =
            rows(.newGap)
            + comparison.changes(.added).filter(\.gapAfter).map {
                ChangeRow(
                    questionID: $0.questionID, prompt: questionnaire.question($0.questionID)?.prompt ?? "", before: $0.before,
                    after: $0.after)
            }
        progress.regressions = rows(.regressed)
        progress.improved = rows(.improved)
        progress.hasClosed = !progress.closed.isEmpty
        progress.hasNewGaps = !progress.newGaps.isEmpty
        progress.hasRegressions = !progress.regressions.isEmpty
        progress.hasImproved = !progress.improved.isEmpty
        return progress
    }
}
