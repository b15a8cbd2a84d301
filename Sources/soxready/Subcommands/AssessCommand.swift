import ArgumentParser
import Foundation
import SoxreadyCore

/// `soxready assess`: answer the questionnaire for one application and record a run.
struct AssessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Assess one application: from an answers file (--answers) and record a run.",
        discussion: """
            With --answers FILE no question is asked: the file's answers are checked (every problem is \
            reported and nothing is recorded if any is found), scored, and recorded as the next run. \
            Questions the file does not answer count as unanswered and are listed on stderr.
            """)

    @Option(name: .long, help: ArgumentHelp("The application's name (default: the answers file's app:).", valueName: "name"))
    var app: String?

    @Option(name: .long, help: ArgumentHelp("Questionnaire id (id@version) or path (default: the answers file's questionnaire:, else sox-azure-migration).", valueName: "id-or-path"))
    var questionnaire: String?

    @Option(name: .long, help: ArgumentHelp("Answers file (soxready/answers@1) to record without prompting.", valueName: "file"))
    var answers: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let app, app.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--app must not be empty") }
        if answers == nil {
            throw ValidationError("give --answers FILE (the interactive wizard is not available in this build)")
        }
    }

    func run() async throws {
        try reportingFailures {
            guard let answersPath = answers else { return }
            let text = try AnswersFileParser.read(path: answersPath)
            let header = AnswersFileParser.header(text)
            let reference = questionnaire ?? header.questionnaire ?? QuestionnaireCatalog.defaultID
            let loaded = try QuestionnaireCatalog.forProcess.resolve(reference)
            let file = try AnswersFileParser.parse(text, file: answersPath, questionnaire: loaded.questionnaire)
            let appName = try resolveAppName(fileApp: file.app, answersPath: answersPath)

            let store = try global.openStore(create: true)
            let run = try store.recordRun(appName: appName, questionnaire: loaded, answers: file.answers, recordedAt: Date())
            reportUnanswered(run: run, questionnaire: loaded.questionnaire, answered: file.answers)
            reportNotAsked(questionnaire: loaded.questionnaire, answered: file.answers)
            print(RunSummaryText.render(run, questionnaire: loaded.questionnaire, storePath: store.path), terminator: "")
        }
    }

    func resolveAppName(fileApp: String?, answersPath: String) throws -> String {
        switch (app?.trimmingCharacters(in: .whitespaces), fileApp?.trimmingCharacters(in: .whitespaces)) {
        case (let given?, let inFile?) where given != inFile:
            throw Failure("\(answersPath) is for the application '\(inFile)', not '\(given)'; use --app '\(inFile)' or change app: in the file", .dataError)
        case (let given?, _):
            return given
        case (nil, let inFile?) where !inFile.isEmpty:
            return inFile
        default:
            throw Failure("no application name: give --app NAME or app: in \(answersPath)", .usage)
        }
    }

    func reportUnanswered(run: StoredRun, questionnaire: Questionnaire, answered: AnswerSheet) {
        let card = ReadinessScorer.score(questionnaire, answers: answered)
        let missing = card.questions.filter { $0.status == .unanswered && answered[$0.questionID]?.answer == nil }.map(\.questionID)
        guard !missing.isEmpty else { return }
        printError("soxready: \(missing.count) question\(missing.count == 1 ? "" : "s") not answered in the file count as unanswered:")
        var line = " "
        for id in missing {
            if line.count + id.count > 100 {
                printError(line)
                line = " "
            }
            line += " " + id
        }
        printError(line)
    }

    /// Answers given to questions whose `when` does not hold are kept but not scored; say so.
    func reportNotAsked(questionnaire: Questionnaire, answered: AnswerSheet) {
        let card = ReadinessScorer.score(questionnaire, answers: answered)
        let ignored = card.questions.filter { $0.status == .notAsked && answered[$0.questionID]?.answer != nil }.map(\.questionID)
        guard !ignored.isEmpty else { return }
        printError("soxready: \(ignored.count) answer\(ignored.count == 1 ? " is" : "s are") for questions that do not apply to this application (their when condition does not hold); kept but not scored: \(ignored.joined(separator: ", "))")
    }
}
