/// The wizard's screens as plain text (no escape sequences): domain headers, question blocks,
/// help. User and questionnaire text is made terminal-safe here, and every text is wrapped at
/// word boundaries to the width given (the terminal's, at most 100 columns).
public enum WizardText {
    /// The widest text the wizard lays out, however wide the terminal.
    public static let maximumWidth = 100

    /// The width to lay text out at for a terminal of `columns` columns.
    public static func layoutWidth(_ columns: Int) -> Int {
        min(max(columns, 20), maximumWidth)
    }

    /// The header shown when the wizard enters a domain.
    public static func domainHeader(_ domain: Domain, number: Int, of count: Int, width: Int = maximumWidth) -> String {
        var text = "\n" + wrap("Domain \(number)/\(count): \(domain.title.terminalSafe())", width: width) + "\n"
        if !domain.summary.isEmpty { text += wrap(domain.summary.terminalSafe(), width: width) + "\n" }
        return text
    }

    /// The question block: what was passed over, progress line, prompt, choices, the current note
    /// and evidence, and a hint.
    ///
    /// - Parameters:
    ///   - session: The session; its current question is shown.
    ///   - width: The width to wrap at.
    ///   - editing: True with line editing (Tab completes, the pre-fill is in the line).
    ///   - prefillHint: True to explain the pre-fill (shown once per session).
    /// - Returns: The block, wrapped at `width`, starting and ending with a newline; empty when the session
    ///   has no current question.
    public static func question(
        _ session: WizardSession, width: Int = maximumWidth, editing: Bool = true,
        prefillHint: Bool = true
    ) -> String {
        guard let question = session.currentQuestion, let progress = session.progress else { return "" }
        var text = "\n"
        var marks: [String] = []
        if question.gating { marks.append("gating") }
        if question.required { marks.append("required") }
        if !question.isScored { marks.append("context") }
        let count = session.countText ?? "Question \(progress.question)/\(progress.questions)"
        let line = ["Domain \(progress.domain)/\(progress.domains)", count] + marks
        text += wrap(line.joined(separator: " · "), width: width) + "\n"
        text += wrap(question.prompt.terminalSafe(), width: width) + "\n"
        text += choiceLines(question, width: width)
        if let record = session.currentRecord {
            if let note = record.note {
                text += wrap("note: \(note.terminalSafe())", width: width, indent: "  ", continuation: "    ") + "\n"
            }
            if record.owner != nil || record.due != nil {
                let owner = record.owner.map { $0.terminalSafe() } ?? "no owner yet"
                let due = record.due.map { "due \($0)" } ?? "no due date yet"
                text += wrap("commitment: \(owner), \(due)", width: width, indent: "  ", continuation: "    ") + "\n"
            }
            if let evidence = record.evidence {
                text += wrap("evidence: \(evidence.terminalSafe())", width: width, indent: "  ", continuation: "    ") + "\n"
            }
        }
        text += wrap(hint(question, editing: editing, rerun: session.hasDefaults && session.prefill != nil), width: width) + "\n"
        if prefillHint, session.prefill != nil {
            let explained =
                editing
                ? "Pre-filled with the last answer: Enter keeps it, Ctrl-U clears the line to type another"
                    + (session.hasDefaults ? ", :keep keeps the rest of this domain." : ".")
                : "Enter keeps the answer shown; type another to change it"
                    + (session.hasDefaults ? ", :keep keeps the rest of this domain." : ".")
            text += wrap(explained, width: width) + "\n"
        }
        return text
    }

    /// The numbered choices of a `choice` or `multi` question, one per line (labels in a column
    /// when it leaves them room, else each under its id); empty for other types.
    static func choiceLines(_ question: Question, width: Int) -> String {
        guard question.type == .choice || question.type == .multi else { return "" }
        var text = ""
        let numberWidth = String(question.choices.count).count
        let idWidth = question.choices.map(\.id.displayWidth).max() ?? 0
        // Labels in a column when it leaves them room; else each label under its id.
        let column = 2 + numberWidth + 2 + idWidth + 2
        for (index, choice) in question.choices.enumerated() {
            let number = String(index + 1)
            let head = "  " + String(repeating: " ", count: numberWidth - number.count) + number + ") " + choice.id
            if column + 20 <= width {
                let padded = head + String(repeating: " ", count: column - head.displayWidth)
                text +=
                    wrap(
                        choice.label.terminalSafe(), width: width, indent: padded,
                        continuation: String(repeating: " ", count: column)) + "\n"
            } else {
                text += wrap(choice.id, width: width, indent: head.replacing(choice.id, with: ""), continuation: "      ") + "\n"
                text += wrap(choice.label.terminalSafe(), width: width, indent: "      ", continuation: "      ") + "\n"
            }
        }
        return text
    }

    /// The question again after its help, so that what is asked is on the screen while the
    /// answer is typed, however long the help: a blank line, the prompt and the choices.
    public static func reminder(_ question: Question, width: Int = maximumWidth) -> String {
        "\n" + wrap(question.prompt.terminalSafe(), width: width) + "\n" + choiceLines(question, width: width)
    }

    /// "(Question 23, Vendor SOC coverage, does not apply: it is asked only when Third-party
    /// providers is ISV, MSP or Several.)" for the questions hidden by their `when` on the way to
    /// the current one, in the lead's words (short titles and choice labels, ``Condition/phrase(in:)``;
    /// a condition too complex to phrase is named by the questions it reads), wrapped, with a
    /// newline; nil when there are none. Questions with the same condition are named together.
    public static func passedOver(_ questions: [Question], in questionnaire: Questionnaire, width: Int = maximumWidth) -> String? {
        guard !questions.isEmpty else { return nil }
        let numbers = Dictionary(uniqueKeysWithValues: questionnaire.questions.enumerated().map { ($1.id, $0 + 1) })
        // What each question's condition says, and the questions that share it, in order.
        var groups: [(condition: String?, reads: String, questions: [Question])] = []
        for question in questions {
            let phrase = question.when?.phrase(in: questionnaire)
            let reads = Condition.list(uniqueTitles(question.when?.referencedQuestions ?? [], in: questionnaire), conjunction: "and")
            if let index = groups.firstIndex(where: { $0.condition == phrase && $0.reads == reads }) {
                groups[index].questions.append(question)
            } else {
                groups.append((phrase, reads, [question]))
            }
        }
        func name(_ group: [Question]) -> String {
            let listed = Condition.list(group.map { String(numbers[$0.id] ?? 0) }, conjunction: "and")
            if group.count == 1, let question = group.first { return "\(listed), \(question.displayTitle)," }
            return "\(listed) (\(group.map(\.displayTitle).joined(separator: "; ")))"
        }
        // A condition too complex to phrase is named by the questions it reads.
        func why(_ group: (condition: String?, reads: String, questions: [Question]), subject: String) -> String {
            let one = group.questions.count == 1
            let reads = group.reads.isEmpty ? "earlier answers" : group.reads
            return "\(subject)\(one ? "is" : "are") asked only when " + (group.condition ?? "a condition on \(reads) holds")
        }
        let text: String
        if groups.count == 1, let group = groups.first {
            let one = group.questions.count == 1
            let reads = group.reads.isEmpty ? "earlier answers" : group.reads
            text =
                "(Question\(one ? "" : "s") \(name(group.questions)) \(one ? "does" : "do") not apply: "
                + (group.condition == nil
                    ? "\(one ? "its" : "their") condition on \(reads) does not hold" : why(group, subject: one ? "it " : "they "))
                + ".)"
        } else {
            let parts = groups.prefix(5).map { group in
                why(group, subject: "question\(group.questions.count == 1 ? "" : "s") \(name(group.questions)) ")
            }
            let rest = groups.dropFirst(5).reduce(0) { $0 + $1.questions.count }
            let more = rest > 0 ? "; and \(rest) more" : ""
            text = "(\(questions.count) questions do not apply: \(parts.joined(separator: "; "))\(more).)"
        }
        return "\n" + wrap(text.terminalSafe(), width: width, indent: "  ", continuation: "  ") + "\n"
    }

    /// The short titles of `ids`, each once, in order.
    static func uniqueTitles(_ ids: [String], in questionnaire: Questionnaire) -> [String] {
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }.map { questionnaire.question($0)?.displayTitle ?? $0 }
    }

    /// Why the questions asked only after go-live are passed over in a pre-cutover run, said once
    /// at the first of them: "(7 questions are asked only after go-live, and the cutover date,
    /// 2027-03-31, is still ahead: …)", wrapped, with a newline.
    ///
    /// - Parameters:
    ///   - first: The first question passed over.
    ///   - count: How many questions are not yet due.
    ///   - cutover: The cutover date answered, nil when none is.
    ///   - questionnaire: The questionnaire (for the question's number).
    ///   - width: The width to wrap at.
    /// - Returns: The note in parentheses, indented by two spaces, with a newline before and after.
    public static func notYetDue(
        _ first: Question, of count: Int, cutover: CalendarDate?, in questionnaire: Questionnaire,
        width: Int = maximumWidth
    ) -> String {
        let number = (questionnaire.questions.firstIndex { $0.id == first.id } ?? 0) + 1
        let one = count == 1
        var text = "(\(count) question\(one ? " is" : "s are") asked only after go-live, and "
        text += cutover.map { "the cutover date, \($0), is still ahead" } ?? "no cutover date is given"
        text +=
            one
            ? ": it is not asked in this run (question \(number), \(first.displayTitle))."
            : ": they are not asked in this run, starting with question \(number), \(first.displayTitle)."
        text +=
            cutover == nil
            ? " A rerun asks \(one ? "it" : "them") once the cutover date is given and has passed.)"
            : " A rerun on or after the cutover date asks \(one ? "it" : "them").)"
        return "\n" + wrap(text.terminalSafe(), width: width, indent: "  ", continuation: "  ") + "\n"
    }

    /// One line saying how to answer and which commands exist.
    ///
    /// - Parameters:
    ///   - question: The question.
    ///   - editing: True with line editing: only then does Tab complete.
    ///   - rerun: True when the answer is pre-filled from the last run (`:keep` is offered).
    /// - Returns: `Answer with … · ? help · :back …`, unwrapped, without a newline.
    public static func hint(_ question: Question, editing: Bool = true, rerun: Bool = false) -> String {
        let tab = editing ? " (Tab completes)" : ""
        let how: String
        switch question.type {
        case .choice: how = "a number or choice id\(tab)"
        case .multi: how = "numbers or ids, comma-separated, or none\(tab)"
        case .yesPartialNo: how = "y(es), p(artial) or n(o)"
        case .yesNo: how = "y(es) or n(o)"
        case .number: how = AnswerInterpreter.expectedForm(question)
        case .date: how = "a date YYYY-MM-DD"
        case .text: how = "one line of text"
        }
        var commands = question.required ? [":back", ":unknown"] : [":back", ":skip", ":unknown"]
        if question.notApplicable { commands.append(":na") }
        if rerun { commands.append(":keep") }
        commands.append(":quit")
        return "Answer with \(how) · ? help · \(commands.joined(separator: " "))"
    }

    /// The help screen of `?`: why it matters, evidence, the Azure capability, the remediation.
    public static func help(_ question: Question, width: Int = maximumWidth) -> String {
        var text = "\n"
        text +=
            question.help.isEmpty
            ? "  No help text for this question.\n" : flowed(question.help.terminalSafe(keepNewlines: true), width: width)
        if question.isScored {
            var facts = [
                "\(NumberText.plain(question.points)) point\(question.points == 1 ? "" : "s")", "gap risk \(question.gapRisk.rawValue)",
            ]
            if let control = question.control { facts.insert(control.rawValue, at: 0) }
            if question.gating { facts.append("gating: a gap here can block the migration") }
            text += wrap("Scoring: \(facts.joined(separator: " · "))", width: width, indent: "  ", continuation: "    ") + "\n"
        } else {
            text +=
                wrap("Context only: not scored; other questions may depend on it.", width: width, indent: "  ", continuation: "  ") + "\n"
        }
        if let remediation = question.remediation {
            if !remediation.azure.isEmpty {
                text +=
                    wrap(
                        "Azure capability that closes the gap: \(remediation.azure.joined(separator: "; ").terminalSafe())",
                        width: width, indent: "  ", continuation: "    ") + "\n"
            }
            let owner = remediation.owner.isEmpty ? "" : " (owner: \(remediation.owner.terminalSafe()))"
            text +=
                wrap("If it is a gap: \(remediation.action.terminalSafe())\(owner)", width: width, indent: "  ", continuation: "    ")
                + "\n"
        }
        if !question.itgc.isEmpty || !question.cuec.isEmpty {
            var line = "ITGC: \(question.itgc.map(\.title).joined(separator: ", "))"
            if !question.cuec.isEmpty { line += " · CUEC themes: \(question.cuec.joined(separator: ", ").terminalSafe())" }
            text += wrap(line, width: width, indent: "  ", continuation: "    ") + "\n"
        }
        var commands = "Commands: ? help · :back previous question"
        commands += question.required ? " · (required: other questions depend on it)" : " · :skip leave unanswered"
        commands += " · :unknown don't know"
        commands += question.notApplicable ? " · :na not applicable" : ""
        commands +=
            " · :note TEXT · :evidence TEXT (ticket, URL, document id) · :owner NAME and :due YYYY-MM-DD (who closes the gap by when)"
            + " · :keep keep the rest of the domain's pre-filled answers (reruns)"
        commands += " · :quit save and leave"
        text += wrap(commands, width: width, indent: "  ", continuation: "    ") + "\n"
        return text
    }

    /// Help text as written in a questionnaire, its paragraphs re-flowed: the author's single line
    /// breaks (`help: |` keeps them) become spaces, a blank line separates paragraphs, and a line
    /// that starts a list item (`- `, `* `, `• `, `1. `, `1) `) or a label (`Evidence auditors ask
    /// for:`, `On Azure:`: a capitalised phrase of at most six words before a colon) starts a new
    /// line. Each paragraph has one logical line per item; nothing else is changed.
    public static func reflow(_ text: String) -> String {
        var paragraphs: [[String]] = []
        var current: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw).trimmingWhitespace
            if line.isEmpty {
                if !current.isEmpty { paragraphs.append(current) }
                current = []
            } else if let last = current.indices.last, listMarker(line) == nil, !isLabelled(line) {
                current[last] += " " + line
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { paragraphs.append(current) }
        return paragraphs.map { $0.joined(separator: "\n") }.joined(separator: "\n\n")
    }

    /// The marker of a list item at the start of `line` (`- `, `* `, `• `, `12. `, `3) `), else nil.
    static func listMarker(_ line: String) -> String? {
        for bullet in ["- ", "* ", "• "] where line.hasPrefix(bullet) { return bullet }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3 else { return nil }
        let rest = line.dropFirst(digits.count)
        guard rest.hasPrefix(". ") || rest.hasPrefix(") ") else { return nil }
        return String(digits) + String(rest.prefix(2))
    }

    /// True when `line` starts with a label: a capitalised phrase of at most six words, with no
    /// sentence punctuation, followed by a colon and a space (or the end of the line).
    static func isLabelled(_ line: String) -> Bool {
        guard let first = line.first, first.isUppercase, let colon = line.firstIndex(of: ":") else { return false }
        let label = line[..<colon]
        let after = line[line.index(after: colon)...]
        guard after.isEmpty || after.hasPrefix(" "), label.count <= 48, !label.contains(where: { ".!?;".contains($0) }) else {
            return false
        }
        return label.split(separator: " ").count <= 6
    }

    /// `text` re-flowed (``reflow(_:)``) and wrapped to `width` under a two-space indent, list
    /// items with their continuation lines under the item's text; blank lines between paragraphs.
    static func flowed(_ text: String, width: Int) -> String {
        var out = ""
        for (index, paragraph) in reflow(text).components(separatedBy: "\n\n").enumerated() {
            if index > 0 { out += "\n" }
            for line in paragraph.split(separator: "\n") {
                let line = String(line)
                if let marker = listMarker(line) {
                    out +=
                        wrap(
                            String(line.dropFirst(marker.count)), width: width, indent: "  " + marker,
                            continuation: String(repeating: " ", count: 2 + marker.count)) + "\n"
                } else {
                    out += wrap(line, width: width, indent: "  ", continuation: "  ") + "\n"
                }
            }
        }
        return out
    }

    /// Wraps `text` at word boundaries so that no line is wider than `width` columns (measured
    /// with ``Swift/Character/displayWidth``, so wide characters count twice), keeping existing
    /// line breaks. The first line starts with `indent`, the others with `continuation` (by
    /// default the same). Only a word wider than a whole line is broken, between characters.
    public static func wrap(_ text: String, width: Int = maximumWidth, indent: String = "", continuation: String? = nil) -> String {
        let next = continuation ?? indent
        var lines: [String] = []
        var prefix = indent
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            func flush() {
                lines.append(prefix + line)
                prefix = next
                line = ""
                lineWidth = 0
            }
            for word in paragraph.split(separator: " ") {
                var piece = Substring(word)
                while !piece.isEmpty {
                    let available = width - prefix.displayWidth
                    let pieceWidth = piece.displayWidth
                    if lineWidth == 0, pieceWidth > available {
                        // A word wider than a line: break it where the line ends.
                        var taken = 0, end = piece.startIndex
                        while end < piece.endIndex, taken + piece[end].displayWidth <= max(available, 1) {
                            taken += piece[end].displayWidth
                            end = piece.index(after: end)
                        }
                        if end == piece.startIndex { end = piece.index(after: end) }
                        line = String(piece[..<end])
                        lineWidth = taken
                        piece = piece[end...]
                        if !piece.isEmpty { flush() }
                        continue
                    }
                    if lineWidth > 0, lineWidth + 1 + pieceWidth > available {
                        flush()
                        continue
                    }
                    line += (lineWidth > 0 ? " " : "") + piece
                    lineWidth += (lineWidth > 0 ? 1 : 0) + pieceWidth
                    piece = ""
                }
            }
            flush()
        }
        while let last = lines.last, last.trimmingWhitespace.isEmpty, lines.count > 1 { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// Tab completion candidates: choice ids, keywords and commands first, then choice labels.
    /// `:skip` only where the question may be skipped; `:keep` on reruns.
    public static func completions(for question: Question, rerun: Bool = false) -> Completions {
        var words = question.choices.map(\.id)
        words += ["unknown", ":back"]
        if !question.required { words.append(":skip") }
        words += [":unknown", ":note ", ":evidence ", ":owner ", ":due "]
        if rerun { words.append(":keep") }
        words += [":quit", ":help"]
        if question.notApplicable { words += ["n/a", ":na"] }
        if question.type == .multi { words.append("none") }
        let labels = question.type == .choice || question.type == .multi ? question.choices.map(\.label) : []
        return Completions(primary: words, secondary: labels, itemwise: question.type == .multi)
    }
}
