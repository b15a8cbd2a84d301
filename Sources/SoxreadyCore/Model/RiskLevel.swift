/// The risk of a gap, as AWS Well-Architected's high and medium risk issues.
public enum RiskLevel: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case high, medium, low

    /// Remediation priority of a non-gating gap with this risk: high 2, medium 3, low 4.
    public var rank: Int {
        switch self {
        case .high: 2
        case .medium: 3
        case .low: 4
        }
    }

    /// Orders by ``rank``: high comes before medium, medium before low.
    public static func < (lhs: RiskLevel, rhs: RiskLevel) -> Bool { lhs.rank < rhs.rank }
}
