/// The two kinds of gate (SCORING.md rules version 2).
public enum Gate: String, Sendable, Hashable, Codable, CaseIterable {
    /// An ICFR gate (`gating: true`): a control the financial statements rely on.
    case icfr
    /// A technical gate (`gating: technical`): the move cannot work without it.
    case technical
}
