/// The IT general control areas, plus entity-level controls.
public enum ITGCArea: String, Sendable, Hashable, CaseIterable, Codable {
    /// Access to programs and data.
    case access
    /// Program change.
    case change
    /// Computer operations.
    case operations
    /// Program development (including data conversion).
    case development
    /// Entity-level controls (COSO control environment, risk assessment, monitoring).
    case entity

    /// The area's name as auditors say it.
    public var title: String {
        switch self {
        case .access: "Access to programs and data"
        case .change: "Program change"
        case .operations: "Computer operations"
        case .development: "Program development"
        case .entity: "Entity-level controls"
        }
    }
}
