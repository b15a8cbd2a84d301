/// Drives a ``WizardSession`` with a ``LineReader``: shows each question, reads a line, saves
/// every confirmed answer before the next question appears, and stops at the end, on `:quit`,
/// at end of input, or after too many invalid lines in plain mode.
public struct WizardLoop {
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
    public func run(_ session: inout WizardSession, reader: any LineReader,
                    write: (String) -> Void,
                    save: (String, AnswerRecord?, String?) throws -> Void) rethrows -> Outcome
    {
        var shown: Int?
        while true {
            guard case .ask(let index) = session.step, let question = session.currentQuestion else {
                return session.step == .quit ? .quit : .finished
            }
            if shown != index {
                if shown == nil || session.entersDomain, let domain = session.currentDomain, let progress = session.progress {
                    write(emphasis(WizardText.domainHeader(domain, number: progress.domain, of: progress.domains)))
                }
                write(WizardText.question(session))
                shown = index
            }
            let request = LineRequest(prompt: "> ", prefill: session.prefill, completions: WizardText.completions(for: question),
                                      helpKey: true, freeText: question.type == .text)
            let input = reader.readLine(request)
            guard case .line(let line) = input else { return .endOfInput }
            for effect in session.handle(line, emptyMeansDefault: !reader.editsLine) {
                switch effect {
                case .save(let id, let record):
                    try save(id, record, session.currentQuestion?.id)
                case .say(let message):
                    write("  ! \(message.terminalSafe())\n")
                case .confirm(let message):
                    write("  ✓ \(message.terminalSafe())\n")
                case .showHelp(let id):
                    if let helped = session.questionnaire.question(id) { write(WizardText.help(helped)) }
                }
            }
            if let limit = maxInvalidAttempts, session.invalidAttempts >= limit, case .ask(let still) = session.step, still == index {
                return .tooManyInvalidAnswers(questionID: question.id)
            }
        }
    }
}
