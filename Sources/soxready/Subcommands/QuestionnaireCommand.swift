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
    /// The catalog for this process: environment, current directory, executable location, and
    /// the compiled-questionnaire cache of ``QuestionnaireCache/standard(environment:toolVersion:)``
    /// (none when `SOXREADY_CACHE` is empty or `off`, or this build cannot name itself).
    static var forProcess: QuestionnaireCatalog {
        let environment = ProcessInfo.processInfo.environment
        return .standard(
            environment: environment,
            currentDirectory: FileManager.default.currentDirectoryPath,
            executablePath: CommandLine.arguments.first.map { path in
                path.contains("/") ? path : (Bundle.main.executablePath ?? path)
            },
            cache: SoxreadyVersion.build.flatMap { QuestionnaireCache.standard(environment: environment, toolVersion: $0) })
    }
}
