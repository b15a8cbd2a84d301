import ArgumentParser
import Foundation
import SoxreadyCore

/// `soxready questionnaire list | show | validate`.
struct QuestionnaireCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "questionnaire",
        abstract: "List, show and validate questionnaires.",
        subcommands: [List.self, Show.self, Validate.self]
    )
}

extension QuestionnaireCatalog {
    /// The catalog for this process: environment, current directory, executable location.
    static var forProcess: QuestionnaireCatalog {
        .standard(environment: ProcessInfo.processInfo.environment,
                  currentDirectory: FileManager.default.currentDirectoryPath,
                  executablePath: CommandLine.arguments.first.map { path in
                      path.contains("/") ? path : (Bundle.main.executablePath ?? path)
                  })
    }
}
