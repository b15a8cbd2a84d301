/// The compiled form of a validated questionnaire: the complete model (every field of every
/// domain, question, choice, band, remediation, condition tree, the thresholds, the calendar
/// roles, the source locations) and the loader's warnings, in ``BinaryWriter``'s encoding, so
/// that ``QuestionnaireCache`` can load it without YAML.
///
/// The layout follows the model's declarations field by field. ``fields`` lists, per model type,
/// the stored properties this codec writes; a test compares it with the types themselves, so
/// that a field added to the model cannot be silently left out of the cache. Changing the
/// layout means changing ``formatVersion``.
enum CompiledQuestionnaire {
    /// The layout's version; part of every cache key.
    static let formatVersion = 2

    /// The stored properties written for each model type, in order (checked against the types by
    /// the tests; a new field must be added here and to the codec).
    static let fields: [String: [String]] = [
        "Questionnaire": ["id", "version", "title", "description", "sources", "thresholds", "domains", "calendar", "sharedResponsibility"],
        "Source": ["title", "url", "note"],
        "Thresholds": [
            "ready", "notReady", "criticalDomainFloor", "unknownConfidence", "conditionalConfidence", "readyConfidence",
            "closeWindowBefore", "closeWindowAfter", "minOperatingDays",
        ],
        "CalendarRoles": ["cutover", "fiscalYearEnd"],
        "SharedResponsibilityLink": ["question", "models"],
        "Domain": ["id", "title", "summary", "criticality", "weight", "itgc", "cuec", "questions", "location"],
        "Question": [
            "id", "prompt", "title", "help", "type", "choices", "min", "max", "unit", "bands", "control", "weight", "gate",
            "declaredKey", "asked", "expectedEvidence", "risk", "notApplicable", "required", "when", "whenText", "remediation",
            "references", "itgc", "cuec", "replaces", "location",
        ],
        "Choice": ["id", "label", "score", "action"],
        "Band": ["min", "max", "score"],
        "Remediation": ["action", "owner", "phase", "effort", "azure", "after"],
        "SourceLocation": ["line", "column"],
        "CalendarDate": ["year", "month", "day"],
        "Diagnostic": ["file", "location", "message", "expected", "severity", "unlisted"],
    ]

    /// The questionnaire and its warnings as bytes (the file name of each warning is not kept: it
    /// is the name the text is loaded under, given again by ``decode(_:file:)``).
    static func encode(_ questionnaire: Questionnaire, warnings: [Diagnostic]) -> [UInt8] {
        var out = BinaryWriter(capacity: 256 * 1024)
        out.write(questionnaire)
        out.array(warnings) { out, warning in
            out.optional(warning.location) { $0.write($1) }
            out.string(warning.message)
            out.optional(warning.expected) { $0.string($1) }
            out.string(warning.severity.rawValue)
            out.int(warning.unlisted)
        }
        return out.bytes
    }

    /// The questionnaire and warnings that ``encode(_:warnings:)`` wrote; the warnings name `file`.
    ///
    /// - Throws: ``BinaryReader/Malformed`` when the bytes are truncated, damaged or of another
    ///   layout, or are followed by anything.
    static func decode(_ bytes: UnsafeRawBufferPointer, file: String) throws -> (Questionnaire, [Diagnostic]) {
        var reader = BinaryReader(bytes)
        let questionnaire = try reader.questionnaire()
        let warnings = try reader.array { reader in
            var warning = Diagnostic(
                file: file, location: try reader.optional { try $0.location() }, message: try reader.string(),
                expected: try reader.optional { try $0.string() }, severity: try reader.enumeration(Diagnostic.Severity.self))
            warning.unlisted = try reader.int()
            return warning
        }
        guard reader.isAtEnd else { throw reader.malformed("bytes after the questionnaire") }
        return (questionnaire, warnings)
    }
}

// MARK: - Writing

extension BinaryWriter {
    mutating func write(_ q: Questionnaire) {
        string(q.id)
        string(q.version)
        string(q.title)
        string(q.description)
        array(q.sources) { out, source in
            out.string(source.title)
            out.optional(source.url) { $0.string($1) }
            out.optional(source.note) { $0.string($1) }
        }
        let t = q.thresholds
        for value in [t.ready, t.notReady, t.criticalDomainFloor, t.unknownConfidence, t.conditionalConfidence, t.readyConfidence] {
            double(value)
        }
        for value in [t.closeWindowBefore, t.closeWindowAfter, t.minOperatingDays] { int(value) }
        array(q.domains) { $0.write($1) }
        optional(q.calendar.cutover) { $0.string($1) }
        optional(q.calendar.fiscalYearEnd) { $0.string($1) }
        optional(q.sharedResponsibility) { out, link in
            out.string(link.question)
            out.array(link.models) { out, entry in
                out.string(entry.choice)
                out.string(entry.model.rawValue)
            }
        }
    }

    mutating func write(_ d: Domain) {
        string(d.id)
        string(d.title)
        string(d.summary)
        string(d.criticality.rawValue)
        optional(d.weight) { $0.double($1) }
        array(d.itgc) { $0.string($1.rawValue) }
        array(d.cuec) { $0.string($1) }
        array(d.questions) { $0.write($1) }
        write(d.location)
    }

    mutating func write(_ q: Question) {
        string(q.id)
        string(q.prompt)
        optional(q.title) { $0.string($1) }
        string(q.help)
        string(q.type.rawValue)
        array(q.choices) { out, choice in
            out.string(choice.id)
            out.string(choice.label)
            out.optional(choice.score) { $0.double($1) }
            out.optional(choice.action) { $0.string($1) }
        }
        optional(q.min) { $0.double($1) }
        optional(q.max) { $0.double($1) }
        optional(q.unit) { $0.string($1) }
        array(q.bands) { out, band in
            out.double(band.min)
            out.optional(band.max) { $0.double($1) }
            out.double(band.score)
        }
        optional(q.control) { $0.string($1.rawValue) }
        optional(q.weight) { $0.double($1) }
        optional(q.gate) { $0.string($1.rawValue) }
        bool(q.declaredKey)
        string(q.asked.rawValue)
        array(q.expectedEvidence) { $0.string($1) }
        optional(q.risk) { $0.string($1.rawValue) }
        bool(q.notApplicable)
        bool(q.required)
        optional(q.when) { $0.write($1) }
        optional(q.whenText) { $0.string($1) }
        optional(q.remediation) { out, remediation in
            out.string(remediation.action)
            out.string(remediation.owner)
            out.string(remediation.phase.rawValue)
            out.optional(remediation.effort) { $0.string($1.rawValue) }
            out.array(remediation.azure) { $0.string($1) }
            out.array(remediation.after) { $0.string($1) }
        }
        array(q.references) { $0.string($1) }
        array(q.itgc) { $0.string($1.rawValue) }
        array(q.cuec) { $0.string($1) }
        array(q.replaces) { $0.string($1) }
        write(q.location)
    }

    mutating func write(_ location: SourceLocation) {
        int(location.line)
        int(location.column)
    }

    /// A condition as a tag byte (0 and, 1 or, 2 not, 3 comparison, 4 membership, 5 contains,
    /// 6 answered) and its operands, depth first.
    mutating func write(_ condition: Condition) {
        switch condition {
        case .and(let lhs, let rhs), .or(let lhs, let rhs):
            if case .and = condition { byte(0) } else { byte(1) }
            write(lhs)
            write(rhs)
        case .not(let operand):
            byte(2)
            write(operand)
        case .comparison(let question, let op, let value):
            byte(3)
            string(question)
            string(op.rawValue)
            write(value)
        case .membership(let question, let values):
            byte(4)
            string(question)
            array(values) { $0.write($1) }
        case .contains(let question, let value):
            byte(5)
            string(question)
            write(value)
        case .answered(let question):
            byte(6)
            string(question)
        }
    }

    /// A literal as a tag byte (0 string, 1 number, 2 date) and its value.
    mutating func write(_ value: ConditionValue) {
        switch value {
        case .string(let text):
            byte(0)
            string(text)
        case .number(let number):
            byte(1)
            double(number)
        case .date(let date):
            byte(2)
            int(date.year)
            int(date.month)
            int(date.day)
        }
    }
}

// MARK: - Reading

extension BinaryReader {
    mutating func questionnaire() throws -> Questionnaire {
        let id = try string()
        let version = try string()
        let title = try string()
        let description = try string()
        let sources = try array { reader in
            Source(title: try reader.string(), url: try reader.optional { try $0.string() }, note: try reader.optional { try $0.string() })
        }
        var thresholds = Thresholds()
        thresholds.ready = try double()
        thresholds.notReady = try double()
        thresholds.criticalDomainFloor = try double()
        thresholds.unknownConfidence = try double()
        thresholds.conditionalConfidence = try double()
        thresholds.readyConfidence = try double()
        thresholds.closeWindowBefore = try int()
        thresholds.closeWindowAfter = try int()
        thresholds.minOperatingDays = try int()
        let domains = try array { reader in try reader.domain() }
        let calendar = CalendarRoles(cutover: try optional { try $0.string() }, fiscalYearEnd: try optional { try $0.string() })
        let link = try optional { reader in
            SharedResponsibilityLink(
                question: try reader.string(),
                models: try reader.array { reader in
                    (choice: try reader.string(), model: try reader.enumeration(HostingModel.self))
                })
        }
        return Questionnaire(
            id: id, version: version, title: title, description: description, sources: sources,
            thresholds: thresholds, domains: domains, calendar: calendar, sharedResponsibility: link)
    }

    mutating func domain() throws -> Domain {
        Domain(
            id: try string(), title: try string(), summary: try string(), criticality: try enumeration(Criticality.self),
            weight: try optional { try $0.double() }, itgc: try array { try $0.enumeration(ITGCArea.self) },
            cuec: try array { try $0.string() }, questions: try array { try $0.question() }, location: try location())
    }

    mutating func question() throws -> Question {
        Question(
            id: try string(), prompt: try string(), title: try optional { try $0.string() }, help: try string(),
            type: try enumeration(QuestionType.self),
            choices: try array { reader in
                Choice(
                    id: try reader.string(), label: try reader.string(), score: try reader.optional { try $0.double() },
                    action: try reader.optional { try $0.string() })
            },
            min: try optional { try $0.double() }, max: try optional { try $0.double() }, unit: try optional { try $0.string() },
            bands: try array { reader in
                Band(min: try reader.double(), max: try reader.optional { try $0.double() }, score: try reader.double())
            },
            control: try optional { try $0.enumeration(ControlClass.self) }, weight: try optional { try $0.double() },
            gate: try optional { try $0.enumeration(Gate.self) }, declaredKey: try bool(), asked: try enumeration(AskedStage.self),
            expectedEvidence: try array { try $0.string() }, risk: try optional { try $0.enumeration(RiskLevel.self) },
            notApplicable: try bool(), required: try bool(), when: try optional { try $0.condition() },
            whenText: try optional { try $0.string() },
            remediation: try optional { reader in
                Remediation(
                    action: try reader.string(), owner: try reader.string(), phase: try reader.enumeration(MigrationPhase.self),
                    effort: try reader.optional { try $0.enumeration(Effort.self) }, azure: try reader.array { try $0.string() },
                    after: try reader.array { try $0.string() })
            },
            references: try array { try $0.string() }, itgc: try array { try $0.enumeration(ITGCArea.self) },
            cuec: try array { try $0.string() }, replaces: try array { try $0.string() }, location: try location())
    }

    mutating func location() throws -> SourceLocation {
        SourceLocation(line: try int(), column: try int())
    }

    mutating func condition() throws -> Condition {
        switch try byte() {
        case 0: return .and(try condition(), try condition())
        case 1: return .or(try condition(), try condition())
        case 2: return .not(try condition())
        case 3: return .comparison(question: try string(), op: try enumeration(ComparisonOperator.self), value: try conditionValue())
        case 4: return .membership(question: try string(), values: try array { try $0.conditionValue() })
        case 5: return .contains(question: try string(), value: try conditionValue())
        case 6: return .answered(question: try string())
        case let tag: throw malformed("condition tag \(tag)")
        }
    }

    mutating func conditionValue() throws -> ConditionValue {
        switch try byte() {
        case 0: return .string(try string())
        case 1: return .number(try double())
        case 2:
            let (year, month, day) = (try int(), try int(), try int())
            guard let date = CalendarDate(year: year, month: month, day: day) else { throw malformed("date \(year)-\(month)-\(day)") }
            return .date(date)
        case let tag: throw malformed("condition value tag \(tag)")
        }
    }
}
