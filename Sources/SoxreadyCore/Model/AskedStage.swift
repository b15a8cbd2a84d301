/// When a question can honestly be answered.
public enum AskedStage: String, Sendable, Hashable, Codable, CaseIterable {
    /// Before and after the cutover.
    case always
    /// Only after go-live (`asked: after-cutover`): not yet due in a pre-cutover run; the plan's
    /// hypercare checklist.
    case afterCutover = "after-cutover"
}
