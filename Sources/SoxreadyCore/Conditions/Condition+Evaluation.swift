extension Condition {
    /// Evaluates the condition against answers, with three-valued logic.
    ///
    /// A test on a question that has no usable value (unanswered, unknown, n/a, or itself not
    /// applicable) is undetermined (nil). `and`, `or` and `not` follow Kleene's logic, as SQL does
    /// with NULL: `true or nil` is true, `false and nil` is false, `not nil` is nil.
    ///
    /// - Parameter value: The usable value of a question id, or nil when it has none.
    /// - Returns: true, false, or nil when undetermined.
    public func evaluate(_ value: (String) -> AnswerValue?) -> Bool? {
        switch self {
        case .and(let lhs, let rhs):
            let left = lhs.evaluate(value)
            if left == false { return false }
            let right = rhs.evaluate(value)
            if right == false { return false }
            return (left == true && right == true) ? true : nil
        case .or(let lhs, let rhs):
            let left = lhs.evaluate(value)
            if left == true { return true }
            let right = rhs.evaluate(value)
            if right == true { return true }
            return (left == false && right == false) ? false : nil
        case .not(let operand):
            return operand.evaluate(value).map { !$0 }
        case .answered(let id):
            return value(id) != nil
        case .comparison(let id, let op, let literal):
            guard let answer = value(id) else { return nil }
            return Condition.compare(answer, op, literal)
        case .membership(let id, let literals):
            guard let answer = value(id) else { return nil }
            return literals.contains { Condition.compare(answer, .equal, $0) == true }
        case .contains(let id, let literal):
            guard let answer = value(id) else { return nil }
            switch (answer, literal) {
            case (.choices(let ids), .string(let wanted)): return ids.contains(wanted)
            case (.text(let text), .string(let wanted)): return text.lowercased().contains(wanted.lowercased())
            default: return nil
            }
        }
    }

    /// True only when ``evaluate(_:)`` is true: an undetermined condition does not hold.
    public func holds(_ value: (String) -> AnswerValue?) -> Bool { evaluate(value) == true }

    static func compare(_ answer: AnswerValue, _ op: ComparisonOperator, _ literal: ConditionValue) -> Bool? {
        switch (answer, literal) {
        case (.choice(let id), .string(let wanted)):
            switch op {
            case .equal: return id == wanted
            case .notEqual: return id != wanted
            default: return nil
            }
        case (.text(let text), .string(let wanted)):
            switch op {
            case .equal: return text == wanted
            case .notEqual: return text != wanted
            default: return nil
            }
        case (.number(let number), .number(let wanted)):
            return ordered(number, op, wanted)
        case (.date(let date), .date(let wanted)):
            return ordered(date, op, wanted)
        default:
            return nil
        }
    }

    static func ordered<T: Comparable>(_ lhs: T, _ op: ComparisonOperator, _ rhs: T) -> Bool {
        switch op {
        case .equal: lhs == rhs
        case .notEqual: lhs != rhs
        case .less: lhs < rhs
        case .lessOrEqual: lhs <= rhs
        case .greater: lhs > rhs
        case .greaterOrEqual: lhs >= rhs
        }
    }
}
