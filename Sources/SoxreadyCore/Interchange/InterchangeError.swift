/// Why an interchange format (docs/export.md) cannot be written for a run.
public enum InterchangeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The run has no open gap, and an OSCAL plan of action and milestones needs at least one
    /// item (`poam-items` has a minimum of one): the application, the run number.
    case nothingToPlan(app: String, run: Int)

    /// The message for the user.
    public var description: String {
        switch self {
        case .nothingToPlan(let app, let run):
            "run \(run) of \(app) has no open gap, so there is no plan of action and milestones to write "
                + "(OSCAL requires at least one poam-item); --format oscal-ar records the run and its result"
        }
    }

    /// The exit status: 65 (data error), as for any input that cannot give the output asked for.
    public var exitStatus: ExitStatus { .dataError }
}
