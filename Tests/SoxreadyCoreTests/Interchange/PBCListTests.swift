import Foundation
import SoxreadyTestSupport
import Testing

@testable import SoxreadyCore

/// The PBC list of the worked example, worked out by hand: the key questions are mfa (ICFR gate,
/// preventive-mandatory), label (technical gate) and backup (`key: true`); mfa is a gap with Dana
/// Lee's commitment due 2027-02-14, label and backup are met without an evidence reference (the
/// result's `evidenceMissing`). mfa lists one expected evidence item; label and backup none.
struct PBCListTests {
    static let generalMet = "Evidence that the control operates as answered (the questionnaire lists no specific item)"

    @Test func theWorkedExampleAsCSV() throws {
        let list = try PBCList(run: try InterchangeFixtures.worked())
        let run = "General Ledger,1 (9f2c4b7e1a0d3c5b)"
        #expect(
            list.csv
                == "\u{FEFF}Request #,Control,Question id,Item requested,Basis,Owner,Due date,Status,Reference recorded,Application,Run\r\n"
                + "PBC-001,MFA for administrators,mfa,Conditional Access policy export,Closing evidence for an open gap (P1): Extend MFA to the command line.,"
                + "Dana Lee,2027-02-14,Open,,\(run)\r\n"
                + "PBC-002,Azure Migrate readiness,label,\(Self.generalMet),Key control answered as met: Ready (ready),Migration lead,,No reference recorded,,\(run)\r\n"
                + "PBC-003,Backup restore test,backup,\(Self.generalMet),Key control answered as met: Yes (yes),Operations,,No reference recorded,,\(run)\r\n"
        )
    }

    @Test func theWorkedExampleAsMarkdown() throws {
        let markdown = try PBCList(run: try InterchangeFixtures.worked()).markdown
        #expect(markdown.hasPrefix("# PBC request list: General Ledger, run 1\n\n"))
        #expect(
            markdown.contains(
                "(questionnaire scoring-v2@1.0.0, recorded 2027-01-15T12:00:00Z, fingerprint SHA-256 `\(InterchangeFixtures.fingerprint)`)")
        )
        let table = markdown.split(separator: "\n").filter { $0.hasPrefix("|") }
        #expect(
            table == [
                "| # | Control | Item requested | Owner | Due | Status and reference |",
                "|---|---|---|---|---|---|",
                "| PBC-001 | MFA for administrators (mfa) | Conditional Access policy export<br>*Closing evidence for an open gap (P1): Extend MFA to the command line.* | Dana Lee | 2027-02-14 | Open |",
                "| PBC-002 | Azure Migrate readiness (label) | \(Self.generalMet)<br>*Key control answered as met: Ready (ready)* | Migration lead | - | No reference recorded |",
                "| PBC-003 | Backup restore test (backup) | \(Self.generalMet)<br>*Key control answered as met: Yes (yes)* | Operations | - | No reference recorded |",
            ])
    }

    @Test func requestsAreSortedByDueDateThenNumbered() throws {
        // reviews gets a commitment due before mfa's, and overdue on the as-of date 2027-01-15;
        // mfa is then met with its evidence reference.
        let answers = InterchangeFixtures.worked(with: [
            "mfa": AnswerRecord(answer: .value(.choice("yes")), evidence: "CA-EXPORT-1"),
            "reviews": AnswerRecord(answer: .value(.choice("a")), owner: "Sam Ortiz", due: CalendarDate(year: 2027, month: 1, day: 10)),
            "runbook": AnswerRecord(answer: .value(.choice("no")), owner: "Ana Silva", due: CalendarDate(year: 2027, month: 3, day: 1)),
        ])
        let list = try PBCList(run: try InterchangeFixtures.scored(answers))
        #expect(list.requests.map(\.number) == ["PBC-001", "PBC-002", "PBC-003", "PBC-004", "PBC-005"])
        #expect(list.requests.map(\.questionID) == ["reviews", "runbook", "mfa", "label", "backup"])
        #expect(list.requests.map { $0.due?.description } == ["2027-01-10", "2027-03-01", nil, nil, nil])
        #expect(
            list.requests.map(\.status) == [
                "Open: overdue", "Open", "Reference recorded", "No reference recorded", "No reference recorded",
            ])
        #expect(list.requests.map(\.owner) == ["Sam Ortiz", "Ana Silva", "IT security", "Migration lead", "Operations"])
        #expect(list.requests[2].item == "Conditional Access policy export")
        #expect(list.requests[2].reference == "CA-EXPORT-1")
        #expect(list.requests[0].item == "Evidence that the gap is closed (the questionnaire lists no specific item)")
    }

    @Test func aKeyQuestionNotYetDueOrNotAnsweredIsNotRequested() throws {
        // backup unanswered is a gap without commitment; label "don't know" likewise.
        let answers = InterchangeFixtures.worked(with: ["backup": nil, "label": AnswerRecord(answer: .unknown)])
        let list = try PBCList(run: try InterchangeFixtures.scored(answers))
        #expect(list.requests.map(\.questionID) == ["mfa"])
    }

    @Test func theMarkdownTableHasSixColumnsWhateverTheUserWrote() throws {
        let answers = InterchangeFixtures.worked(with: [
            "mfa": AnswerRecord(
                answer: .value(.choice("partial")), evidence: "a|b <img src=x>\nline", owner: "Dana | Lee *x*",
                due: CalendarDate(year: 2027, month: 2, day: 14))
        ])
        let markdown = try PBCList(run: try InterchangeFixtures.scored(answers)).markdown
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| PBC-") }
        #expect(rows.count == 3)
        for row in rows {
            let pipes = row.indices.filter { row[$0] == "|" && ($0 == row.startIndex || row[row.index(before: $0)] != "\\") }.count
            #expect(pipes == 7, "\(row)")
        }
        #expect(rows[0].contains("| Dana \\| Lee \\*x\\* |"))
        #expect(rows[0].hasSuffix("| Open<br>Reference: a\\|b &lt;img src=x&gt;<br>line |"))
        #expect(!markdown.contains("<img"))
    }

    @Test func aCSVCellCannotRunAsAFormula() throws {
        let answers = InterchangeFixtures.worked(with: [
            "mfa": AnswerRecord(
                answer: .value(.choice("partial")), evidence: "=HYPERLINK(\"http://evil.example\")", owner: "@SUM(A1)",
                due: CalendarDate(year: 2027, month: 2, day: 14))
        ])
        let csv = try PBCList(run: try InterchangeFixtures.scored(answers)).csv
        #expect(csv.contains(",'@SUM(A1),2027-02-14,Open,\"'=HYPERLINK(\"\"http://evil.example\"\")\",General Ledger,"))
    }

    @Test func aRules1RunListsItsMetKeyControlsOnly() throws {
        let small = try QuestionnaireLoader.load(path: fixturePath("scoring-small.yaml")).questionnaire
        var sheet: AnswerSheet = [:]
        for (id, text) in ScoringTests.worked {
            sheet[id] = AnswerRecord(answer: try AnswerInterpreter.interpret(text, for: try #require(small.question(id))))
        }
        let list = try PBCList(run: try InterchangeFixtures.scored(sheet, file: "scoring-small.yaml", rules1: true))
        // a1 (gate, partial) is a gap; c1 (gate, preventive-mandatory) is met.
        #expect(list.requests.map(\.questionID) == ["c1"])
        #expect(list.markdown.contains("This run was scored under rules version 1, which records no commitments"))
    }
}
