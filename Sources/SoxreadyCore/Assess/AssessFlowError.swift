/// Why the assess flow stopped, beyond the errors of the store, the questionnaire and the
/// answers file (which it passes on as they are).
public enum AssessFlowError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The application's name is not acceptable (empty, a control character, a command word).
    case invalidAppName(String)
    /// No application name was given (no `--app`, no `app:` in the answers file). Exit 64.
    case noAppName(answersPath: String)
    /// `--app` and the answers file's `app:` name different applications. Exit 65.
    case appNameMismatch(given: String, inFile: String, answersPath: String)
    /// `--update` or `--only-gaps` needs a recorded run and there is none. Exit 66 or 64.
    case needsRecordedRun(app: String, option: String)
    /// Input ended at a question the flow asks (the application's name, resume or not). Exit 66.
    case inputEnded(while: String)
    /// Three answers in a row were not understood at a question the flow asks. Exit 65.
    case noAnswer(to: String)
    /// The run was recorded, but its plans could not be written. Exit 73.
    case recordedWithoutPlans(run: Int, app: String, fingerprint: String, reason: String)
    /// The plans cannot be written, so nothing was recorded (the answers stay saved). Exit 73.
    case plansCannotBeWritten(reason: String, resume: String?)

    public var description: String {
        switch self {
        case .invalidAppName(let reason):
            return reason
        case .noAppName(let path):
            return "no application name: give --app NAME or app: in \(path)"
        case .appNameMismatch(let given, let inFile, let path):
            return "\(path) is for the application '\(inFile)', not '\(given)'; use --app '\(inFile)' or change app: in the file"
        case .needsRecordedRun(let app, let option):
            return "\(option) needs a recorded run of '\(app)' to take the answers from"
        case .inputEnded(let question):
            return "input ended before \(question) was answered"
        case .noAnswer(let question):
            return "no valid answer to: \(question)"
        case .recordedWithoutPlans(let run, let app, let fingerprint, let reason):
            return "run \(run) of '\(app)' was recorded (fingerprint \(fingerprint.prefix(16))), but its plans could not be written: "
                + "\(reason); do not assess again: write them with soxready report --app '\(app)' --run \(run) --output DIR"
        case .plansCannotBeWritten(let reason, let resume):
            return "the plans cannot be written (\(reason)), so nothing was recorded; every answer is saved"
                + (resume.map { ": fix that and resume with \($0)" } ?? "")
        }
    }

    /// The sysexits code.
    public var exitStatus: ExitStatus {
        switch self {
        case .invalidAppName, .appNameMismatch, .noAnswer: .dataError
        case .noAppName: .usage
        case .needsRecordedRun(_, let option): option == "--only-gaps" ? .usage : .noInput
        case .inputEnded: .noInput
        case .recordedWithoutPlans, .plansCannotBeWritten: .cannotCreate
        }
    }
}
