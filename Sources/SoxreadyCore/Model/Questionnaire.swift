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

/// The date questions that play a calendar role (QUESTIONNAIRE-FORMAT.md, `calendar:`).
public struct CalendarRoles: Sendable, Hashable {
    /// The planned go-live date in Azure.
    public var cutover: String?
    /// The last day of the current fiscal year.
    public var fiscalYearEnd: String?

    /// Creates the roles.
    public init(cutover: String? = nil, fiscalYearEnd: String? = nil) {
        self.cutover = cutover
        self.fiscalYearEnd = fiscalYearEnd
    }
}

/// The hosting models of Microsoft's shared-responsibility matrix.
public enum HostingModel: String, Sendable, Hashable, CaseIterable, Codable {
    case onPremises = "on-premises"
    case iaas, paas, saas
}

/// Which question names the hosting models, and which of its choices stand for which model.
public struct SharedResponsibilityLink: Sendable, Hashable {
    /// The `multi` or `choice` question.
    public var question: String
    /// Choice id → hosting model, in the question's choice order.
    public var models: [(choice: String, model: HostingModel)]

    /// Equal when the question and the models' choices and hosting models, in order, are equal (a list of
    /// tuples is not `Equatable`).
    public static func == (lhs: SharedResponsibilityLink, rhs: SharedResponsibilityLink) -> Bool {
        lhs.question == rhs.question && lhs.models.map(\.choice) == rhs.models.map(\.choice)
            && lhs.models.map(\.model) == rhs.models.map(\.model)
    }

    /// Hashes the question, then each model's choice and hosting model in order.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(question)
        for entry in models {
            hasher.combine(entry.choice)
            hasher.combine(entry.model)
        }
    }

    /// The link soxready 0.1 assumed before questionnaires could declare one: the `hosting`
    /// question with choices hybrid, iaas, paas and saas (used for runs scored under rules 1).
    public static let legacy = SharedResponsibilityLink(
        question: "hosting",
        models: [
            ("hybrid", .onPremises), ("iaas", .iaas), ("paas", .paas), ("saas", .saas),
        ])
}

/// A provenance entry of a questionnaire (`sources:`).
public struct Source: Sendable, Hashable, Codable {
    /// Title of the document or page.
    public var title: String
    /// Where to find it, when public.
    public var url: String?
    /// How the questionnaire uses it.
    public var note: String?

    /// Creates a source entry.
    public init(title: String, url: String? = nil, note: String? = nil) {
        self.title = title
        self.url = url
        self.note = note
    }
}

/// The figures the readiness rules compare against (SCORING.md), all percent 0...100.
public struct Thresholds: Sendable, Hashable, Codable {
    /// Overall score at or above which an app can be `ready` (default 85).
    public var ready: Double = 85
    /// Overall score below which an app is `not-ready` (default 60).
    public var notReady: Double = 60
    /// Score below which a critical domain makes the app `not-ready` (default 50).
    public var criticalDomainFloor: Double = 50
    /// Confidence at or below which readiness is unknown (default 40).
    public var unknownConfidence: Double = 40
    /// Rules 1 only: confidence at or below which the app is at best ready with conditions
    /// (default 60). Rules 2 no longer read it (the loader warns).
    public var conditionalConfidence: Double = 60
    /// Rules 2: confidence below which the app is at best ready with conditions (default 90).
    public var readyConfidence: Double = 90
    /// Days before a period end that its close window starts (default 7).
    public var closeWindowBefore: Int = 7
    /// Days after a period end that its close window ends (default 15).
    public var closeWindowAfter: Int = 15
    /// The fewest days a control must operate on the new platform before the year end (default 90).
    public var minOperatingDays: Int = 90

    /// The defaults of SCORING.md: 85, 60, 50, 40, 60 (rules 1), 90, 7, 15 and 90.
    public init() {}
}

/// A domain: a group of questions on one control area, with its weight in the overall score.
public struct Domain: Sendable, Equatable {
    /// Identifier, `[a-z0-9-]+`, unique in the questionnaire.
    public var id: String
    /// Title shown in headers and reports.
    public var title: String
    /// Why the domain matters, one or two sentences; empty when not given.
    public var summary: String
    /// Criticality (default medium).
    public var criticality: Criticality
    /// Explicit multiplier; wins over `criticality` when set.
    public var weight: Double?
    /// ITGC areas the domain covers.
    public var itgc: [ITGCArea]
    /// CUEC theme labels the domain covers.
    public var cuec: [String]
    /// Questions in file order.
    public var questions: [Question]
    /// Where the domain starts in its file.
    public var location: SourceLocation

    /// The multiplier m of SCORING.md: `weight` if given, else 3 / 2 / 1 by criticality.
    public var multiplier: Double { weight ?? criticality.multiplier }

    /// True when at least one question is scored.
    public var isScored: Bool { questions.contains { $0.isScored } }
}

/// One answer option of a `choice` or `multi` question.
public struct Choice: Sendable, Hashable {
    /// Identifier, `[a-z0-9-]+`, unique in the question; typed by the user.
    public var id: String
    /// Label shown next to the id.
    public var label: String
    /// Score 0...1, or nil for a context-only choice.
    public var score: Double?
    /// The remediation action when this choice is the answer (replaces the question's), if any.
    public var action: String?

    /// Creates a choice.
    public init(id: String, label: String, score: Double?, action: String? = nil) {
        self.id = id
        self.label = label
        self.score = score
        self.action = action
    }
}

/// A band of a `number` question: values in `min`...`max` score `score`.
public struct Band: Sendable, Hashable {
    /// Lower bound, inclusive.
    public var min: Double
    /// Upper bound, inclusive; nil for unbounded.
    public var max: Double?
    /// Score 0...1.
    public var score: Double

    /// True when `value` lies in `min`...`max`.
    public func contains(_ value: Double) -> Bool {
        value >= min && (max.map { value <= $0 } ?? true)
    }
}

/// What closes a gap on a question: the remediation action and who does it when.
public struct Remediation: Sendable, Hashable {
    /// The action, in the imperative.
    public var action: String
    /// The control owner's role (a role, not a person); empty when not given.
    public var owner: String
    /// Migration phase; before migration when not given.
    public var phase: MigrationPhase
    /// Effort, when given.
    public var effort: Effort?
    /// Azure capabilities that help close the gap.
    public var azure: [String]
    /// Questions whose actions come before this one's when both are open (`after:`).
    public var after: [String] = []
}
