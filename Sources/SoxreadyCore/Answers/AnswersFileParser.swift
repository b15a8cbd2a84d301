import Foundation
import Yams

/// Reads answers files strictly: every problem is reported, and nothing is accepted unless all is well.
public enum AnswersFileParser {
    static let formatName = "soxready/answers@1"
    static let topKeys = ["format", "app", "questionnaire", "preparedBy", "answers"]
    static let entryKeys = ["answer", "note", "evidence", "owner", "due"]
    /// Problems listed before the rest are only counted (``Diagnostic/maximumListed``).
    public static let maximumProblems = Diagnostic.maximumListed

    /// Reads a file's text.
    ///
    /// - Throws: ``AnswersFileError/unreadable(path:reason:)`` for a missing or unreadable file,
    ///   ``AnswersFileError/invalid(_:)`` naming where a file stops being UTF-8 text.
    public static func read(path: String) throws(AnswersFileError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "permission denied or not a regular file" : "no such file"
            throw .unreadable(path: path, reason: reason)
        }
        do {
            return try UTF8Text.decode(data)
        } catch {
            throw .invalid([Diagnostic.notUTF8(error, file: path)])
        }
    }

    /// The `app` and `questionnaire` named in the file, read before the questionnaire is known.
    ///
    /// - Returns: Both values, nil where absent or unreadable (``parse(_:file:questionnaire:)`` reports those).
    public static func header(_ text: String) -> (app: String?, questionnaire: String?) {
        guard let root = try? Yams.compose(yaml: text, Resolver.basic), case .mapping = root else { return (nil, nil) }
        return (YAMLFields.value(of: "app", in: root)?.scalar?.string, YAMLFields.value(of: "questionnaire", in: root)?.scalar?.string)
    }

    /// Parses and checks an answers file against `questionnaire`.
    ///
    /// - Parameters:
    ///   - text: The YAML text.
    ///   - file: The name used in diagnostics.
    ///   - questionnaire: The questionnaire the answers are for.
    /// - Throws: ``AnswersFileError/invalid(_:)`` with every problem: unknown question, choice not
    ///   offered, number out of range, a date that is not a calendar date, `n/a` where not allowed,
    ///   an answers file for another questionnaire, unknown keys.
    /// - Returns: The file's answers by question id, with its `app:`, `questionnaire:`, `preparedBy:` and
    ///   its warnings.
    public static func parse(_ text: String, file: String, questionnaire: Questionnaire) throws(AnswersFileError) -> AnswersFile {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, Resolver.basic)
        } catch {
            throw .invalid([QuestionnaireLoader.yamlDiagnostic(error, file: file)])
        }
        guard let root else {
            throw .invalid([
                Diagnostic(
                    file: file, location: SourceLocation(line: 1, column: 1), message: "the file is empty",
                    expected: "expected an answers file starting with 'format: \(formatName)'")
            ])
        }
        var fields = YAMLFields(file: file)
        var result = AnswersFile(app: nil, questionnaire: nil, answers: [:])
        guard let top = fields.mapping(root, in: "the answers file", allowed: topKeys, required: ["format", "answers"]) else {
            throw .invalid(fields.diagnostics)
        }
        if let node = top["format"], let format = fields.text(node, "format", in: "the answers file"), format != formatName {
            let hint = format.hasPrefix("soxready/questionnaire") ? " (this looks like a questionnaire)" : ""
            fields.error(node, "unsupported format '\(format)'", expected: "expected '\(formatName)'\(hint)")
        }
        result.app = fields.text(top["app"], "app", in: "the answers file")
        result.preparedBy = fields.text(top["preparedBy"], "preparedBy", in: "the answers file")
        // Names are checked here, where their line is known: a NUL or an escape in a name is
        // refused, never stored (an empty app: leaves the name to --app).
        if let app = result.app, !app.trimmingWhitespace.isEmpty, let problem = AppName.problem(in: app, field: "app") {
            fields.error(top["app"], problem.message, expected: problem.expected)
        }
        if let preparer = result.preparedBy, let problem = AppName.problem(in: preparer, field: "preparedBy") {
            fields.error(top["preparedBy"], problem.message, expected: problem.expected)
        }
        if let node = top["questionnaire"], let reference = fields.text(node, "questionnaire", in: "the answers file") {
            result.questionnaire = reference
            do {
                let parsed = try QuestionnaireReference(parsing: reference)
                if parsed.id != questionnaire.id {
                    fields.error(
                        node, "the answers are for questionnaire '\(reference)', not '\(questionnaire.id)'",
                        expected: "expected questionnaire: \(questionnaire.id) (or assess with --questionnaire \(parsed.id))")
                } else if let version = parsed.version, !parsed.matches(questionnaire) {
                    fields.error(
                        node, "the answers are for version \(version) of '\(questionnaire.id)', not \(questionnaire.version)",
                        expected: "expected questionnaire: \(questionnaire.id)@\(questionnaire.version) or no version")
                }
            } catch {
                fields.error(
                    node, "'\(reference)' is not a questionnaire reference",
                    expected: "expected ID or ID@VERSION such as \(questionnaire.id)@\(questionnaire.version)")
            }
        }
        if let answersNode = top["answers"] {
            result.answers = readAnswers(answersNode, questionnaire: questionnaire, fields: &fields)
        }
        result.warnings = fields.warnings
        if !fields.diagnostics.isEmpty {
            // In file order, at most Diagnostic.maximumListed, then the count of the rest.
            throw .invalid(fields.sortedDiagnostics)
        }
        return result
    }

    static func readAnswers(_ node: Node, questionnaire: Questionnaire, fields: inout YAMLFields) -> AnswerSheet {
        if case .scalar(let scalar) = node, YAMLFields.isNull(scalar) { return [:] }
        guard case .mapping(let pairs) = node else {
            fields.error(node, "'answers' is \(YAMLFields.kindName(node))", expected: "expected a mapping of question id to answer")
            return [:]
        }
        var replacedBy: [String: String] = [:]
        for question in questionnaire.questions {
            for old in question.replaces { replacedBy[old] = question.id }
        }
        let ids = questionnaire.questions.map(\.id)
        var sheet: AnswerSheet = [:]
        var seenAt: [String: Int] = [:]
        for (keyNode, valueNode) in pairs {
            guard let key = keyNode.scalar?.string else {
                fields.error(keyNode, "an answer key is \(YAMLFields.kindName(keyNode))", expected: "expected a question id")
                continue
            }
            let id = questionnaire.question(key) != nil ? key : (replacedBy[key] ?? key)
            guard let question = questionnaire.question(id) else {
                // Past the problems listed, each is only counted: no suggestion is looked for,
                // so a file of a million wrong keys is refused in seconds, not in minutes.
                if fields.isFull {
                    fields.error(keyNode, "")
                } else if let suggestion = EditDistance.suggestion(for: key, among: ids) {
                    fields.error(
                        keyNode, "question '\(key)' is not in \(questionnaire.reference)", expected: "did you mean '\(suggestion)'?")
                } else {
                    fields.error(
                        keyNode, "question '\(key)' is not in \(questionnaire.reference)",
                        expected: "expected a question id from 'soxready questionnaire show \(questionnaire.id)'")
                }
                continue
            }
            if let line = seenAt[id] {
                fields.error(
                    keyNode, "question '\(id)' is answered twice (also at line \(line))", expected: "expected one answer per question")
                continue
            }
            seenAt[id] = keyNode.mark?.line ?? 0
            if let record = readEntry(valueNode, question: question, fields: &fields) {
                sheet[id] = record
            }
        }
        return sheet
    }

    static func readEntry(_ node: Node, question: Question, fields: inout YAMLFields) -> AnswerRecord? {
        let context = "question '\(question.id)'"
        var answerNode: Node? = node
        var record = AnswerRecord(answer: nil)
        if case .mapping = node {
            guard let map = fields.mapping(node, in: "the answer to \(context)", allowed: entryKeys, required: []) else { return nil }
            answerNode = map["answer"]
            record.note = fields.text(map["note"], "note", in: context)
            record.evidence = fields.text(map["evidence"], "evidence", in: context)
            record.owner = fields.text(map["owner"], "owner", in: context)?.trimmingWhitespace
            if let owner = record.owner, !owner.isEmpty, let problem = AppName.problem(in: owner, field: "the owner of \(context)") {
                fields.error(map["owner"], problem.message, expected: problem.expected)
            }
            if let dueNode = map["due"], let text = fields.text(dueNode, "due", in: context) {
                if let date = CalendarDate(text.trimmingWhitespace) {
                    record.due = date
                } else {
                    fields.error(dueNode, "the due date of \(context) is '\(text)'", expected: "expected YYYY-MM-DD naming a real day")
                }
            }
            if record.owner != nil, record.due == nil, map["due"] == nil {
                fields.warning(
                    map.keyNode("owner"), "\(context) has an owner but no due date: no commitment until both are given",
                    expected: "add due: YYYY-MM-DD")
            } else if record.due != nil, record.owner == nil {
                fields.warning(
                    map.keyNode("due"), "\(context) has a due date but no owner: no commitment until both are given",
                    expected: "add owner: the person who closes the gap")
            }
        }
        guard let answerNode else { return record }
        var failed = false
        func reject(_ node: Node, _ rejection: AnswerInterpreter.Rejection) {
            fields.error(node, "\(context): \(rejection.message)")
            failed = true
        }
        switch answerNode {
        case .scalar(let scalar):
            if YAMLFields.isNull(scalar) { return record }
            do {
                record.answer = try AnswerInterpreter.interpret(scalar.string, for: question)
            } catch {
                reject(answerNode, error)
            }
        case .sequence(let items):
            guard question.type == .multi else {
                fields.error(
                    answerNode, "\(context) takes one answer, not a list", expected: "expected \(AnswerInterpreter.expectedForm(question))")
                return nil
            }
            var texts: [String] = []
            for item in items {
                guard let text = item.scalar?.string else {
                    fields.error(item, "\(context): a list item is \(YAMLFields.kindName(item))", expected: "expected a choice id")
                    failed = true
                    continue
                }
                // Report each bad item at its own position.
                do throws(AnswerInterpreter.Rejection) {
                    _ = try AnswerInterpreter.choices([text], for: question)
                    texts.append(text)
                } catch {
                    reject(item, error)
                }
            }
            if !failed { record.answer = try? AnswerInterpreter.choices(texts, for: question) }
        default:
            fields.error(
                answerNode, "the answer to \(context) is \(YAMLFields.kindName(answerNode))",
                expected: "expected \(AnswerInterpreter.expectedForm(question))")
            return nil
        }
        return failed ? nil : record
    }
}
