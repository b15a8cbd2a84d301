import SoxreadyCore

/// The text outline printed by `soxready questionnaire show`.
enum QuestionnaireOutline {
    static func render(_ loaded: LoadedQuestionnaire) -> String {
        let q = loaded.questionnaire
        let questions = q.questions
        let t = q.thresholds
        var out = "\(q.id) \(q.version): \(q.title)\n".terminalSafe(keepNewlines: true)
        if let path = loaded.path { out += "File: \(path.terminalSafe())\n" }
        out += "\(q.domains.count) domains · \(questions.count) questions · \(questions.filter(\.isScored).count) scored · "
        out += "\(questions.filter(\.gating).count) gating\n"
        out += "Thresholds: ready \(fmt(t.ready)) · not ready \(fmt(t.notReady)) · critical domain floor \(fmt(t.criticalDomainFloor))"
        out += " · unknown confidence \(fmt(t.unknownConfidence)) · conditional confidence \(fmt(t.conditionalConfidence))\n"
        out += "Legend: [G] gating · PM/PD/DM/DD/CM/CD control class · pts points · n/a allowed · context = not scored\n"
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
        let mark = question.gating ? "[G] " : ""
        var out = "   \(number) \(mark)\(question.id) · \(facts.joined(separator: " · "))\n"
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
