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
