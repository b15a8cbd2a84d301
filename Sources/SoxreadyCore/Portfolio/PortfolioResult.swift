import Foundation

/// The part of a stored result (`soxready/result@1` or `@2`) the portfolio reads: the level,
/// score, confidence, domain scores, the priority-1 gaps and the cutover.
///
/// Decoded straight from the stored JSON with only these keys, so that the portfolio of 1,000
/// applications does not decode every gap, answer and reason of every latest result (a full
/// ``AssessmentResult`` is about 30 KB of JSON a run): the same figures, read from the same
/// stored text.
public struct PortfolioResult: Sendable, Equatable, Decodable {
    /// A domain's score.
    public struct DomainScore: Sendable, Equatable, Decodable {
        /// The id.
        public var id: String
        /// The title.
        public var title: String
        /// Percent to one decimal; nil when not assessed.
        public var score: Double?

        /// Creates a domain score.
        public init(id: String, title: String, score: Double?) {
            self.id = id
            self.title = title
            self.score = score
        }
    }

    /// The rules the result was scored under (v2 when it has an `asOf`).
    public var rules: RulesVersion
    /// The readiness level.
    public var readiness: ReadinessLevel
    /// The overall score, percent; nil when not assessed.
    public var score: Double?
    /// Confidence, percent.
    public var confidencePercent: Double
    /// Every domain, in questionnaire order.
    public var domains: [DomainScore]
    /// The questions of the priority-1 gaps (the blockers), in the result's order.
    public var blockers: [String]
    /// The cutover date (rules 2), nil when not answered or under rules 1.
    public var cutover: CalendarDate?

    enum CodingKeys: String, CodingKey {
        case readiness, score, confidence, domains, gaps, asOf, calendar
    }

    enum ConfidenceKeys: String, CodingKey { case percent }
    enum CalendarKeys: String, CodingKey { case cutover }

    struct Gap: Decodable {
        var question: String
        var priority: Int
    }

    /// Decodes the keys above from a stored result.
    ///
    /// - Throws: `DecodingError` when one of them is missing or of the wrong type.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        readiness = try c.decode(ReadinessLevel.self, forKey: .readiness)
        score = try c.decodeIfPresent(Double.self, forKey: .score)
        confidencePercent = try c.nestedContainer(keyedBy: ConfidenceKeys.self, forKey: .confidence).decode(Double.self, forKey: .percent)
        domains = try c.decode([DomainScore].self, forKey: .domains)
        blockers = try c.decode([Gap].self, forKey: .gaps).filter { $0.priority == 1 }.map(\.question)
        if try c.decodeIfPresent(CalendarDate.self, forKey: .asOf) != nil {
            rules = .v2
            cutover = try c.nestedContainer(keyedBy: CalendarKeys.self, forKey: .calendar).decodeIfPresent(
                CalendarDate.self, forKey: .cutover)
        } else {
            rules = .v1
            cutover = nil
        }
    }

    /// The same figures from a decoded result (for a store read through the protocol).
    public init(_ result: AssessmentResult) {
        rules = result.rules
        readiness = result.readiness
        score = result.score
        confidencePercent = result.confidence.percent
        domains = result.domains.map { DomainScore(id: $0.id, title: $0.title, score: $0.score) }
        blockers = result.gaps.filter { $0.priority == 1 }.map(\.question)
        cutover = result.rules2?.calendar.cutover
    }

    /// Decodes a stored result's JSON text.
    ///
    /// - Throws: `DecodingError` as ``init(from:)`` does.
    public static func decode(_ json: String) throws -> PortfolioResult {
        try JSONDecoder().decode(PortfolioResult.self, from: Data(json.utf8))
    }
}
