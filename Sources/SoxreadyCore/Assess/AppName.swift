/// The rules for a name a person types (an application's, a preparer's, a reviewer's): one line,
/// no control characters, not a wizard command; stored exactly as trimmed.
public enum AppName {
    /// The longest name accepted, in characters.
    public static let maximumLength = 120

    /// The name trimmed of surrounding whitespace, when it is acceptable.
    ///
    /// - Throws: ``AssessFlowError/invalidAppName(_:)`` for an empty name, one longer than
    ///   ``maximumLength``, one with a control character (a NUL, a line break, an escape), a
    ///   bidirectional override, or one that looks like a wizard command (`:quit`, `?`).
    public static func validated(_ text: String, field: String = "the application name") throws(AssessFlowError) -> String {
        if let problem = problem(in: text, field: field) { throw .invalidAppName("\(problem.message); \(problem.expected)") }
        return text.trimmingWhitespace
    }

    /// What is wrong with `text` as a name, nil when it is acceptable (see ``validated(_:field:)``).
    ///
    /// - Parameters:
    ///   - text: The name as typed or read from a file.
    ///   - field: How the message names it ("the application name", "app", "--prepared-by").
    /// - Returns: The problem ("app holds a control character (U+0000)") and what was expected.
    public static func problem(in text: String, field: String) -> (message: String, expected: String)? {
        let name = text.trimmingWhitespace
        let example = ["the application name", "app", "--app"].contains(field) ? "General Ledger" : "Dana Lee"
        guard !name.isEmpty else { return ("\(field) is empty", "expected a name such as \(example)") }
        if let scalar = name.unicodeScalars.first(where: isForbidden) {
            let code = "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
            // The bidirectional controls are named as controls; zero-width and other format characters as invisible.
            let bidi = [0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069].contains(scalar.value)
            let kind = scalar.properties.generalCategory == .format && !bidi ? "an invisible formatting character" : "a control character"
            return ("\(field) holds \(kind) (\(code))", "expected letters, digits, spaces and punctuation on one line")
        }
        guard name.count <= maximumLength else {
            return ("\(field) has \(name.count) characters", "expected at most \(maximumLength)")
        }
        guard !name.hasPrefix(":"), name != "?" else {
            return ("'\(name)' looks like a wizard command, not a name", "expected a name such as \(example)")
        }
        return nil
    }

    /// C0 and C1 controls, DEL, and every invisible formatting character (Unicode category Cf:
    /// the bidirectional marks, embeddings, overrides and isolates, zero-width spaces and joiners,
    /// the soft hyphen, the byte-order mark): the characters no name may hold. An invisible one
    /// would make two names that read the same differ ("Dana\u{200B}Lee" is not "Dana Lee"), so
    /// that a preparer could approve their own run.
    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        default: scalar.properties.generalCategory == .format
        }
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
