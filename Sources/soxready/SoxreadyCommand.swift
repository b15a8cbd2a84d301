import ArgumentParser
import Foundation
import SoxreadyCore

/// The `soxready` command: SOX readiness of a finance application moving to Azure.
@main
struct SoxreadyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "soxready",
        abstract: "Assess whether a SOX-relevant finance application is ready to move to Microsoft Azure.",
        discussion: """
            Exit codes: 0 success; 64 usage (also a --store URL that cannot be read); 65 bad data (an invalid questionnaire or answers file, or three \
            invalid answers in a row from a pipe); 66 missing input (a file, questionnaire, application or \
            run that does not exist, or input that ended before the last question; answers are saved); \
            73 cannot create output; 74 I/O error (also a PostgreSQL server that cannot be reached or refuses the user, \
            or a database of a newer soxready); 75 store busy (nothing recorded; try again); 77 a \
            preparer may not approve their own run; 65 also when verify finds a broken link; 130 \
            Ctrl-C, 143 SIGTERM, 129 SIGHUP (answers saved).
            """,
        version: SoxreadyVersion.current,
        subcommands: [
            AssessCommand.self, ReportCommand.self, SignOffCommand.self, VerifyCommand.self, HistoryCommand.self, DiffCommand.self,
            AppsCommand.self, PortfolioCommand.self, StoreCommand.self, QuestionnaireCommand.self, BenchGenerateCommand.self,
        ]
    )

    /// Parses and runs the command as ArgumentParser's own `main` does, but writes the help and
    /// version text through ``Console``: `soxready --help > /dev/full` exits 74 with a message,
    /// never 0 with the text lost.
    static func main() {
        do {
            var command = try parseAsRoot(nil)
            try command.run()
        } catch {
            let status = exitCode(for: error)
            let text = fullMessage(for: error)
            if !text.isEmpty {
                if status == .success {
                    do {
                        try Console.out(text + "\n")
                    } catch {
                        try? Console.error("soxready: error: \(error.description)")
                        Foundation.exit(ExitStatus.ioError.rawValue)
                    }
                } else {
                    // If even standard error fails, the exit status still says what happened.
                    try? Console.error(text)
                }
            }
            Foundation.exit(status.rawValue)
        }
    }
}

/// The tool's own version.
enum SoxreadyVersion {
    static let current = "0.1.0"
}
