/// Why the store could not do what was asked.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another process holds the write lock longer than the wait allowed (exit 75).
    case busy(path: String, waitedSeconds: Double)
    /// The store file or its folder cannot be created or opened (exit 73).
    case cannotOpen(path: String, reason: String)
    /// No application with this name has been assessed (exit 66).
    case appNotFound(name: String, known: [String])
    /// The application has no run with this number, or no run at all (exit 66).
    case runNotFound(app: String, number: Int?, latest: Int?)
    /// A read or write failed (exit 74).
    case io(path: String, reason: String)

    public var description: String {
        switch self {
        case .busy(let path, let seconds):
            return "the store \(path) is busy: another soxready process is writing and did not finish within \(formatNumber(seconds)) s; nothing was recorded, try again"
        case .cannotOpen(let path, let reason):
            return "cannot open the store \(path): \(reason)"
        case .appNotFound(let name, let known):
            let hint = known.isEmpty ? "no application has been assessed in this store yet"
                : "known applications: \(known.prefix(10).joined(separator: ", "))\(known.count > 10 ? ", …" : "")"
            return "no application named '\(name)' in the store; \(hint)"
        case .runNotFound(let app, let number, let latest):
            if let number {
                return "application '\(app)' has no run \(number)" + (latest.map { "; runs go from 1 to \($0)" } ?? "")
            }
            return "application '\(app)' has no recorded run yet"
        case .io(let path, let reason):
            return "the store \(path) could not be read or written: \(reason)"
        }
    }

    /// The sysexits code for this error (75, 73, 66 or 74).
    public var exitStatus: ExitStatus {
        switch self {
        case .busy: .storeBusy
        case .cannotOpen: .cannotCreate
        case .appNotFound, .runNotFound: .noInput
        case .io: .ioError
        }
    }
}
