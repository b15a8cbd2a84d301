/// One reason for a readiness level (SCORING.md): the rule it comes from, plain words using the
/// questions' short titles, and the ids of the questions it names (empty for a clause about the
/// score, the confidence or the calendar).
public struct Reason: Sendable, Hashable, Codable {
    /// The rule (1...4); nil for a reason recorded under rules 1, which had no numbers.
    public var rule: Int?
    /// The reason in plain words.
    public var text: String
    /// The questions it names, in questionnaire order.
    public var questions: [String]

    /// Creates a reason.
    public init(rule: Int?, text: String, questions: [String] = []) {
        self.rule = rule
        self.text = text
        self.questions = questions
    }
}
