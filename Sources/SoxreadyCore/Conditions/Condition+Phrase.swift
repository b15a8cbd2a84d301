/// A `when` condition in the lead's words: the short titles of the questions it reads and the
/// labels of their choices, never ids or operators ("Third-party providers is ISV, MSP or
/// Several"). Conditions too complex to say plainly (a mix of `and` and `or`, most `not`s) have
/// no phrase; the caller then says something general.
extension Condition {
    /// The condition in plain words, or nil when it is too complex to phrase.
    ///
    /// - Parameter questionnaire: The questionnaire whose questions the condition reads (their
    ///   ``Question/displayTitle`` and choice labels are used).
    /// - Returns: A phrase to follow "when", such as `Hosting includes IaaS or Hybrid`.
    public func phrase(in questionnaire: Questionnaire) -> String? {
        switch self {
        case .and:
            let terms = flattened(and: true)
            let parts = terms.map { $0.atomPhrase(in: questionnaire) }
            guard !parts.contains(nil) else { return nil }
            // A term may hold a list with "or": the terms are set apart with ", and".
            let said = parts.compactMap { $0 }
            return said.dropLast().joined(separator: ", ") + ", and " + (said.last ?? "")
        case .or:
            // Alternatives on one question are said once: "Hosting includes IaaS or Hybrid".
            var groups: [[Condition]] = []
            for term in flattened(and: false) {
                if let last = groups.last?.last, last.sameKindOfAlternative(as: term) {
                    groups[groups.count - 1].append(term)
                } else {
                    groups.append([term])
                }
            }
            var parts: [String] = []
            for group in groups {
                guard let part = Self.alternatives(group, in: questionnaire) else { return nil }
                parts.append(part)
            }
            // Lists inside use "or" too: the groups are set apart with ", or".
            return parts.count == 1 ? parts[0] : parts.dropLast().joined(separator: ", ") + ", or " + (parts.last ?? "")
        default:
            return atomPhrase(in: questionnaire)
        }
    }

    /// The terms of a chain of `and` (or of `or`), in order.
    func flattened(and: Bool) -> [Condition] {
        switch (self, and) {
        case (.and(let lhs, let rhs), true), (.or(let lhs, let rhs), false):
            return lhs.flattened(and: and) + rhs.flattened(and: and)
        default:
            return [self]
        }
    }

    /// True when `other` names another value of the same question in the same way (`==`, `in` or
    /// `contains`), so that an `or` of the two reads as one list.
    func sameKindOfAlternative(as other: Condition) -> Bool {
        switch (self, other) {
        case (.contains(let a, _), .contains(let b, _)): return a == b
        case (.comparison(let a, .equal, _), .comparison(let b, .equal, _)), (.comparison(let a, .equal, _), .membership(let b, _)),
            (.membership(let a, _), .comparison(let b, .equal, _)), (.membership(let a, _), .membership(let b, _)):
            return a == b
        default: return false
        }
    }

    /// One group of alternatives on one question ("Hosting includes IaaS or Hybrid").
    static func alternatives(_ group: [Condition], in questionnaire: Questionnaire) -> String? {
        guard group.count > 1, let first = group.first else { return group.first?.atomPhrase(in: questionnaire) }
        var values: [ConditionValue] = []
        for term in group {
            switch term {
            case .contains(_, let value), .comparison(_, _, let value): values.append(value)
            case .membership(_, let more): values += more
            default: return nil
            }
        }
        switch first {
        case .contains(let id, _):
            guard let question = questionnaire.question(id) else { return nil }
            return "\(question.displayTitle) \(question.type == .text ? "contains" : "includes") "
                + list(values.map { value(question, $0) }, conjunction: "or")
        case .comparison(let id, _, _), .membership(let id, _):
            return Condition.membership(question: id, values: values).atomPhrase(in: questionnaire)
        default:
            return nil
        }
    }

    /// A comparison, membership, `contains` or `answered` (or a simple `not` of one) in words.
    func atomPhrase(in questionnaire: Questionnaire) -> String? {
        switch self {
        case .comparison(let id, let op, let literal):
            guard let question = questionnaire.question(id) else { return nil }
            let shown = Self.value(question, literal)
            let verb: String
            switch (op, literal) {
            case (.equal, _): verb = "is"
            case (.notEqual, _): verb = "is not"
            case (.less, .date): verb = "is before"
            case (.lessOrEqual, .date): verb = "is on or before"
            case (.greater, .date): verb = "is after"
            case (.greaterOrEqual, .date): verb = "is on or after"
            case (.less, _): verb = "is below"
            case (.lessOrEqual, _): verb = "is at most"
            case (.greater, _): verb = "is above"
            case (.greaterOrEqual, _): verb = "is at least"
            }
            return "\(question.displayTitle) \(verb) \(shown)"
        case .membership(let id, let values):
            guard let question = questionnaire.question(id) else { return nil }
            return "\(question.displayTitle) is " + Self.list(values.map { Self.value(question, $0) }, conjunction: "or")
        case .contains(let id, let literal):
            guard let question = questionnaire.question(id) else { return nil }
            return "\(question.displayTitle) \(question.type == .text ? "contains" : "includes") \(Self.value(question, literal))"
        case .answered(let id):
            guard let question = questionnaire.question(id) else { return nil }
            return "\(question.displayTitle) is answered"
        case .not(.answered(let id)):
            guard let question = questionnaire.question(id) else { return nil }
            return "\(question.displayTitle) is not answered"
        case .not(.contains(let id, let literal)):
            guard let question = questionnaire.question(id) else { return nil }
            return "\(question.displayTitle) does not \(question.type == .text ? "contain" : "include") \(Self.value(question, literal))"
        case .not(.comparison(let id, .equal, let literal)):
            return Condition.comparison(question: id, op: .notEqual, value: literal).atomPhrase(in: questionnaire)
        case .not(.comparison(let id, .notEqual, let literal)):
            return Condition.comparison(question: id, op: .equal, value: literal).atomPhrase(in: questionnaire)
        default:
            return nil
        }
    }

    /// A literal as the lead reads it: a choice's label, a number with the question's unit, a
    /// date, or quoted text.
    static func value(_ question: Question, _ literal: ConditionValue) -> String {
        switch literal {
        case .string(let text):
            if let choice = question.choice(text) { return choice.label }
            return "\u{201C}\(text)\u{201D}"
        case .number(let number):
            return NumberText.plain(number) + (question.unit.map { " \($0)" } ?? "")
        case .date(let date):
            return date.description
        }
    }

    /// "A", "A or B", "A, B or C".
    static func list(_ items: [String], conjunction: String) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(conjunction) " + last
    }
}
