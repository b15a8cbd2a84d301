/// The wizard's logic as a state machine, with no I/O: one question at a time, commands,
/// `when` skipping, going back, and the answers to save.
///
/// Feed it each line the lead typed with ``handle(_:)``; it returns what to save and what to
/// say, and moves to the next question. The caller saves every ``Effect/save(questionID:record:)``
/// before it shows the next question, so that no confirmed answer is ever lost.
///
/// ```swift
/// var session = WizardSession(questionnaire: q, answers: draft, defaults: lastRun)
/// while case .ask(let prompt) = session.step {
///     let effects = session.handle(readLine() ?? ":quit", emptyMeansDefault: true)
///     …
/// }
/// ```
public struct WizardSession: Sendable {
    /// What the wizard is doing.
    public enum Step: Sendable, Equatable {
        /// Asking the question at this index of ``Questionnaire/questions``.
        case ask(index: Int)
        /// Every applicable question has been passed: record the run.
        case finished
        /// The lead typed `:quit`.
        case quit
    }

    /// What the caller must do after a line was handled, in order.
    public enum Effect: Sendable, Equatable {
        /// Save this question's record to the draft (nil removes it) before going on.
        case save(questionID: String, record: AnswerRecord?)
        /// Show this one-line reason: the line was not accepted.
        case say(String)
        /// Show this one-line confirmation.
        case confirm(String)
        /// Show the question's help.
        case showHelp(questionID: String)
    }

    /// The questionnaire.
    public let questionnaire: Questionnaire
    /// Confirmed answers (with notes and evidence), by question id.
    public private(set) var answers: AnswerSheet
    /// Defaults offered as the pre-filled answer (for example the latest run's answers).
    public let defaults: AnswerSheet
    /// The current step.
    public private(set) var step: Step
    /// Indices of the questions asked before the current one, for `:back`.
    private var visited: [Int] = []
    /// Consecutive invalid lines on the current question.
    public private(set) var invalidAttempts = 0
    private let questions: [Question]
    private let domainIndexOfQuestion: [Int]
    /// Questions answered before the session started (a resumed draft, answers carried over by
    /// --only-gaps): moving forward passes over them; `:back` still reaches them.
    private let preconfirmed: Set<String>

    /// Starts a session at the first applicable question without a confirmed answer.
    ///
    /// - Parameters:
    ///   - questionnaire: The questionnaire to ask.
    ///   - answers: Answers already confirmed (a resumed draft).
    ///   - defaults: Answers offered as pre-fills (the latest run's, on a rerun).
    ///   - askAnswered: Start at the very first applicable question even when it is answered
    ///     (a rerun walks through every question); false resumes at the first unanswered one.
    ///   - resumeAt: The question to continue at (a draft's saved position), when it applies.
    public init(questionnaire: Questionnaire, answers: AnswerSheet = [:], defaults: AnswerSheet = [:], askAnswered: Bool = false,
                resumeAt: String? = nil)
    {
        self.questionnaire = questionnaire
        self.answers = answers
        self.defaults = defaults
        questions = questionnaire.questions
        var domainIndex: [Int] = []
        for (index, domain) in questionnaire.domains.enumerated() {
            domainIndex += Array(repeating: index, count: domain.questions.count)
        }
        domainIndexOfQuestion = domainIndex
        preconfirmed = askAnswered ? [] : Set(answers.filter { $0.value.answer != nil }.keys)
        step = .finished
        step = nextToAsk(from: 0).map { .ask(index: $0) } ?? .finished
        // Continue where the lead left off: walk forward to the saved position, keeping the path for :back.
        if let resumeAt, let target = questions.firstIndex(where: { $0.id == resumeAt }), case .ask(var index) = step, index < target {
            while index < target, let next = nextApplicable(from: index + 1), next <= target {
                visited.append(index)
                index = next
            }
            step = .ask(index: index)
        }
    }

    // MARK: - What to show

    /// The question being asked, or nil when finished or quit.
    public var currentQuestion: Question? {
        if case .ask(let index) = step { return questions[index] }
        return nil
    }

    /// Position of the current question: domain number and count, question number and count
    /// (1-based, in questionnaire order; questions skipped by `when` keep their numbers).
    public var progress: (domain: Int, domains: Int, question: Int, questions: Int)? {
        guard case .ask(let index) = step else { return nil }
        return (domainIndexOfQuestion[index] + 1, questionnaire.domains.count, index + 1, questions.count)
    }

    /// The current question's domain.
    public var currentDomain: Domain? {
        guard case .ask(let index) = step else { return nil }
        return questionnaire.domains[domainIndexOfQuestion[index]]
    }

    /// True when the current question is the first one shown in its domain on the way forward,
    /// so a domain header belongs before it.
    public var entersDomain: Bool {
        guard case .ask(let index) = step else { return false }
        guard let previous = visited.last else { return true }
        return domainIndexOfQuestion[previous] != domainIndexOfQuestion[index]
    }

    /// The text pre-filled for the current question: its confirmed answer, else its default.
    public var prefill: String? {
        guard let question = currentQuestion else { return nil }
        let record = answers[question.id] ?? defaults[question.id]
        return record?.answer.map { AnswerText.plain($0) }
    }

    /// The note and evidence recorded so far for the current question (or carried from the defaults).
    public var currentRecord: AnswerRecord? {
        currentQuestion.map { startingRecord($0.id) }
    }

    // MARK: - Handling a line

    /// Handles one line typed for the current question.
    ///
    /// - Parameters:
    ///   - line: The line, without its line ending.
    ///   - emptyMeansDefault: True in plain mode, where the pre-fill is not in the edit buffer and
    ///     an empty line takes it; false with line editing, where an empty line means the lead
    ///     cleared the pre-fill (the question is left unanswered).
    /// - Returns: The effects to carry out, in order.
    public mutating func handle(_ line: String, emptyMeansDefault: Bool) -> [Effect] {
        guard case .ask(let index) = step else { return [] }
        let question = questions[index]
        var text = line
        while text.hasSuffix("\r") { text.removeLast() }
        text = text.trimmingWhitespace

        if text == "?" || text == ":help" || text == ":?" {
            return [.showHelp(questionID: question.id)]
        }
        if text.hasPrefix(":") {
            return command(text, question: question, index: index)
        }
        if text.isEmpty {
            if emptyMeansDefault, let prefill {
                text = prefill
            } else {
                return skip(question: question, index: index, reason: "left unanswered")
            }
        }
        do {
            let answer = try AnswerInterpreter.interpret(text, for: question, mode: .interactive)
            var record = startingRecord(question.id)
            record.answer = answer
            answers[question.id] = record
            advance(from: index)
            return [.save(questionID: question.id, record: record)]
        } catch {
            invalidAttempts += 1
            return [.say(error.message)]
        }
    }

    mutating func command(_ text: String, question: Question, index: Int) -> [Effect] {
        let parts = text.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        let name = parts.first.map { String($0).lowercased() } ?? ""
        let argument = parts.count > 1 ? String(parts[1]).trimmingWhitespace : ""
        switch name {
        case ":back", ":b":
            guard let previous = visited.popLast() else {
                return [.say("this is the first question")]
            }
            step = .ask(index: previous)
            invalidAttempts = 0
            return []
        case ":skip", ":s":
            return skip(question: question, index: index, reason: "skipped")
        case ":unknown", ":u":
            return confirm(.unknown, question: question, index: index)
        case ":na", ":n/a":
            guard question.notApplicable else {
                invalidAttempts += 1
                return [.say("n/a is not offered for this question; answer it, or use :unknown or :skip")]
            }
            return confirm(.notApplicable, question: question, index: index)
        case ":note", ":evidence":
            guard !argument.contains(where: { $0.isNewline }) else { return [.say("keep it to one line")] }
            var record = startingRecord(question.id)
            if name == ":note" { record.note = argument.isEmpty ? nil : argument } else { record.evidence = argument.isEmpty ? nil : argument }
            answers[question.id] = record
            let what = name == ":note" ? "note" : "evidence"
            return [.save(questionID: question.id, record: record),
                    .confirm(argument.isEmpty ? "\(what) removed" : "\(what) saved; now answer the question")]
        case ":quit", ":q":
            step = .quit
            return []
        default:
            invalidAttempts += 1
            return [.say("unknown command \(text.split(separator: " ").first.map(String.init) ?? text); commands are ?, :back, :skip, :unknown, :na, :note TEXT, :evidence TEXT, :quit")]
        }
    }

    /// The record a question starts from: its confirmed one, else the default's note and
    /// evidence (a rerun keeps them unless the lead changes them), with no answer yet.
    func startingRecord(_ id: String) -> AnswerRecord {
        if let record = answers[id] { return record }
        return AnswerRecord(answer: nil, note: defaults[id]?.note, evidence: defaults[id]?.evidence)
    }

    mutating func confirm(_ answer: Answer, question: Question, index: Int) -> [Effect] {
        var record = startingRecord(question.id)
        record.answer = answer
        answers[question.id] = record
        advance(from: index)
        return [.save(questionID: question.id, record: record)]
    }

    mutating func skip(question: Question, index: Int, reason: String) -> [Effect] {
        if question.required {
            invalidAttempts += 1
            return [.say("this question is required: other questions depend on it; answer it or use :unknown")]
        }
        var record: AnswerRecord? = startingRecord(question.id)
        record?.answer = nil
        if let kept = record, kept.note == nil, kept.evidence == nil { record = nil }
        if let record { answers[question.id] = record } else { answers[question.id] = nil }
        advance(from: index)
        return [.save(questionID: question.id, record: record)]
    }

    mutating func advance(from index: Int) {
        visited.append(index)
        invalidAttempts = 0
        step = nextToAsk(from: index + 1).map { .ask(index: $0) } ?? .finished
    }

    /// The next applicable question at or after `start`, passing over (and recording as visited)
    /// the ones answered before the session started.
    mutating func nextToAsk(from start: Int) -> Int? {
        var index = nextApplicable(from: start)
        while let current = index, preconfirmed.contains(questions[current].id), answers[questions[current].id]?.answer != nil {
            visited.append(current)
            index = nextApplicable(from: current + 1)
        }
        return index
    }

    /// The first question at or after `start` whose `when` holds on the answers so far.
    func nextApplicable(from start: Int) -> Int? {
        guard start < questions.count else { return nil }
        // Usable values of the questions before `start` that are themselves asked.
        var usable: [String: AnswerValue] = [:]
        for (position, question) in questions.enumerated() {
            let asked = question.when?.holds { usable[$0] } ?? true
            if position >= start && asked { return position }
            if asked, let value = answers[question.id]?.answer?.value { usable[question.id] = value }
        }
        return nil
    }

    /// The first question that is asked and has no answer, or nil when all are answered.
    public var firstUnanswered: Question? {
        let card = ReadinessScorer.score(questionnaire, answers: answers)
        return card.questions.first { $0.status == .unanswered }.flatMap { questionnaire.question($0.questionID) }
    }
}
