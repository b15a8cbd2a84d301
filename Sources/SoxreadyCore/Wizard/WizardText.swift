/// The wizard's screens as plain text (no escape sequences): domain headers, question blocks,
/// help. User and questionnaire text is made terminal-safe here.
public enum WizardText {
    /// The header shown when the wizard enters a domain.
    public static func domainHeader(_ domain: Domain, number: Int, of count: Int) -> String {
        var text = "\nDomain \(number)/\(count): \(domain.title.terminalSafe())\n"
        if !domain.summary.isEmpty { text += wrap(domain.summary.terminalSafe(), indent: "") + "\n" }
        return text
    }

    /// The question block: progress line, prompt, choices, the current note and evidence, and a hint.
    public static func question(_ session: WizardSession) -> String {
        guard let question = session.currentQuestion, let progress = session.progress else { return "" }
        var marks: [String] = []
        if question.gating { marks.append("gating") }
        if question.required { marks.append("required") }
        if !question.isScored { marks.append("context") }
        var text = "\nDomain \(progress.domain)/\(progress.domains) · Question \(progress.question)/\(progress.questions)"
        text += marks.isEmpty ? "\n" : " · \(marks.joined(separator: " · "))\n"
        text += wrap(question.prompt.terminalSafe(), indent: "") + "\n"
        switch question.type {
        case .choice, .multi:
            let width = question.choices.map(\.id.count).max() ?? 0
            for (index, choice) in question.choices.enumerated() {
                let padding = String(repeating: " ", count: width - choice.id.count)
                text += "  \(index + 1)) \(choice.id)\(padding)  \(choice.label.terminalSafe())\n"
            }
        default:
            break
        }
        if let record = session.currentRecord {
            if let note = record.note { text += "  note: \(note.terminalSafe())\n" }
            if let evidence = record.evidence { text += "  evidence: \(evidence.terminalSafe())\n" }
        }
        text += hint(question) + "\n"
        if session.prefill != nil {
            text += "Pre-filled with the last answer: Enter keeps it, Ctrl-U clears the line to type another.\n"
        }
        return text
    }

    /// One line saying how to answer and which commands exist.
    public static func hint(_ question: Question) -> String {
        let how: String
        switch question.type {
        case .choice: how = "a number or choice id (Tab completes)"
        case .multi: how = "numbers or ids, comma-separated, or none (Tab completes)"
        case .yesPartialNo: how = "y(es), p(artial) or n(o)"
        case .yesNo: how = "y(es) or n(o)"
        case .number: how = AnswerInterpreter.expectedForm(question)
        case .date: how = "a date YYYY-MM-DD"
        case .text: how = "one line of text"
        }
        var commands = question.required ? [":back", ":unknown"] : [":back", ":skip", ":unknown"]
        if question.notApplicable { commands.append(":na") }
        commands.append(":quit")
        return "Answer with \(how) · ? help · \(commands.joined(separator: " "))"
    }

    /// The help screen of `?`: why it matters, evidence, the Azure capability, the remediation.
    public static func help(_ question: Question) -> String {
        var text = "\n"
        text += question.help.isEmpty ? "No help text for this question.\n" : wrap(question.help.terminalSafe(keepNewlines: true), indent: "  ") + "\n"
        if question.isScored {
            var facts = ["\(NumberText.plain(question.points)) points", "gap risk \(question.gapRisk.rawValue)"]
            if let control = question.control { facts.insert(control.rawValue, at: 0) }
            if question.gating { facts.append("gating: a gap here can block the migration") }
            text += "  Scoring: \(facts.joined(separator: " · "))\n"
        } else {
            text += "  Context only: not scored; other questions may depend on it.\n"
        }
        if let remediation = question.remediation {
            if !remediation.azure.isEmpty {
                text += "  Azure capability that closes the gap: \(remediation.azure.joined(separator: "; ").terminalSafe())\n"
            }
            text += wrap("If it is a gap: \(remediation.action)".terminalSafe(), indent: "  ")
            text += remediation.owner.isEmpty ? "\n" : " (owner: \(remediation.owner.terminalSafe()))\n"
        }
        if !question.itgc.isEmpty || !question.cuec.isEmpty {
            text += "  ITGC: \(question.itgc.map(\.title).joined(separator: ", "))"
            text += question.cuec.isEmpty ? "\n" : " · CUEC themes: \(question.cuec.joined(separator: ", ").terminalSafe())\n"
        }
        var commands = "Commands: ? help · :back previous question"
        commands += question.required ? " · (required: other questions depend on it)" : " · :skip leave unanswered"
        commands += " · :unknown don't know"
        commands += question.notApplicable ? " · :na not applicable" : ""
        commands += " · :note TEXT · :evidence TEXT (ticket, URL, document id) · :quit save and leave"
        text += wrap(commands, indent: "  ") + "\n"
        return text
    }

    /// Wraps `text` at 100 columns, keeping existing line breaks, each line prefixed by `indent`.
    static func wrap(_ text: String, indent: String, width: Int = 100) -> String {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                if !line.isEmpty, indent.count + line.count + 1 + word.count > width {
                    lines.append(indent + line)
                    line = ""
                }
                line += line.isEmpty ? String(word) : " " + word
            }
            lines.append(indent + line)
        }
        while lines.last?.trimmingWhitespace.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// Tab completion candidates: choice ids, keywords and commands first, then choice labels.
    public static func completions(for question: Question) -> Completions {
        var words = question.choices.map(\.id)
        words += ["unknown", ":back", ":skip", ":unknown", ":note ", ":evidence ", ":quit", ":help"]
        if question.notApplicable { words += ["n/a", ":na"] }
        if question.type == .multi { words.append("none") }
        let labels = question.type == .choice || question.type == .multi ? question.choices.map(\.label) : []
        return Completions(primary: words, secondary: labels, itemwise: question.type == .multi)
    }
}
