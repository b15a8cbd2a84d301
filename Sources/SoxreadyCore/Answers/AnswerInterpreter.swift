/// Turns the text of an answer into an ``Answer`` for one question, or says why it cannot.
///
/// Answers files use the exact forms (choice ids, lists, numbers, dates, `unknown`, `n/a`); the
/// wizard also accepts a choice's number, an unambiguous prefix of an id or label, and `y`/`p`/`n`
/// (``Mode/interactive``).
public enum AnswerInterpreter {
    /// How forgiving the reading is.
    public enum Mode: Sendable {
        /// Exact choice ids (any case), as in answers files.
        case exact
        /// Also choice numbers, unambiguous prefixes of ids or labels, and y/p/n.
        case interactive
    }

    /// Why a text is not a valid answer: one line saying what was wrong and what was expected.
    public struct Rejection: Error, Sendable, Equatable, CustomStringConvertible {
        /// What is wrong and what was expected.
        public var message: String
        public var description: String { message }
    }

    /// Reads one answer.
    ///
    /// - Parameters:
    ///   - text: What was typed or written (surrounding spaces are ignored).
    ///   - question: The question being answered.
    ///   - mode: ``Mode/exact`` for files, ``Mode/interactive`` for the wizard.
    /// - Returns: The answer.
    /// - Throws: ``Rejection`` naming the problem and the expected form.
    public static func interpret(_ text: String, for question: Question, mode: Mode = .exact) throws(Rejection) -> Answer {
        let trimmed = text.trimmingWhitespace
        let lower = trimmed.lowercased()
        // A choice literally named unknown or none wins over the keyword.
        let choiceNamedLikeKeyword = question.choices.contains { $0.id == lower }
        if !choiceNamedLikeKeyword {
            if lower == "unknown" { return .unknown }
            if lower == "n/a" {
                guard question.notApplicable else {
                    throw Rejection(message: "n/a is not allowed here; expected \(expectedForm(question)) or unknown")
                }
                return .notApplicable
            }
        }
        guard !trimmed.isEmpty else { throw Rejection(message: "the answer is empty; expected \(expectedForm(question))") }
        switch question.type {
        case .choice, .yesNo, .yesPartialNo:
            return .value(.choice(try choice(trimmed, in: question, mode: mode)))
        case .multi:
            if lower == "none" && !choiceNamedLikeKeyword { return .value(.choices([])) }
            let parts = trimmed.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }).map(String.init)
            return try choices(parts, for: question, mode: mode)
        case .number:
            return .value(.number(try number(trimmed, for: question)))
        case .date:
            guard let date = CalendarDate(trimmed) else {
                throw Rejection(message: "'\(trimmed)' is not a calendar date; expected YYYY-MM-DD, such as 2027-03-31")
            }
            return .value(.date(date))
        case .text:
            guard !trimmed.contains(where: { $0.isNewline }) else {
                throw Rejection(message: "the text has a line break; expected one line")
            }
            return .value(.text(trimmed))
        }
    }

    /// Reads a multi answer given as separate items (a YAML list).
    public static func choices(_ items: [String], for question: Question, mode: Mode = .exact) throws(Rejection) -> Answer {
        var selected: Set<String> = []
        for item in items where !item.trimmingWhitespace.isEmpty {
            selected.insert(try choice(item.trimmingWhitespace, in: question, mode: mode))
        }
        // Questionnaire order, no repeats.
        return .value(.choices(question.choices.map(\.id).filter(selected.contains)))
    }

    static func choice(_ text: String, in question: Question, mode: Mode) throws(Rejection) -> String {
        let lower = text.lowercased()
        if let exact = question.choices.first(where: { $0.id.lowercased() == lower }) { return exact.id }
        if mode == .interactive {
            if let index = Int(text), index >= 1, index <= question.choices.count {
                return question.choices[index - 1].id
            }
            if question.type == .yesNo || question.type == .yesPartialNo {
                switch lower {
                case "y": return "yes"
                case "n": return "no"
                case "p" where question.type == .yesPartialNo: return "partial"
                default: break
                }
            }
            let matches = question.choices.filter {
                $0.id.lowercased().hasPrefix(lower) || $0.label.lowercased().hasPrefix(lower)
            }
            if matches.count == 1 { return matches[0].id }
            if matches.count > 1 {
                throw Rejection(message: "'\(text)' could be \(matches.map(\.id).joined(separator: " or ")); type more of it")
            }
        }
        throw Rejection(message: "'\(text)' is not a choice; expected \(expectedForm(question))")
    }

    static func number(_ text: String, for question: Question) throws(Rejection) -> Double {
        let cleaned = text.replacing("_", with: "")
        guard cleaned.unicodeScalars.allSatisfy({ "0123456789.-+eE".unicodeScalars.contains($0) }),
            let value = Double(cleaned), value.isFinite
        else {
            throw Rejection(message: "'\(text)' is not a number; expected \(expectedForm(question))")
        }
        if let min = question.min, value < min {
            throw Rejection(message: "\(NumberText.plain(value)) is below the minimum; expected \(expectedForm(question))")
        }
        if let max = question.max, value > max {
            throw Rejection(message: "\(NumberText.plain(value)) is above the maximum; expected \(expectedForm(question))")
        }
        return value
    }

    /// What a valid answer looks like, for messages: `one of quarterly, annual, none`,
    /// `a number from 0 to 36500 days`, `YYYY-MM-DD`, `one line of text`.
    public static func expectedForm(_ question: Question) -> String {
        switch question.type {
        case .choice, .yesNo, .yesPartialNo:
            return "one of \(question.choices.map(\.id).joined(separator: ", "))"
        case .multi:
            return "choices from \(question.choices.map(\.id).joined(separator: ", ")), separated by commas, or none"
        case .number:
            let range: String
            switch (question.min, question.max) {
            case let (min?, max?): range = " from \(NumberText.plain(min)) to \(NumberText.plain(max))"
            case let (min?, nil): range = " of at least \(NumberText.plain(min))"
            case let (nil, max?): range = " of at most \(NumberText.plain(max))"
            case (nil, nil): range = ""
            }
            return "a number\(range)\(question.unit.map { " \($0)" } ?? "")"
        case .date:
            return "a date YYYY-MM-DD"
        case .text:
            return "one line of text"
        }
    }
}
