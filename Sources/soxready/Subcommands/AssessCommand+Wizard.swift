import ArgumentParser
import Foundation
import SoxreadyCore

extension AssessCommand {
    /// The interactive wizard: libedit on a terminal, plain prompts otherwise.
    func runWizard(_ flow: AssessFlow) throws {
        let editing = Terminal.lineEditingAvailable
        let reader: any LineReader = editing ? (LibEditLineReader() as (any LineReader)?) ?? PlainLineReader() : PlainLineReader()
        Signals.install()
        let store = global.store
        // Printed on the terminal (and from the signal handler): control characters are escaped.
        let resumeCommandOf: @Sendable (String) -> String = { name in
            ("soxready assess --app \(shellQuoted(name))" + (store.map { " --store \(shellQuoted($0))" } ?? "")).terminalSafe()
        }
        var options = AssessFlow.WizardOptions(
            appName: app, questionnaire: questionnaire, onlyGaps: onlyGaps,
            draft: resume ? .resume : (restart ? .restart : .ask), takeOver: takeOver,
            user: user ?? LoginName.current, interactive: editing, resumeCommand: resumeCommandOf)
        options.preparedBy = preparedBy
        if editing && global.useColor { options.emphasis = { "\u{1B}[1m" + $0 + "\u{1B}[0m" } }
        var resumeCommand = ""
        let started: (String) -> Void = { name in
            resumeCommand = resumeCommandOf(name)
            Signals.setMessage("\nInterrupted: every confirmed answer is saved. Resume with: \(resumeCommand)\n")
        }
        switch try flow.runWizard(options, reader: reader, started: started) {
        case .recorded(let run, let plans):
            try Console.out("\n" + RunSummaryText.render(run, storeLocation: flow.store.location, width: Terminal.summaryWidth))
            try Console.out(PlanOutput.writtenLine(plans, width: Terminal.summaryWidth))
        case .quit(let saved?):
            try Console.out(TextWrap.words("\(saved.description). Resume with: \(resumeCommand)", width: Terminal.summaryWidth) + "\n")
        case .quit(nil):
            try Console.out("Stopped before an application was named; nothing was saved.\n")
        case .endOfInput(let saved, let first):
            let question = first.map { "\($0.id) (\($0.prompt))".terminalSafe() } ?? "none"
            try Console.error("soxready: input ended before the questionnaire was finished; nothing was taken as a default.")
            try Console.error("soxready: \(saved.description.lowercasedFirst); first unanswered question: \(question)")
            try Console.error("soxready: resume with: \(resumeCommand)")
            throw ExitCode(ExitStatus.noInput.rawValue)
        case .notAttested(let saved):
            try Console.out(
                TextWrap.words(
                    "Not recorded: the run needs its preparer's attestation. \(saved.description); record it with: \(resumeCommand)",
                    width: Terminal.summaryWidth) + "\n")
        case .tooManyInvalidAnswers(_, let id):
            try Console.error(
                "soxready: stopped after 3 invalid answers to question \(id); the answers before it are saved. Resume with: \(resumeCommand)"
            )
            throw ExitCode(ExitStatus.dataError.rawValue)
        }
    }
}

/// The login name of the user running soxready: `$USER`, `$LOGNAME`, else the password database's.
enum LoginName {
    static var current: String {
        let environment = ProcessInfo.processInfo.environment
        if let user = environment["USER"], !user.isEmpty { return user }
        if let user = environment["LOGNAME"], !user.isEmpty { return user }
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid \(geteuid())"
    }
}

extension String {
    /// The text with its first letter lower-case ("Saved 3 answers" → "saved 3 answers").
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}

/// `text` quoted for a POSIX shell when it needs it.
func shellQuoted(_ text: String) -> String {
    let safe = text.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "-_./".unicodeScalars.contains($0) }
    return safe && !text.isEmpty ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
