/// Which question names the hosting models, and which of its choices stand for which model.
public struct SharedResponsibilityLink: Sendable, Hashable {
    /// The `multi` or `choice` question.
    public var question: String
    /// Choice id → hosting model, in the question's choice order.
    public var models: [(choice: String, model: HostingModel)]

    /// Equal when the question and the models' choices and hosting models, in order, are equal (a list of
    /// tuples is not `Equatable`).
    public static func == (lhs: SharedResponsibilityLink, rhs: SharedResponsibilityLink) -> Bool {
        lhs.question == rhs.question && lhs.models.map(\.choice) == rhs.models.map(\.choice)
            && lhs.models.map(\.model) == rhs.models.map(\.model)
    }

    /// Hashes the question, then each model's choice and hosting model in order.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(question)
        for entry in models {
            hasher.combine(entry.choice)
            hasher.combine(entry.model)
        }
    }

    /// The link soxready 0.1 assumed before questionnaires could declare one: the `hosting`
    /// question with choices hybrid, iaas, paas and saas (used for runs scored under rules 1).
    public static let legacy = SharedResponsibilityLink(
        question: "hosting",
        models: [
            ("hybrid", .onPremises), ("iaas", .iaas), ("paas", .paas), ("saas", .saas),
        ])
}
