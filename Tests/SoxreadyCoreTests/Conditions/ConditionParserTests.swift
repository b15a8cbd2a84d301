import Testing

@testable import SoxreadyCore

struct ConditionParserTests {
    // MARK: - Precedence

    @Test func andBindsTighterThanOr() throws {
        let parsed = try ConditionParser.parse("a == 'x' or b == 'y' and c == 'z'")
        #expect(
            parsed
                == .or(
                    .comparison(question: "a", op: .equal, value: .string("x")),
                    .and(
                        .comparison(question: "b", op: .equal, value: .string("y")),
                        .comparison(question: "c", op: .equal, value: .string("z")))))
    }

    @Test func notBindsTighterThanAnd() throws {
        let parsed = try ConditionParser.parse("not a == 'x' and b == 'y'")
        #expect(
            parsed
                == .and(
                    .not(.comparison(question: "a", op: .equal, value: .string("x"))),
                    .comparison(question: "b", op: .equal, value: .string("y"))))
    }

    @Test func parenthesesOverridePrecedence() throws {
        let parsed = try ConditionParser.parse("(a == 'x' or b == 'y') and c == 'z'")
        #expect(
            parsed
                == .and(
                    .or(
                        .comparison(question: "a", op: .equal, value: .string("x")),
                        .comparison(question: "b", op: .equal, value: .string("y"))),
                    .comparison(question: "c", op: .equal, value: .string("z"))))
    }

    @Test func orAndAndAreLeftAssociative() throws {
        let parsed = try ConditionParser.parse("answered(a) or answered(b) or answered(c)")
        #expect(parsed == .or(.or(.answered(question: "a"), .answered(question: "b")), .answered(question: "c")))
    }

    @Test func notNests() throws {
        #expect(try ConditionParser.parse("not not answered(a)") == .not(.not(.answered(question: "a"))))
    }

    // MARK: - Every operator and value kind

    @Test(arguments: [
        ("==", ComparisonOperator.equal), ("!=", .notEqual), ("<", .less),
        ("<=", .lessOrEqual), (">", .greater), (">=", .greaterOrEqual),
    ])
    func comparisonOperators(text: String, op: ComparisonOperator) throws {
        #expect(try ConditionParser.parse("days \(text) 90") == .comparison(question: "days", op: op, value: .number(90)))
    }

    @Test func operatorsNeedNoSpaces() throws {
        #expect(try ConditionParser.parse("days>=365") == .comparison(question: "days", op: .greaterOrEqual, value: .number(365)))
    }

    @Test func values() throws {
        #expect(
            try ConditionParser.parse("d < 2027-03-31")
                == .comparison(question: "d", op: .less, value: .date(CalendarDate(year: 2027, month: 3, day: 31)!)))
        #expect(try ConditionParser.parse("n == -2.5") == .comparison(question: "n", op: .equal, value: .number(-2.5)))
        #expect(try ConditionParser.parse("t == \"it's\"") == .comparison(question: "t", op: .equal, value: .string("it's")))
        #expect(try ConditionParser.parse("t == 'it''s'") == .comparison(question: "t", op: .equal, value: .string("it's")))
    }

    @Test func inList() throws {
        #expect(
            try ConditionParser.parse("filer-status in ['large-accelerated', 'accelerated']")
                == .membership(question: "filer-status", values: [.string("large-accelerated"), .string("accelerated")]))
        #expect(try ConditionParser.parse("n in [1]") == .membership(question: "n", values: [.number(1)]))
    }

    @Test func containsAndAnswered() throws {
        #expect(try ConditionParser.parse("hosting contains 'iaas'") == .contains(question: "hosting", value: .string("iaas")))
        #expect(try ConditionParser.parse("answered( cutover-date )") == .answered(question: "cutover-date"))
    }

    @Test func referencedQuestionsInOrder() throws {
        let parsed = try ConditionParser.parse("a == 'x' or (not answered(b) and c contains 'y')")
        #expect(parsed.referencedQuestions == ["a", "b", "c"])
    }

    // MARK: - Rejections, each with the offset of the offending token

    @Test(arguments: [
        ("", 0, "ends too early"),
        ("a", 1, "expected an operator"),
        ("a =", 2, "'=' is not an operator"),
        ("a = 'x'", 2, "expected '=='"),
        ("a ! 'x'", 2, "'!' is not an operator"),
        ("a == 'x", 5, "unterminated string"),
        ("a ==", 4, "expected a value"),
        ("a == x", 5, "'x' is not a value"),
        ("a == 2027-02-30", 5, "not a calendar date"),
        ("a == 'x' b", 9, "after a complete condition"),
        ("(a == 'x'", 9, "expected ')'"),
        ("(a == 'x' b", 10, "expected ')'"),
        ("a in 'x'", 5, "expected '[' after 'in'"),
        ("a in ['x' 'y']", 10, "expected ',' or ']'"),
        ("a in []", 6, "expected a value"),
        ("and == 'x'", 0, "unexpected 'and'"),
        ("A == 'x'", 0, "not a question id"),
        ("a == 'x' & b == 'y'", 9, "unexpected character"),
        ("answered(a", 10, "expected ')' to close answered(a"),
        ("answered(a b", 11, "expected ')' to close answered(a"),
        ("answered('a')", 9, "expected a question id"),
        ("a == 'x' or", 11, "ends too early"),
        ("not", 3, "ends too early"),
        ("a contains", 10, "expected a value"),
        ("a >= >= 1", 5, "expected a value"),
    ])
    func rejects(text: String, offset: Int, message: String) {
        #expect {
            _ = try ConditionParser.parse(text)
        } throws: { error in
            guard let error = error as? ConditionParser.SyntaxError else { return false }
            return error.offset == offset && error.message.contains(message)
        }
    }
}
