/// Why the assess flow stopped, beyond the errors of the store, the questionnaire and the
/// answers file (which it passes on as they are).
public enum AssessFlowError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The application's name is not acceptable (empty, a control character, a command word).
    case invalidAppName(String)
    /// No application name was given (no `--app`, no `app:` in the answers file). Exit 64.
    case noAppName(answersPath: String)
    /// `--app` and the answers file's `app:` name different applications. Exit 65.
    case appNameMismatch(given: String, inFile: String, answersPath: String)
    /// No preparer: no `--prepared-by` and no `preparedBy:` in the answers file. Exit 64.
    case noPreparer(answersPath: String)
    /// `--prepared-by` and the answers file's `preparedBy:` name different people. Exit 65.
    case preparerMismatch(given: String, inFile: String, answersPath: String)
    /// `--update` or `--only-gaps` needs a recorded run and there is none. Exit 66 or 64.
    case needsRecordedRun(app: String, option: String)
    /// Input ended at a question the flow asks (the application's name, resume or not). Exit 66.
    case inputEnded(while: String)
    /// Three answers in a row were not understood at a question the flow asks. Exit 65.
    case noAnswer(to: String)
    /// The run was recorded, but its plans could not be written. Exit 73.
    case recordedWithoutPlans(run: Int, app: String, fingerprint: String, reason: String)
    /// The plans cannot be written, so nothing was recorded; with `resume`, the wizard's answers
    /// stay saved and this command resumes them. Exit 73.
    case plansCannotBeWritten(reason: String, resume: String?)

    /// One line for the user: why the flow stopped and what to do (give `--app`, change the file, resume or
    /// write the plans with `soxready report`).
    public var description: String {
        switch self {
        case .invalidAppName(let reason):
            return reason
        case .noAppName(let path):
            return "no application name: give --app NAME or app: in \(path)"
        case .appNameMismatch(let given, let inFile, let path):
            return "\(path) is for the application '\(inFile)', not '\(given)'; use --app '\(inFile)' or change app: in the file"
        case .noPreparer(let path):
            return "no preparer: give --prepared-by NAME or preparedBy: in \(path) (the person who attests that the answers are "
                + "complete and accurate)"
        case .preparerMismatch(let given, let inFile, let path):
            return "\(path) was prepared by '\(inFile)', not '\(given)'; use --prepared-by '\(inFile)' or change preparedBy: in the file"
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
            return "the plans cannot be written (\(reason)), so nothing was recorded"
                + (resume.map { "; every answer is saved: fix that and resume with \($0)" } ?? "")
        }
    }

    /// The sysexits code.
    public var exitStatus: ExitStatus {
        switch self {
        case .invalidAppName, .appNameMismatch, .noAnswer, .preparerMismatch: .dataError
        case .noAppName, .noPreparer: .usage
        case .needsRecordedRun(_, let option): option == "--only-gaps" ? .usage : .noInput
        case .inputEnded: .noInput
        case .recordedWithoutPlans, .plansCannotBeWritten: .cannotCreate
        }
    }
}
