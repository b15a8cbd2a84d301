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
    /// For the line that stands for the errors past the first ``maximumListed``: how many it
    /// stands for (0 for every other diagnostic).
    public var unlisted = 0

    /// The most errors listed for one file; the rest are counted in one more line.
    public static let maximumListed = 100

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
        Diagnostic(
            file: file, location: invalid.location, message: "the file is not UTF-8 text: \(invalid.description)",
            expected: "expected UTF-8 text (save it as UTF-8)")
    }
}

extension Diagnostic {
    /// The line after the first ``maximumListed`` errors: "… and 9,900 more problems, not listed".
    public static func unlisted(_ count: Int, file: String) -> Diagnostic {
        var diagnostic = Diagnostic(
            file: file, location: nil,
            message: "… and \(grouped(count)) more problem\(count == 1 ? "" : "s"), not listed",
            expected: "expected the file checked again once the listed ones are fixed")
        diagnostic.unlisted = count
        return diagnostic
    }

    /// `199900` as "199,900".
    public static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return (number < 0 ? "-" : "") + result
    }
}

extension Array where Element == Diagnostic {
    /// How many problems the list stands for: those listed and those counted past them.
    public var problemCount: Int { reduce(0) { $0 + ($1.unlisted > 0 ? $1.unlisted : 1) } }
}
