import Foundation

/// The result contract `soxready/result@1` (PRODUCT.md §5): what `report --format json` prints
/// and what every run keeps.
///
/// Scores and percentages are rounded to one decimal here and nowhere else; key names are exactly
/// those of the contract, and JSON output sorts keys so that every rendering is byte-identical.
public struct AssessmentResult: Sendable, Equatable, Codable {
    /// Always `soxready/result@1`.
    public var format = "soxready/result@1"
    /// The application.
    public var app: AppReference
    /// The run.
    public var run: RunReference
    /// The questionnaire scored against.
    public var questionnaire: ScoredQuestionnaire
    /// The readiness level.
    public var readiness: ReadinessLevel
    /// Overall score, percent 0...100 to one decimal; nil (JSON null) when nothing is answered.
    @ExplicitNull public var score: Double?
    /// Confidence percent and stars.
    public var confidence: Confidence
    /// Per domain, in questionnaire order.
    public var domains: [DomainScore]
    /// Gaps in remediation priority order.
    public var gaps: [GapEntry]
    /// Plain-language reasons for the level.
    public var reasons: [String]

    /// `{"name": …, "slug": …}`.
    public struct AppReference: Sendable, Equatable, Codable {
        /// The application's name.
        public var name: String
        /// The application's slug.
        public var slug: String
    }

    /// `{"number": …, "recordedAt": …}`; `recordedAt` is ISO 8601 UTC to the second.
    public struct RunReference: Sendable, Equatable, Codable {
        /// Run number, from 1.
        public var number: Int
        /// Recording time, ISO 8601 UTC.
        public var recordedAt: String
    }

    /// `{"id": …, "version": …}`.
    public struct ScoredQuestionnaire: Sendable, Equatable, Codable {
        /// The id.
        public var id: String
        /// Version.
        public var version: String

        /// Creates a reference to questionnaire `id` at `version`.
        public init(id: String, version: String) {
            self.id = id
            self.version = version
        }
    }

    /// `{"percent": 0...100, "stars": 1...5}`.
    public struct Confidence: Sendable, Equatable, Codable {
        /// Percent, 0...100 to one decimal.
        public var percent: Double
        /// Confidence stars, 1...5.
        public var stars: Int

        /// Creates a confidence figure: `percent` 0...100, `stars` 1...5.
        public init(percent: Double, stars: Int) {
            self.percent = percent
            self.stars = stars
        }
    }

    /// A domain's score (nil when nothing is answered) and counts of scored questions.
    public struct DomainScore: Sendable, Equatable, Codable {
        /// The id.
        public var id: String
        /// The title.
        public var title: String
        /// Criticality (`critical`, `high`, `medium`).
        public var criticality: Criticality
        /// Score, percent to one decimal, or "not assessed".
        @ExplicitNull public var score: Double?
        public var answered: Int
        /// Applicable scored questions.
        public var applicable: Int
    }

    /// One gap: `answer` is the choice id, list of ids, number, date or text given, `"unknown"`,
    /// or null when unanswered; `score` is null for unknown or unanswered.
    public struct GapEntry: Sendable, Equatable, Codable {
        /// The question id.
        public var question: String
        /// The domain id.
        public var domain: String
        /// The answer as finance reads it.
        @ExplicitNull public var answer: JSONAnswer?
        @ExplicitNull public var score: Double?
        public var risk: RiskLevel
        /// True for a gating question.
        public var gating: Bool
        /// True when answered "don't know".
        public var unknown: Bool
        /// Points lost, to one decimal.
        public var pointsLost: Double
        /// Remediation priority 1...4.
        public var priority: Int
        /// The remediation action.
        public var action: String
        /// The control owner's role.
        public var owner: String
        /// The migration phase, as a title.
        public var phase: MigrationPhase
    }

    /// Builds the contract from a scorecard.
    ///
    /// - Parameters:
    ///   - card: The scorecard, unrounded.
    ///   - questionnaire: The questionnaire it was scored against.
    ///   - answers: The answers (for the gap's `answer`).
    ///   - appName: The application's name.
    ///   - appSlug: Its slug in the store; derived from the name when nil.
    ///   - runNumber: The run number, from 1.
    ///   - recordedAt: When the run was recorded.
    public init(card: Scorecard, questionnaire: Questionnaire, answers: AnswerSheet, appName: String,
                appSlug: String? = nil, runNumber: Int, recordedAt: Date)
    {
        app = AppReference(name: appName, slug: appSlug ?? Identifier.slug(appName))
        run = RunReference(number: runNumber, recordedAt: Timestamp.string(recordedAt))
        self.questionnaire = ScoredQuestionnaire(id: questionnaire.id, version: questionnaire.version)
        readiness = card.readiness
        score = card.score.map(Self.round1)
        confidence = Confidence(percent: Self.round1(card.confidence), stars: card.stars)
        domains = zip(questionnaire.domains, card.domains).map { domain, outcome in
            DomainScore(id: domain.id, title: domain.title, criticality: domain.criticality,
                        score: outcome.score.map(Self.round1), answered: outcome.answered, applicable: outcome.applicable)
        }
        gaps = card.gaps.enumerated().map { _, gap in
            let question = questionnaire.question(gap.questionID)
            let remediation = question?.remediation
            return GapEntry(question: gap.questionID, domain: gap.domainID, answer: gap.answer.flatMap(JSONAnswer.init),
                            score: gap.score.map(Self.round1Fraction), risk: gap.risk, gating: gap.gating, unknown: gap.unknown,
                            pointsLost: Self.round1(gap.pointsLost), priority: gap.priority,
                            action: remediation?.action ?? "", owner: remediation?.owner ?? "",
                            phase: remediation?.phase ?? .beforeMigration)
        }
        reasons = card.reasons
    }

    /// The questions the reasons name. Rules 1 named every gating gap and the first five other
    /// high-risk gaps (in priority order) in its reason strings.
    public var namedQuestionIDs: Set<String> {
        let gating = gaps.filter(\.gating).map(\.question)
        let highRisk = gaps.filter { $0.risk == .high && !$0.gating }.prefix(5).map(\.question)
        return Set(gating + highRisk)
    }

    /// Rounds to one decimal, half away from zero (`72.25` → `72.3`).
    public static func round1(_ value: Double) -> Double { (value * 10).rounded() / 10 }

    /// The change between two scores as they are shown (each rounded to one decimal first, so the
    /// figures on screen add up), in points to one decimal; nil when either score is missing.
    public static func change(from before: Double?, to after: Double?) -> Double? {
        guard let before, let after else { return nil }
        return round1(round1(after) - round1(before))
    }

    /// Rounds an answer score to three decimals (`0.333…` → `0.333`).
    static func round1Fraction(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

    /// Decodes a stored result.
    ///
    /// - Throws: `DecodingError` when `data` is not a result.
    public static func decode(_ data: Data) throws -> AssessmentResult {
        try JSONDecoder().decode(AssessmentResult.self, from: data)
    }

    /// The result as pretty-printed JSON with sorted keys, ending with a newline.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }
}

/// An answer as it appears in JSON: a string, a list of strings or a number.
public enum JSONAnswer: Sendable, Equatable, Codable {
    case string(String)
    case strings([String])
    case number(Double)

    /// The JSON form of an answer; nil for `n/a` (which is never a gap).
    public init?(_ answer: Answer) {
        switch answer {
        case .unknown: self = .string("unknown")
        case .notApplicable: return nil
        case .value(.choice(let id)): self = .string(id)
        case .value(.choices(let ids)): self = .strings(ids)
        case .value(.number(let number)): self = .number(number)
        case .value(.date(let date)): self = .string(date.description)
        case .value(.text(let text)): self = .string(text)
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let number = try? c.decode(Double.self) { self = .number(number) }
        else if let list = try? c.decode([String].self) { self = .strings(list) }
        else { self = .string(try c.decode(String.self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .string(let text): try c.encode(text)
        case .strings(let list): try c.encode(list)
        case .number(let number): try c.encode(number)
        }
    }
}
