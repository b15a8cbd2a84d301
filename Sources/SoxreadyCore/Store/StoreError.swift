/// Why the store could not do what was asked. Each case maps to one documented exit code.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another process held the store longer than the wait allowed; nothing was written (exit 75).
    case busy(location: String, waitedSeconds: Double)
    /// The store cannot be created or opened: a missing folder, permissions, a read-only medium
    /// (exit 73).
    case cannotOpen(location: String, reason: String)
    /// There is no store at this location yet (a reading command never creates one; exit 66).
    case notFound(location: String)
    /// The location holds something that is not a soxready store, or a damaged one (exit 74).
    case notAStore(location: String, reason: String)
    /// The store was written by a newer soxready (its schema is newer than this one knows); it is
    /// never written by this version (exit 74). `found` says what was found: the schema version,
    /// and the migrations this version does not know.
    case newerSchema(location: String, found: String)
    /// No application with this name has been assessed (exit 66).
    case appNotFound(name: String, known: [String])
    /// The application has no run with this number, or no run at all (exit 66).
    case runNotFound(app: String, number: Int?, latest: Int?)
    /// The application has no unfinished draft (exit 66).
    case draftNotFound(app: String)
    /// Another session holds the application's draft (exit 75; `--take-over` takes it).
    case draftHeld(app: String, holder: DraftHolder)
    /// This session held the application's draft and has lost it: another session took it over
    /// (`holder`, nil when that one has let it go since), or recorded or discarded it. The
    /// session stops; what it saved before is in the draft, `unsaved` (a question id) is not.
    /// Exit 75.
    case draftLost(app: String, holder: DraftHolder?, unsaved: String?)
    /// A read or write failed (exit 74).
    case io(location: String, reason: String)
    /// Another application already has this name (exit 65).
    case appNameTaken(String)
    /// The reviewer prepared the run: the preparer can never approve their own run (exit 77).
    case selfApproval(app: String, run: Int, name: String, preparer: String)
    /// The run's fingerprint is not the one the sign-off names (exit 65).
    case fingerprintChanged(app: String, run: Int)
    /// `--store` (or `$SOXREADY_STORE`) is a PostgreSQL URL that cannot be read (exit 64).
    case invalidLocation(location: String, reason: String)
    /// The database server cannot be reached or gave no answer in time: refused, unknown host,
    /// timeout, TLS failure, a missing database (exit 74).
    case connectionFailed(location: String, reason: String)
    /// The database server refused the user: a wrong password, no password, an unknown role, or
    /// a permission the role lacks (exit 74).
    case accessDenied(location: String, reason: String)
    /// An application exported from another store does not hold together (a fingerprint or
    /// link that does not recompute), or it clashes with one already there; nothing of it was
    /// written (exit 65).
    case importRefused(app: String, reason: String)

    /// One line for the user: what went wrong with which store, application or run, whether anything was
    /// recorded, and what to do next.
    public var description: String {
        switch self {
        case .busy(let location, let seconds):
            return "the store \(location) is busy: another soxready process is writing and did not finish within "
                + "\(NumberText.plain(seconds)) s; nothing was recorded, try again"
        case .cannotOpen(let location, let reason):
            return "cannot open the store \(location): \(reason)"
        case .notFound(let location):
            return "there is no store at \(location) yet; record a run with 'soxready assess' first, or give the right --store"
        case .notAStore(let location, let reason):
            return "\(location) is not a usable soxready store: \(reason); move it aside and restore it from a backup, "
                + "or use another --store"
        case .newerSchema(let location, let found):
            return "the store \(location) was written by a newer soxready (schema \(found)); this version does not "
                + "change it: use the newer soxready"
        case .appNotFound(let name, let known):
            let hint =
                known.isEmpty
                ? "no application has been assessed in this store yet"
                : "known applications: \(known.prefix(10).joined(separator: ", "))\(known.count > 10 ? ", …" : "")"
            return "no application named '\(name)' in the store; \(hint)"
        case .runNotFound(let app, let number, let latest):
            if let number {
                return "application '\(app)' has no run \(number)" + (latest.map { "; runs go from 1 to \($0)" } ?? "")
            }
            return "application '\(app)' has no recorded run yet"
        case .draftNotFound(let app):
            return "application '\(app)' has no unfinished assessment to resume"
        case .draftHeld(let app, let holder):
            return "the unfinished assessment of '\(app)' is open in another session: \(holder.description); "
                + "finish or quit it there, or take it over with --take-over"
        case .draftLost(let app, let holder, let unsaved):
            let lost =
                holder.map { "was taken over by \($0.description)" }
                ?? "is no longer held by this session (another session took it over and has let it go, recorded it or started again)"
            let last = unsaved.map { "the last change made here (\($0)) was not saved" } ?? "no run was recorded"
            return "the unfinished assessment of '\(app)' \(lost): this session stops; the answers it saved are in that draft, \(last)"
        case .io(let location, let reason):
            return "the store \(location) could not be read or written: \(reason)"
        case .appNameTaken(let name):
            return "an application named '\(name)' already exists; choose another name"
        case .selfApproval(let app, let run, let name, let preparer):
            let who = name == preparer ? preparer : "\(name) is \(preparer), who"
            return "\(who) prepared run \(run) of '\(app)' and cannot approve it: the preparer never approves their own run; "
                + "another reviewer must sign off (nothing was recorded)"
        case .fingerprintChanged(let app, let run):
            return "run \(run) of '\(app)' does not have the fingerprint the sign-off names; run soxready verify (nothing was recorded)"
        case .invalidLocation(let location, let reason):
            return "the store \(location) is not a usable PostgreSQL URL: \(reason)"
        case .connectionFailed(let location, let reason):
            return "cannot reach the store \(location): \(reason)"
        case .accessDenied(let location, let reason):
            return "the database server of \(location) refused access: \(reason)"
        case .importRefused(let app, let reason):
            return "cannot copy '\(app)': \(reason); nothing of it was written"
        }
    }

    /// The sysexits code for this error.
    public var exitStatus: ExitStatus {
        switch self {
        case .busy, .draftHeld, .draftLost: .storeBusy
        case .cannotOpen: .cannotCreate
        case .notFound, .appNotFound, .runNotFound, .draftNotFound: .noInput
        case .io, .notAStore, .newerSchema, .connectionFailed, .accessDenied: .ioError
        case .selfApproval: .noPermission
        case .fingerprintChanged, .appNameTaken, .importRefused: .dataError
        case .invalidLocation: .usage
        }
    }
}
