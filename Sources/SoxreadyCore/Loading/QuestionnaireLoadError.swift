/// Why a questionnaire could not be loaded.
public enum QuestionnaireLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be read (`path`, reason). Exit code 66.
    case unreadable(path: String, reason: String)
    /// The file was read but breaks the format; every problem found, in file order. Exit code 65.
    case invalid([Diagnostic])
    /// No questionnaire with this id (and version) in the search path. Exit code 66.
    case notFound(reference: String, searched: [String])

    /// Every diagnostic, one per line, or the single reason.
    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "\(path): cannot read the questionnaire: \(reason)"
        case .invalid(let diagnostics):
            return diagnostics.map(\.description).joined(separator: "\n")
        case .notFound(let reference, let searched):
            let places = searched.isEmpty ? "no folders" : searched.joined(separator: ", ")
            return "no questionnaire '\(reference)' found; looked in \(places)"
        }
    }

    /// The sysexits code: 65 for invalid content, 66 for a missing or unreadable file.
    public var exitStatus: ExitStatus {
        switch self {
        case .invalid: .dataError
        case .unreadable, .notFound: .noInput
        }
    }
}
