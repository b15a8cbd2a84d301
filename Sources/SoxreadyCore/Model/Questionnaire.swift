/// A loaded, validated questionnaire (`soxready/questionnaire@1`).
///
/// Build one with ``QuestionnaireLoader``; every value here has passed the checks listed in
/// `docs/questionnaire-format.md`.
///
/// ```swift
/// let loaded = try QuestionnaireLoader.load(path: "Questionnaires/sox-azure-migration.yaml")
/// for question in loaded.questionnaire.questions where question.gating { print(question.id) }
/// ```
public struct Questionnaire: Sendable, Equatable {
    /// Identifier, `[a-z0-9-]+`, unique among questionnaires.
    public var id: String
    /// Semantic version of the content, `MAJOR.MINOR.PATCH`.
    public var version: String
    /// One-line title.
    public var title: String
    /// Longer description, possibly several paragraphs; empty when not given.
    public var description: String
    /// Provenance shown in reports.
    public var sources: [Source]
    /// Readiness thresholds, defaults per SCORING.md unless the file overrides them.
    public var thresholds: Thresholds
    /// Domains in file order.
    public var domains: [Domain]
    /// The date questions that play a calendar role (`calendar:`).
    public var calendar: CalendarRoles
    /// The question whose choices name the hosting models of the shared-responsibility table
    /// (`sharedResponsibility:`), if any.
    public var sharedResponsibility: SharedResponsibilityLink?

    /// Every question in file order (domain by domain).
    public var questions: [Question] { domains.flatMap(\.questions) }

    /// The question with `id`, or nil.
    public func question(_ id: String) -> Question? {
        for domain in domains {
            if let question = domain.questions.first(where: { $0.id == id }) { return question }
        }
        return nil
    }

    /// The domain that holds the question `id`, or nil.
    public func domain(ofQuestion id: String) -> Domain? {
        domains.first { $0.questions.contains { $0.id == id } }
    }

    /// `id@version`, the questionnaire's full reference.
    public var reference: String { "\(id)@\(version)" }
}
