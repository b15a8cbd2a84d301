/// Parses `when` condition text into a ``Condition``.
///
/// Grammar (QUESTIONNAIRE-FORMAT.md), lowest precedence first:
/// ```
/// expr  := or ;  or := and ("or" and)* ;  and := not ("and" not)* ;  not := "not" not | atom
/// atom  := "(" expr ")" | ID op value | ID "in" "[" value ("," value)* "]" | ID "contains" value
///        | "answered(" ID ")"
/// op    := "==" | "!=" | "<" | "<=" | ">" | ">="
/// value := 'quoted string' | number | YYYY-MM-DD
/// ```
/// Parsing checks syntax only; ``QuestionnaireLoader`` checks references and types.
public struct ConditionParser {
    /// A syntax error: what is wrong, what was expected, and where in the text (0-based offset
    /// in Unicode scalars).
    public struct SyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
        /// Offset of the offending token in the condition text, in Unicode scalars from 0.
        public var offset: Int
        /// What is wrong and what was expected.
        public var message: String
        /// `at offset N: MESSAGE`.
        public var description: String { "at offset \(offset): \(message)" }
    }

    /// Parses `text`.
    ///
    /// - Parameter text: The condition, for example `hosting contains 'iaas' and not answered(x)`.
    /// - Returns: The condition tree.
    /// - Throws: ``SyntaxError`` with the offset of the first offending token.
    public static func parse(_ text: String) throws(SyntaxError) -> Condition {
        var parser = ConditionParser(tokens: try tokenize(text), length: text.unicodeScalars.count)
        let condition = try parser.parseOr().condition
        if let token = parser.peek {
            throw SyntaxError(
                offset: token.offset,
                message: "unexpected \(token.kind.display) after a complete condition; expected 'and', 'or' or the end")
        }
        return condition
    }

    // MARK: - Tokens

    enum Kind: Equatable {
        case word(String)
        case string(String)
        case op(ComparisonOperator)
        case leftParen, rightParen, leftBracket, rightBracket, comma

        var display: String {
            switch self {
            case .word(let word): "'\(word)'"
            case .string(let text): "string '\(text)'"
            case .op(let op): "'\(op.rawValue)'"
            case .leftParen: "'('"
            case .rightParen: "')'"
            case .leftBracket: "'['"
            case .rightBracket: "']'"
            case .comma: "','"
            }
        }
    }

    struct Token: Equatable {
        var kind: Kind
        var offset: Int
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".", "+": true
        default: false
        }
    }

    static func tokenize(_ text: String) throws(SyntaxError) -> [Token] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [Token] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let start = index
            switch scalar {
            case " ", "\t", "\n", "\r":
                index += 1
            case "(":
                tokens.append(Token(kind: .leftParen, offset: start))
                index += 1
            case ")":
                tokens.append(Token(kind: .rightParen, offset: start))
                index += 1
            case "[":
                tokens.append(Token(kind: .leftBracket, offset: start))
                index += 1
            case "]":
                tokens.append(Token(kind: .rightBracket, offset: start))
                index += 1
            case ",":
                tokens.append(Token(kind: .comma, offset: start))
                index += 1
            case "'", "\"":
                let quote = scalar
                var content = String.UnicodeScalarView()
                index += 1
                var closed = false
                while index < scalars.count {
                    if scalars[index] == quote {
                        // A doubled quote inside the string stands for one quote character.
                        if index + 1 < scalars.count, scalars[index + 1] == quote {
                            content.append(quote)
                            index += 2
                            continue
                        }
                        closed = true
                        index += 1
                        break
                    }
                    content.append(scalars[index])
                    index += 1
                }
                guard closed else {
                    throw SyntaxError(offset: start, message: "unterminated string; expected a closing \(quote == "'" ? "'" : "\"")")
                }
                tokens.append(Token(kind: .string(String(content)), offset: start))
            case "=", "!", "<", ">":
                let next: Unicode.Scalar? = index + 1 < scalars.count ? scalars[index + 1] : nil
                let op: ComparisonOperator
                switch (scalar, next) {
                case ("=", "="):
                    op = .equal
                    index += 2
                case ("!", "="):
                    op = .notEqual
                    index += 2
                case ("<", "="):
                    op = .lessOrEqual
                    index += 2
                case (">", "="):
                    op = .greaterOrEqual
                    index += 2
                case ("<", _):
                    op = .less
                    index += 1
                case (">", _):
                    op = .greater
                    index += 1
                case ("=", _):
                    throw SyntaxError(offset: start, message: "'=' is not an operator; expected '==' to compare")
                default:
                    throw SyntaxError(offset: start, message: "'!' is not an operator; expected '!=' or 'not'")
                }
                tokens.append(Token(kind: .op(op), offset: start))
            default:
                guard isWordScalar(scalar) else {
                    throw SyntaxError(
                        offset: start,
                        message:
                            "unexpected character '\(scalar.escaped(asASCII: true))'; expected a question id, an operator, a value or a parenthesis"
                    )
                }
                var word = String.UnicodeScalarView()
                while index < scalars.count, isWordScalar(scalars[index]) {
                    word.append(scalars[index])
                    index += 1
                }
                tokens.append(Token(kind: .word(String(word)), offset: start))
            }
        }
        return tokens
    }

    // MARK: - Recursive descent

    /// The deepest a condition may nest (parentheses, `not`, and each `and`/`or` joining
    /// another term): QUESTIONNAIRE-FORMAT.md bounds it, so that no file can exhaust the stack.
    public static let maximumDepth = 64

    var tokens: [Token]
    /// Parentheses and `not`s open at the current position (bounds the parser's own recursion).
    var nesting = 0
    var position = 0
    let length: Int

    init(tokens: [Token], length: Int) {
        self.tokens = tokens
        self.length = length
    }

    var peek: Token? { position < tokens.count ? tokens[position] : nil }

    mutating func advance() -> Token? {
        defer { position += 1 }
        return peek
    }

    func isKeyword(_ token: Token?, _ keyword: String) -> Bool {
        if case .word(let word)? = token?.kind { return word == keyword }
        return false
    }

    func endError(_ expected: String) -> SyntaxError {
        SyntaxError(offset: length, message: "the condition ends too early; expected \(expected)")
    }

    /// Throws when a subtree ending at `offset` would be deeper than ``maximumDepth``.
    func checkDepth(_ depth: Int, at offset: Int) throws(SyntaxError) {
        if depth > Self.maximumDepth {
            throw SyntaxError(
                offset: offset,
                message: "the condition nests more than \(Self.maximumDepth) levels deep; "
                    + "expected at most \(Self.maximumDepth) (split it, or use 'in [...]')")
        }
    }

    mutating func parseOr() throws(SyntaxError) -> (condition: Condition, depth: Int) {
        var (result, depth) = try parseAnd()
        while isKeyword(peek, "or") {
            let offset = peek?.offset ?? length
            position += 1
            let (rhs, rhsDepth) = try parseAnd()
            depth = Swift.max(depth, rhsDepth) + 1
            try checkDepth(depth, at: offset)
            result = .or(result, rhs)
        }
        return (result, depth)
    }

    mutating func parseAnd() throws(SyntaxError) -> (condition: Condition, depth: Int) {
        var (result, depth) = try parseNot()
        while isKeyword(peek, "and") {
            let offset = peek?.offset ?? length
            position += 1
            let (rhs, rhsDepth) = try parseNot()
            depth = Swift.max(depth, rhsDepth) + 1
            try checkDepth(depth, at: offset)
            result = .and(result, rhs)
        }
        return (result, depth)
    }

    mutating func parseNot() throws(SyntaxError) -> (condition: Condition, depth: Int) {
        if isKeyword(peek, "not") {
            let offset = peek?.offset ?? length
            nesting += 1
            try checkDepth(nesting, at: offset)
            defer { nesting -= 1 }
            position += 1
            let (operand, depth) = try parseNot()
            try checkDepth(depth + 1, at: offset)
            return (.not(operand), depth + 1)
        }
        return try parseAtom()
    }

    static let keywords: Set<String> = ["and", "or", "not", "in", "contains"]

    mutating func parseAtom() throws(SyntaxError) -> (condition: Condition, depth: Int) {
        guard let token = advance() else { throw endError("a question id, 'not', 'answered(' or '('") }
        switch token.kind {
        case .leftParen:
            nesting += 1
            try checkDepth(nesting, at: token.offset)
            defer { nesting -= 1 }
            let inner = try parseOr()
            guard let close = advance() else { throw endError("')'") }
            guard close.kind == .rightParen else {
                throw SyntaxError(offset: close.offset, message: "unexpected \(close.kind.display); expected ')' or 'and'/'or'")
            }
            return inner
        case .word(let word) where word == "answered" && peek?.kind == .leftParen:
            position += 1
            let id = try parseQuestionID()
            guard let close = advance() else { throw endError("')' to close answered(\(id)") }
            guard close.kind == .rightParen else {
                throw SyntaxError(offset: close.offset, message: "unexpected \(close.kind.display); expected ')' to close answered(\(id)")
            }
            return (.answered(question: id), 1)
        case .word(let word):
            guard !ConditionParser.keywords.contains(word) else {
                throw SyntaxError(offset: token.offset, message: "unexpected '\(word)'; expected a question id, 'not', 'answered(' or '('")
            }
            guard ConditionParser.isQuestionID(word) else {
                throw SyntaxError(offset: token.offset, message: "'\(word)' is not a question id; expected [a-z0-9-]+")
            }
            return (try parseTest(question: word), 1)
        default:
            throw SyntaxError(
                offset: token.offset, message: "unexpected \(token.kind.display); expected a question id, 'not', 'answered(' or '('")
        }
    }

    mutating func parseQuestionID() throws(SyntaxError) -> String {
        guard let token = advance() else { throw endError("a question id") }
        guard case .word(let word) = token.kind, ConditionParser.isQuestionID(word),
            !ConditionParser.keywords.contains(word)
        else {
            throw SyntaxError(offset: token.offset, message: "unexpected \(token.kind.display); expected a question id")
        }
        return word
    }

    mutating func parseTest(question id: String) throws(SyntaxError) -> Condition {
        guard let token = advance() else {
            throw endError("an operator (==, !=, <, <=, >, >=, in, contains) after '\(id)'")
        }
        switch token.kind {
        case .op(let op):
            return .comparison(question: id, op: op, value: try parseValue())
        case .word("in"):
            guard let open = advance() else { throw endError("'[' after 'in'") }
            guard open.kind == .leftBracket else {
                throw SyntaxError(offset: open.offset, message: "unexpected \(open.kind.display); expected '[' after 'in'")
            }
            var values = [try parseValue()]
            while true {
                guard let next = advance() else { throw endError("',' or ']'") }
                if next.kind == .rightBracket { break }
                guard next.kind == .comma else {
                    throw SyntaxError(offset: next.offset, message: "unexpected \(next.kind.display); expected ',' or ']'")
                }
                values.append(try parseValue())
            }
            return .membership(question: id, values: values)
        case .word("contains"):
            return .contains(question: id, value: try parseValue())
        default:
            throw SyntaxError(
                offset: token.offset,
                message: "unexpected \(token.kind.display) after '\(id)'; expected an operator (==, !=, <, <=, >, >=, in, contains)")
        }
    }

    mutating func parseValue() throws(SyntaxError) -> ConditionValue {
        guard let token = advance() else { throw endError("a value ('quoted string', number or YYYY-MM-DD)") }
        switch token.kind {
        case .string(let text):
            return .string(text)
        case .word(let word):
            if let date = CalendarDate(word) { return .date(date) }
            if word.count == 10, word.filter({ $0 == "-" }).count == 2, word.first?.isNumber == true {
                throw SyntaxError(offset: token.offset, message: "'\(word)' is not a calendar date; expected YYYY-MM-DD naming a real day")
            }
            if let number = Double(word), number.isFinite,
                word.unicodeScalars.allSatisfy({ "0123456789.-+eE".unicodeScalars.contains($0) })
            {
                return .number(number)
            }
            throw SyntaxError(offset: token.offset, message: "'\(word)' is not a value; expected a 'quoted string', a number or YYYY-MM-DD")
        default:
            throw SyntaxError(
                offset: token.offset, message: "unexpected \(token.kind.display); expected a value ('quoted string', number or YYYY-MM-DD)")
        }
    }

    static func isQuestionID(_ word: String) -> Bool { Identifier.isValid(word) }
}
