import SoxreadyCore

/// The text outline printed by `soxready questionnaire show`.
enum QuestionnaireOutline {
    static func render(_ loaded: LoadedQuestionnaire) -> String {
        let q = loaded.questionnaire
        let questions = q.questions
        let t = q.thresholds
        var out = "\(q.id) \(q.version): \(q.title)\n".terminalSafe(keepNewlines: true)
        if let path = loaded.path { out += "File: \(path.terminalSafe())\n" }
        let icfr = questions.count { $0.gate == .icfr }, technical = questions.count { $0.gate == .technical }
        out += "\(q.domains.count) domains · \(questions.count) questions · \(questions.filter(\.isScored).count) scored · "
        out += "\(icfr + technical) gates (\(icfr) ICFR, \(technical) technical) · \(questions.count(where: \.isKey)) key · "
        out += "\(questions.count { $0.asked == .afterCutover }) after cutover\n"
        // The thresholds rules version 2 reads (SCORING.md); new runs are scored under it.
        out += "Thresholds: ready \(fmt(t.ready)) · not ready \(fmt(t.notReady)) · critical domain floor \(fmt(t.criticalDomainFloor))\n"
        out += "            unknown confidence \(fmt(t.unknownConfidence)) · ready confidence \(fmt(t.readyConfidence))\n"
        out += "Calendar:   close window \(t.closeWindowBefore) days before to \(t.closeWindowAfter) after each period end\n"
        out += "            at least \(t.minOperatingDays) operating days from the cutover to the fiscal year end\n"
        out += "Legend:     [G] ICFR gate · [T] technical gate · [K] key · PM/PD/DM/DD/CM/CD control class\n"
        out += "            pts points · n/a allowed · context = not scored · after cutover = asked once live\n"
        for (domainIndex, domain) in q.domains.enumerated() {
            var header = "\(domainIndex + 1). \(domain.title) (\(domain.id)) · "
            header += domain.weight.map { "weight ×\(fmt($0))" } ?? "\(domain.criticality.rawValue) ×\(fmt(domain.multiplier))"
            if !domain.itgc.isEmpty { header += " · ITGC \(domain.itgc.map(\.rawValue).joined(separator: ", "))" }
            if !domain.cuec.isEmpty { header += " · CUEC \(domain.cuec.joined(separator: ", "))" }
            out += "\n" + header.terminalSafe() + "\n"
            for (questionIndex, question) in domain.questions.enumerated() {
                out += line(question, number: "\(domainIndex + 1).\(questionIndex + 1)")
            }
        }
        return out
    }

    static func line(_ question: Question, number: String) -> String {
        var facts = [question.type.rawValue]
        if question.isScored {
            facts.append((question.control.map { "\($0.code) " } ?? "") + "\(fmt(question.points)) pts")
            facts.append("risk \(question.gapRisk.rawValue)")
        } else {
            facts.append("context")
        }
        if question.notApplicable { facts.append("n/a") }
        if question.required { facts.append("required") }
        if question.asked == .afterCutover { facts.append("after cutover") }
        let mark = question.gate == .icfr ? "[G] " : question.gate == .technical ? "[T] " : question.isKey ? "[K] " : ""
        var out =
            "   \(number) \(mark)\(question.id)" + (question.title.map { " (\($0))" } ?? "") + " · \(facts.joined(separator: " · "))\n"
        out += "       \(question.prompt)\n"
        switch question.type {
        case .choice, .multi:
            let options = question.choices.map { choice in choice.id + (choice.score.map { " (\(fmt($0)))" } ?? "") }
            out += "       choices: \(options.joined(separator: " · "))\n"
        case .number:
            var range = "range \(question.min.map(fmt) ?? "-∞")...\(question.max.map(fmt) ?? "∞")"
            if let unit = question.unit { range += " \(unit)" }
            let bands = question.bands.map { "≥\(fmt($0.min))" + ($0.max.map { "≤\(fmt($0))" } ?? "") + " → \(fmt($0.score))" }
            out += "       \(range)" + (bands.isEmpty ? "" : "; bands: \(bands.joined(separator: ", "))") + "\n"
        default:
            break
        }
        if let when = question.whenText { out += "       when: \(when)\n" }
        return out.terminalSafe(keepNewlines: true)
    }

    static func fmt(_ value: Double) -> String { NumberText.plain(value) }
}
