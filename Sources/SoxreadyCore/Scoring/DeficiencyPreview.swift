/// A preview of the deficiency a gap could be, worded in plans for management and the auditor
/// to judge, never as a finding (SCORING.md).
public enum DeficiencyPreview: String, Sendable, Hashable, Codable {
    /// An ICFR gate in a critical domain not met (s = 0, unknown, unanswered, or partly met without an on-time commitment).
    case potentialSignificantDeficiency = "potential-significant-deficiency"
    /// Any other high-risk gap (not a technical gate).
    case potentialDeficiency = "potential-deficiency"
}
