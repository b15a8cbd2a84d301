/// Why a questionnaire could not be loaded.
public enum QuestionnaireLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be read (`path`, reason). Exit code 66.
    case unreadable(path: String, reason: String)
    /// The file was read but breaks the format; every problem found, in file order. Exit code 65.
    case invalid([Diagnostic])
    /// No questionnaire with this id (and version) in the search path; `available` lists the
    /// `id@version` of those found. Exit code 66.
    case notFound(reference: String, searched: [String], available: [String])
    /// The text given as a questionnaire reference is malformed (`@`, `id@`, `id@x.y`). Exit code 64.
    case invalidReference(QuestionnaireReference.ParseError)

    /// Every diagnostic, one per line, or the single reason.
    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "\(path): cannot read the questionnaire: \(reason)"
        case .invalid(let diagnostics):
            return diagnostics.map(\.description).joined(separator: "\n")
        case .notFound(let reference, let searched, let available):
            let places = searched.isEmpty ? "no folders" : searched.joined(separator: ", ")
            let id = (try? QuestionnaireReference(parsing: reference))?.id ?? reference
            let ids = Array(Set(available.compactMap { (try? QuestionnaireReference(parsing: $0))?.id })).sorted()
            var text = "no questionnaire '\(reference)' found; looked in \(places)"
            if let suggestion = EditDistance.suggestion(for: id, among: ids), suggestion != id {
                text += "; did you mean '\(suggestion)'?"
            }
            let shown = available.prefix(8).joined(separator: ", ") + (available.count > 8 ? ", …" : "")
            text += available.isEmpty ? "; none is available there" : "; available: \(shown) (soxready questionnaire list shows all)"
            return text
        case .invalidReference(let error):
            return error.description
        }
    }

    /// The sysexits code: 65 for invalid content, 66 for a missing or unreadable file, 64 for a
    /// malformed reference.
    public var exitStatus: ExitStatus {
        switch self {
        case .invalid: .dataError
        case .unreadable, .notFound: .noInput
        case .invalidReference: .usage
        }
    }
}
