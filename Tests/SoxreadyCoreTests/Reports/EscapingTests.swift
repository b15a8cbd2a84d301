import Foundation
import SoxreadyTestSupport
import Testing

@testable import SoxreadyCore

/// User text is data in every output: HTML, Markdown (tables too), CSV and the terminal.
struct EscapingTests {
    static let hostile = "</script><script>alert(1)</script> <img src=x onerror=alert(2)> a|b =HYPERLINK(\"http://evil.example\",\"x\")"

    func hostileDocument() throws -> PlanDocument { try hostile().document }

    func hostile() throws -> (document: PlanDocument, run: StoredRun) {
        let loaded = try QuestionnaireLoader.load(path: fixturePath("scoring-small.yaml"))
        var answers: AnswerSheet = [:]
        answers["hosting"] = AnswerRecord(
            answer: .value(.choices(["iaas", "paas"])), note: Self.hostile + "\nsecond line", evidence: Self.hostile)
        answers["a1"] = AnswerRecord(
            answer: .value(.choice("partial")), note: "=HYPERLINK(\"http://evil.example\")\r\nline two", evidence: "@SUM(A1:A9)")
        answers["a2"] = AnswerRecord(
            answer: .unknown, note: "| cell | injection |\n# heading\n- list", evidence: "`code` *bold* [link](http://x)")
        let store = try SQLiteStore()
        let run = try store.record(
            RunToRecord(
                scoring: answers, appName: Self.hostile + "\nGL", questionnaire: loaded,
                recordedAt: Date(timeIntervalSince1970: 1_795_953_600), preparer: Preparer(name: "Pat Preparer")))
        return (try PlanDocument(run: run, previous: nil, history: try store.runs(appName: Self.hostile + "\nGL")), run)
    }

    @Test func htmlEscapesEveryUserText() throws {
        let renderer = try PlanRenderer(directory: repositoryRoot.appendingPathComponent("Reports/templates").path)
        let document = try hostileDocument()
        for html in [try renderer.html(document), try renderer.pack(document)] {
            #expect(!html.contains("<script"))
            #expect(!html.contains("</script"))
            #expect(!html.contains("<img"))
            #expect(html.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(html.contains("&lt;img src=x onerror=alert(2)&gt;"))
        }
        // The sign-off commands name the application by its slug (letters, digits and hyphens, at
        // most 64): no user text reaches a shell command line.
        #expect(
            document.signOff.approveCommand == "soxready signoff --app script-script-alert-1-script-img-src-x-onerror-alert-2-a-b-hyper "
                + "--run 1 --reviewer 'YOUR NAME' --role 'YOUR ROLE' --decision approve")
    }

    @Test func markdownEscapesEveryUserText() throws {
        let renderer = try PlanRenderer(directory: repositoryRoot.appendingPathComponent("Reports/templates").path)
        let markdown = try renderer.markdown(try hostileDocument())
        #expect(!markdown.contains("<script"))
        #expect(!markdown.contains("<img"))
        // Every appendix table row keeps exactly its five unescaped cell separators.
        let rows = markdown.split(separator: "\n").filter {
            $0.hasPrefix("| **hosting**:") || $0.hasPrefix("| **a1**:") || $0.hasPrefix("| **a2**:")
        }
        #expect(rows.count >= 3)
        for row in rows {
            let unescapedPipes = row.indices.filter { row[$0] == "|" && (($0 == row.startIndex) || row[row.index(before: $0)] != "\\") }
                .count
            #expect(unescapedPipes == 5, "\(row)")
        }
        // Line breaks inside a cell become <br>, so no table row is cut in two.
        #expect(markdown.contains("second line"))
        #expect(!markdown.contains("\nsecond line"))
        #expect(!markdown.contains("\n# heading"))
        #expect(markdown.contains("<br>\\# heading<br>\\- list"))
    }

    @Test(arguments: [
        ("plain", "plain"),
        ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
        ("+1+2", "'+1+2"),
        ("-cmd", "'-cmd"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTAB", "'\tTAB"),
        ("\rCR", "\"'\rCR\""),
        ("-5", "-5"),
        ("13.5", "13.5"),
        ("a,b", "\"a,b\""),
        ("two\nlines", "\"two\nlines\""),
    ])
    func csvCellsCannotRunAsFormulas(input: String, expected: String) {
        #expect(BacklogCSV.cell(input) == expected)
    }

    @Test func csvOfAHostilePlanHasNoLiveFormula() throws {
        let csv = try BacklogCSV.render(try hostile().run)
        for line in csv.components(separatedBy: "\r\n") {
            for cell in line.split(separator: ",") {
                let trimmed = cell.hasPrefix("\"") ? cell.dropFirst() : cell[...]
                #expect(!trimmed.hasPrefix("="), "\(line)")
                #expect(!trimmed.hasPrefix("@"), "\(line)")
            }
        }
        #expect(csv.hasPrefix("Work Item Type,Title,Description,Assigned To,Target Date,Priority,Tags,State\r\n"))
        // The Description is HTML: no user text arrives as markup.
        #expect(!csv.contains("<script"))
        #expect(!csv.contains("<img"))
    }

    @Test func terminalTextHasNoControlCharacters() {
        let safe = "GL\u{1B}[2J\u{7}\nnext\u{202E}".terminalSafe()
        #expect(safe == "GL\\u{1b}[2J\\u{7}\\u{a}next\\u{202e}")
        #expect(!safe.unicodeScalars.contains { $0.value < 0x20 })
    }

    @Test(arguments: [
        ("a|b", "a\\|b"), ("# title", "\\# title"), ("- item", "\\- item"), ("1. first", "1\\. first"), ("81.9", "81.9"),
        ("<b>", "&lt;b&gt;"), ("`x`", "\\`x\\`"), ("one\ntwo", "one<br>two"), ("a\r\nb", "a<br>b"), ("*x*", "\\*x\\*"),
    ])
    func markdownInlineEscaping(input: String, expected: String) {
        #expect(input.markdownEscaped == expected)
    }
}
