import Foundation
import SoxreadyTestSupport
import Testing

@testable import SoxreadyCore

/// The plans of the three example applications, byte for byte, kept in Reports/examples/.
/// Set RECORD_GOLDENS=1 to rewrite them after an intended change (the run then fails, so that it
/// is never mistaken for a passing one), review the diff, and run the tests again without it.
struct PlanGoldenTests {
    static let examples = ["general-ledger", "consolidation", "treasury-payments"]
    /// A fixed recording time, so the goldens do not change from one test run to the next.
    static let recordedAt = Date(timeIntervalSince1970: 1_795_953_600)  // 2026-11-29T12:00:00Z

    let loaded: LoadedQuestionnaire
    let renderer: PlanRenderer

    init() throws {
        loaded = try QuestionnaireLoader.load(path: repositoryRoot.appendingPathComponent("Questionnaires/sox-azure-migration.yaml").path)
        renderer = try PlanRenderer(directory: repositoryRoot.appendingPathComponent("Reports/templates").path)
    }

    func document(_ example: String, appendix: Bool = true) throws -> (PlanDocument, StoredRun) {
        let path = repositoryRoot.appendingPathComponent("Questionnaires/examples/\(example).yaml").path
        let file = try AnswersFileParser.parse(try AnswersFileParser.read(path: path), file: path, questionnaire: loaded.questionnaire)
        let store = try SQLiteStore()
        let app = try #require(file.app)
        let run = try store.record(
            RunToRecord(
                scoring: file.answers, appName: app, questionnaire: loaded, recordedAt: Self.recordedAt,
                preparer: Preparer(name: try #require(file.preparedBy))))
        return (try PlanDocument(run: run, previous: nil, history: try store.runs(appName: app), appendix: appendix), run)
    }

    func compare(_ actual: String, golden name: String) throws {
        let url = repositoryRoot.appendingPathComponent("Reports/examples/\(name)")
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            let before = try? String(contentsOf: url, encoding: .utf8)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            // Recording never passes: a run with RECORD_GOLDENS=1 left on (in CI, say) must not
            // look like a green one. Review the diff, then run the tests again without it.
            if before != actual {
                Issue.record("re-recorded \(name); review the diff and run again without RECORD_GOLDENS")
            } else {
                Issue.record("RECORD_GOLDENS=1: \(name) unchanged; run again without RECORD_GOLDENS")
            }
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "\(name) differs from the golden; run with RECORD_GOLDENS=1 and review the diff")
    }

    @Test(arguments: examples)
    func markdownHTMLPackCSVAndJSONMatchTheGoldens(example: String) throws {
        let (document, run) = try document(example)
        let slug = document.appSlug
        try compare(try renderer.markdown(document), golden: "\(slug)-run-1.md")
        try compare(try renderer.html(document), golden: "\(slug)-run-1.html")
        try compare(try renderer.pack(document), golden: "\(slug)-run-1.pack.html")
        // The plan as `--no-appendix` writes it (the print tests count its pages).
        try compare(try renderer.html(try self.document(example, appendix: false).0), golden: "\(slug)-run-1.no-appendix.html")
        try compare(try BacklogCSV.render(run), golden: "\(slug)-run-1.csv")
        try compare(String(decoding: try run.result.jsonData(), as: UTF8.self), golden: "\(slug)-run-1.json")
    }

    @Test func renderingIsByteIdenticalEveryTime() throws {
        let (first, _) = try document("general-ledger")
        let (second, _) = try document("general-ledger")
        #expect(try renderer.html(first) == renderer.html(second))
        #expect(try renderer.markdown(first) == renderer.markdown(second))
    }

    @Test func theHTMLIsSelfContained() throws {
        let (document, _) = try document("consolidation")
        let html = try renderer.html(document)
        #expect(!html.contains("<script"))
        #expect(!html.contains("src=\""))
        #expect(!html.contains("<link"))
        #expect(!html.contains("@import"))
        #expect(html.contains("<svg"))
        #expect(html.contains("@media print"))
        #expect(html.contains("thead { display: table-header-group; }"))
    }

    @Test func theMarkdownHasEveryPlanSection() throws {
        let (document, _) = try document("general-ledger")
        let markdown = try renderer.markdown(document)
        let headings = markdown.split(separator: "\n").filter { $0.hasPrefix("## ") }.map(String.init)
        #expect(
            headings == [
                "## Executive summary", "## Domain scores", "## Remediation plan", "## Evidence missing on key controls",
                "## Hypercare checklist: after go-live", "## Shared responsibility", "## What changed", "## To confirm",
                "## Finance sign-off", "## Appendix: every answer", "## Sources and limits",
            ])
        #expect(markdown.hasPrefix("# Azure migration readiness plan: General Ledger\n"))
        #expect(markdown.contains("SHA-256 \(document.fingerprint)"))
    }

    @Test func theRemediationPlanIsGroupedByPhaseInTheResultsOrder() throws {
        let (document, run) = try document("consolidation")
        #expect(
            document.phases.map(\.id)
                == ["before-migration", "cutover", "after-cutover"].filter { id in document.phases.contains { $0.id == id } })
        let questionnaire = try run.questionnaire()
        for phase in document.phases {
            // The result's remediation order (SCORING.md), split by phase.
            let expected = run.result.gaps.filter { $0.phase.rawValue == phase.id }.map(\.question)
            #expect(phase.actions.map(\.questionID) == expected)
        }
        // Every action comes after the open gaps its remediation names in `after`.
        let order = run.result.gaps.map(\.question)
        for (index, id) in order.enumerated() {
            for before in questionnaire.question(id)?.remediation?.after ?? [] {
                if let place = order.firstIndex(of: before) { #expect(place < index, "\(id) comes after \(before)") }
            }
        }
    }
}
