import Foundation

/// The result contract (PRODUCT.md §5, SCORING.md): what `report --format json` prints and what
/// every run keeps. `soxready/result@1` (rules version 1) and `soxready/result@2` (rules version
/// 2, the additions below) share this type; a result encodes the keys of its own format only, so
/// a rules-1 result is written exactly as soxready 0.1 wrote it.
///
/// Scores and percentages are rounded to one decimal here and nowhere else; key names are exactly
/// those of the contract, and JSON output sorts keys so that every rendering is byte-identical.
public struct AssessmentResult: Sendable, Equatable, Codable {
    /// `soxready/result@1` or `soxready/result@2`.
    public var format: String
    /// The application.
    public var app: AppReference
    /// The run.
    public var run: RunReference
    /// The questionnaire scored against.
    public var questionnaire: ScoredQuestionnaire
    /// The readiness level.
    public var readiness: ReadinessLevel
    /// Overall score, percent 0...100 to one decimal; nil (JSON null) when nothing is answered.
    public var score: Double?
    /// Confidence percent and stars.
    public var confidence: Confidence
    /// Per domain, in questionnaire order.
    public var domains: [DomainScore]
    /// Gaps in remediation order.
    public var gaps: [GapEntry]
    /// The reasons for the level: strings under rules 1 (``Reason/rule`` nil), objects under rules 2.
    public var reasons: [Reason]
    /// Rules 2 additions; nil in a rules-1 result.
    public var rules2: Rules2?

    /// The rules the result was scored under.
    public var rules: RulesVersion { rules2 == nil ? .v1 : .v2 }

    /// What `soxready/result@2` adds at the top level (SCORING.md, "Result additions").
    public struct Rules2: Sendable, Equatable {
        /// The as-of date (the UTC date of `run.recordedAt`).
        public var asOf: CalendarDate
        /// Pre- or post-cutover.
        public var stage: RunStage
        /// The calendar figures.
        public var calendar: Calendar
        /// Questions not yet due (asked only after cutover), in questionnaire order.
        public var notYetDue: [String]
        /// Key questions met with no evidence reference, in questionnaire order.
        public var evidenceMissing: [String]
    }

    /// `{"cutover", "fiscalYearEnd", "closeWindow": {"periodEnd", "kind"} | null, "operatingDays"}`.
    public struct Calendar: Sendable, Equatable, Codable {
        /// The cutover date, or null.
        @ExplicitNull public var cutover: CalendarDate?
        /// The fiscal year end, or null.
        @ExplicitNull public var fiscalYearEnd: CalendarDate?
        /// Pre-cutover: the close window holding the cutover date, or null.
        @ExplicitNull public var closeWindow: FiscalCalendar.CloseWindow?
        /// Pre-cutover: days from the cutover to the next fiscal year end, or null.
        @ExplicitNull public var operatingDays: Int?
    }

    /// `{"name": …, "slug": …}`.
    public struct AppReference: Sendable, Equatable, Codable {
        /// The application's name.
        public var name: String
        /// The application's slug.
        public var slug: String

        /// Creates a reference (the store fills it in when it records a run).
        public init(name: String, slug: String) {
            self.name = name
            self.slug = slug
        }
    }

    /// `{"number": …, "recordedAt": …}`; `recordedAt` is ISO 8601 UTC to the second.
    public struct RunReference: Sendable, Equatable, Codable {
        /// Run number, from 1.
        public var number: Int
        /// Recording time, ISO 8601 UTC.
        public var recordedAt: String

        /// Creates a reference (the store fills it in when it records a run).
        public init(number: Int, recordedAt: String) {
            self.number = number
            self.recordedAt = recordedAt
        }
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
        /// Answered scored questions.
        public var answered: Int
        /// Applicable scored questions.
        public var applicable: Int
    }

    /// A gap's commitment in the result: `{"owner", "due", "status"}`.
    public struct CommitmentEntry: Sendable, Equatable, Codable {
        /// The person who owns closing it.
        public var owner: String
        /// The due date.
        public var due: CalendarDate
        /// On time, overdue or after the cutover, on the as-of date.
        public var status: Commitment.Status
    }

    /// One gap: `answer` is the choice id, list of ids, number, date or text given, `"unknown"`,
    /// or null when unanswered; `score` is null for unknown or unanswered.
    public struct GapEntry: Sendable, Equatable, Codable {
        /// The question id.
        public var question: String
        /// The domain id.
        public var domain: String
        /// The answer as given.
        public var answer: JSONAnswer?
        /// The answer score s to three decimals, or null.
        public var score: Double?
        /// Gap risk.
        public var risk: RiskLevel
        /// True for a gating question (either kind of gate).
        public var gating: Bool
        /// True when answered "don't know".
        public var unknown: Bool
        /// Points lost, to one decimal.
        public var pointsLost: Double
        /// Remediation priority 1...4.
        public var priority: Int
        /// The remediation action (the answer's own, under rules 2, when its choice has one).
        public var action: String
        /// The control owner's role.
        public var owner: String
        /// The migration phase.
        public var phase: MigrationPhase
        /// Rules 2: `icfr`, `technical` or null.
        public var gate: Gate?
        /// Rules 2: the commitment, or null.
        public var commitment: CommitmentEntry?
        /// Rules 2: the deficiency preview, or null.
        public var deficiencyPreview: DeficiencyPreview?

        enum CodingKeys: String, CodingKey {
            case question, domain, answer, score, risk, gating, unknown, pointsLost, priority, action, owner, phase
            case gate, commitment, deficiencyPreview
        }

        /// Decodes a gap of either format; `answer` and `score` may be null, and the rules-2 keys `gate`,
        /// `commitment` and `deficiencyPreview` may be null or missing (result@1).
        ///
        /// - Throws: `DecodingError` when a required key is missing or of the wrong type.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            question = try c.decode(String.self, forKey: .question)
            domain = try c.decode(String.self, forKey: .domain)
            answer = try c.decodeIfPresent(JSONAnswer.self, forKey: .answer)
            score = try c.decodeIfPresent(Double.self, forKey: .score)
            risk = try c.decode(RiskLevel.self, forKey: .risk)
            gating = try c.decode(Bool.self, forKey: .gating)
            unknown = try c.decode(Bool.self, forKey: .unknown)
            pointsLost = try c.decode(Double.self, forKey: .pointsLost)
            priority = try c.decode(Int.self, forKey: .priority)
            action = try c.decode(String.self, forKey: .action)
            owner = try c.decode(String.self, forKey: .owner)
            phase = try c.decode(MigrationPhase.self, forKey: .phase)
            gate = try c.decodeIfPresent(Gate.self, forKey: .gate)
            commitment = try c.decodeIfPresent(CommitmentEntry.self, forKey: .commitment)
            deficiencyPreview = try c.decodeIfPresent(DeficiencyPreview.self, forKey: .deficiencyPreview)
        }

        /// Encodes the gap with `answer` and `score` as explicit nulls when empty; the rules-2 keys `gate`,
        /// `commitment` and `deficiencyPreview` (null when empty) only when the encoder's result format is 2.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(question, forKey: .question)
            try c.encode(domain, forKey: .domain)
            try c.encode(ExplicitNull(wrappedValue: answer), forKey: .answer)
            try c.encode(ExplicitNull(wrappedValue: score), forKey: .score)
            try c.encode(risk, forKey: .risk)
            try c.encode(gating, forKey: .gating)
            try c.encode(unknown, forKey: .unknown)
            try c.encode(pointsLost, forKey: .pointsLost)
            try c.encode(priority, forKey: .priority)
            try c.encode(action, forKey: .action)
            try c.encode(owner, forKey: .owner)
            try c.encode(phase, forKey: .phase)
            // The rules-2 keys exist in result@2 only (null there when empty).
            if encoder.userInfo[AssessmentResult.formatKey] as? Int == 2 {
                try c.encode(ExplicitNull(wrappedValue: gate), forKey: .gate)
                try c.encode(ExplicitNull(wrappedValue: commitment), forKey: .commitment)
                try c.encode(ExplicitNull(wrappedValue: deficiencyPreview), forKey: .deficiencyPreview)
            }
        }

        init(
            question: String, domain: String, answer: JSONAnswer?, score: Double?, risk: RiskLevel, gating: Bool, unknown: Bool,
            pointsLost: Double, priority: Int, action: String, owner: String, phase: MigrationPhase, gate: Gate?,
            commitment: CommitmentEntry?, deficiencyPreview: DeficiencyPreview?
        ) {
            self.question = question
            self.domain = domain
            self.answer = answer
            self.score = score
            self.risk = risk
            self.gating = gating
            self.unknown = unknown
            self.pointsLost = pointsLost
            self.priority = priority
            self.action = action
            self.owner = owner
            self.phase = phase
            self.gate = gate
            self.commitment = commitment
            self.deficiencyPreview = deficiencyPreview
        }
    }

    // swift-format-ignore: NeverForceUnwrap
    // A constant, non-empty raw value: the initializer cannot fail.
    static let formatKey = CodingUserInfoKey(rawValue: "soxready.resultFormat")!

    enum CodingKeys: String, CodingKey {
        case format, app, run, questionnaire, readiness, score, confidence, domains, gaps, reasons
        case rules, asOf, stage, calendar, notYetDue, evidenceMissing
    }

    /// A reason as stored: a string (result@1) or `{"rule", "text", "questions"}` (result@2).
    enum StoredReason: Decodable {
        case text(String)
        case object(Reason)

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let text = try? c.decode(String.self) { self = .text(text) } else { self = .object(try c.decode(Reason.self)) }
        }
    }

    /// Decodes a stored result of either format: reasons as strings (result@1) or objects (result@2);
    /// ``rules2`` is set when the result has an `asOf` key, and then its `stage`, `calendar`, `notYetDue`
    /// and `evidenceMissing` are required.
    ///
    /// - Throws: `DecodingError` when a key of the contract is missing or of the wrong type.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decode(String.self, forKey: .format)
        app = try c.decode(AppReference.self, forKey: .app)
        run = try c.decode(RunReference.self, forKey: .run)
        questionnaire = try c.decode(ScoredQuestionnaire.self, forKey: .questionnaire)
        readiness = try c.decode(ReadinessLevel.self, forKey: .readiness)
        score = try c.decodeIfPresent(Double.self, forKey: .score)
        confidence = try c.decode(Confidence.self, forKey: .confidence)
        domains = try c.decode([DomainScore].self, forKey: .domains)
        gaps = try c.decode([GapEntry].self, forKey: .gaps)
        reasons = try c.decode([StoredReason].self, forKey: .reasons).map {
            switch $0 {
            case .text(let text): Reason(rule: nil, text: text)
            case .object(let reason): reason
            }
        }
        if let asOf = try c.decodeIfPresent(CalendarDate.self, forKey: .asOf) {
            rules2 = Rules2(
                asOf: asOf, stage: try c.decode(RunStage.self, forKey: .stage),
                calendar: try c.decode(Calendar.self, forKey: .calendar),
                notYetDue: try c.decode([String].self, forKey: .notYetDue),
                evidenceMissing: try c.decode([String].self, forKey: .evidenceMissing))
        }
    }

    /// Encodes the keys of the result's own format, `score` as null when nothing is answered: result@2 adds
    /// `rules` (2), `asOf`, `stage`, `calendar`, `notYetDue` and `evidenceMissing` and writes reasons as
    /// objects; result@1 writes each reason as its text only.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(format, forKey: .format)
        try c.encode(app, forKey: .app)
        try c.encode(run, forKey: .run)
        try c.encode(questionnaire, forKey: .questionnaire)
        try c.encode(readiness, forKey: .readiness)
        try c.encode(ExplicitNull(wrappedValue: score), forKey: .score)
        try c.encode(confidence, forKey: .confidence)
        try c.encode(domains, forKey: .domains)
        try c.encode(gaps, forKey: .gaps)
        if let rules2 {
            try c.encode(reasons, forKey: .reasons)
            try c.encode(2, forKey: .rules)
            try c.encode(rules2.asOf, forKey: .asOf)
            try c.encode(rules2.stage, forKey: .stage)
            try c.encode(rules2.calendar, forKey: .calendar)
            try c.encode(rules2.notYetDue, forKey: .notYetDue)
            try c.encode(rules2.evidenceMissing, forKey: .evidenceMissing)
        } else {
            try c.encode(reasons.map(\.text), forKey: .reasons)
        }
    }

    /// Builds the contract from a scorecard: result@1 for a rules-1 card, result@2 for a rules-2 one.
    ///
    /// - Parameters:
    ///   - card: The scorecard, unrounded.
    ///   - questionnaire: The questionnaire it was scored against.
    ///   - answers: The answers (for the gap's `answer`).
    ///   - appName: The application's name.
    ///   - appSlug: Its slug in the store; derived from the name when nil.
    ///   - runNumber: The run number, from 1.
    ///   - recordedAt: When the run was recorded.
    public init(
        card: Scorecard, questionnaire: Questionnaire, answers: AnswerSheet, appName: String,
        appSlug: String? = nil, runNumber: Int, recordedAt: Date
    ) {
        let v2 = card.rules == .v2
        format = v2 ? "soxready/result@2" : "soxready/result@1"
        app = AppReference(name: appName, slug: appSlug ?? Identifier.slug(appName))
        run = RunReference(number: runNumber, recordedAt: Timestamp.string(recordedAt))
        self.questionnaire = ScoredQuestionnaire(id: questionnaire.id, version: questionnaire.version)
        readiness = card.readiness
        score = card.score.map(Self.round1)
        confidence = Confidence(percent: Self.round1(card.confidence), stars: card.stars)
        domains = zip(questionnaire.domains, card.domains).map { domain, outcome in
            DomainScore(
                id: domain.id, title: domain.title, criticality: domain.criticality,
                score: outcome.score.map(Self.round1), answered: outcome.answered, applicable: outcome.applicable)
        }
        gaps = card.gaps.map { gap in
            let remediation = questionnaire.question(gap.questionID)?.remediation
            return GapEntry(
                question: gap.questionID, domain: gap.domainID, answer: gap.answer.flatMap(JSONAnswer.init),
                score: gap.score.map(Self.round1Fraction), risk: gap.risk, gating: gap.gating, unknown: gap.unknown,
                pointsLost: Self.round1(gap.pointsLost), priority: gap.priority,
                action: v2 ? gap.action : remediation?.action ?? "", owner: remediation?.owner ?? "",
                phase: remediation?.phase ?? .beforeMigration, gate: v2 ? gap.gate : nil,
                commitment: gap.commitment.map { CommitmentEntry(owner: $0.0.owner, due: $0.0.due, status: $0.1) },
                deficiencyPreview: gap.deficiencyPreview)
        }
        reasons = card.reasons
        if v2, let asOf = card.asOf {
            rules2 = Rules2(
                asOf: asOf, stage: card.stage,
                calendar: Calendar(
                    cutover: card.calendar.cutover, fiscalYearEnd: card.calendar.fiscalYearEnd,
                    closeWindow: card.calendar.closeWindow, operatingDays: card.calendar.operatingDays),
                notYetDue: card.notYetDue, evidenceMissing: card.evidenceMissing)
        }
    }

    /// The questions the reasons name. Under rules 2 each reason lists them; rules 1 named every
    /// gating gap and the first five other high-risk gaps (in priority order) in its reason strings.
    public var namedQuestionIDs: Set<String> {
        if rules2 != nil { return Set(reasons.flatMap(\.questions)) }
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

    /// Decodes a stored result (either format).
    ///
    /// - Throws: `DecodingError` when `data` is not a result.
    public static func decode(_ data: Data) throws -> AssessmentResult {
        try JSONDecoder().decode(AssessmentResult.self, from: data)
    }

    /// The result as pretty-printed JSON with sorted keys, ending with a newline.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.userInfo[Self.formatKey] = rules2 == nil ? 1 : 2
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

    /// Decodes a number as ``number(_:)``, else a list of strings as ``strings(_:)``, else a string as
    /// ``string(_:)``.
    ///
    /// - Throws: `DecodingError` when the value is none of these.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let number = try? c.decode(Double.self) {
            self = .number(number)
        } else if let list = try? c.decode([String].self) {
            self = .strings(list)
        } else {
            self = .string(try c.decode(String.self))
        }
    }

    /// Encodes the answer as one JSON value: the string, the list of strings or the number.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .string(let text): try c.encode(text)
        case .strings(let list): try c.encode(list)
        case .number(let number): try c.encode(number)
        }
    }
}
