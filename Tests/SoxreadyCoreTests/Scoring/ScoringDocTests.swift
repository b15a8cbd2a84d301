import Foundation
import SoxreadyTestSupport
import Testing

@testable import SoxreadyCore

/// docs/scoring.md read against the engine: the result JSON it quotes, the reason texts of its
/// rules-2 table, its thresholds, and every figure of its two worked examples. The expected texts
/// are the doc's own; the test fails whenever the doc and the engine disagree.
///
/// The inputs are those of ``ScoringRules2Tests`` and ``ScoringTests`` (one case per clause, plus
/// the plural forms), scored here by the engine.
struct ScoringDocTests {
    let doc: String
    let lines: [String]
    let rules2: ScoringRules2Tests

    init() throws {
        doc = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/scoring.md"), encoding: .utf8)
        lines = doc.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        rules2 = try ScoringRules2Tests()
    }

    // MARK: - Reading the doc

    /// The lines under `heading` (exactly as written) up to the next heading of the same or a
    /// higher level, outside code blocks.
    func section(_ heading: String) throws -> [String] {
        let start = try #require(lines.firstIndex(of: heading), "docs/scoring.md has no heading '\(heading)'")
        let level = heading.prefix { $0 == "#" }.count
        var result: [String] = []
        var inCode = false
        for line in lines[(start + 1)...] {
            if line.hasPrefix("```") { inCode.toggle() }
            if !inCode, line.hasPrefix("#") {
                let depth = line.prefix { $0 == "#" }.count
                if depth <= level, line.dropFirst(depth).hasPrefix(" ") { break }
            }
            result.append(line)
        }
        return result
    }

    /// The contents of every fenced block of `language` in `section`, each ending with a newline.
    func fencedBlocks(_ section: [String], language: String) -> [String] {
        var blocks: [String] = []
        var current: [String]?
        for line in section {
            if current == nil, line == "```" + language {
                current = []
            } else if current != nil, line == "```" {
                blocks.append(current!.map { $0 + "\n" }.joined())
                current = nil
            } else if current != nil {
                current!.append(line)
            }
        }
        return blocks
    }

    /// The cells of a table row (`| a | b |` → `["a", "b"]`).
    func cells(_ row: String) -> [String] {
        var parts = row.trimmingCharacters(in: .whitespaces).split(separator: "|", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        if parts.first == "" { parts.removeFirst() }
        if parts.last == "" { parts.removeLast() }
        return parts
    }

    /// The rows of the table whose header row starts with `header`, without the header and rule.
    func table(in section: [String], header: String) throws -> [[String]] {
        let trimmed = section.map { $0.trimmingCharacters(in: .whitespaces) }
        let start = try #require(trimmed.firstIndex { $0.hasPrefix(header) }, "no table starting '\(header)'")
        return trimmed[(start + 2)...].prefix { $0.hasPrefix("|") }.map(cells)
    }

    /// The code spans of a text (`` `a` or `b` `` → `["a", "b"]`).
    func codeSpans(_ text: String) -> [String] {
        text.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    /// The bold spans of a line (`**a** and **b**` → `["a", "b"]`).
    func bolds(_ line: String) -> [String] {
        line.components(separatedBy: "**").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
    }

    /// The one line of `section` that starts (once trimmed) with `prefix`.
    func line(_ section: [String], startingWith prefix: String) throws -> String {
        let found = section.map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.hasPrefix(prefix) }
        #expect(found.count == 1, "expected one line starting '\(prefix)', found \(found.count)")
        return try #require(found.first)
    }

    /// The bullets (`- …`) that follow the line starting with `prefix` (after blank lines), up to the first line that is not one.
    func bullets(_ section: [String], after prefix: String) throws -> [String] {
        let trimmed = section.map { $0.trimmingCharacters(in: .whitespaces) }
        let start = try #require(trimmed.firstIndex { $0.hasPrefix(prefix) }, "no line starting '\(prefix)'")
        return trimmed[(start + 1)...].drop { $0.isEmpty }.prefix { $0.hasPrefix("- ") }.map { String($0.dropFirst(2)) }
    }

    /// The section as one line of words (line breaks and indentation become single spaces).
    func prose(_ section: [String]) -> String {
        section.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    func one(_ value: Double) -> String { NumberText.oneDecimal(value) }

    // MARK: - The rules-2 table

    /// One row of the readiness table: its clause (`1a` … `4j`, `5`), level, reason templates and
    /// `questions` cell.
    struct Row {
        var clause: String
        var rule: Int
        var level: String
        var templates: [String]
        var questions: String
    }

    func rulesTable() throws -> [Row] {
        let rows = try table(
            in: try section("## Readiness level (the first rule that applies)"), header: "| clause | level | when | reason |")
        return try rows.map { cells in
            try #require(cells.count == 5, "a row of the rules table has \(cells.count) cells: \(cells)")
            let rule = try #require(cells[0].first?.wholeNumberValue, "clause '\(cells[0])' does not start with its rule")
            return Row(clause: cells[0], rule: rule, level: cells[1], templates: codeSpans(cells[3]), questions: cells[4])
        }
    }

    /// A template of the doc (`The overall score ‹score› is below ‹notReady›`) as an anchored
    /// pattern: a threshold's name stands for its value in `thresholds`, the other placeholders
    /// for what they describe. Unknown placeholders are reported.
    func pattern(_ template: String, thresholds t: Thresholds) -> NSRegularExpression? {
        let values: [String: String] = [
            "notReady": NumberText.plain(t.notReady), "ready": NumberText.plain(t.ready),
            "criticalDomainFloor": NumberText.plain(t.criticalDomainFloor), "unknownConfidence": NumberText.plain(t.unknownConfidence),
            "readyConfidence": NumberText.plain(t.readyConfidence), "closeWindowBefore": String(t.closeWindowBefore),
            "closeWindowAfter": String(t.closeWindowAfter), "minOperatingDays": String(t.minOperatingDays),
        ]
        let kinds: [String: String] = [
            "titles": ".+", "domains": ".+", "n": "[0-9]+", "n days": "(?:1 day|[0-9]+ days)",
            "percent": "[0-9]+\\.[0-9]{1,2}", "score": "[0-9]+\\.[0-9]{1,2}",
            "cutover": "[0-9]{4}-[0-9]{2}-[0-9]{2}", "periodEnd": "[0-9]{4}-[0-9]{2}-[0-9]{2}", "yearEnd": "[0-9]{4}-[0-9]{2}-[0-9]{2}",
        ]
        var regex = "^"
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "‹") {
            regex += NSRegularExpression.escapedPattern(for: String(rest[..<open]))
            guard let close = rest[open...].firstIndex(of: "›") else {
                Issue.record("unclosed placeholder in '\(template)'")
                return nil
            }
            let name = String(rest[rest.index(after: open)..<close])
            if let value = values[name] {
                regex += NSRegularExpression.escapedPattern(for: value)
            } else if let kind = kinds[name] {
                regex += kind
            } else {
                Issue.record("placeholder ‹\(name)› in '\(template)' is unknown to ScoringDocTests")
                return nil
            }
            rest = rest[rest.index(after: close)...]
        }
        regex += NSRegularExpression.escapedPattern(for: String(rest)) + "$"
        return try? NSRegularExpression(pattern: regex)
    }

    func matches(_ template: String, _ text: String, thresholds: Thresholds) -> Bool {
        guard let regex = pattern(template, thresholds: thresholds) else { return false }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// A case: answers scored on the fixture (or a variant of it) on an as-of date.
    struct Case {
        var name: String
        var questionnaire: Questionnaire
        var answers: AnswerSheet
        var asOf: CalendarDate = ScoringRules2Tests.asOf
    }

    /// `scoring-v2.yaml` with `thresholds` and some text replaced.
    func variant(_ thresholds: String, replacing: [(String, String)] = []) throws -> Questionnaire {
        var text = try String(contentsOfFile: fixturePath("scoring-v2.yaml"), encoding: .utf8)
        for (old, new) in replacing {
            #expect(text.contains(old), "scoring-v2.yaml no longer contains '\(old)'")
            text = text.replacingOccurrences(of: old, with: new)
        }
        text = text.replacingOccurrences(of: "calendar: {", with: "thresholds: {\(thresholds)}\ncalendar: {")
        return try QuestionnaireLoader.parse(text, file: "variant.yaml").questionnaire
    }

    /// The cases of ScoringRules2Tests, one or more per clause, and the plural form of every clause
    /// that has one: together they reach every `add(…)` of ReadinessRulesV2.decide.
    func cases() throws -> [Case] {
        let q = rules2.questionnaire
        let day = ScoringRules2Tests.day
        func answer(_ choice: String, evidence: String? = nil, owner: String? = nil, due: CalendarDate? = nil) -> AnswerRecord {
            AnswerRecord(answer: .value(.choice(choice)), evidence: evidence, owner: owner, due: due)
        }
        func cutover(_ year: Int, _ month: Int, _ dayOfMonth: Int) -> AnswerRecord {
            AnswerRecord(answer: .value(.date(CalendarDate(year: year, month: month, day: dayOfMonth)!)))
        }
        let w = rules2.with
        let rules1 = try ScoringTests()
        let small = rules1.questionnaire
        let smallAnswers = try rules1.sheet(ScoringTests.worked)
        let bothOps = try variant("criticalDomainFloor: 70", replacing: [("    criticality: high\n", "    criticality: critical\n")])
        let keyRunbook = try variant(
            "", replacing: [("        title: Batch runbook\n", "        title: Batch runbook\n        key: true\n")])
        return [
            Case(name: "the worked example", questionnaire: q, answers: ScoringRules2Tests.worked()),
            Case(name: "ready", questionnaire: q, answers: ScoringRules2Tests.ready()),
            // Rule 1.
            Case(name: "a gate not met", questionnaire: q, answers: w(["mfa": answer("no", evidence: "x")])),
            Case(name: "a technical gate not met", questionnaire: q, answers: w(["label": answer("not-ready", evidence: "x")])),
            Case(name: "partly met, no commitment", questionnaire: q, answers: w(["mfa": answer("partial")])),
            Case(name: "partly met, an owner alone", questionnaire: q, answers: w(["mfa": answer("partial", owner: "Dana Lee")])),
            Case(name: "partly met, overdue", questionnaire: q, answers: w(["mfa": answer("partial", owner: "Dana Lee", due: day(-1))])),
            Case(
                name: "partly met, after the cutover", questionnaire: q,
                answers: w(["mfa": answer("partial", owner: "Dana Lee", due: day(101))])),
            Case(
                name: "two gates not met", questionnaire: q,
                answers: w(["mfa": answer("no", evidence: "x"), "label": answer("not-ready", evidence: "x")])),
            Case(
                name: "two gates partly met, no commitment", questionnaire: q,
                answers: w(["mfa": answer("partial"), "label": answer("conditional")])),
            // Rule 2.
            Case(name: "a gate unknown", questionnaire: q, answers: w(["mfa": AnswerRecord(answer: .unknown)])),
            Case(name: "two gates unanswered", questionnaire: q, answers: w(["mfa": nil, "label": nil])),
            Case(name: "confidence 40", questionnaire: q, answers: w(["reviews": nil, "backup": nil, "runbook": nil])),
            // Rule 3.
            Case(
                name: "overall below notReady", questionnaire: try rules2.variant("notReady: 85, ready: 90"),
                answers: w(["reviews": answer("n"), "backup": answer("no")])),
            Case(
                name: "a critical domain below the floor", questionnaire: try rules2.variant("criticalDomainFloor: 95"),
                answers: w(["reviews": answer("n")])),
            Case(
                name: "two critical domains below the floor", questionnaire: bothOps,
                answers: w(["mfa": answer("no", evidence: "x"), "backup": answer("no")])),
            Case(name: "cutover on the first day of the year-end window", questionnaire: q, answers: w(["cutover": cutover(2027, 12, 24)])),
            Case(name: "cutover on the last day of the year-end window", questionnaire: q, answers: w(["cutover": cutover(2028, 1, 15)])),
            Case(name: "cutover one day before the year end", questionnaire: q, answers: w(["cutover": cutover(2027, 12, 30)])),
            // Rule 4.
            Case(name: "partly met, on time", questionnaire: q, answers: w(["mfa": answer("partial", owner: "Dana Lee", due: day(5))])),
            Case(
                name: "two gates partly met, on time", questionnaire: q,
                answers: w([
                    "mfa": answer("partial", owner: "Dana Lee", due: day(30)),
                    "label": answer("conditional", owner: "Ari Cohen", due: day(40)),
                ])),
            Case(name: "a high-risk gap", questionnaire: q, answers: w(["backup": answer("no")])),
            Case(name: "two high-risk gaps", questionnaire: keyRunbook, answers: w(["backup": answer("no"), "runbook": answer("no")])),
            Case(
                name: "overall below ready", questionnaire: try rules2.variant("ready: 90"),
                answers: w(["reviews": answer("n"), "runbook": answer("no")])),
            Case(name: "confidence 80", questionnaire: q, answers: w(["runbook": nil])),
            Case(
                name: "a question of a critical domain unknown", questionnaire: try rules2.variant("readyConfidence: 75"),
                answers: w(["reviews": AnswerRecord(answer: .unknown)])),
            Case(
                name: "two questions of a critical domain unknown", questionnaire: q,
                answers: w(["mfa": AnswerRecord(answer: .unknown), "reviews": AnswerRecord(answer: .unknown)])),
            Case(name: "a key control without evidence", questionnaire: q, answers: w(["backup": answer("yes")])),
            Case(name: "an overdue commitment", questionnaire: q, answers: w(["reviews": answer("a", owner: "Lee Chen", due: day(-1))])),
            Case(
                name: "two overdue commitments", questionnaire: q,
                answers: w([
                    "mfa": answer("partial", owner: "Dana Lee", due: day(-1)), "reviews": answer("a", owner: "Lee Chen", due: day(-2)),
                ])),
            Case(name: "cutover not answered", questionnaire: q, answers: w(["cutover": nil])),
            Case(name: "cutover in a quarter-end window", questionnaire: q, answers: w(["cutover": cutover(2027, 4, 15)])),
            Case(name: "60 operating days", questionnaire: q, answers: w(["cutover": cutover(2027, 11, 1)])),
            Case(name: "post-cutover", questionnaire: q, answers: w(["cutover": AnswerRecord(answer: .value(.date(day(-10))))])),
            // Neighbouring clauses together, so that the order of every pair of rows is checked.
            Case(
                name: "a gate not met and one partly met", questionnaire: q,
                answers: w(["mfa": answer("no", evidence: "x"), "label": answer("conditional")])),
            Case(name: "gates unanswered and low confidence", questionnaire: q, answers: w(["mfa": nil, "label": nil, "reviews": nil])),
            Case(
                name: "a gate partly met on time and a high-risk gap", questionnaire: q,
                answers: w(["mfa": answer("partial", owner: "Dana Lee", due: day(30)), "backup": answer("no")])),
            Case(
                name: "a critical question unknown and a key control without evidence", questionnaire: q,
                answers: w(["reviews": AnswerRecord(answer: .unknown), "backup": answer("yes")])),
            Case(
                name: "no evidence, an overdue commitment and no cutover date", questionnaire: q,
                answers: w(["backup": answer("yes"), "reviews": answer("a", owner: "Lee Chen", due: day(-1)), "cutover": nil])),
            Case(
                name: "a quarter-end window and a short operating window", questionnaire: q, answers: w(["cutover": cutover(2027, 10, 10)])),
            Case(
                name: "the rules-1 worked example under rules 2", questionnaire: small, answers: smallAnswers,
                asOf: CalendarDate(year: 2026, month: 11, day: 29)!),
            // Every rule at once.
            Case(
                name: "every rule", questionnaire: q,
                answers: w([
                    "mfa": answer("no"), "label": AnswerRecord(answer: .unknown), "reviews": answer("n"),
                    "backup": answer("yes"), "runbook": nil, "cutover": AnswerRecord(answer: .value(.date(ScoringRules2Tests.yearEnd))),
                ])),
        ]
    }

    func score(_ c: Case) -> Scorecard {
        ReadinessScorer.score(c.questionnaire, answers: c.answers, rules: .version2(asOf: c.asOf))
    }

    /// The row each reason of `card` matches (nil when none or several do; the issue is recorded).
    func rows(for card: Scorecard, in c: Case, table: [Row]) -> [(reason: Reason, row: Int?)] {
        card.reasons.map { reason -> (reason: Reason, row: Int?) in
            let found = table.indices.filter { i in
                table[i].rule == reason.rule
                    && table[i].templates.contains { matches($0, reason.text, thresholds: c.questionnaire.thresholds) }
            }
            if found.count != 1 {
                let rule = reason.rule.map { String($0) } ?? "none"
                let located = found.isEmpty ? "no row" : "rows " + found.map { table[$0].clause }.joined(separator: ", ")
                Issue.record(
                    "\(c.name): the engine's reason (rule \(rule)) \"\(reason.text)\" matches \(located) of the rules table in docs/scoring.md"
                )
            }
            return (reason, found.count == 1 ? found[0] : nil)
        }
    }

    @Test func theRulesTableHasEveryClauseOfTheEngineInItsOrderAndWording() throws {
        let table = try rulesTable()
        let templateCount = table.map(\.templates.count).reduce(0, +)
        var hit: Set<String> = []
        for c in try cases() {
            let card = score(c)
            let matched = rows(for: card, in: c, table: table)
            // In the order of the table.
            let order = matched.compactMap(\.row)
            #expect(order == order.sorted(), "\(c.name): the engine lists its reasons in the order \(order.map { table[$0].clause })")
            for (reason, row) in matched {
                guard let row else { continue }
                for template in table[row].templates where matches(template, reason.text, thresholds: c.questionnaire.thresholds) {
                    hit.insert(template)
                }
                // `[]` in the doc: a clause that names no question.
                #expect(
                    (table[row].questions == "`[]`") == reason.questions.isEmpty,
                    "\(c.name): clause \(table[row].clause) gives questions \(reason.questions), the doc says \(table[row].questions)")
            }
            // The level is the one of the first rule that applies (the doc's level column).
            let first = matched.compactMap(\.row).map { table[$0] }.min { $0.rule < $1.rule }
            let expected = first?.level ?? table.first { $0.rule == 5 }?.level
            #expect(
                card.readiness.rawValue == expected,
                "\(c.name): level \(card.readiness.rawValue), the doc's table gives \(expected ?? "none")")
        }
        // Every wording in the doc is one the engine writes.
        let unused = table.flatMap(\.templates).filter { !hit.contains($0) }
        #expect(unused.isEmpty, "no case gives these reasons of docs/scoring.md: \(unused)")
        #expect(hit.count == templateCount)
        // Rules 1 to 4 have as many rows as the engine has clauses (each `add(N, …)` is one).
        let engine = try String(
            contentsOf: repositoryRoot.appendingPathComponent("Sources/SoxreadyCore/Scoring/ReadinessRulesV2.swift"),
            encoding: .utf8)
        let calls = try NSRegularExpression(pattern: "\\badd\\(\\s*([1-4]),")
            .matches(in: engine, range: NSRange(engine.startIndex..., in: engine))
            .compactMap { Range($0.range(at: 1), in: engine).flatMap { Int(engine[$0]) } }
        for rule in 1...4 {
            #expect(
                table.filter { $0.rule == rule }.count == calls.filter { $0 == rule }.count,
                "rule \(rule): \(table.filter { $0.rule == rule }.count) rows in docs/scoring.md, \(calls.filter { $0 == rule }.count) clauses in the engine"
            )
        }
        #expect(table.filter { $0.rule == 5 }.map(\.templates) == [[]], "rule 5 adds no reason")
    }

    @Test func theTwoClausesThatAreNotRepeated() throws {
        let table = try rulesTable()
        func clauses(_ name: String) throws -> [String] {
            let c = try #require(try cases().first { $0.name == name })
            return rows(for: score(c), in: c, table: table).compactMap(\.row).map { table[$0].clause }
        }
        // Overall below notReady (3a): not also below ready (4c).
        let low = try clauses("overall below notReady")
        #expect(low.contains("3a") && !low.contains("4c"))
        // Confidence at or below unknownConfidence (2b): not also below readyConfidence (4d).
        let unsure = try clauses("confidence 40")
        #expect(unsure.contains("2b") && !unsure.contains("4d"))
        let section = prose(try section("## Readiness level (the first rule that applies)"))
        #expect(section.contains("**Two clauses are not repeated** when a stronger clause about the same figure holds"))
    }

    @Test func theExampleReasonsAreTheEnginesWords() throws {
        let examples = try bullets(
            try section("## Readiness level (the first rule that applies)"), after: "Examples from `ScoringRules2Tests`")
        #expect(examples.count >= 5)
        let texts = Set(try cases().flatMap { score($0).reasons.map(\.text) })
        for example in examples {
            let spans = codeSpans(example)
            #expect(spans.count == 1, "an example reason is one code span: \(example)")
            guard let text = spans.first else { continue }
            #expect(texts.contains(text), "the engine gives no reason \"\(text)\" on the cases of ScoringRules2Tests")
        }
    }

    @Test func theThresholdsTableGivesTheEnginesDefaults() throws {
        let rows = try table(in: try section("### Thresholds"), header: "| threshold | default |")
        let t = Thresholds()
        let defaults: [String: String] = [
            "notReady": NumberText.plain(t.notReady), "ready": NumberText.plain(t.ready),
            "criticalDomainFloor": NumberText.plain(t.criticalDomainFloor), "unknownConfidence": NumberText.plain(t.unknownConfidence),
            "readyConfidence": NumberText.plain(t.readyConfidence), "closeWindowBefore": String(t.closeWindowBefore),
            "closeWindowAfter": String(t.closeWindowAfter), "minOperatingDays": String(t.minOperatingDays),
            "conditionalConfidence": NumberText.plain(t.conditionalConfidence),
        ]
        var documented: [String: String] = [:]
        for row in rows {
            let name = try #require(codeSpans(row[0]).first)
            documented[name] = row[1]
        }
        #expect(documented == defaults)
        #expect(Set(documented.keys) == Set(QuestionnaireDecoder.thresholdKeys))
    }

    // MARK: - The worked example of rules 2

    @Test func theQuotedResultIsTheFixtureByteForByteAndWhatTheEngineWrites() throws {
        let blocks = fencedBlocks(try section("## Worked example, rules version 2"), language: "json")
        #expect(blocks.count == 1)
        let quoted = try #require(blocks.first)
        let fixture = try Data(contentsOf: URL(fileURLWithPath: fixturePath("scoring-v2-result.json")))
        #expect(Array(quoted.utf8) == Array(fixture), "the JSON quoted in docs/scoring.md differs from scoring-v2-result.json")
        let recordedAt = Date(timeIntervalSince1970: 1_800_014_400)  // 2027-01-15T12:00:00Z
        let card = ReadinessScorer.score(
            rules2.questionnaire, answers: ScoringRules2Tests.worked(),
            rules: .version2(asOf: CalendarDate(utc: recordedAt)))
        let result = AssessmentResult(
            card: card, questionnaire: rules2.questionnaire, answers: ScoringRules2Tests.worked(),
            appName: "General Ledger", runNumber: 1, recordedAt: recordedAt)
        #expect(Array(try result.jsonData()) == Array(quoted.utf8))
    }

    @Test func everyFigureOfTheRules2WorkedExampleIsTheEngines() throws {
        let s = try section("## Worked example, rules version 2")
        let text = prose(s)
        let card = rules2.score(ScoringRules2Tests.worked())
        #expect(card.asOf == CalendarDate(year: 2027, month: 1, day: 15))
        #expect(text.contains("so its as-of date is **\(ScoringRules2Tests.asOf)**"))

        // Stage, not yet due, applicability.
        #expect(text.contains("the run is **\(card.stage.rawValue)**"))
        #expect(text.contains("`notYetDue` = \(card.notYetDue.map { "`\($0)`" }.joined(separator: ", "))"))
        let applicable = card.questions.filter { $0.isApplicable && rules2.questionnaire.question($0.questionID)?.isScored == true }
        #expect(text.contains("Applicable scored questions: \(applicable.map(\.questionID).joined(separator: ", ")) (\(applicable.count))"))

        // Domain scores, overall, confidence.
        let domains = Dictionary(uniqueKeysWithValues: card.domains.map { ($0.domainID, $0.score) })
        #expect(domains["profile"] == .some(nil))
        #expect(try line(s, startingWith: "- profile:").contains("`null`"))
        for id in ["access", "ops"] {
            let figure = try #require(domains[id] ?? nil)
            #expect(bolds(try line(s, startingWith: "- \(id) =")).last == one(figure), "\(id) = \(one(figure))")
        }
        #expect(one(try #require(domains["access"] ?? nil)) == "50.0")
        #expect(one(try #require(domains["ops"] ?? nil)) == "100.0")
        let overall = try #require(card.score)
        #expect(one(overall) == "70.0")
        #expect(bolds(try line(s, startingWith: "4. **Overall** =")).last == one(overall))
        let confidence = bolds(try line(s, startingWith: "5. **Confidence** ="))
        #expect(one(card.confidence) == "100.0")
        #expect(confidence.contains("\(one(card.confidence)) %") && confidence.contains("\(card.stars) stars"))

        // Evidence missing.
        #expect(text.contains("`evidenceMissing` = **\(card.evidenceMissing.joined(separator: ", "))**"))

        // Calendar: the close window and the operating window, whose sum the doc spells out.
        let cutover = try #require(card.calendar.cutover), yearEnd = try #require(card.calendar.fiscalYearEnd)
        #expect(card.calendar.closeWindow == nil)
        #expect(text.contains("`closeWindow` = `null`"))
        let days = try #require(card.calendar.operatingDays)
        #expect(days == 250)
        let opening = "**Operating window** from \(cutover) to the year end \(yearEnd) = "
        let closing = " = **\(days)** days"
        if let start = text.range(of: opening), let end = text.range(of: closing, range: start.upperBound..<text.endIndex) {
            let terms = text[start.upperBound..<end.lowerBound].components(separatedBy: " + ").map {
                Int($0.trimmingCharacters(in: .whitespaces))
            }
            #expect(
                terms.allSatisfy { $0 != nil } && terms.compactMap { $0 }.reduce(0, +) == days, "the month lengths do not add up to \(days)"
            )
        } else {
            Issue.record("docs/scoring.md does not work out the operating window as '\(opening)… +\(closing)'")
        }
        #expect(text.contains("\(days) days are at least \(rules2.questionnaire.thresholds.minOperatingDays) (4j)"))

        // The commitment.
        let commitment = try #require(card.gaps.first { $0.commitment != nil }?.commitment)
        #expect(text.contains("\(commitment.0.owner) due \(commitment.0.due)"))
        #expect(text.contains("so **\(commitment.1.rawValue)**"))

        // Gaps: order, points lost, priority, gate, preview.
        try expectGapTable(s, card.gaps)
        #expect(card.gaps.map { NumberText.plain($0.pointsLost) } == ["13.5", "1.5"])

        // The figures the rules are checked on.
        let t = rules2.questionnaire.thresholds
        let access = try #require(domains["access"] ?? nil)
        #expect(text.contains("confidence \(one(card.confidence)) % > \(NumberText.plain(t.unknownConfidence)) % (2b)"))
        #expect(text.contains("\(one(overall)) ≥ \(NumberText.plain(t.notReady)) (3a)"))
        #expect(text.contains("scores \(one(access)), which is not below \(NumberText.plain(t.criticalDomainFloor)) (3b)"))
        #expect(text.contains("\(one(overall)) < \(NumberText.plain(t.ready)) (4c)"))
        #expect(text.contains("confidence \(one(card.confidence)) % is not below \(NumberText.plain(t.readyConfidence)) (4d)"))

        // Level and reasons.
        try expectLevelAndReasons(s, card)
    }

    /// The gap table of a worked example is the engine's gaps, row for row.
    func expectGapTable(_ s: [String], _ gaps: [Gap]) throws {
        let rows = try table(in: s, header: "| # | question | s |")
        #expect(rows.map { $0[1] } == gaps.map(\.questionID), "the gaps of docs/scoring.md are not the engine's, in its order")
        for (row, gap) in zip(rows, gaps) {
            let lost = row[4].components(separatedBy: "= ").last ?? row[4]
            #expect(lost == NumberText.plain(AssessmentResult.round1(gap.pointsLost)), "\(gap.questionID): points lost")
            #expect(row[5] == "P\(gap.priority)", "\(gap.questionID): priority")
            #expect(row[2] == (gap.score.map { NumberText.plain($0) } ?? (gap.unknown ? "unknown" : "unanswered")), "\(gap.questionID): s")
            if row.count > 6 {
                #expect(row[6] == (gap.gate?.rawValue ?? "—"), "\(gap.questionID): gate")
                #expect(row[7] == (gap.deficiencyPreview?.rawValue ?? "—"), "\(gap.questionID): deficiency preview")
            }
        }
    }

    /// The level and the reasons listed under it are the engine's.
    func expectLevelAndReasons(_ s: [String], _ card: Scorecard) throws {
        let level = try line(s, startingWith: "Level: **")
        #expect(level.hasPrefix("Level: **\(card.readiness.rawValue)**, with the reasons:"))
        #expect(try bullets(s, after: "Level: **") == card.reasons.map(\.text))
    }

    // MARK: - Rules 1, the example applications

    @Test func everyFigureOfTheRules1WorkedExampleIsTheEngines() throws {
        let s = try section("### Worked example, rules version 1")
        let rules1 = try ScoringTests()
        let card = try rules1.score(ScoringTests.worked)
        #expect(card.rules == .v1)
        let domains = Dictionary(uniqueKeysWithValues: card.domains.map { ($0.domainID, $0.score) })
        for id in ["access", "ops", "gov"] {
            let figure = try #require(domains[id] ?? nil)
            #expect(bolds(try line(s, startingWith: "- \(id) =")).last == one(figure), "\(id) = \(one(figure))")
        }
        #expect(bolds(try line(s, startingWith: "4. **Overall** =")).last == one(try #require(card.score)))
        let confidence = bolds(try line(s, startingWith: "5. **Confidence** ="))
        #expect(confidence.contains("\(one(card.confidence)) %") && confidence.contains("\(card.stars) stars"))
        try expectGapTable(s, card.gaps)
        try expectLevelAndReasons(s, card)
        // Under rules 2 the same answers are not ready (scoring-small-result-rules2.json).
        let small = rules1.questionnaire
        let under2 = ReadinessScorer.score(
            small, answers: try rules1.sheet(ScoringTests.worked),
            rules: .version2(asOf: CalendarDate(year: 2026, month: 11, day: 29)!))
        #expect(prose(s).contains("the same answers are **\(under2.readiness.rawValue)**"))
    }

    @Test func theExampleApplicationsAreDecidedByTheRulesTheDocNames() throws {
        let rows = try table(
            in: try section("## Which rules decide the example applications"), header: "| example | level | deciding rule |")
        #expect(rows.count == 3)
        let examples = try DocumentedExamplesTests()
        for row in rows {
            let file = try #require(codeSpans(row[0]).first)
            let card = try examples.score(file)
            let deciding = card.reasons.compactMap(\.rule).min() ?? 5
            #expect(row[1] == card.readiness.rawValue, "\(file): level")
            #expect(row[2] == String(deciding), "\(file): deciding rule")
        }
    }
}
