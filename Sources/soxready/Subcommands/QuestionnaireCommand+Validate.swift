import ArgumentParser
import SoxreadyCore

extension QuestionnaireCommand {
    /// `soxready questionnaire validate PATH...`: every problem in every file.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check questionnaire files and report every problem as FILE:LINE:COLUMN: error: ….",
            discussion: "Exits 0 when every file is clean, 65 when any file has an error, 66 when a file cannot be read.")

        @Argument(help: ArgumentHelp("Questionnaire files to check.", valueName: "path"))
        var paths: [String]

        @OptionGroup var global: GlobalOptions

        func validate() throws {
            if paths.isEmpty { throw ValidationError("give at least one questionnaire file to validate") }
        }

        func run() throws {
            try reportingFailures { try check() }
        }

        func check() throws {
            var status = ExitStatus.success
            for path in paths {
                do {
                    let loaded = try QuestionnaireLoader.load(path: path)
                    for warning in loaded.warnings { try Console.error(warning.description.terminalSafe()) }
                    let q = loaded.questionnaire
                    let scored = q.questions.filter(\.isScored).count
                    let gating = q.questions.filter(\.gating).count
                    let line =
                        "\(path.terminalSafe()): ok: \(q.id) \(q.version), \(q.domains.count) domains, \(q.questions.count) questions (\(scored) scored, \(gating) gating)"
                    // On a terminal, wrapped at words (a pipe gets the whole line).
                    try Console.out((Terminal.summaryWidth.map { WizardText.wrap(line, width: $0, continuation: "  ") } ?? line) + "\n")
                } catch let error as QuestionnaireLoadError {
                    try Console.error(error.description.terminalSafe(keepNewlines: true))
                    if case .invalid(let diagnostics) = error {
                        let count = diagnostics.problemCount
                        try Console.error("\(path.terminalSafe()): \(Diagnostic.grouped(count)) error\(count == 1 ? "" : "s")")
                    }
                    if error.exitStatus == .dataError || status == .success { status = error.exitStatus }
                }
            }
            if status != .success { throw ExitCode(status.rawValue) }
        }
    }
}
