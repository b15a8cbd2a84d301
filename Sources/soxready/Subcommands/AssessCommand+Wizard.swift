import ArgumentParser
import CLibEdit
import Foundation
import SoxreadyCore

extension AssessCommand {
    /// The interactive wizard: libedit on a terminal, plain prompts otherwise.
    func runWizard() throws {
        let editing = Terminal.lineEditingAvailable
        let reader: any LineReader = editing ? (LibEditLineReader() as (any LineReader)?) ?? PlainLineReader() : PlainLineReader()
        let out: (String) -> Void = { soxready_stdout_write($0) }
        Signals.install()

        let appName = try askAppName(reader: reader)
        let store = try global.openStore(create: true)
        // Printed on the terminal (and from the signal handler): control characters in a name are escaped.
        let resumeCommand = ("soxready assess --app \(shellQuoted(appName))" + (global.store.map { " --store \(shellQuoted($0))" } ?? ""))
            .terminalSafe()
        Signals.setMessage("\nInterrupted: every confirmed answer is saved. Resume with: \(resumeCommand)\n")

        // A draft in progress, the latest run (for defaults), and the questionnaire.
        let latest = try latestRun(of: appName, in: store)
        var draft = try store.draft(appName: appName)
        if let existing = draft, !restart {
            let count = existing.answers.values.filter { $0.answer != nil }.count
            if !resume {
                out("An unfinished assessment of \(appName.terminalSafe()) from \(Timestamp.string(existing.updatedAt)) has \(count) answer\(count == 1 ? "" : "s").\n")
                let choice = try askYesNo("Resume it? (y = resume, n = start again" + (latest != nil ? " from the last run)" : ")"), reader: reader)
                if !choice { draft = nil }
            }
        } else if restart {
            draft = nil
        }
        let loaded: LoadedQuestionnaire
        var answers: AnswerSheet
        var carried = AnswerCarryOver.Result(answers: [:], renamed: [:], dropped: [:])
        if let draft {
            loaded = try QuestionnaireLoader.parse(draft.questionnaireContent, file: "the draft's questionnaire")
            answers = draft.answers
            if let requested = questionnaire, (try? QuestionnaireCatalog.forProcess.resolve(requested).content) != draft.questionnaireContent {
                out("Note: the draft was started on \(loaded.questionnaire.reference); it continues on that version.\n")
            }
        } else {
            loaded = try QuestionnaireCatalog.forProcess.resolve(questionnaire ?? latest?.summary.questionnaireID ?? QuestionnaireCatalog.defaultID)
            answers = [:]
            if let latest, let old = try? latest.questionnaire() {
                carried = AnswerCarryOver.carry(latest.answers, from: old, to: loaded.questionnaire)
            }
            if onlyGaps {
                guard latest != nil else { throw Failure("--only-gaps needs a recorded run of \(appName) to take the answers from", .usage) }
                answers = AnswerCarryOver.nonGaps(carried.answers, in: loaded.questionnaire)
            }
            try store.startDraft(appName: appName, questionnaire: loaded, answers: answers, at: Date())
        }
        if onlyGaps && draft != nil {
            out("Note: --only-gaps applies when an assessment starts; the resumed draft keeps its own answers.\n")
        }
        let defaults = carried.answers
        var session = WizardSession(questionnaire: loaded.questionnaire, answers: answers, defaults: defaults, resumeAt: draft?.position)

        let q = loaded.questionnaire
        out("\n" + emphasis(editing)("soxready · \(appName) · \(q.title) \(q.version)".terminalSafe()) + "\n")
        out("\(q.questions.count) questions in \(q.domains.count) domains. Every answer is saved as you go; ? shows help, :quit stops (resume later).\n")
        if let latest, !defaults.isEmpty {
            if onlyGaps && draft == nil {
                let kept = answers.count
                out("\(kept) answer\(kept == 1 ? "" : "s") from run \(latest.summary.number) carried over unchanged; asking only the gaps of run \(latest.summary.number) and new questions, with the last answers pre-filled.\n")
            } else {
                out("Answers from run \(latest.summary.number) are pre-filled: Enter keeps one, editing changes it, clearing it leaves the question unanswered.\n")
            }
            for (old, new) in carried.renamed.sorted(by: { $0.key < $1.key }) {
                out("  \(old) is now \(new): its answer carries over.\n".terminalSafe(keepNewlines: true))
            }
            for (old, reason) in carried.dropped.sorted(by: { $0.key < $1.key }) {
                out("  \(old): \(reason); it will be asked again.\n".terminalSafe(keepNewlines: true))
            }
        }

        let loop = WizardLoop(maxInvalidAttempts: editing ? nil : 3, emphasis: emphasis(editing))
        let save: (String, AnswerRecord?, String?) throws -> Void = { id, record, next in
            do {
                try store.saveDraftAnswer(appName: appName, questionID: id, record: record, next: next, at: Date())
            } catch let error as StoreError {
                throw Failure("\(error.description); the last answer was not saved", error.exitStatus)
            }
        }
        var outcome = try loop.run(&session, reader: reader, write: out, save: save)
        // On a terminal, offer to go back over what was skipped before recording the run.
        while outcome == .finished, editing, let skipped = unansweredSummary(session) {
            out("\n\(skipped)\n")
            guard try askYesNo("Answer them now? (n = record the run as it is)", reader: reader, defaultYes: false) else { break }
            session = WizardSession(questionnaire: loaded.questionnaire, answers: session.answers, defaults: defaults)
            outcome = try loop.run(&session, reader: reader, write: out, save: save)
        }
        let saved = session.answers.values.filter { $0.answer != nil }.count
        switch outcome {
        case .finished:
            let run = try store.recordRun(appName: appName, questionnaire: loaded, answers: session.answers, recordedAt: Date(), completingDraft: true)
            out("\n")
            out(RunSummaryText.render(run, questionnaire: q, storePath: store.path))
            try writePlan(run, store: store)
        case .quit:
            out("Saved \(saved) answer\(saved == 1 ? "" : "s"). Resume with: \(resumeCommand)\n")
        case .endOfInput:
            let first = session.firstUnanswered.map { "\($0.id) (\($0.prompt))".terminalSafe() } ?? "none"
            printError("soxready: input ended before the questionnaire was finished; nothing was taken as a default.")
            printError("soxready: saved \(saved) answer\(saved == 1 ? "" : "s"); first unanswered question: \(first)")
            printError("soxready: resume with: \(resumeCommand)")
            throw ExitCode(ExitStatus.noInput.rawValue)
        case .tooManyInvalidAnswers(let id):
            printError("soxready: stopped after 3 invalid answers to question \(id); the answers before it are saved. Resume with: \(resumeCommand)")
            throw ExitCode(ExitStatus.dataError.rawValue)
        }
    }

    /// The application's latest run, nil when it has none yet; other store errors are thrown.
    func latestRun(of appName: String, in store: AssessmentStore) throws -> StoredRun? {
        do {
            return try store.run(appName: appName)
        } catch {
            switch error {
            case .appNotFound, .runNotFound: return nil
            default: throw error
            }
        }
    }

    func emphasis(_ editing: Bool) -> @Sendable (String) -> String {
        guard editing && global.useColor else { return { text in text } }
        return { text in "\u{1B}[1m" + text + "\u{1B}[0m" }
    }

    func askAppName(reader: any LineReader) throws -> String {
        if let app { return app.trimmingCharacters(in: .whitespaces) }
        for _ in 0..<3 {
            soxready_stdout_write("Which application are you assessing? (its name, for example General Ledger)\n")
            guard case .line(let line) = reader.readLine(prompt: "Application: ", prefill: nil, completions: Completions(primary: [])) else {
                throw Failure("input ended before an application name was given", .noInput)
            }
            let name = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if !name.isEmpty, !name.contains(where: { $0.isNewline }) { return name }
            soxready_stdout_write("  ! the name is empty\n")
        }
        throw Failure("no application name given", .dataError)
    }

    /// "N questions are unanswered (K gating): ids" for the questions still open, or nil.
    func unansweredSummary(_ session: WizardSession) -> String? {
        let card = ReadinessScorer.score(session.questionnaire, answers: session.answers)
        let open = card.questions.filter { $0.status == .unanswered }.compactMap { session.questionnaire.question($0.questionID) }
        guard !open.isEmpty else { return nil }
        let gating = open.filter(\.gating).count
        let numbers = Dictionary(uniqueKeysWithValues: session.questionnaire.questions.enumerated().map { ($1.id, $0 + 1) })
        let ids = open.prefix(12).map { "Q\(numbers[$0.id] ?? 0) \($0.id)" }.joined(separator: ", ") + (open.count > 12 ? ", …" : "")
        return "\(open.count) question\(open.count == 1 ? " is" : "s are") still unanswered" + (gating > 0 ? " (\(gating) gating)" : "") + ": \(ids)"
    }

    func askYesNo(_ question: String, reader: any LineReader, defaultYes: Bool = true) throws -> Bool {
        for _ in 0..<3 {
            soxready_stdout_write(question + "\n")
            guard case .line(let line) = reader.readLine(prompt: defaultYes ? "[Y/n] " : "[y/N] ", prefill: nil, completions: Completions(primary: ["yes", "no"])) else {
                throw Failure("input ended before the question was answered", .noInput)
            }
            switch line.trimmingCharacters(in: .whitespaces).lowercased() {
            case "": return defaultYes
            case "y", "yes": return true
            case "n", "no": return false
            default: soxready_stdout_write("  ! answer y or n\n")
            }
        }
        throw Failure("no answer to: \(question)", .dataError)
    }

    /// Writes the run's Markdown and HTML plans to --output (default Reports/<app-slug>/).
    func writePlan(_ run: StoredRun, store: AssessmentStore) throws {
        let renderer = try PlanOutput.renderer(templates)
        let (document, _) = try PlanOutput.document(store: store, run: run)
        let paths = try PlanOutput.writePlans(document, renderer: renderer, folder: output ?? "Reports/\(run.appSlug)")
        soxready_stdout_write("Plan written to \(paths.map { $0.terminalSafe() }.joined(separator: " and "))\n")
    }
}

/// `text` quoted for a POSIX shell when it needs it.
func shellQuoted(_ text: String) -> String {
    let safe = text.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "-_./".unicodeScalars.contains($0) }
    return safe && !text.isEmpty ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
