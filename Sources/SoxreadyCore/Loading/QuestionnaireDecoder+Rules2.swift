import Yams

/// The checks of the rules-2 keys that need the whole file (QUESTIONNAIRE-FORMAT.md, "Additions
/// for rules version 2"): calendar roles, `asked: after-cutover`, `remediation.after` and the
/// shared-responsibility link.
extension QuestionnaireDecoder {
    /// `calendar:`: each role names a `date` question of the file.
    mutating func decodeCalendar(_ map: YAMLFields.Mapping?, questions: [Question]) -> CalendarRoles {
        guard let map else { return CalendarRoles() }
        func role(_ key: String, _ fields: inout YAMLFields) -> String? {
            guard let node = map[key], let id = fields.identifier(node, "question id of calendar.\(key)", in: "calendar") else {
                return nil
            }
            guard let question = questions.first(where: { $0.id == id }) else {
                let hint = EditDistance.suggestion(for: id, among: questions.map(\.id)).map { "did you mean '\($0)'?" }
                fields.error(
                    node, "calendar.\(key) names '\(id)', which is not a question of this file",
                    expected: hint ?? "expected the id of a date question")
                return nil
            }
            guard question.type == .date else {
                fields.error(node, "calendar.\(key) names \(question.type.rawValue) question '\(id)'", expected: "expected a date question")
                return nil
            }
            return id
        }
        return CalendarRoles(cutover: role("cutover", &fields), fiscalYearEnd: role("fiscalYearEnd", &fields))
    }

    /// `asked: after-cutover` needs the calendar questions before it (so the wizard knows the
    /// stage in time), and no question asked before the cutover may depend on it in a `when`.
    mutating func checkAskedAfterCutover(_ questions: [Question], calendar: CalendarRoles) {
        let order = Dictionary(questions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let late = Set(questions.filter { $0.asked == .afterCutover }.map(\.id))
        guard !late.isEmpty else { return }
        let roles = [calendar.cutover, calendar.fiscalYearEnd].compactMap { $0 }
        for question in questions where question.asked == .afterCutover {
            let node = questionMaps[question.id]?.keyNode("asked")
            if roles.contains(question.id) {
                fields.error(
                    node, "calendar question '\(question.id)' is asked after cutover, so it could never be answered in time",
                    expected: "expected the calendar questions to be asked always")
                continue
            }
            if calendar.cutover == nil {
                fields.warning(
                    node, "question '\(question.id)' is asked after cutover, but the questionnaire names no calendar.cutover",
                    expected: "without a cutover date nothing is ever not yet due")
            }
            for role in roles where (order[role] ?? 0) > (order[question.id] ?? 0) {
                fields.error(
                    node, "question '\(question.id)' is asked after cutover but comes before the calendar question '\(role)'",
                    expected: "expected the calendar questions before every after-cutover question")
            }
        }
        for question in questions where question.asked != .afterCutover {
            guard let condition = question.when else { continue }
            for id in Set(condition.referencedQuestions).sorted() where late.contains(id) {
                fields.error(
                    questionMaps[question.id]?["when"],
                    "the when of question '\(question.id)' depends on '\(id)', which is asked only after cutover",
                    expected: "expected a pre-cutover question to depend only on questions asked before cutover")
            }
        }
    }

    /// `remediation.after` names known questions and forms no cycle.
    mutating func checkAfter(_ questions: [Question]) {
        let known = Set(questions.map(\.id))
        var edges: [String: [String]] = [:]
        for question in questions {
            guard let after = question.remediation?.after, !after.isEmpty else { continue }
            let node = YAMLFields.value(of: "after", in: questionMaps[question.id]?["remediation"])
            for id in after {
                if id == question.id {
                    fields.error(
                        node, "the remediation of question '\(question.id)' comes after itself", expected: "expected other questions' ids")
                } else if !known.contains(id) {
                    let hint = EditDistance.suggestion(for: id, among: Array(known).sorted()).map { "did you mean '\($0)'?" }
                    fields.error(
                        node, "the remediation of question '\(question.id)' comes after unknown question '\(id)'",
                        expected: hint ?? "expected the id of a question of this file")
                } else {
                    edges[question.id, default: []].append(id)
                }
            }
        }
        // Depth-first search with an explicit stack: a cycle is reported once, at its first question.
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        var reported = false
        for start in questions.map(\.id) where state[start] == nil && !reported {
            var stack: [(id: String, next: Int)] = [(start, 0)]
            state[start] = 1
            while let top = stack.last, !reported {
                let successors = edges[top.id] ?? []
                if top.next < successors.count {
                    stack[stack.count - 1].next += 1
                    let next = successors[top.next]
                    switch state[next] {
                    case 1:
                        let cycle = stack.map(\.id).drop { $0 != next } + [next]
                        fields.error(
                            YAMLFields.value(of: "after", in: questionMaps[top.id]?["remediation"]),
                            "the remediation order has a cycle: \(cycle.joined(separator: " → "))",
                            expected: "expected 'after' to name questions whose actions come first, without a cycle")
                        reported = true
                    case nil:
                        state[next] = 1
                        stack.append((next, 0))
                    default:
                        break
                    }
                } else {
                    state[top.id] = 2
                    stack.removeLast()
                }
            }
        }
    }

    /// `sharedResponsibility: {question: ID, models: {CHOICE: on-premises|iaas|paas|saas}}`.
    mutating func decodeSharedResponsibility(_ node: Node?, questions: [Question]) -> SharedResponsibilityLink? {
        guard let node,
            let map = fields.mapping(
                node, in: "sharedResponsibility", allowed: Self.sharedResponsibilityKeys, required: ["question", "models"]),
            let id = fields.identifier(map["question"], "question id", in: "sharedResponsibility")
        else { return nil }
        guard let question = questions.first(where: { $0.id == id }), question.type == .multi || question.type == .choice else {
            fields.error(
                map["question"], "sharedResponsibility.question names '\(id)'",
                expected: "expected a choice or multi question of this file whose choices are hosting models")
            return nil
        }
        guard let modelsNode = map["models"], case .mapping(let pairs) = modelsNode else {
            fields.error(
                map["models"], "sharedResponsibility.models is not a mapping", expected: "expected {choice-id: on-premises|iaas|paas|saas}")
            return nil
        }
        var models: [(choice: String, model: HostingModel)] = []
        for (keyNode, valueNode) in pairs {
            let choice = keyNode.scalar?.string ?? "?"
            let isChoice = question.choice(choice) != nil
            if !isChoice {
                fields.error(
                    keyNode, "'\(choice)' is not a choice of question '\(id)'",
                    expected: "expected one of \(question.choices.map(\.id).joined(separator: ", "))")
            }
            let model = fields.enumeration(valueNode, "hosting model", in: "sharedResponsibility.models", as: HostingModel.self)
            if isChoice, let model { models.append((choice, model)) }
        }
        let ordered = question.choices.compactMap { choice in models.first { $0.choice == choice.id } }
        return SharedResponsibilityLink(question: id, models: ordered)
    }
}
