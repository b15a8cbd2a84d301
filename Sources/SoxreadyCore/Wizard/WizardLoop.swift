/// Drives a ``WizardSession`` with a ``LineReader``: shows each question, reads a line, saves
/// every confirmed answer before the next question appears, and stops at the end, on `:quit`,
/// at end of input, or after too many invalid lines in plain mode.
///
/// Text is wrapped to the reader's ``LineReader/columns``, read again before each text is laid
/// out, so that the first text after a resize uses the new width. The explanation of pre-filled
/// answers is shown once per loop, with the first pre-filled question.
public final class WizardLoop {
    /// How the loop ended.
    public enum Outcome: Sendable, Equatable {
        /// Every applicable question was passed: record the run.
        case finished
        /// The lead typed `:quit`.
        case quit
        /// Input ended (Ctrl-D, `</dev/null`, a pipe that ran dry). Nothing was taken as a default.
        case endOfInput
        /// Plain mode gave up after ``maxInvalidAttempts`` invalid lines on this question.
        case tooManyInvalidAnswers(questionID: String)
    }

    /// Invalid lines accepted on one question before giving up; nil for no limit (a person at a terminal).
    public var maxInvalidAttempts: Int?
    /// Decorates headings (bold on a colour terminal); identity in plain mode.
    public var emphasis: @Sendable (String) -> String
    /// True once the pre-fill has been explained (kept across runs of this loop, such as the
    /// review of skipped questions after the main pass).
    public private(set) var explainedPrefill = false
    /// True once the questions not yet due (asked only after go-live) have been explained: said
    /// once, at the first one passed over.
    public private(set) var explainedNotYetDue = false
    /// True when the questions left unanswered are offered again before the run is recorded (at a
    /// terminal): the note after an empty line then says so.
    public var offersReview = false
    /// True once the note after an empty line has been given in full (later ones are short).
    public private(set) var explainedSkip = false

    /// Creates a loop.
    public init(maxInvalidAttempts: Int? = nil, emphasis: @escaping @Sendable (String) -> String = { $0 }) {
        self.maxInvalidAttempts = maxInvalidAttempts
        self.emphasis = emphasis
    }

    /// Runs the session until it finishes or stops.
    ///
    /// - Parameters:
    ///   - session: The session, advanced in place.
    ///   - reader: Where lines come from.
    ///   - write: Where text goes (already terminal-safe, newline-terminated).
    ///   - save: Persists one question's record (nil removes it) and the id of the question asked
    ///     next (nil at the end); called before the next question is shown. An error stops the loop
    ///     and is rethrown: the answer was not confirmed.
    /// - Returns: How the loop ended.
    public func run(
        _ session: inout WizardSession, reader: any LineReader,
        write: (String) -> Void,
        save: (String, AnswerRecord?, String?) throws -> Void
    ) rethrows -> Outcome {
        var shown: Int?
        while true {
            let width = WizardText.layoutWidth(reader.columns)
            if let pending = session.pending {
                guard reader.editsLine else {
                    // Plain mode reads one line per question: keep the note and say so.
                    if let message = session.keepPendingNote() { write(Self.message("·", message, width: width)) }
                    continue
                }
                write(WizardText.wrap(pending.text.terminalSafe(), width: width) + "\n")
                let completions =
                    pending.kind == .commitment
                    ? Completions(primary: [":owner ", ":due ", ":back"]) : Completions(primary: ["yes", "no"])
                let input = reader.readLine(LineRequest(prompt: pending.prompt, completions: completions))
                guard case .line(let line) = input else { return .endOfInput }
                try carryOut(session.handle(line, emptyMeansDefault: true), session: session, width: width, write: write, save: save)
                if let limit = maxInvalidAttempts, session.invalidAttempts >= limit, let still = session.pending {
                    return .tooManyInvalidAnswers(questionID: still.questionID)
                }
                continue
            }
            guard case .ask(let index) = session.step, let question = session.currentQuestion else {
                if session.step == .finished { explainNotYetDue(session, width: width, write: write) }
                return session.step == .quit ? .quit : .finished
            }
            if shown != index {
                if let passed = WizardText.passedOver(session.passedOver, in: session.questionnaire, width: width) { write(passed) }
                explainNotYetDue(session, width: width, write: write)
                if shown == nil || session.entersDomain, let domain = session.currentDomain, let progress = session.progress {
                    write(emphasis(WizardText.domainHeader(domain, number: progress.domain, of: progress.domains, width: width)))
                }
                let explain = !explainedPrefill && session.prefill != nil
                write(WizardText.question(session, width: width, editing: reader.editsLine, prefillHint: explain))
                if explain { explainedPrefill = true }
                shown = index
            }
            let request = LineRequest(
                prompt: "> ", prefill: session.prefill,
                completions: WizardText.completions(for: question, rerun: session.hasDefaults),
                helpKey: true, freeText: question.type == .text)
            let input = reader.readLine(request)
            guard case .line(let line) = input else { return .endOfInput }
            try carryOut(
                session.handle(line, emptyMeansDefault: !reader.editsLine), session: session,
                width: WizardText.layoutWidth(reader.columns), write: write, save: save)
            if let limit = maxInvalidAttempts, session.invalidAttempts >= limit, case .ask(let still) = session.step, still == index {
                return .tooManyInvalidAnswers(questionID: question.id)
            }
        }
    }

    /// Says once why the questions asked only after go-live were passed over, at the first one.
    private func explainNotYetDue(_ session: WizardSession, width: Int, write: (String) -> Void) {
        guard !explainedNotYetDue, let first = session.deferred.first else { return }
        write(
            WizardText.notYetDue(first, of: session.notYetDue.count, cutover: session.cutoverDate, in: session.questionnaire, width: width))
        explainedNotYetDue = true
    }

    private func carryOut(
        _ effects: [WizardSession.Effect], session: WizardSession, width: Int, write: (String) -> Void,
        save: (String, AnswerRecord?, String?) throws -> Void
    ) rethrows {
        for effect in effects {
            switch effect {
            case .save(let id, let record):
                try save(id, record, session.currentQuestion?.id)
            case .say(let message):
                write(Self.message("!", message, width: width))
            case .confirm(let message):
                write(Self.message("✓", message, width: width))
            case .showHelp(let id):
                // The question again after the help, so that it is on the screen however long the help.
                if let helped = session.questionnaire.question(id) {
                    write(WizardText.help(helped, width: width) + WizardText.reminder(helped, width: width))
                }
            case .skipped:
                let text =
                    explainedSkip
                    ? "skipped"
                    : "skipped; :back returns to it" + (offersReview ? ", and you are asked again before the run is recorded" : "")
                write(Self.message("–", text, width: width))
                explainedSkip = true
            }
        }
    }

    /// `  ! message`, wrapped with its continuation lines under the text.
    static func message(_ mark: String, _ text: String, width: Int) -> String {
        WizardText.wrap(text.terminalSafe(), width: width, indent: "  \(mark) ", continuation: "    ") + "\n"
    }
}
