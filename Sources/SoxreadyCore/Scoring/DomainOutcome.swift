/// A domain's figures.
public struct DomainOutcome: Sendable, Equatable {
    /// The domain id.
    public var domainID: String
    /// Domain score, percent 0...100, unrounded; nil when no scored question is answered.
    public var score: Double?
    /// Answered scored questions.
    public var answered: Int
    /// Applicable scored questions.
    public var applicable: Int
}
