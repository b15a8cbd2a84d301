/// One answer option of a `choice` or `multi` question.
public struct Choice: Sendable, Hashable {
    /// Identifier, `[a-z0-9-]+`, unique in the question; typed by the user.
    public var id: String
    /// Label shown next to the id.
    public var label: String
    /// Score 0...1, or nil for a context-only choice.
    public var score: Double?
    /// The remediation action when this choice is the answer (replaces the question's), if any.
    public var action: String?

    /// Creates a choice.
    public init(id: String, label: String, score: Double?, action: String? = nil) {
        self.id = id
        self.label = label
        self.score = score
        self.action = action
    }
}
