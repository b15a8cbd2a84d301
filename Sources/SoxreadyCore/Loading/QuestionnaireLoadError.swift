/// Why a questionnaire could not be loaded.
public enum QuestionnaireLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be read (`path`, reason). Exit code 66.
    case unreadable(path: String, reason: String)
    /// The file was read but breaks the format; every problem found, in file order. Exit code 65.
    case invalid([Diagnostic])
    /// No questionnaire with this id (and version) in the search path; `available` lists the
    /// `id@version` of those found. Exit code 66.
    case notFound(reference: String, searched: [String], available: [String])

    /// Every diagnostic, one per line, or the single reason.
    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "\(path): cannot read the questionnaire: \(reason)"
        case .invalid(let diagnostics):
            return diagnostics.map(\.description).joined(separator: "\n")
        case .notFound(let reference, let searched, let available):
            let places = searched.isEmpty ? "no folders" : searched.joined(separator: ", ")
            let id = String(reference.split(separator: "@").first ?? "")
            let ids = Array(Set(available.map { String($0.split(separator: "@").first ?? "") })).sorted()
            var text = "no questionnaire '\(reference)' found; looked in \(places)"
            if let suggestion = EditDistance.suggestion(for: id, among: ids), suggestion != id {
                text += "; did you mean '\(suggestion)'?"
            }
            let shown = available.prefix(8).joined(separator: ", ") + (available.count > 8 ? ", …" : "")
            text += available.isEmpty ? "; none is available there" : "; available: \(shown) (soxready questionnaire list shows all)"
            return text
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
