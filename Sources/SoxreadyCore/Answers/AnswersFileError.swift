import Foundation
import Yams

/// Why an answers file was rejected.
public enum AnswersFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be read (exit 66).
    case unreadable(path: String, reason: String)
    /// Every problem found, each with line, column and question id (exit 65).
    case invalid([Diagnostic])

    /// `PATH: cannot read the answers file: REASON`, or every diagnostic on its own line.
    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "\(path): cannot read the answers file: \(reason)"
        case .invalid(let list): list.map(\.description).joined(separator: "\n")
        }
    }

    /// 66 for an unreadable file, 65 for invalid content.
    public var exitStatus: ExitStatus {
        switch self {
        case .unreadable: .noInput
        case .invalid: .dataError
        }
    }
}
