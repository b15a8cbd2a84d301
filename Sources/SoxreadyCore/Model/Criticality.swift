/// How much a domain weighs in the overall score: critical ×3, high ×2, medium ×1.
public enum Criticality: String, Sendable, Hashable, CaseIterable, Codable {
    case critical, high, medium

    /// The domain multiplier m of SCORING.md (3, 2 or 1).
    public var multiplier: Double {
        switch self {
        case .critical: 3
        case .high: 2
        case .medium: 1
        }
    }
}
