/// A recorded run as the interchange formats read it (docs/export.md): the stored result, the
/// answers and the questionnaire stored with the run. Nothing here re-scores the run; the only
/// figure worked out again is which questions the stored answers make applicable (the `when`
/// conditions, as the scorer evaluated them, with the result's `notYetDue`), so that a key
/// question answered as met can be told from one that was not asked.
struct InterchangeRun: Sendable {
    /// The run as recorded.
    var stored: StoredRun
    /// The questionnaire stored with the run.
    var questionnaire: Questionnaire
    /// Each question's status and score under the stored answers, by question id.
    var outcomes: [String: QuestionOutcome]
    /// Question id → its position in the questionnaire (for sorting).
    var order: [String: Int]

    /// Reads `run`.
    ///
    /// - Throws: ``QuestionnaireLoadError`` when the stored questionnaire no longer loads.
    init(_ run: StoredRun) throws(QuestionnaireLoadError) {
        stored = run
        questionnaire = try run.questionnaire()
        let notYetDue = Set(run.result.rules2?.notYetDue ?? [])
        outcomes = Dictionary(
            Applicability.outcomes(questionnaire, answers: run.answers, notYetDue: notYetDue).map { ($0.questionID, $0) },
            uniquingKeysWith: { first, _ in first })
        order = Dictionary(questionnaire.questions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The stored result.
    var result: AssessmentResult { stored.result }
    /// The application's name.
    var appName: String { stored.appName }
    /// The run number.
    var number: Int { result.run.number }
    /// The run's time, ISO 8601 UTC to the second (`2027-01-15T12:00:00Z`), as the result records it.
    var recordedAt: String { result.run.recordedAt }
    /// The as-of date: the result's (rules 2), else the UTC date of the run's time.
    var asOf: CalendarDate { result.rules2?.asOf ?? CalendarDate(utc: stored.summary.recordedAt) }
    /// The first 16 hex digits of the run's fingerprint, as the plans show it.
    var fingerprintShort: String { String(stored.fingerprint.prefix(16)) }

    /// The question `id`, or nil when the stored questionnaire has none (never for a gap).
    func question(_ id: String) -> Question? { questionnaire.question(id) }

    /// The short title of question `id`, else the id.
    func title(_ id: String) -> String { question(id)?.displayTitle ?? id }

    /// `Short title (id)`, or the id alone when the question has no short title.
    func titled(_ id: String) -> String {
        let title = self.title(id)
        return title == id ? id : "\(title) (\(id))"
    }

    /// The recorded answer of question `id`, as a person reads it.
    func answerText(_ id: String) -> String {
        guard let question = question(id) else { return AnswerText.plain(stored.answers[id]?.answer) }
        return AnswerText.readable(stored.answers[id]?.answer, question: question)
    }

    /// The evidence reference recorded for question `id`, trimmed; nil when none or empty.
    func evidence(_ id: String) -> String? {
        guard let text = stored.answers[id]?.evidence?.trimmingWhitespace, !text.isEmpty else { return nil }
        return text
    }

    /// The note recorded for question `id`, trimmed; nil when none or empty.
    func note(_ id: String) -> String? {
        guard let text = stored.answers[id]?.note?.trimmingWhitespace, !text.isEmpty else { return nil }
        return text
    }

    /// The key questions answered as met, in questionnaire order: key (gating, preventive-
    /// mandatory or `key: true`), scored, applicable and answered, and not a gap of the result
    /// (so s = 1, SCORING.md).
    var metKeyQuestions: [Question] {
        let gaps = Set(result.gaps.map(\.question))
        return questionnaire.questions.filter { question in
            question.isKey && question.isScored && outcomes[question.id]?.status == .answered && !gaps.contains(question.id)
        }
    }

    /// The questions whose answer records an evidence reference, in questionnaire order.
    var questionsWithEvidence: [Question] { questionnaire.questions.filter { evidence($0.id) != nil } }

    /// The result's gaps grouped by phase (before migration, cutover, after cutover), each in
    /// the result's remediation order: the order of the plan's remediation section.
    var gapsByPhase: [AssessmentResult.GapEntry] {
        MigrationPhase.allCases.flatMap { phase in result.gaps.filter { $0.phase == phase } }
    }

    /// The domain title of question `id`, or an empty string.
    func domainTitle(_ id: String) -> String { questionnaire.domain(ofQuestion: id)?.title ?? "" }

    /// How the commitment's status reads in plain words.
    static func statusText(_ status: Commitment.Status) -> String {
        switch status {
        case .onTime: "on time"
        case .overdue: "overdue"
        case .afterCutover: "due after the cutover"
        }
    }

    /// How a deficiency preview reads in plain words, always as a preview.
    static func previewText(_ preview: DeficiencyPreview) -> String {
        switch preview {
        case .potentialSignificantDeficiency:
            "previewed as a potential significant deficiency, for management and the auditor to judge (not a finding)"
        case .potentialDeficiency:
            "previewed as a potential deficiency, for management and the auditor to judge (not a finding)"
        }
    }
}
