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
        /// Say that an empty line left this question unanswered (it was not taken as an answer).
        case skipped(questionID: String)
    }

    /// A question the wizard asks before it goes on: whether to keep the last run's note on an
    /// answer the lead just changed (`[Y/n]`), or, after a partly met gate, who closes it by when
    /// (one line: `:owner NAME :due YYYY-MM-DD`, Enter for later).
    public struct PendingQuestion: Sendable, Equatable {
        /// What is asked.
        public enum Kind: Sendable, Equatable {
            /// Keep the last run's note (the note).
            case keepNote(String)
            /// A commitment for a partly met gate.
            case commitment
        }

        /// The question concerned.
        public var questionID: String
        /// What is asked.
        public var kind: Kind
        /// What to show before the prompt.
        public var text: String

        /// The note kept or cleared, for ``Kind/keepNote(_:)``.
        public var note: String {
            if case .keepNote(let note) = kind { return note }
            return ""
        }

        /// The prompt: `[Y/n] ` for a note, `Commitment: ` for a commitment.
        public var prompt: String { kind == .commitment ? "Commitment: " : "[Y/n] " }
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
    /// The questions to ask (all when nil): the others are passed over without a word.
    public let asking: Set<String>?
    /// What the progress line counts when only some questions are asked (`Gap 3/41`).
    public let countLabel: String
    /// The questions passed over on the way to the current one because their `when` does not
    /// hold (empty after `:back`), for the question block to say so.
    public private(set) var passedOver: [Question] = []
    /// The questions passed over on the way to the current one because they are not yet due
    /// (asked only after go-live, in a pre-cutover run; empty after `:back`).
    public private(set) var deferred: [Question] = []
    /// The run's as-of date, which decides with the cutover answer given so far whether the
    /// `asked: after-cutover` questions are due (SCORING.md "Stage"); nil asks them whatever the
    /// stage.
    public let asOf: CalendarDate?
    /// A question to settle before going on (see ``PendingQuestion``).
    public private(set) var pending: PendingQuestion?
    /// Questions whose last-run note the lead was already asked about.
    private var noteOffered: Set<String> = []

    /// Starts a session at the first applicable question without a confirmed answer.
    ///
    /// - Parameters:
    ///   - questionnaire: The questionnaire to ask.
    ///   - answers: Answers already confirmed (a resumed draft).
    ///   - defaults: Answers offered as pre-fills (the latest run's, on a rerun).
    ///   - resumeAt: The question to continue at (a draft's saved position), when it applies.
    ///   - asking: The questions to ask, such as the gaps of the last run (`--only-gaps`) or the
    ///     questions skipped (the review before recording); nil asks every applicable question.
    ///     The progress line then counts these (`Gap 3/41`).
    ///   - countLabel: The word for them on the progress line.
    ///   - asOf: The run's as-of date (the UTC calendar date of the flow's clock): in a run that
    ///     is pre-cutover with the answers given so far, the questions asked only after go-live
    ///     are not yet due and not asked. Nil asks them whatever the stage.
    public init(
        questionnaire: Questionnaire, answers: AnswerSheet = [:], defaults: AnswerSheet = [:],
        resumeAt: String? = nil, asking: Set<String>? = nil, countLabel: String = "Gap", asOf: CalendarDate? = nil
    ) {
        self.questionnaire = questionnaire
        self.asOf = asOf
        self.answers = answers
        self.defaults = defaults
        self.asking = asking
        self.countLabel = countLabel
        questions = questionnaire.questions
        var domainIndex: [Int] = []
        for (index, domain) in questionnaire.domains.enumerated() {
            domainIndex += Array(repeating: index, count: domain.questions.count)
        }
        domainIndexOfQuestion = domainIndex
        preconfirmed = Set(answers.filter { $0.value.answer != nil }.keys)
        step = .finished
        step = nextToAsk(from: 0).map { .ask(index: $0) } ?? .finished
        // Continue where the lead left off: walk forward to the saved position, keeping the path for :back.
        if let resumeAt, let target = questions.firstIndex(where: { $0.id == resumeAt }), case .ask(var index) = step, index < target {
            while index < target, let next = nextAsked(from: index + 1), next <= target {
                visited.append(index)
                index = next
            }
            step = .ask(index: index)
            passedOver = []
            deferred = []
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

    /// The progress line's count: `Question 27/129`, or with ``asking`` `Gap 3/41` (the current
    /// question's place among the questions asked, those not yet due left out).
    public var countText: String? {
        guard case .ask(let index) = step else { return nil }
        if let asking {
            let due = notYetDue
            let asked = questions.indices.filter { asking.contains(questions[$0].id) && !due.contains(questions[$0].id) }
            if let place = asked.firstIndex(of: index) { return "\(countLabel) \(place + 1)/\(asked.count)" }
        }
        return "Question \(index + 1)/\(questions.count)"
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

    /// The text pre-filled for the current question: its confirmed answer, else its default. A
    /// record that holds only a note or evidence (`:note` before answering) keeps the default.
    public var prefill: String? {
        guard let question = currentQuestion else { return nil }
        let answer = answers[question.id]?.answer ?? defaults[question.id]?.answer
        return answer.map { AnswerText.plain($0) }
    }

    /// The questions not yet due with the answers given so far (SCORING.md): in a pre-cutover
    /// run, those asked only after go-live. The wizard does not ask them; empty without ``asOf``.
    public var notYetDue: Set<String> {
        guard let asOf else { return [] }
        return ReadinessScorer.notYetDue(questionnaire, answers: answers, asOf: asOf)
    }

    /// The cutover date answered so far, nil when none is (or the questionnaire names no cutover).
    public var cutoverDate: CalendarDate? {
        guard let asOf else { return nil }
        return ReadinessScorer.stage(questionnaire, answers: answers, asOf: asOf).cutover
    }

    /// The answers to record: the confirmed ones, and for every question not yet due that has no
    /// record of its own, the default's (an answer given earlier, in an answers file or a run, is
    /// kept and carried over, not scored, rather than dropped because it was not asked).
    public var recordedAnswers: AnswerSheet {
        var sheet = answers
        for id in notYetDue where sheet[id] == nil {
            if let kept = defaults[id] { sheet[id] = kept }
        }
        return sheet
    }

    /// True on a rerun: answers are offered from the defaults, so `:keep` applies.
    public var hasDefaults: Bool { !defaults.isEmpty }

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
        var text = line
        while text.hasSuffix("\r") { text.removeLast() }
        text = text.trimmingWhitespace
        if pending != nil { return settlePending(text) }
        guard case .ask(let index) = step else { return [] }
        let question = questions[index]
        // A command typed at the end of the pre-filled line runs instead of joining the answer.
        if !emptyMeansDefault, let prefill, !prefill.isEmpty, text.count > prefill.count, text.hasPrefix(prefill) {
            let tail = String(text.dropFirst(prefill.count)).trimmingWhitespace
            if tail == "?" || (tail.hasPrefix(":") && (question.type != .text || Self.isCommand(tail))) { text = tail }
        }

        if text == "?" || text == ":help" || text == ":?" || text == ":h" {
            return [.showHelp(questionID: question.id)]
        }
        if text.hasPrefix(":") {
            return command(text, question: question, index: index)
        }
        if text.isEmpty {
            if emptyMeansDefault, let prefill {
                text = prefill
            } else {
                let effects = skip(question: question, index: index, reason: "left unanswered")
                // An empty line is easily typed by mistake: say that the question was left open.
                guard case .save? = effects.first else { return effects }
                return effects + [.skipped(questionID: question.id)]
            }
        }
        do {
            let answer = try AnswerInterpreter.interpret(text, for: question, mode: .interactive)
            var record = startingRecord(question.id)
            record.answer = answer
            answers[question.id] = record
            var effects: [Effect] = [.save(questionID: question.id, record: record)]
            if let echo = Self.echo(text, answer: answer, question: question) { effects.append(.confirm(echo)) }
            offerNoteReview(question, record: record)
            if pending == nil { offerCommitment(question, record: record) }
            advance(from: index)
            return effects
        } catch {
            invalidAttempts += 1
            return [.say(error.message)]
        }
    }

    /// The command names the wizard knows, with their short forms.
    static let commandNames: Set<String> = [
        ":back", ":b", ":skip", ":s", ":unknown", ":u", ":na", ":n/a", ":note", ":evidence",
        ":quit", ":q", ":keep", ":k", ":help", ":h", ":?",
    ]

    /// True when `text` starts with a known command name.
    static func isCommand(_ text: String) -> Bool {
        let name = text.split(separator: " ", maxSplits: 1).first.map { String($0).lowercased() } ?? ""
        return commandNames.contains(name)
    }

    /// What the wizard took a short answer for, when it is not what was typed: `mix` gives
    /// `mixed (Mixed estate)`, `2` the second choice; nil for the id itself and for y/p/n.
    static func echo(_ typed: String, answer: Answer, question: Question) -> String? {
        guard case .value(let value) = answer else { return nil }
        let lower = typed.lowercased()
        func label(_ id: String) -> String { question.choice(id)?.label ?? id }
        switch value {
        case .choice(let id):
            if lower == id.lowercased() { return nil }
            if question.type != .choice, ["y", "p", "n"].contains(lower) { return nil }
            return "\(id) (\(label(id)))"
        case .choices(let ids):
            let canonical = (ids.isEmpty ? "none" : ids.joined(separator: ", ")).lowercased()
            if lower == canonical || lower.split(whereSeparator: { $0 == "," || $0 == " " }).joined(separator: ", ") == canonical {
                return nil
            }
            return ids.isEmpty ? "none" : ids.map { "\($0) (\(label($0)))" }.joined(separator: ", ")
        default:
            return nil
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
            passedOver = []
            deferred = []
            pending = nil
            return []
        case ":skip", ":s":
            return skip(question: question, index: index, reason: "skipped")
        case ":unknown", ":u":
            return confirm(.unknown, question: question, index: index)
        case ":na", ":n/a":
            guard question.notApplicable else {
                invalidAttempts += 1
                return [.say("n/a is not offered for this question; answer it, or use :unknown" + (question.required ? "" : " or :skip"))]
            }
            return confirm(.notApplicable, question: question, index: index)
        case ":keep", ":k":
            return keepRestOfDomain(from: index)
        case ":note", ":evidence":
            guard !argument.contains(where: { $0.isNewline }) else { return [.say("keep it to one line")] }
            var record = startingRecord(question.id)
            if name == ":note" {
                record.note = argument.isEmpty ? nil : argument
            } else {
                record.evidence = argument.isEmpty ? nil : argument
            }
            answers[question.id] = record
            let what = name == ":note" ? "note" : "evidence"
            return [
                .save(questionID: question.id, record: record),
                .confirm(argument.isEmpty ? "\(what) removed" : "\(what) saved; now answer the question"),
            ]
        case ":owner", ":due":
            guard !argument.contains(where: { $0.isNewline }) else { return [.say("keep it to one line")] }
            // `:owner Dana Lee :due 2027-02-15` sets both at once.
            let parts = Self.commitmentParts(text)
            return setCommitment(question.id, owner: parts.owner, due: parts.due, removing: argument.isEmpty)
        case ":quit", ":q":
            step = .quit
            return []
        default:
            invalidAttempts += 1
            var known = ["?", ":back"]
            if !question.required { known.append(":skip") }
            known.append(":unknown")
            if question.notApplicable { known.append(":na") }
            known += [":note TEXT", ":evidence TEXT", ":owner NAME", ":due YYYY-MM-DD"]
            if hasDefaults { known.append(":keep") }
            known.append(":quit")
            return [
                .say(
                    "unknown command \(text.split(separator: " ").first.map(String.init) ?? text); commands are \(known.joined(separator: ", "))"
                )
            ]
        }
    }

    /// `:keep`: confirms the pre-filled answer of the current question and of the questions after
    /// it in the same domain, up to the first one without a pre-fill (asked next) or the end of
    /// the domain; then says how many it kept.
    mutating func keepRestOfDomain(from start: Int) -> [Effect] {
        guard hasDefaults else {
            invalidAttempts += 1
            return [.say(":keep accepts the pre-filled answers of a rerun; there are none here")]
        }
        let domain = domainIndexOfQuestion[start]
        var effects: [Effect] = []
        var kept: [Int] = []
        var index = start
        while true {
            let question = questions[index]
            guard let answer = answers[question.id]?.answer ?? defaults[question.id]?.answer else { break }
            var record = startingRecord(question.id)
            record.answer = answer
            answers[question.id] = record
            effects.append(.save(questionID: question.id, record: record))
            kept.append(index)
            advance(from: index)
            guard case .ask(let next) = step, domainIndexOfQuestion[next] == domain else { break }
            index = next
        }
        guard !kept.isEmpty else {
            invalidAttempts += 1
            return [.say("this question has no pre-filled answer to keep; answer it")]
        }
        let title = questionnaire.domains[domain].title
        var message = "kept \(kept.count) pre-filled answer\(kept.count == 1 ? "" : "s") of \(title)"
        if kept.count > 1 { message += " (questions \(kept[0] + 1)–\(kept[kept.count - 1] + 1))" }
        if case .ask(let next) = step, domainIndexOfQuestion[next] == domain {
            message += "; question \(next + 1) has none"
        }
        effects.append(.confirm(message + "; :back goes over them"))
        return effects
    }

    /// After a changed answer on a rerun, asks once whether to keep the last run's note.
    mutating func offerNoteReview(_ question: Question, record: AnswerRecord) {
        guard let old = defaults[question.id], let note = old.note, record.note == note, record.answer != old.answer,
            !noteOffered.contains(question.id)
        else { return }
        noteOffered.insert(question.id)
        pending = PendingQuestion(
            questionID: question.id, kind: .keepNote(note),
            text: "The answer changed, and the note of the last answer is still attached: \"\(note)\". Keep it? (y = keep, n = clear it)")
    }

    /// After a gate answered as partly met without a commitment, asks who closes it by when
    /// (SCORING.md rules 1 and 4: a partly met gate needs an on-time commitment).
    mutating func offerCommitment(_ question: Question, record: AnswerRecord) {
        guard question.gating, record.commitment == nil, case .value(let value)? = record.answer,
            let s = ReadinessScorer.answerScore(question, value), s > 0, s < 1
        else { return }
        pending = PendingQuestion(
            questionID: question.id, kind: .commitment,
            text: "\(question.displayTitle) is a gate only partly met: without a dated commitment it blocks the migration. "
                + "Who closes it, and by when? Type :owner NAME :due YYYY-MM-DD (Enter: later; :back returns to the question)")
    }

    /// Reads `:owner NAME` and `:due YYYY-MM-DD` from one line (either or both, any order).
    static func commitmentParts(_ text: String) -> (owner: String?, due: String?, rest: String) {
        var owner: String?, due: String?, rest = ""
        var current: String?
        var value = ""
        func flush() {
            switch current {
            case ":owner": owner = value.trimmingWhitespace
            case ":due": due = value.trimmingWhitespace
            default: rest += value
            }
            value = ""
        }
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let lower = word.lowercased()
            if lower == ":owner" || lower == ":due" {
                flush()
                current = lower
            } else {
                value += (value.isEmpty ? "" : " ") + word
            }
        }
        flush()
        return (owner, due, rest.trimmingWhitespace)
    }

    /// Applies `:owner`/`:due` values to the current or pending question's record.
    mutating func setCommitment(_ id: String, owner: String?, due: String?, removing: Bool) -> [Effect] {
        var record = startingRecord(id)
        if let owner {
            guard !owner.unicodeScalars.contains(where: AppName.isForbidden) else {
                invalidAttempts += 1
                return [.say("the owner's name must be one line of text")]
            }
            record.owner = owner.isEmpty ? nil : owner
        }
        if let due {
            if due.isEmpty {
                record.due = nil
            } else if let date = CalendarDate(due) {
                record.due = date
            } else {
                invalidAttempts += 1
                return [.say("'\(due)' is not a date; expected :due YYYY-MM-DD, such as 2027-03-31")]
            }
        }
        answers[id] = record
        let message: String
        switch (record.owner, record.due) {
        case let (owner?, due?):
            message = "commitment saved: \(owner), due \(due)" + commitmentWarning(record)
        case let (owner?, nil): message = "owner saved (\(owner)); add :due YYYY-MM-DD to make it a commitment"
        case let (nil, due?): message = "due date saved (\(due)); add :owner NAME to make it a commitment"
        case (nil, nil): message = removing ? "commitment removed" : "no commitment"
        }
        return [.save(questionID: id, record: record), .confirm(message)]
    }

    /// " — ⚠ already overdue: …" or " — ⚠ after the cutover …" for a commitment that counts as
    /// overdue or late under the run's as-of date and the cutover answered so far (SCORING.md:
    /// either keeps the gate blocking), else "".
    func commitmentWarning(_ record: AnswerRecord) -> String {
        guard let asOf, let commitment = record.commitment else { return "" }
        let cutover = ReadinessScorer.calendarDates(questionnaire, answers: answers).cutover
        switch commitment.status(asOf: asOf, cutover: cutover, stage: ReadinessScorer.stage(cutover: cutover, asOf: asOf)) {
        case .overdue: return " — ⚠ already overdue (before \(asOf)): an overdue commitment does not lift the gate"
        case .afterCutover:
            return " — ⚠ after the cutover (\(cutover.map(String.init(describing:)) ?? "")): a gate must be closed by the cutover"
        case .onTime: return ""
        }
    }

    /// Settles ``pending`` with the line typed at its prompt.
    mutating func settlePending(_ text: String) -> [Effect] {
        guard let pending else { return [] }
        if pending.kind == .commitment {
            if text.isEmpty {
                self.pending = nil
                return [.confirm("no commitment yet: the gate stays open until one is given (:back, then :owner and :due)")]
            }
            if text.lowercased() == ":back" {
                self.pending = nil
                return command(":back", question: currentQuestion ?? questions[0], index: 0)
            }
            let parts = Self.commitmentParts(text)
            guard parts.owner != nil || parts.due != nil, parts.rest.isEmpty else {
                invalidAttempts += 1
                return [.say("expected :owner NAME :due YYYY-MM-DD, or Enter to go on")]
            }
            let effects = setCommitment(pending.questionID, owner: parts.owner, due: parts.due, removing: false)
            // The prompt stays until the commitment has both its owner and its date (or Enter
            // leaves it for later): a `:due` typed on the next line belongs to this gate.
            if case .save = effects.first, answers[pending.questionID]?.commitment != nil { self.pending = nil }
            return effects
        }
        switch text.lowercased() {
        case "", "y", "yes":
            self.pending = nil
            return [.confirm("note kept")]
        case "n", "no":
            self.pending = nil
            guard var record = answers[pending.questionID] else { return [] }
            record.note = nil
            answers[pending.questionID] = record
            return [.save(questionID: pending.questionID, record: record), .confirm("note cleared")]
        default:
            invalidAttempts += 1
            return [.say("answer y to keep the note or n to clear it")]
        }
    }

    /// Settles ``pending`` without asking (plain mode, where one line answers one question): a
    /// note is kept; a commitment is left for later, with a hint.
    public mutating func keepPendingNote() -> String? {
        guard let pending else { return nil }
        self.pending = nil
        if pending.kind == .commitment {
            return "\(questionnaire.question(pending.questionID)?.displayTitle ?? pending.questionID) is a gate only partly met: "
                + "give it a commitment with :owner NAME and :due YYYY-MM-DD (:back returns to it)"
        }
        return "the note of the last answer is kept: \"\(pending.note)\"; :back then :note TEXT changes it, :note alone clears it"
    }

    /// The record a question starts from: its confirmed one, else the default's note, evidence
    /// and commitment (a rerun keeps them unless the lead changes them), with no answer yet.
    func startingRecord(_ id: String) -> AnswerRecord {
        if let record = answers[id] { return record }
        return AnswerRecord(
            answer: nil, note: defaults[id]?.note, evidence: defaults[id]?.evidence, owner: defaults[id]?.owner,
            due: defaults[id]?.due)
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

    /// The next question to ask at or after `start`, passing over (and recording as visited) the
    /// ones answered before the session started, and noting in ``passedOver`` the ones whose
    /// `when` does not hold.
    mutating func nextToAsk(from start: Int) -> Int? {
        passedOver = []
        deferred = []
        var from = start
        let due = notYetDue
        while true {
            guard let index = nextAsked(from: from) else {
                passedOver += hidden(from: from, to: questions.count, notYetDue: due)
                deferred += notDue(from: from, to: questions.count, notYetDue: due)
                return nil
            }
            passedOver += hidden(from: from, to: index, notYetDue: due)
            deferred += notDue(from: from, to: index, notYetDue: due)
            guard preconfirmed.contains(questions[index].id), answers[questions[index].id]?.answer != nil else { return index }
            visited.append(index)
            from = index + 1
        }
    }

    /// The next applicable question at or after `start` among those asked (``asking``).
    func nextAsked(from start: Int) -> Int? {
        var from = start
        let due = notYetDue
        while let index = nextApplicable(from: from, notYetDue: due) {
            if asking?.contains(questions[index].id) ?? true { return index }
            from = index + 1
        }
        return nil
    }

    /// The questions in `start..<end` that would be asked but for their `when` (not those that
    /// are not yet due: ``notDue(from:to:notYetDue:)`` lists them).
    func hidden(from start: Int, to end: Int, notYetDue: Set<String>) -> [Question] {
        guard start < end else { return [] }
        return (start..<end).filter { position in
            let question = questions[position]
            guard question.when != nil, !notYetDue.contains(question.id), asking?.contains(question.id) ?? true,
                !preconfirmed.contains(question.id)
            else { return false }
            return nextApplicable(from: position, notYetDue: notYetDue) != position
        }.map { questions[$0] }
    }

    /// The questions in `start..<end` that would be asked but are not yet due.
    func notDue(from start: Int, to end: Int, notYetDue: Set<String>) -> [Question] {
        guard start < end, !notYetDue.isEmpty else { return [] }
        return questions[start..<end].filter { notYetDue.contains($0.id) && (asking?.contains($0.id) ?? true) }
    }

    /// The first question at or after `start` that is due and whose `when` holds on the answers
    /// so far (a question not yet due gives no value to a later `when`, as in the scorer).
    func nextApplicable(from start: Int, notYetDue: Set<String>? = nil) -> Int? {
        guard start < questions.count else { return nil }
        let notYetDue = notYetDue ?? self.notYetDue
        // Usable values of the questions before `start` that are themselves asked.
        var usable: [String: AnswerValue] = [:]
        for (position, question) in questions.enumerated() {
            let asked = !notYetDue.contains(question.id) && (question.when?.holds { usable[$0] } ?? true)
            if position >= start && asked { return position }
            if asked, let value = answers[question.id]?.answer?.value { usable[question.id] = value }
        }
        return nil
    }

    /// The first question that is asked and has no answer, or nil when all are answered (those
    /// not yet due are not asked).
    public var firstUnanswered: Question? {
        let statuses = Applicability.statuses(questionnaire, answers: answers, notYetDue: notYetDue)
        return questionnaire.questions.first { statuses[$0.id] == .unanswered }
    }
}
