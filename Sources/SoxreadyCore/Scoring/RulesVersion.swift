/// The versions of the scoring rules (SCORING.md). A run keeps the rules it was scored under.
public enum RulesVersion: Int, Sendable, Hashable, Codable, CaseIterable {
    /// Rules version 1 (`soxready/result@1`), scored by soxready 0.1.
    case v1 = 1
    /// Rules version 2 (`soxready/result@2`): commitments, evidence, the fiscal calendar.
    case v2 = 2

    /// The rules new runs are scored under.
    public static let current = RulesVersion.v2
}
