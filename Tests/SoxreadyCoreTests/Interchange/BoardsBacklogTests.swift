import Foundation
import SoxreadyTestSupport
import Testing

@testable import SoxreadyCore

/// The Boards backlog of the worked example, row by row, worked out by hand: mfa (P1, before
/// migration, ICFR gate, Dana Lee's commitment due 2027-02-14) then reviews (P3, before
/// migration, no commitment).
struct BoardsBacklogTests {
    static let header = "Work Item Type,Title,Description,Assigned To,Target Date,Priority,Tags,State"
    static let origin = "<p>From soxready: General Ledger, run 1 (fingerprint 9f2c4b7e1a0d3c5b), scoring-v2 1.0.0</p>"

    func lines(_ csv: String) -> [String] {
        #expect(csv.hasSuffix("\r\n"))
        return Array(csv.components(separatedBy: "\r\n").dropLast())
    }

    @Test func theWorkedExampleRowByRow() throws {
        let rows = lines(try BacklogCSV.render(try InterchangeFixtures.worked()))
        #expect(
            rows == [
                Self.header,
                "Feature,MFA for administrators (mfa): Extend MFA to the command line.,\"<p>Question: Is MFA enforced for every administrator? (mfa)</p>"
                    + "<p>Current answer: Partly (partial)</p><p>Commitment: Dana Lee, due 2027-02-14 (on time on 2027-01-15)</p>"
                    + "<p>Control owner (role): IT security</p><p>Phase: Before migration</p><p>Risk: high, ICFR gate</p>"
                    + "<p>Deficiency: previewed as a potential deficiency, for management and the auditor to judge (not a finding)</p>"
                    + "<p>Evidence auditors expect: Conditional Access policy export</p>\(Self.origin)\","
                    + ",2027-02-14,1,soxready; SOX; before-migration; risk-high; gating,New",
                "Feature,Access reviews (reviews): Review access quarterly.,\"<p>Question: How often is access reviewed? (reviews)</p>"
                    + "<p>Current answer: Annually (a)</p><p>Commitment: none yet (no named owner and due date)</p>"
                    + "<p>Control owner (role): Business owner</p><p>Phase: Before migration</p><p>Risk: medium</p>\(Self.origin)\","
                    + ",,3,soxready; SOX; before-migration; risk-medium,New",
            ])
    }

    @Test func theProcessSetsTheWorkItemTypeAndTheInitialState() throws {
        let run = try InterchangeFixtures.worked()
        for (process, type, state) in [
            (BoardsProcess.agile, "Feature", "New"), (.scrum, "Feature", "New"), (.cmmi, "Feature", "Proposed"),
            (.basic, "Epic", "To Do"),
        ] {
            let rows = lines(try BacklogCSV.render(run, process: process)).dropFirst()
            #expect(rows.allSatisfy { $0.hasPrefix(type + ",") && $0.hasSuffix("," + state) }, "\(process)")
        }
    }

    @Test(arguments: [
        ("Dana Lee", ""),
        ("Dana Lee <dana.lee@contoso.com>", "Dana Lee <dana.lee@contoso.com>"),
        ("  Dana   Lee<dana.lee@contoso.com > ", "Dana Lee <dana.lee@contoso.com>"),
        ("dana.lee@contoso.com", "dana.lee@contoso.com"),
        ("Dana <not an address>", ""),
        ("=HYPERLINK(\"x\")", ""),
        ("=cmd <x@evil.example>", "'=cmd <x@evil.example>"),
    ])
    func assignedToIsAnIdentityBoardsCanResolve(owner: String, expected: String) throws {
        let answers = InterchangeFixtures.worked(with: [
            "mfa": AnswerRecord(answer: .value(.choice("partial")), owner: owner, due: CalendarDate(year: 2027, month: 2, day: 14))
        ])
        let csv = try BacklogCSV.render(try InterchangeFixtures.scored(answers))
        let cell = BacklogCSV.cell(expected)
        #expect(csv.contains("\"," + cell + ",2027-02-14,1,"), "\(owner)")
        // The owner is named in the Description whatever Assigned To holds.
        #expect(csv.contains("<p>Commitment: "))
    }

    @Test func titlesStayWithin255UTF16CodeUnits() {
        #expect(BacklogCSV.title(String(repeating: "x", count: 255)) == String(repeating: "x", count: 255))
        #expect(BacklogCSV.title(String(repeating: "x", count: 256)) == String(repeating: "x", count: 254) + "…")
        // An emoji is two UTF-16 code units: 127 of them (254 units) and the ellipsis.
        #expect(BacklogCSV.title(String(repeating: "😀", count: 200)) == String(repeating: "😀", count: 127) + "…")
        #expect(BacklogCSV.title("a" + String(repeating: "😀", count: 200)).utf16.count == 254)
        // A family emoji is one character of eleven code units: it is never cut in half.
        let family = "👨‍👩‍👧‍👦"
        let cut = BacklogCSV.title(String(repeating: family, count: 30))
        #expect(cut == String(repeating: family, count: 23) + "…")
        #expect(BacklogCSV.title("two\nlines\r\n\tand  spaces") == "two lines and spaces")
    }

    @Test func tagsCarryPhaseITGCAndCUECWithoutSeparatorsInside() throws {
        let run = try InterchangeFixtures.scored(ScoringRules2Tests.worked()) { text in
            text.replacingOccurrences(
                of: "        gating: true\n",
                with: "        gating: true\n        itgc: [access, change]\n        cuec: [\"A; B\", \"C,D\", A; B]\n")
        }
        let csv = try BacklogCSV.render(run)
        #expect(csv.contains(",soxready; SOX; before-migration; risk-high; gating; ITGC-access; ITGC-change; CUEC-A B; CUEC-C D,New\r\n"))
    }

    @Test func aRules1RunKeepsTheBacklogItWasExportedWith() throws {
        let small = try QuestionnaireLoader.load(path: fixturePath("scoring-small.yaml")).questionnaire
        var sheet: AnswerSheet = [:]
        for (id, text) in ScoringTests.worked {
            sheet[id] = AnswerRecord(answer: try AnswerInterpreter.interpret(text, for: try #require(small.question(id))))
        }
        let rows = lines(try BacklogCSV.render(try InterchangeFixtures.scored(sheet, file: "scoring-small.yaml", rules1: true)))
        #expect(rows.first == "Work Item Type,Title,Description,Priority,Tags")
        // Phases in order: before migration (a1, a2, c2), cutover (b3), after cutover (b1).
        #expect(rows.dropFirst().map { $0.split(separator: ",")[1].split(separator: ":")[0] } == ["a1", "a2", "c2", "b3", "b1"])
    }
}
