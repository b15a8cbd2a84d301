import Foundation
import Yams

/// Writes an answer sheet as an answers file (`soxready/answers@1`), in questionnaire order, so
/// a run can be exported, edited and fed back with `assess --answers FILE [--update]`. Questions
/// still unanswered follow as comments, ready to fill in.
public enum AnswersFileWriter {
    /// The YAML text. Values are quoted by Yams wherever YAML needs it; notes and evidence are kept.
    ///
    /// - Throws: a Yams emitter error (not expected for text it produced itself).
    public static func yaml(appName: String, questionnaire: Questionnaire, answers: AnswerSheet, preparedBy: String? = nil) throws -> String
    {
        var pairs: [(Node, Node)] = []
        for question in questionnaire.questions {
            guard let record = answers[question.id] else { continue }
            var value: Node?
            if let answer = record.answer {
                switch answer {
                case .unknown: value = Node("unknown")
                case .notApplicable: value = Node("n/a")
                case .value(.choice(let id)): value = Node(id)
                case .value(.choices(let ids)): value = Node(ids.map { Node($0) }, .implicit, .flow)
                case .value(.number(let number)): value = Node(NumberText.plain(number))
                case .value(.date(let date)): value = Node(date.description)
                case .value(.text(let text)): value = Node(text, .implicit, .doubleQuoted)
                }
            }
            if record.hasAnnotations {
                var entry: [(Node, Node)] = []
                if let value { entry.append((Node("answer"), value)) }
                if let note = record.note { entry.append((Node("note"), Node(note, .implicit, .doubleQuoted))) }
                if let evidence = record.evidence { entry.append((Node("evidence"), Node(evidence, .implicit, .doubleQuoted))) }
                if let owner = record.owner { entry.append((Node("owner"), Node(owner, .implicit, .doubleQuoted))) }
                if let due = record.due { entry.append((Node("due"), Node(due.description))) }
                pairs.append((Node(question.id), Node(entry, .implicit, .flow)))
            } else if let value {
                pairs.append((Node(question.id), value))
            }
        }
        let document = Node(
            [
                (Node("format"), Node("soxready/answers@1")),
                (Node("app"), Node(appName, .implicit, .doubleQuoted)),
                (Node("questionnaire"), Node(questionnaire.reference)),
            ] + (preparedBy.map { [(Node("preparedBy"), Node($0, .implicit, .doubleQuoted))] } ?? []) + [
                (Node("answers"), Node(pairs))
            ])
        var text = try Yams.serialize(node: document, width: -1, allowUnicode: true)
        // Unanswered questions that apply, as commented placeholders to fill in.
        let statuses = Applicability.statuses(questionnaire, answers: answers)
        let open = questionnaire.questions.filter { statuses[$0.id] == .unanswered && answers[$0.id]?.answer == nil }
        if !open.isEmpty {
            text += "  # Unanswered (\(open.count)): remove the first # and write the answer after the colon.\n"
            for question in open {
                let prompt = question.prompt.replacingOccurrences(of: "\n", with: " ")
                text += "  # \(question.id):    # \(AnswerInterpreter.expectedForm(question)). \(prompt)\n"
            }
        }
        return text
    }
}
