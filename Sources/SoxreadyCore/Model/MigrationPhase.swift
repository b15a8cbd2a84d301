/// When a remediation action belongs in the migration.
public enum MigrationPhase: String, Sendable, Hashable, CaseIterable, Codable {
    case beforeMigration = "before-migration"
    case cutover
    case afterCutover = "after-cutover"

    /// The phase's heading in plans: "Before migration", "Cutover", "After cutover".
    public var title: String {
        switch self {
        case .beforeMigration: "Before migration"
        case .cutover: "Cutover"
        case .afterCutover: "After cutover"
        }
    }
}
