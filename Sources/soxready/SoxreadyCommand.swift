import ArgumentParser
import SoxreadyCore

/// The `soxready` command: SOX readiness of a finance application moving to Azure.
@main
struct SoxreadyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "soxready",
        abstract: "Assess whether a SOX-relevant finance application is ready to move to Microsoft Azure.",
        discussion: """
            Exit codes: 0 success; 64 usage; 65 bad data (questionnaire or answers file); \
            66 missing input file; 73 cannot create output; 74 I/O error; 75 store busy (try again); \
            130 interrupted by Ctrl-C (after saving what was answered).
            """,
        version: SoxreadyVersion.current,
        subcommands: [AssessCommand.self, ReportCommand.self, HistoryCommand.self, DiffCommand.self, AppsCommand.self, QuestionnaireCommand.self, BenchGenerateCommand.self]
    )
}

/// The tool's own version.
enum SoxreadyVersion {
    static let current = "0.1.0"
}
