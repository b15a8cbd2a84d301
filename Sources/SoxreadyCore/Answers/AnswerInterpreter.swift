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
        /// The ``message``.
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
            if mode == .exact {
                let parts = trimmed.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }).map(String.init)
                return try choices(parts, for: question, mode: mode)
            }
            return try choices(items(of: trimmed, in: question), for: question, mode: mode)
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

    /// Splits a typed multi answer into items: on commas, except inside a label that holds commas
    /// ("Yes, with conditions"); an item that is no choice but holds spaces is split on them only
    /// when every word is a choice id or number ("iaas paas", "1 3"). Labels with spaces
    /// ("R&D / Ops") stay whole.
    static func items(of text: String, in question: Question) throws(Rejection) -> [String] {
        let pieces = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var items: [String] = []
        var index = 0
        while index < pieces.count {
            // The longest run of pieces joined by commas that is a label or id exactly.
            var end = pieces.count - 1
            var joinedMatch = false
            while end > index {
                if exactChoice(pieces[index...end].joined(separator: ",").trimmingWhitespace, in: question) != nil {
                    joinedMatch = true
                    break
                }
                end -= 1
            }
            if joinedMatch {
                items.append(pieces[index...end].joined(separator: ",").trimmingWhitespace)
                index = end + 1
                continue
            }
            let item = pieces[index].trimmingWhitespace
            index += 1
            if item.isEmpty { continue }
            do {
                _ = try choice(item, in: question, mode: .interactive)
                items.append(item)
            } catch {
                let words = item.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
                let allExact =
                    words.count > 1
                    && words.allSatisfy { word in
                        exactChoice(word, in: question) != nil || Int(word).map { $0 >= 1 && $0 <= question.choices.count } == true
                    }
                guard allExact else { throw error }
                items += words
            }
        }
        return items
    }

    /// The choice whose id or label is `text` (case-insensitive), if any.
    static func exactChoice(_ text: String, in question: Question) -> Choice? {
        let lower = text.lowercased()
        return question.choices.first { $0.id.lowercased() == lower } ?? question.choices.first { $0.label.lowercased() == lower }
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
            // An exact label wins over the labels it begins ("Yes" against "Yes, with conditions").
            if let exact = exactChoice(text, in: question) { return exact.id }
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

    /// True for a decimal number: an optional sign, digits (single underscores only between
    /// digits, as in `1_000`), an optional fraction and an optional exponent.
    static func isNumberLiteral(_ text: String) -> Bool {
        var characters = Substring(text)
        if characters.first == "+" || characters.first == "-" { characters = characters.dropFirst() }
        func digits(_ part: Substring, allowUnderscores: Bool) -> Bool {
            guard let first = part.first, let last = part.last, first.isASCII, first.isNumber, last.isASCII, last.isNumber else {
                return false
            }
            var previous: Character = " "
            for character in part {
                if character == "_" {
                    guard allowUnderscores, previous != "_" else { return false }
                } else if !(character.isASCII && character.isNumber) {
                    return false
                }
                previous = character
            }
            return true
        }
        let exponentSplit = characters.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "e" || $0 == "E" })
        guard exponentSplit.count <= 2 else { return false }
        if exponentSplit.count == 2 {
            var exponent = exponentSplit[1]
            if exponent.first == "+" || exponent.first == "-" { exponent = exponent.dropFirst() }
            guard digits(exponent, allowUnderscores: false) else { return false }
        }
        let mantissa = exponentSplit[0].split(separator: ".", omittingEmptySubsequences: false)
        guard mantissa.count <= 2 else { return false }
        if mantissa.count == 2, mantissa[0].isEmpty { return digits(mantissa[1], allowUnderscores: true) }
        return digits(mantissa[0], allowUnderscores: true) && (mantissa.count == 1 || digits(mantissa[1], allowUnderscores: true))
    }

    static func number(_ text: String, for question: Question) throws(Rejection) -> Double {
        guard isNumberLiteral(text), let parsed = Double(text.replacing("_", with: "")), parsed.isFinite else {
            throw Rejection(message: "'\(text)' is not a number; expected \(expectedForm(question))")
        }
        // -0 is 0.
        let value = parsed == 0 ? 0 : parsed
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
