/// What closes a gap on a question: the remediation action and who does it when.
public struct Remediation: Sendable, Hashable {
    /// The action, in the imperative.
    public var action: String
    /// The control owner's role (a role, not a person); empty when not given.
    public var owner: String
    /// Migration phase; before migration when not given.
    public var phase: MigrationPhase
    /// Effort, when given.
    public var effort: Effort?
    /// Azure capabilities that help close the gap.
    public var azure: [String]
    /// Questions whose actions come before this one's when both are open (`after:`).
    public var after: [String] = []
}
