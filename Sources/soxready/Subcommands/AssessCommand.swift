import ArgumentParser
import Foundation
import SoxreadyCore

/// `soxready assess`: answer the questionnaire for one application and record a run.
struct AssessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Assess one application: answer the questionnaire (or give an answers file) and record a run.",
        discussion: """
            Without --answers the wizard asks one question at a time: with line editing on a terminal \
            (Tab completes choices, Up/Down walk the history, the last run's answer is pre-filled), or \
            one answer per line from a pipe. Every answer is saved as you go; :quit, Ctrl-C or a lost \
            connection lose nothing, and the next 'soxready assess --app NAME' offers to resume.

            With --answers FILE no question is asked: the file's answers are checked (every problem is \
            reported and nothing is recorded if any is found), scored, and recorded as the next run. \
            Questions the file does not answer count as unanswered and are listed on stderr.

            Exit codes: 0 recorded (or :quit, answers saved); 64 usage; 65 invalid answers file, or 3 \
            invalid answers in a row from a pipe; 66 input ended before the end (answers saved); 75 store \
            busy; 130 Ctrl-C, 143 SIGTERM, 129 SIGHUP (answers saved).
            """)

    @Option(name: .long, help: ArgumentHelp("The application's name (default: the answers file's app:).", valueName: "name"))
    var app: String?

    @Option(name: .long, help: ArgumentHelp("Questionnaire id (id@version) or path (default: the answers file's questionnaire:, else sox-azure-migration).", valueName: "id-or-path"))
    var questionnaire: String?

    @Option(name: .long, help: ArgumentHelp("Answers file (soxready/answers@1) to record without prompting.", valueName: "file"))
    var answers: String?

    @Option(name: .long, help: ArgumentHelp("Folder for the plan (default Reports/<app-slug>/).", valueName: "dir"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Folder with the plan templates (default Reports/templates).", valueName: "dir"))
    var templates: String?

    @Flag(name: .long, help: "Rerun: ask only the questions that were gaps in the latest run (and new ones); carry the rest over.")
    var onlyGaps = false

    @Flag(name: .long, help: "With --answers: update the latest run with the answers the file names; keep all others.")
    var update = false

    @Flag(name: .long, help: "Resume an unfinished assessment without asking.")
    var resume = false

    @Flag(name: .long, help: "Discard an unfinished assessment and start again without asking.")
    var restart = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let app, app.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--app must not be empty") }
        if resume && restart { throw ValidationError("--resume and --restart exclude each other") }
        if answers != nil && (resume || restart || onlyGaps) { throw ValidationError("--resume, --restart and --only-gaps are for the wizard, not --answers") }
        if update && answers == nil { throw ValidationError("--update needs --answers FILE") }
    }

    func run() async throws {
        try reportingFailures {
            guard let answersPath = answers else {
                try runWizard()
                return
            }
            let text = try AnswersFileParser.read(path: answersPath)
            let header = AnswersFileParser.header(text)
            let reference = questionnaire ?? header.questionnaire ?? QuestionnaireCatalog.defaultID
            let loaded = try QuestionnaireCatalog.forProcess.resolve(reference)
            let file = try AnswersFileParser.parse(text, file: answersPath, questionnaire: loaded.questionnaire)
            let appName = try resolveAppName(fileApp: file.app, answersPath: answersPath)

            let store = try global.openStore(create: true)
            var sheet = file.answers
            if update {
                let latest: StoredRun
                do { latest = try store.run(appName: appName) } catch let error as StoreError {
                    throw Failure("--update needs a recorded run of '\(appName)' to update; \(error.description)", .noInput)
                }
                let old = try latest.questionnaire()
                let carried = AnswerCarryOver.carry(latest.answers, from: old, to: loaded.questionnaire)
                sheet = carried.answers.merging(file.answers) { _, new in new }
                printError("soxready: updating run \(latest.summary.number): \(file.answers.count) answer\(file.answers.count == 1 ? "" : "s") from the file, \(sheet.count - file.answers.count) carried over")
            }
            let run = try store.recordRun(appName: appName, questionnaire: loaded, answers: sheet, recordedAt: Date())
            let card = ReadinessScorer.score(loaded.questionnaire, answers: sheet)
            reportUnanswered(card, answered: sheet)
            reportNotAsked(card, answered: sheet)
            print(RunSummaryText.render(run, questionnaire: loaded.questionnaire, storePath: store.path), terminator: "")
            try writePlan(run, store: store)
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

    /// Lists on stderr the questions that apply but have no answer in the file.
    func reportUnanswered(_ card: Scorecard, answered: AnswerSheet) {
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
    func reportNotAsked(_ card: Scorecard, answered: AnswerSheet) {
        let ignored = card.questions.filter { $0.status == .notAsked && answered[$0.questionID]?.answer != nil }.map(\.questionID)
        guard !ignored.isEmpty else { return }
        printError("soxready: \(ignored.count) answer\(ignored.count == 1 ? " is" : "s are") for questions that do not apply to this application (their when condition does not hold); kept but not scored: \(ignored.joined(separator: ", "))")
    }
}
