import ArgumentParser
import Foundation
import SoxreadyCore

/// `soxready assess`: answer the questionnaire for one application and record a run.
///
/// The flow itself is ``AssessFlow`` in the core; this command parses the options, picks the
/// line reader for the terminal, prints the outcome and maps it to an exit code.
struct AssessCommand: ParsableCommand {
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
            invalid answers in a row from a pipe; 66 input ended before the end (answers saved); 73 the \
            plans cannot be written (checked before recording); 75 store busy, or the draft is open in \
            another session; 130 Ctrl-C, 143 SIGTERM, 129 SIGHUP (answers saved).
            """)

    @Option(name: .long, help: ArgumentHelp("The application's name (default: the answers file's app:).", valueName: "name"))
    var app: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Questionnaire id (id@version) or path (default: the answers file's questionnaire:, else sox-azure-migration).",
            valueName: "id-or-path"))
    var questionnaire: String?

    @Option(name: .long, help: ArgumentHelp("Answers file (soxready/answers@1) to record without prompting.", valueName: "file"))
    var answers: String?

    @Option(name: .long, help: ArgumentHelp("Folder for the plan (default Reports/<app-slug>/).", valueName: "dir"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Folder with the plan templates (default Reports/templates).", valueName: "dir"))
    var templates: String?

    @Flag(name: .long, help: "Leave the appendix of every answer out of the plan (the sign-off pack never has it).")
    var noAppendix = false

    @Flag(name: .long, help: "Rerun: ask only the questions that were gaps in the latest run (and new ones); carry the rest over.")
    var onlyGaps = false

    @Flag(name: .long, help: "With --answers: update the latest run with the answers the file names; keep all others.")
    var update = false

    @Flag(name: .long, help: "Resume an unfinished assessment without asking.")
    var resume = false

    @Flag(name: .long, help: "Discard an unfinished assessment and start again without asking.")
    var restart = false

    @Flag(name: .long, help: "Take over an unfinished assessment that another session or user holds.")
    var takeOver = false

    @Option(name: .long, help: ArgumentHelp("Who is answering (default: the login name).", valueName: "name"))
    var user: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Who prepared the answers and attests them (default: the answers file's preparedBy:; the wizard asks).", valueName: "name"))
    var preparedBy: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        try NameOption.check(app, "--app")
        try NameOption.check(preparedBy, "--prepared-by")
        try NameOption.check(user, "--user")
        if resume && restart { throw ValidationError("--resume and --restart exclude each other") }
        if answers != nil && (resume || restart || onlyGaps || takeOver) {
            throw ValidationError("--resume, --restart, --only-gaps and --take-over are for the wizard, not --answers")
        }
        if update && answers == nil { throw ValidationError("--update needs --answers FILE") }
    }

    func run() throws {
        try reportingFailures {
            // Everything that can be checked without the store is checked before it is opened: the
            // templates, where the plans go, and an answers file completely. A failure then leaves
            // the store as it was, even one that does not exist yet, and the wizard asks nothing.
            // The wizard finds the templates now and parses them before recording, not before its
            // first question; a batch run parses them now.
            let plans =
                answers == nil
                ? try PlanOutput.deferredWriter(templates, formats: ReportFormat.plans, store: global.storeIdentity, appendix: !noAppendix)
                : try PlanOutput.writer(templates, formats: ReportFormat.plans, store: global.storeIdentity, appendix: !noAppendix)
            do {
                try plans.check(folder: output ?? global.defaultReportsFolder)
            } catch let error as AtomicFile.WriteError {
                throw AssessFlowError.plansCannotBeWritten(reason: error.description, resume: nil)
            }
            let checked = try answers.map {
                try AssessFlow.check(
                    answersFile: $0, appName: app, questionnaire: questionnaire, preparedBy: preparedBy,
                    catalog: QuestionnaireCatalog.forProcess)
            }
            let store = try global.openStoreForWriting()
            let flow = AssessFlow(
                store: store, catalog: QuestionnaireCatalog.forProcess, clock: { Date() }, plans: plans,
                planFolder: { output ?? global.defaultPlanFolder(slug: $0) },
                write: Console.outRemembering, warn: Console.errorRemembering)
            guard let checked else {
                try runWizard(flow)
                return
            }
            let outcome = try flow.recordBatch(checked, update: update)
            try Console.out(RunSummaryText.render(outcome.run, storeLocation: store.location, width: Terminal.summaryWidth))
            try Console.out(PlanOutput.writtenLine(outcome.plans, width: Terminal.summaryWidth))
        }
    }
}
