import ArgumentParser
import SoxreadyCore

extension QuestionnaireCommand {
    /// `soxready questionnaire show ID|PATH`: an outline of domains and questions.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a questionnaire as an outline: domains, questions, types, gating marks, points and conditions.")

        @Argument(help: ArgumentHelp("A questionnaire id (id or id@version) or a path to a file.", valueName: "id-or-path"))
        var questionnaire: String

        @OptionGroup var global: GlobalOptions

        func run() async throws {
            let loaded: LoadedQuestionnaire
            do {
                loaded = try QuestionnaireCatalog.forProcess.resolve(questionnaire)
            } catch {
                if case .invalid = error { printError(error.description.terminalSafe(keepNewlines: true)) }
                else { printError("soxready: error: \(error.description.terminalSafe())") }
                throw ExitCode(error.exitStatus.rawValue)
            }
            print(QuestionnaireOutline.render(loaded), terminator: "")
        }
    }
}
