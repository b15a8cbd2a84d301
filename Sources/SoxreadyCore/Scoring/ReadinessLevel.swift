/// The readiness level of an application (Azure Migrate's vocabulary), per SCORING.md.
public enum ReadinessLevel: String, Sendable, Hashable, Codable, CaseIterable {
    case ready
    case readyWithConditions = "ready-with-conditions"
    case notReady = "not-ready"
    case readinessUnknown = "readiness-unknown"

    /// The level as finance reads it: "Ready", "Ready with conditions", "Not ready", "Readiness unknown".
    public var title: String {
        switch self {
        case .ready: "Ready"
        case .readyWithConditions: "Ready with conditions"
        case .notReady: "Not ready"
        case .readinessUnknown: "Readiness unknown"
        }
    }
}
