/// The Azure DevOps Boards process of the project a backlog is imported into: it decides the
/// work item type (one that has a Target Date field) and the initial State of the new items, so
/// that the file imports without edits (docs/export.md, "Boards backlog").
public enum BoardsProcess: String, Sendable, CaseIterable {
    /// Agile: Feature, `New`.
    case agile
    /// Scrum: Feature, `New`.
    case scrum
    /// CMMI: Feature, `Proposed`.
    case cmmi
    /// Basic: Epic, `To Do`.
    case basic

    /// The work item type: Feature (Agile, Scrum, CMMI) or Epic (Basic), the types that carry
    /// Target Date by default.
    public var workItemType: String { self == .basic ? "Epic" : "Feature" }

    /// The initial state of a new item of ``workItemType``: `New`, `Proposed` (CMMI) or `To Do` (Basic).
    public var initialState: String {
        switch self {
        case .agile, .scrum: "New"
        case .cmmi: "Proposed"
        case .basic: "To Do"
        }
    }
}
