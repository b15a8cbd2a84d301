import ArgumentParser
import SoxreadyCore

extension QuestionnaireCommand {
    /// `soxready questionnaire show ID|PATH`: an outline of domains and questions.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a questionnaire as an outline: domains, questions, types, gating marks, points and conditions.")

        @Argument(help: ArgumentHelp("A questionnaire id (id or id@version) or a path to a file.", valueName: "id-or-path"))
        var questionnaire: String

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try reportingFailures {
                let loaded = try QuestionnaireCatalog.forProcess.resolve(questionnaire)
                try Console.out(TextWrap.lines(QuestionnaireOutline.render(loaded), width: Terminal.outputWidth))
            }
        }
    }
}
