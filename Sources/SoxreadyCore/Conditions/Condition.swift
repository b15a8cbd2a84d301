/// A parsed `when` condition (the grammar of QUESTIONNAIRE-FORMAT.md).
///
/// Conditions are data: evaluating one never runs code. Parse with ``ConditionParser``.
public indirect enum Condition: Sendable, Hashable {
    /// Both sides hold.
    case and(Condition, Condition)
    /// Either side holds.
    case or(Condition, Condition)
    /// The operand does not hold.
    case not(Condition)
    /// `ID op value`.
    case comparison(question: String, op: ComparisonOperator, value: ConditionValue)
    /// `ID in [value, ...]`.
    case membership(question: String, values: [ConditionValue])
    /// `ID contains value`: a multi answer includes a choice, or a text answer includes a substring.
    case contains(question: String, value: ConditionValue)
    /// `answered(ID)`: the question has a value (not skipped, not unknown, not n/a).
    case answered(question: String)

    /// Every question id the condition refers to, in order of appearance.
    public var referencedQuestions: [String] {
        switch self {
        case .and(let lhs, let rhs), .or(let lhs, let rhs):
            lhs.referencedQuestions + rhs.referencedQuestions
        case .not(let operand): operand.referencedQuestions
        case .comparison(let id, _, _), .membership(let id, _), .contains(let id, _), .answered(let id):
            [id]
        }
    }
}

/// A comparison operator of a `when` condition.
public enum ComparisonOperator: String, Sendable, Hashable, CaseIterable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="

    /// True for `<`, `<=`, `>` and `>=`, which need an ordered type (number or date).
    public var isOrdering: Bool { self != .equal && self != .notEqual }
}

/// A literal in a `when` condition: `'quoted string'`, number or `YYYY-MM-DD`.
public enum ConditionValue: Sendable, Hashable, CustomStringConvertible {
    case string(String)
    case number(Double)
    case date(CalendarDate)

    /// The literal as it would be written in a condition.
    public var description: String {
        switch self {
        case .string(let text): "'\(text)'"
        case .number(let value): NumberText.plain(value)
        case .date(let date): date.description
        }
    }
}
