/// One problem found in an input file, printed as `FILE:LINE:COLUMN: error: MESSAGE; expected EXPECTED`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// Line and column, when known.
    public var location: SourceLocation?
    /// What is wrong, as a lower-case fragment naming the offending value.
    public var message: String
    /// What was expected, or a "did you mean" hint; nil when there is nothing to add.
    public var expected: String?
    /// An error (the file is refused) or a warning (the file loads; something is ignored).
    public var severity: Severity

    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    /// Creates a diagnostic.
    public init(file: String, location: SourceLocation?, message: String, expected: String? = nil, severity: Severity = .error) {
        self.file = file
        self.location = location
        self.message = message
        self.expected = expected
        self.severity = severity
    }

    /// The compiler-style line: `FILE:LINE:COLUMN: error: message; expected` (or `warning:`).
    public var description: String {
        let place = location.map { "\(file):\($0.line):\($0.column)" } ?? file
        let hint = expected.map { "; \($0)" } ?? ""
        return "\(place): \(severity.rawValue): \(message)\(hint)"
    }
}

extension Diagnostic {
    /// The error of a file that is not UTF-8 text, at its first offending byte.
    public static func notUTF8(_ invalid: UTF8Text.Invalid, file: String) -> Diagnostic {
        Diagnostic(file: file, location: invalid.location, message: "the file is not UTF-8 text: \(invalid.description)",
                   expected: "expected UTF-8 text (save it as UTF-8)")
    }
}
