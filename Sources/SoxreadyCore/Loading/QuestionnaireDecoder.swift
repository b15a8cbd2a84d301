import Yams

/// Turns a composed YAML tree into a ``Questionnaire``, collecting every problem on the way.
struct QuestionnaireDecoder {
    static let formatName = "soxready/questionnaire@1"
    static let topKeys = [
        "format", "id", "version", "title", "description", "sources", "thresholds", "calendar",
        "sharedResponsibility", "domains",
    ]
    static let sourceKeys = ["title", "url", "note"]
    static let thresholdKeys = [
        "ready", "notReady", "criticalDomainFloor", "unknownConfidence", "conditionalConfidence",
        "readyConfidence", "closeWindowBefore", "closeWindowAfter", "minOperatingDays",
    ]
    static let calendarKeys = ["cutover", "fiscalYearEnd"]
    static let sharedResponsibilityKeys = ["question", "models"]
    static let domainKeys = ["id", "title", "summary", "criticality", "weight", "itgc", "cuec", "questions"]
    static let questionKeys = [
        "id", "prompt", "title", "help", "type", "choices", "min", "max", "unit", "bands", "control", "weight",
        "gating", "key", "asked", "risk", "notApplicable", "required", "when", "remediation", "references", "itgc", "cuec",
        "replaces", "expectedEvidence",
    ]
    static let choiceKeys = ["id", "label", "score", "action"]
    static let bandKeys = ["min", "max", "score"]
    static let remediationKeys = ["action", "owner", "phase", "effort", "azure", "after"]
    /// The longest short title, in characters.
    static let maximumTitleLength = 60
    /// The largest `weight`.
    static let maximumWeight = 1000.0

    var fields: YAMLFields
    /// Every question id in the file with where it is first defined (pre-pass).
    var allQuestionIDs: [String: SourceLocation] = [:]
    /// Questions decoded so far, for `when` checks against earlier questions.
    var earlier: [String: Question] = [:]

    init(file: String) { fields = YAMLFields(file: file) }

    var diagnostics: [Diagnostic] { fields.diagnostics }
    var warnings: [Diagnostic] { fields.warnings }
    /// Each question's mapping, for the checks that need the whole file.
    var questionMaps: [String: YAMLFields.Mapping] = [:]

    // MARK: - Top level

    mutating func decode(_ root: Node) -> Questionnaire? {
        guard
            let top = fields.mapping(
                root, in: "the questionnaire", allowed: Self.topKeys,
                required: ["format", "id", "version", "title", "domains"])
        else { return nil }

        if let formatNode = top["format"], let format = fields.text(formatNode, "format", in: "the questionnaire") {
            if format != Self.formatName {
                let hint =
                    format.hasPrefix("soxready/answers")
                    ? "expected '\(Self.formatName)' (this looks like an answers file)"
                    : "expected '\(Self.formatName)'"
                fields.error(formatNode, "unsupported format '\(format)'", expected: hint)
            }
        }
        let id = fields.identifier(top["id"], "questionnaire id", in: "the questionnaire")
        var version: String?
        if let node = top["version"], let text = fields.text(node, "version", in: "the questionnaire") {
            if SemanticVersion(text) == nil {
                fields.error(node, "version '\(text)' is not a semantic version", expected: "expected MAJOR.MINOR.PATCH such as 1.0.0")
            } else {
                version = text
            }
        }
        let title = fields.text(top["title"], "title", in: "the questionnaire")
        let description = top["description"].flatMap { fields.text($0, "description", in: "the questionnaire", allowEmpty: true) } ?? ""
        let sources = decodeSources(top["sources"])
        let thresholds = decodeThresholds(top["thresholds"])
        let calendarMap = top["calendar"].flatMap { fields.mapping($0, in: "calendar", allowed: Self.calendarKeys, required: []) }

        var domains: [Domain] = []
        if let domainNodes = fields.list(top["domains"], "domains", in: "the questionnaire") {
            if domainNodes.isEmpty {
                fields.error(top["domains"], "the questionnaire has no domains", expected: "expected at least one domain")
            }
            collectQuestionIDs(domainNodes)
            var seenDomains: [String: SourceLocation] = [:]
            for node in domainNodes {
                guard let domain = decodeDomain(node) else { continue }
                if let first = seenDomains[domain.id] {
                    fields.error(
                        at: domain.location, "duplicate domain id '\(domain.id)'",
                        expected: "expected a unique id (first used at line \(first.line))")
                } else {
                    seenDomains[domain.id] = domain.location
                }
                domains.append(domain)
            }
        }
        let questions = domains.flatMap(\.questions)
        let calendar = decodeCalendar(calendarMap, questions: questions)
        checkAskedAfterCutover(questions, calendar: calendar)
        checkAfter(questions)
        let link = decodeSharedResponsibility(top["sharedResponsibility"], questions: questions)
        guard let id, let version, let title else { return nil }
        return Questionnaire(
            id: id, version: version, title: title, description: description,
            sources: sources, thresholds: thresholds, domains: domains, calendar: calendar,
            sharedResponsibility: link)
    }

    /// Pre-pass: every question id and where it is first defined, so that a `when` can tell an
    /// unknown question from one asked later.
    mutating func collectQuestionIDs(_ domainNodes: [Node]) {
        for domainNode in domainNodes {
            guard case .sequence(let questions)? = YAMLFields.value(of: "questions", in: domainNode) else { continue }
            for question in questions {
                guard let id = YAMLFields.value(of: "id", in: question)?.scalar?.string else { continue }
                if allQuestionIDs[id] == nil { allQuestionIDs[id] = YAMLFields.location(question) }
            }
        }
    }

    mutating func decodeSources(_ node: Node?) -> [Source] {
        guard let items = fields.list(node, "sources", in: "the questionnaire") else { return [] }
        var sources: [Source] = []
        for item in items {
            guard let map = fields.mapping(item, in: "a source", allowed: Self.sourceKeys, required: ["title"]),
                let title = fields.text(map["title"], "title", in: "a source")
            else { continue }
            let url = fields.text(map["url"], "url", in: "source '\(title)'")
            let note = fields.text(map["note"], "note", in: "source '\(title)'")
            sources.append(Source(title: title, url: url, note: note))
        }
        return sources
    }

    mutating func decodeThresholds(_ node: Node?) -> Thresholds {
        var thresholds = Thresholds()
        guard let node,
            let map = fields.mapping(node, in: "thresholds", allowed: Self.thresholdKeys, required: [])
        else { return thresholds }
        func percent(_ key: String, _ fields: inout YAMLFields) -> Double? {
            guard let valueNode = map[key], let value = fields.number(valueNode, key, in: "thresholds") else { return nil }
            guard (0...100).contains(value) else {
                fields.error(valueNode, "threshold '\(key)' is \(NumberText.plain(value))", expected: "expected a percent in 0...100")
                return nil
            }
            return value
        }
        if let value = percent("ready", &fields) { thresholds.ready = value }
        if let value = percent("notReady", &fields) { thresholds.notReady = value }
        if let value = percent("criticalDomainFloor", &fields) { thresholds.criticalDomainFloor = value }
        if let value = percent("unknownConfidence", &fields) { thresholds.unknownConfidence = value }
        if let value = percent("conditionalConfidence", &fields) {
            thresholds.conditionalConfidence = value
            fields.warning(
                map.keyNode("conditionalConfidence"), "threshold conditionalConfidence is no longer read by rules version 2",
                expected: "use readyConfidence (confidence below which the level is at best ready with conditions)")
        }
        if let value = percent("readyConfidence", &fields) { thresholds.readyConfidence = value }
        func days(_ key: String, _ fields: inout YAMLFields) -> Int? {
            guard let valueNode = map[key], let value = fields.number(valueNode, key, in: "thresholds") else { return nil }
            guard value == value.rounded(), (0...3660).contains(value) else {
                fields.error(
                    valueNode, "threshold '\(key)' is \(NumberText.plain(value))", expected: "expected a whole number of days in 0...3660")
                return nil
            }
            return Int(value)
        }
        if let value = days("closeWindowBefore", &fields) { thresholds.closeWindowBefore = value }
        if let value = days("closeWindowAfter", &fields) { thresholds.closeWindowAfter = value }
        if let value = days("minOperatingDays", &fields) { thresholds.minOperatingDays = value }
        if thresholds.notReady > thresholds.ready {
            fields.error(
                node,
                "threshold notReady (\(NumberText.plain(thresholds.notReady))) is above ready (\(NumberText.plain(thresholds.ready)))",
                expected: "expected notReady <= ready")
        }
        return thresholds
    }

    // MARK: - Domains

    mutating func decodeDomain(_ node: Node) -> Domain? {
        let peekedID = YAMLFields.value(of: "id", in: node)?.scalar?.string
        guard
            let map = fields.mapping(
                node, in: peekedID.map { "domain '\($0)'" } ?? "a domain",
                allowed: Self.domainKeys, required: ["id", "title", "questions"])
        else {
            return nil
        }
        let id = fields.identifier(map["id"], "domain id", in: "a domain")
        let context = id.map { "domain '\($0)'" } ?? "a domain"
        let title = fields.text(map["title"], "title", in: context)
        let summary = map["summary"].flatMap { fields.text($0, "summary", in: context, allowEmpty: true) } ?? ""
        let criticality = map["criticality"].flatMap { fields.enumeration($0, "criticality", in: context, as: Criticality.self) } ?? .medium
        let weight = weight(map["weight"], in: context)
        let itgc = decodeITGC(map["itgc"], in: context) ?? []
        let cuec = fields.textList(map["cuec"], "cuec", in: context) ?? []

        var questions: [Question] = []
        if let questionNodes = fields.list(map["questions"], "questions", in: context) {
            if questionNodes.isEmpty {
                fields.error(map["questions"], "\(context) has no questions", expected: "expected at least one question")
            }
            for questionNode in questionNodes {
                if let question = decodeQuestion(questionNode, domainITGC: itgc, domainCUEC: cuec) {
                    questions.append(question)
                }
            }
        }
        guard let id, let title else { return nil }
        return Domain(
            id: id, title: title, summary: summary, criticality: criticality, weight: weight,
            itgc: itgc, cuec: cuec, questions: questions,
            location: YAMLFields.location(node) ?? SourceLocation(line: 0, column: 0))
    }

    /// A question's `weight`: a finite number in (0, 1000].
    mutating func weight(_ node: Node?, in context: String) -> Double? {
        guard let node, let value = fields.number(node, "weight", in: context) else { return nil }
        guard value > 0, value <= Self.maximumWeight else {
            fields.error(
                node, "'weight' in \(context) is \(NumberText.plain(value))",
                expected: "expected a number above 0 and at most \(NumberText.plain(Self.maximumWeight))")
            return nil
        }
        return value
    }

    /// `gating: true` (an ICFR gate), `technical` (a technical gate) or `false`.
    mutating func decodeGate(_ node: Node?, in context: String) -> Gate? {
        guard let node else { return nil }
        if case .scalar(let scalar) = node {
            switch scalar.string.lowercased() {
            case "technical": return .technical
            case "true", "yes", "on": return .icfr
            case "false", "no", "off": return nil
            default:
                let hint = EditDistance.suggestion(for: scalar.string, among: ["technical", "true", "false"]).map {
                    "did you mean '\($0)'?"
                }
                fields.error(
                    node, "'gating' in \(context) is '\(scalar.string)'",
                    expected: hint ?? "expected true (an ICFR gate), technical (a technical gate) or false")
                return nil
            }
        }
        fields.error(
            node, "'gating' in \(context) is \(YAMLFields.kindName(node))",
            expected: "expected true (an ICFR gate), technical (a technical gate) or false")
        return nil
    }

    mutating func decodeITGC(_ node: Node?, in context: String) -> [ITGCArea]? {
        guard let items = fields.list(node, "itgc", in: context) else { return nil }
        return items.compactMap { fields.enumeration($0, "itgc area", in: context, as: ITGCArea.self) }
    }

    // MARK: - Questions

    mutating func decodeQuestion(_ node: Node, domainITGC: [ITGCArea], domainCUEC: [String]) -> Question? {
        let location = YAMLFields.location(node) ?? SourceLocation(line: 0, column: 0)
        let peekedID = YAMLFields.value(of: "id", in: node)?.scalar?.string
        let mapContext = peekedID.map { "question '\($0)'" } ?? "a question"
        guard let map = fields.mapping(node, in: mapContext, allowed: Self.questionKeys, required: ["id", "prompt", "type"]) else {
            return nil
        }
        let id = fields.identifier(map["id"], "question id", in: "a question")
        let context = id.map { "question '\($0)'" } ?? "a question at line \(location.line)"
        var duplicate = false
        if let id, let first = allQuestionIDs[id], first != location {
            fields.error(
                map["id"], "duplicate question id '\(id)'", expected: "expected an id unique in the file (first used at line \(first.line))"
            )
            duplicate = true
        }
        let prompt = fields.text(map["prompt"], "prompt", in: context)
        let help = map["help"].flatMap { fields.text($0, "help", in: context, allowEmpty: true) } ?? ""
        let type = fields.enumeration(map["type"], "type", in: context, as: QuestionType.self)

        var question = Question(
            id: id ?? "", prompt: prompt ?? "", title: nil, help: help.trimmingWhitespace, type: type ?? .text, choices: [],
            min: nil, max: nil, unit: nil, bands: [], control: nil, weight: nil, gate: nil, declaredKey: false,
            asked: .always, expectedEvidence: [], risk: nil,
            notApplicable: false, required: false, when: nil, whenText: nil, remediation: nil, references: [],
            itgc: domainITGC, cuec: domainCUEC, replaces: [], location: location)

        // Type-specific keys.
        if let type {
            decodeChoices(map, type: type, into: &question, context: context)
            decodeNumberKeys(map, type: type, into: &question, context: context)
        }

        question.control = map["control"].flatMap { fields.enumeration($0, "control", in: context, as: ControlClass.self) }
        question.weight = weight(map["weight"], in: context)
        question.gate = decodeGate(map["gating"], in: context)
        question.declaredKey = map["key"].flatMap { fields.bool($0, "key", in: context) } ?? false
        question.asked = map["asked"].flatMap { fields.enumeration($0, "asked", in: context, as: AskedStage.self) } ?? .always
        question.expectedEvidence = fields.textList(map["expectedEvidence"], "expectedEvidence", in: context) ?? []
        if let node = map["title"], let title = fields.text(node, "title", in: context) {
            if title.contains(where: \.isNewline) {
                fields.error(node, "the title of \(context) has a line break", expected: "expected a short title on one line")
            } else if title.count > Self.maximumTitleLength {
                fields.error(
                    node, "the title of \(context) has \(title.count) characters",
                    expected: "expected at most \(Self.maximumTitleLength) (a short title; the prompt says the rest)")
            } else {
                question.title = title.trimmingWhitespace
            }
        }
        question.risk = map["risk"].flatMap { fields.enumeration($0, "risk", in: context, as: RiskLevel.self) }
        question.notApplicable = map["notApplicable"].flatMap { fields.bool($0, "notApplicable", in: context) } ?? false
        question.required = map["required"].flatMap { fields.bool($0, "required", in: context) } ?? false
        question.references = fields.textList(map["references"], "references", in: context) ?? []
        if map["itgc"] != nil { question.itgc = decodeITGC(map["itgc"], in: context) ?? [] }
        if map["cuec"] != nil { question.cuec = fields.textList(map["cuec"], "cuec", in: context) ?? [] }
        question.remediation = decodeRemediation(map["remediation"], in: context)

        if let items = fields.list(map["replaces"], "replaces", in: context) {
            for item in items {
                guard let old = fields.identifier(item, "replaced question id", in: context) else { continue }
                if old == question.id {
                    fields.error(item, "\(context) replaces itself", expected: "expected the id the question had in an earlier version")
                } else if allQuestionIDs[old] != nil {
                    fields.error(
                        item, "\(context) replaces '\(old)', which is still a question in this file",
                        expected: "expected an id that no longer exists in this version")
                } else {
                    question.replaces.append(old)
                }
            }
        }

        if let whenNode = map["when"], let text = fields.text(whenNode, "when", in: context) {
            question.whenText = text
            question.when = checkCondition(text, node: whenNode, question: question, context: context)
        }

        // Rules that need the whole question.
        if type != nil, prompt != nil {
            if question.gating && !question.isScored {
                fields.error(
                    map["gating"], "\(context) is gating but not scored",
                    expected: "expected gating only on a scored question (scored choices, yes-no, yes-partial-no or number bands)")
            }
            if question.isScored && (question.remediation?.action ?? "").isEmpty && map["remediation"] == nil {
                fields.error(
                    node, "scored \(context) has no remediation", expected: "expected remediation.action saying what closes the gap")
            }
        }

        guard let id, !duplicate else { return nil }
        if earlier[id] == nil { earlier[id] = question }
        questionMaps[id] = map
        return question
    }

    mutating func decodeChoices(_ map: YAMLFields.Mapping, type: QuestionType, into question: inout Question, context: String) {
        switch type {
        case .choice, .multi:
            guard let items = fields.list(map["choices"], "choices", in: context) else {
                if map["choices"] == nil {
                    fields.error(
                        map.node, "\(type.rawValue) \(context) has no choices",
                        expected: "expected 'choices:' with at least one {id, label}")
                }
                return
            }
            if items.isEmpty {
                fields.error(map["choices"], "\(context) has an empty choices list", expected: "expected at least one {id, label}")
            }
            var seen: Set<String> = []
            var choiceNodes: [(Choice, Node)] = []
            for item in items {
                guard
                    let choiceMap = fields.mapping(item, in: "a choice of \(context)", allowed: Self.choiceKeys, required: ["id", "label"])
                else {
                    continue
                }
                guard let choiceID = fields.identifier(choiceMap["id"], "choice id", in: context) else { continue }
                let label = fields.text(choiceMap["label"], "label", in: "choice '\(choiceID)'") ?? choiceID
                let action = choiceMap["action"].flatMap { fields.text($0, "action", in: "choice '\(choiceID)'") }
                if type == .multi, let node = choiceMap.keyNode("action") {
                    fields.error(
                        node, "choice '\(choiceID)' of multi \(context) has an action",
                        expected:
                            "expected per-choice actions only on choice, yes-no and yes-partial-no questions (a multi answer has several choices)"
                    )
                }
                var score: Double?
                if let scoreNode = choiceMap["score"], let value = fields.number(scoreNode, "score", in: "choice '\(choiceID)'") {
                    if (0...1).contains(value) {
                        score = value
                    } else {
                        fields.error(
                            scoreNode, "choice '\(choiceID)' of \(context) has score \(NumberText.plain(value))",
                            expected: "expected a score in 0...1")
                        score = Swift.min(Swift.max(value, 0), 1)
                    }
                }
                if !seen.insert(choiceID).inserted {
                    fields.error(
                        choiceMap["id"], "duplicate choice id '\(choiceID)' in \(context)",
                        expected: "expected choice ids unique in the question")
                    continue
                }
                choiceNodes.append((Choice(id: choiceID, label: label, score: score, action: action?.trimmingWhitespace), item))
            }
            question.choices = choiceNodes.map(\.0)
            let scored = choiceNodes.filter { $0.0.score != nil }
            if !scored.isEmpty && scored.count != choiceNodes.count {
                for (choice, node) in choiceNodes where choice.score == nil {
                    fields.error(
                        node, "choice '\(choice.id)' of \(context) has no score while others do",
                        expected: "expected a score on every choice or on none")
                }
                question.choices = choiceNodes.map { Choice(id: $0.0.id, label: $0.0.label, score: $0.0.score ?? 0, action: $0.0.action) }
            } else if scored.count == choiceNodes.count && !choiceNodes.isEmpty {
                let scores = choiceNodes.compactMap(\.0.score)
                if type == .choice && !scores.contains(1) {
                    fields.error(
                        map["choices"], "no choice of \(context) scores 1, so it can never be fully met",
                        expected: "expected at least one choice with score 1")
                }
                if type == .multi && scores.reduce(0, +) < 1 {
                    fields.error(
                        map["choices"],
                        "the choices of multi \(context) add up to \(NumberText.plain(scores.reduce(0, +))), so it can never be fully met",
                        expected: "expected scores that add up to at least 1")
                }
            }
        case .yesNo, .yesPartialNo:
            let implied = type == .yesNo ? Question.yesNoChoices : Question.yesPartialNoChoices
            question.choices = implied
            // `choices:` here only attaches per-choice actions (and labels) to the implied choices.
            guard let items = fields.list(map["choices"], "choices", in: context) else { return }
            var impliedSeen: Set<String> = []
            for item in items {
                guard let choiceMap = fields.mapping(item, in: "a choice of \(context)", allowed: Self.choiceKeys, required: ["id"]),
                    let choiceID = fields.identifier(choiceMap["id"], "choice id", in: context)
                else { continue }
                if !impliedSeen.insert(choiceID).inserted {
                    fields.error(
                        choiceMap["id"], "choice '\(choiceID)' of \(type.rawValue) \(context) is listed twice",
                        expected: "expected each implied choice at most once")
                    continue
                }
                guard let index = question.choices.firstIndex(where: { $0.id == choiceID }) else {
                    fields.error(
                        choiceMap["id"], "\(type.rawValue) \(context) has no choice '\(choiceID)'",
                        expected:
                            "expected one of \(implied.map(\.id).joined(separator: ", ")) (its choices are implied; use type: choice for other options)"
                    )
                    continue
                }
                if choiceMap["action"] == nil && choiceMap["label"] == nil {
                    fields.error(
                        choiceMap.node, "choice '\(choiceID)' of \(type.rawValue) \(context) gives no action",
                        expected: "expected action: what closes the gap when this is the answer")
                }
                if let scoreNode = choiceMap["score"], let value = fields.number(scoreNode, "score", in: "choice '\(choiceID)'"),
                    value != implied[index].score
                {
                    fields.error(
                        scoreNode, "choice '\(choiceID)' of \(type.rawValue) \(context) has score \(NumberText.plain(value))",
                        expected: "expected its implied score \(NumberText.plain(implied[index].score ?? 0)) or no score")
                }
                if let label = choiceMap["label"].flatMap({ fields.text($0, "label", in: "choice '\(choiceID)'") }) {
                    question.choices[index].label = label
                }
                question.choices[index].action =
                    choiceMap["action"].flatMap { fields.text($0, "action", in: "choice '\(choiceID)'") }?
                    .trimmingWhitespace
            }
        case .number, .date, .text:
            if let node = map["choices"] {
                fields.error(
                    node, "'choices' is not allowed on \(type.rawValue) \(context)",
                    expected: "expected choices only on choice or multi questions")
            }
        }
    }

    mutating func decodeNumberKeys(_ map: YAMLFields.Mapping, type: QuestionType, into question: inout Question, context: String) {
        guard type == .number else {
            for key in ["min", "max", "unit", "bands"] {
                if let node = map.keyNode(key) {
                    fields.error(
                        node, "'\(key)' is not allowed on \(type.rawValue) \(context)",
                        expected: "expected '\(key)' only on number questions")
                }
            }
            return
        }
        question.min = fields.number(map["min"], "min", in: context)
        question.max = fields.number(map["max"], "max", in: context)
        question.unit = fields.text(map["unit"], "unit", in: context)
        if let min = question.min, let max = question.max, min > max {
            fields.error(
                map["max"], "max \(NumberText.plain(max)) of \(context) is below min \(NumberText.plain(min))",
                expected: "expected min <= max")
            return
        }
        guard let items = fields.list(map["bands"], "bands", in: context) else { return }
        var bands: [Band] = []
        for item in items {
            guard let bandMap = fields.mapping(item, in: "a band of \(context)", allowed: Self.bandKeys, required: ["min", "score"]),
                let min = fields.number(bandMap["min"], "min", in: "a band of \(context)"),
                let score = fields.number(bandMap["score"], "score", in: "a band of \(context)")
            else { continue }
            let max = fields.number(bandMap["max"], "max", in: "a band of \(context)")
            guard (0...1).contains(score) else {
                fields.error(
                    bandMap["score"], "a band of \(context) has score \(NumberText.plain(score))", expected: "expected a score in 0...1")
                continue
            }
            if let max, max < min {
                fields.error(
                    bandMap["max"], "a band of \(context) has max \(NumberText.plain(max)) below its min \(NumberText.plain(min))",
                    expected: "expected min <= max")
                continue
            }
            bands.append(Band(min: min, max: max, score: score))
        }
        question.bands = bands
        if !bands.isEmpty, bands.count == items.count {
            checkBandCoverage(bands, question: question, node: map["bands"], context: context)
        }
    }

    /// Bands must together cover the question's min...max (unbounded where not given) with no gap.
    mutating func checkBandCoverage(_ bands: [Band], question: Question, node: Node?, context: String) {
        let low = question.min ?? -Double.infinity
        let high = question.max ?? Double.infinity
        let range = "\(question.min.map(NumberText.plain) ?? "-∞")...\(question.max.map(NumberText.plain) ?? "∞")"
        let sorted = bands.sorted { $0.min < $1.min }
        var covered: Double?
        var gaps: [String] = []
        for band in sorted {
            let top = band.max ?? Double.infinity
            if top < low { continue }
            if let reach = covered {
                if band.min > reach, reach < high {
                    gaps.append("above \(NumberText.plain(reach)) and below \(NumberText.plain(band.min))")
                }
                covered = Swift.max(reach, top)
            } else {
                if band.min > low {
                    gaps.append(
                        low.isInfinite
                            ? "below \(NumberText.plain(band.min))" : "from \(NumberText.plain(low)) to below \(NumberText.plain(band.min))"
                    )
                }
                covered = top
            }
        }
        if let reach = covered, reach < high {
            gaps.append(
                high.isInfinite ? "above \(NumberText.plain(reach))" : "above \(NumberText.plain(reach)) up to \(NumberText.plain(high))")
        }
        if covered == nil { gaps.append("all of \(range)") }
        for gap in gaps {
            fields.error(
                node, "the bands of \(context) leave values \(gap) unscored",
                expected: "expected bands that together cover \(range) (set min/max on the question or add a band)")
        }
    }

    mutating func decodeRemediation(_ node: Node?, in context: String) -> Remediation? {
        guard let node,
            let map = fields.mapping(node, in: "the remediation of \(context)", allowed: Self.remediationKeys, required: ["action"])
        else { return nil }
        let inner = "the remediation of \(context)"
        let action = fields.text(map["action"], "action", in: inner) ?? ""
        let owner = map["owner"].flatMap { fields.text($0, "owner", in: inner) } ?? ""
        let phase = map["phase"].flatMap { fields.enumeration($0, "phase", in: inner, as: MigrationPhase.self) } ?? .beforeMigration
        let effort = map["effort"].flatMap { fields.enumeration($0, "effort", in: inner, as: Effort.self) }
        let azure = fields.textList(map["azure"], "azure", in: inner) ?? []
        var after: [String] = []
        for item in fields.list(map["after"], "after", in: inner) ?? [] {
            if let id = fields.identifier(item, "question id in 'after'", in: inner) { after.append(id) }
        }
        return Remediation(action: action.trimmingWhitespace, owner: owner, phase: phase, effort: effort, azure: azure, after: after)
    }
}
