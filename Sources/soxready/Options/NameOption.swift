import ArgumentParser
import SoxreadyCore

/// Names given on the command line (`--app`, `--prepared-by`, `--reviewer` …) follow the rules of
/// ``AppName``; one that breaks them is a usage error (exit 64), found before anything is opened.
enum NameOption {
    /// Throws a `ValidationError` naming `option` when `value` is not an acceptable name.
    static func check(_ value: String?, _ option: String) throws {
        guard let value, let problem = AppName.problem(in: value, field: option) else { return }
        throw ValidationError("\(problem.message); \(problem.expected)")
    }
}
