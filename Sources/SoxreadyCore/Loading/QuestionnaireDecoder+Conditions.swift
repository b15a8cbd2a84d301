import Yams

extension QuestionnaireDecoder {
    /// Parses a `when` and checks it against the questions asked before this one.
    mutating func checkCondition(_ text: String, node: Node, question: Question, context: String) -> Condition? {
        let base = YAMLFields.location(node)
        let condition: Condition
        do {
            condition = try ConditionParser.parse(text)
        } catch {
            var location = base
            if case .scalar(let scalar) = node, !text.contains("\n"), var at = location {
                let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
                at.column += error.offset + (quoted ? 1 : 0)
                location = at
            }
            fields.error(at: location, "invalid when of \(context): \(error.message)")
            return nil
        }
        var valid = true
        check(condition, at: base, question: question, context: context, valid: &valid)
        return valid ? condition : nil
    }

    private mutating func check(
        _ condition: Condition, at location: SourceLocation?, question: Question,
        context: String, valid: inout Bool
    ) {
        func fail(_ message: String, _ expected: String?) {
            fields.error(at: location, "when of \(context): \(message)", expected: expected)
            valid = false
        }
        switch condition {
        case .and(let lhs, let rhs), .or(let lhs, let rhs):
            check(lhs, at: location, question: question, context: context, valid: &valid)
            check(rhs, at: location, question: question, context: context, valid: &valid)
            return
        case .not(let operand):
            check(operand, at: location, question: question, context: context, valid: &valid)
            return
        default:
            break
        }
        guard let id = condition.referencedQuestions.first else { return }
        guard let target = earlier[id] else {
            if let defined = allQuestionIDs[id] {
                let why = id == question.id ? "it refers to itself" : "'\(id)' is asked later (line \(defined.line))"
                fail("\(why)", "expected a question asked before \(context)")
            } else if let suggestion = EditDistance.suggestion(for: id, among: Array(earlier.keys).sorted()) {
                fail("unknown question '\(id)'", "did you mean '\(suggestion)'?")
            } else {
                fail("unknown question '\(id)'", "expected the id of a question asked earlier")
            }
            return
        }
        let kind = "\(target.type.rawValue) question '\(id)'"
        switch condition {
        case .answered:
            return
        case .comparison(_, let op, let value):
            switch target.type {
            case .choice, .yesNo, .yesPartialNo:
                if op.isOrdering {
                    fail("'\(op.rawValue)' does not fit \(kind)", "expected ==, != or in")
                    return
                }
                checkChoice(value, of: target, kind: kind, fail: fail)
            case .multi:
                fail("'\(op.rawValue)' does not fit \(kind)", "expected contains 'choice-id'")
            case .number:
                if case .number = value {} else { fail("\(kind) compared with \(value)", "expected a number") }
            case .date:
                if case .date = value {} else { fail("\(kind) compared with \(value)", "expected a date YYYY-MM-DD") }
            case .text:
                if op.isOrdering {
                    fail("'\(op.rawValue)' does not fit \(kind)", "expected ==, !=, in or contains")
                } else if case .string = value {
                } else {
                    fail("\(kind) compared with \(value)", "expected a 'quoted string'")
                }
            }
        case .membership(_, let values):
            switch target.type {
            case .choice, .yesNo, .yesPartialNo:
                for value in values { checkChoice(value, of: target, kind: kind, fail: fail) }
            case .multi:
                fail("'in' does not fit \(kind)", "expected contains 'choice-id'")
            case .number:
                for value in values { if case .number = value {} else { fail("\(kind) compared with \(value)", "expected numbers") } }
            case .date:
                for value in values {
                    if case .date = value {} else { fail("\(kind) compared with \(value)", "expected dates YYYY-MM-DD") }
                }
            case .text:
                for value in values {
                    if case .string = value {} else { fail("\(kind) compared with \(value)", "expected 'quoted strings'") }
                }
            }
        case .contains(_, let value):
            switch target.type {
            case .multi:
                checkChoice(value, of: target, kind: kind, fail: fail)
            case .text:
                if case .string = value {} else { fail("\(kind) searched for \(value)", "expected a 'quoted string'") }
            case .choice, .yesNo, .yesPartialNo:
                fail("'contains' does not fit \(kind)", "expected ==, != or in")
            case .number, .date:
                fail("'contains' does not fit \(kind)", "expected ==, !=, <, <=, >, >= or in")
            }
        default:
            return
        }
    }

    private func checkChoice(_ value: ConditionValue, of target: Question, kind: String, fail: (String, String?) -> Void) {
        guard case .string(let id) = value else {
            fail("\(kind) compared with \(value)", "expected a 'quoted' choice id")
            return
        }
        guard target.choice(id) != nil else {
            let ids = target.choices.map(\.id)
            if let suggestion = EditDistance.suggestion(for: id, among: ids) {
                fail("\(kind) has no choice '\(id)'", "did you mean '\(suggestion)'?")
            } else {
                fail("\(kind) has no choice '\(id)'", "expected one of \(ids.joined(separator: ", "))")
            }
            return
        }
    }
}
