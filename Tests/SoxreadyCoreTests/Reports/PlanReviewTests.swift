import Foundation
import SoxreadyTestSupport
import Testing

@testable import SoxreadyCore

/// The rules-2 plan for finance (PRODUCT.md §7.2–§7.3), worked out by hand on
/// `Fixtures/scoring-v2.yaml` (points and rules in ScoringRules2Tests): the executive summary,
/// the sign-off status, the comparison with the last approved run and the `--unverified` warning.
///
/// Run 1 is recorded on 2027-01-15 (its as-of date). Its answers: go-live 2027-04-25 (100 days
/// later), fiscal year end 2027-12-31; `mfa` (ICFR gate, critical domain) partly met, committed
/// by Dana Lee for 2027-02-14 (on time); `reviews` annually (0.5, medium risk), committed by Sam
/// Roe for 2027-01-10 (overdue); `label` (technical gate) Ready with conditions, no commitment;
/// `backup` (key) yes without evidence; `runbook` no (low risk, no commitment); `hypercare` is
/// asked only after cutover.
struct PlanReviewTests {
    let loaded: LoadedQuestionnaire
    let renderer: PlanRenderer
    static let first = Date(timeIntervalSince1970: 1_800_014_400)  // 2027-01-15T12:00:00Z

    init() throws {
        loaded = try QuestionnaireLoader.load(path: fixturePath("scoring-v2.yaml"))
        renderer = try PlanRenderer(directory: repositoryRoot.appendingPathComponent("Reports/templates").path)
    }

    static func date(_ text: String) -> CalendarDate { CalendarDate(text)! }

    static func runOne() -> AnswerSheet {
        [
            "cutover": AnswerRecord(answer: .value(.date(date("2027-04-25")))),
            "fy-end": AnswerRecord(answer: .value(.date(date("2027-12-31")))),
            "mfa": AnswerRecord(answer: .value(.choice("partial")), owner: "Dana Lee", due: date("2027-02-14")),
            "reviews": AnswerRecord(answer: .value(.choice("a")), owner: "Sam Roe", due: date("2027-01-10")),
            "label": AnswerRecord(answer: .value(.choice("conditional"))),
            "backup": AnswerRecord(answer: .value(.choice("yes"))),
            "runbook": AnswerRecord(answer: .value(.choice("no"))),
        ]
    }

    func record(_ answers: AnswerSheet, at date: Date, in store: SQLiteStore) throws -> StoredRun {
        try store.record(
            RunToRecord(
                scoring: answers, appName: "GL", questionnaire: loaded, recordedAt: date,
                preparer: Preparer(name: "Pat Preparer")))
    }

    static func signOff(_ number: Int, run: Int, _ decision: SignOff.Decision, day: String, comment: String? = nil) -> SignOff {
        SignOff(
            number: number, runNumber: run, runFingerprint: "", reviewer: "Lee Chen", role: "Controller", decision: decision,
            comment: comment, statement: "", recordedAt: Timestamp.date("\(day)T09:00:00Z")!, signature: nil,
            previousFingerprint: nil, fingerprint: "")
    }

    @Test func theExecutiveSummaryNamesTheBlockersConditionsAndOwners() throws {
        let store = try SQLiteStore()
        let run = try record(Self.runOne(), at: Self.first, in: store)
        let document = try PlanDocument(run: run, previous: nil, history: try store.runs(appName: "GL"))
        #expect(document.readinessTitle == "Not ready")
        // Rule 1 decides: the technical gate is partly met without a commitment. Rule 3 also
        // holds: access scores (27 × 0.5 + 3 × 0.5) / 30 = 50.0, operations (5 × 0.5 + 3) / 9 = 61.1,
        // overall (3 × 50.0 + 2 × 61.1) / 5 = 54.4, below 60. Rule 4: the partly met ICFR gate with
        // its on-time commitment, backup without evidence, the overdue commitment (the score below
        // 85 is not said again once rule 3 says it is below 60).
        #expect(document.levelReasons.map(\.rule) == [1])
        #expect(document.levelReasons.map(\.effect) == ["not ready"])
        #expect(document.otherReasons.map(\.rule) == [3, 4, 4, 4])
        #expect(document.otherReasons.map(\.effect) == ["not ready", "a condition", "a condition", "a condition"])
        #expect(document.otherReasons[0].text == "The overall score 54.4 is below 60")

        #expect(document.icfrBlockers.map(\.questionID) == ["mfa"])
        let mfa = try #require(document.icfrBlockers.first)
        #expect(mfa.title == "MFA for administrators" && mfa.showID)
        #expect(mfa.answer == "Partly" && mfa.met == "Partly")
        #expect(mfa.owner == "Dana Lee" && mfa.due == "2027-02-14" && mfa.status == "on time" && !mfa.overdue)
        // An ICFR gate partly met with an on-time commitment is a potential (control) deficiency, not a significant one.
        #expect(mfa.preview == "potential deficiency" && mfa.previewShort == "control" && !mfa.significantPreview)

        #expect(document.technicalBlockers.map(\.questionID) == ["label"])
        let label = try #require(document.technicalBlockers.first)
        #expect(!label.hasOwner && label.role == "Migration lead" && label.status == "no commitment" && label.preview.isEmpty)
        #expect(label.answer == "Ready with conditions" && label.met == "Partly")

        // reviews: medium risk, but its commitment is overdue (rule 4); backup: key, met, no evidence.
        #expect(document.conditions.map(\.questionID) == ["reviews", "backup"])
        #expect(document.conditions[0].overdue && document.conditions[0].owner == "Sam Roe" && document.conditions[0].status == "overdue")
        #expect(document.conditions[1].evidenceMissing && document.conditions[1].met == "No evidence")
        #expect(document.conditions[1].answer == "Yes; no evidence reference" && document.conditions[1].role == "Operations")
        // runbook (low risk, no commitment) is neither a blocker nor a condition.
        #expect(document.commitments.isEmpty)

        #expect(document.goLiveText == "2 blockers (1 ICFR gate and 1 technical gate) and 2 conditions are open before go-live.")
        #expect(
            document.commitmentText
                == "2 of the 3 open gaps listed below have a commitment (a named owner and a due date); ⚠ 1 is overdue; 1 key control needs an evidence reference."
        )
        #expect(document.ownersText == "Sam Roe: 1, first due 2027-01-10 (⚠ 1 late); Dana Lee: 1, first due 2027-02-14")

        // 2027-04-25 is 100 days after 2027-01-15, 10 days after the quarter end's window closes
        // (2027-03-31 + 15 = 2027-04-15), and 250 days before 2027-12-31.
        #expect(document.calendar.cutover == "2027-04-25")
        #expect(document.calendar.stageText == "a pre-cutover run, 100 days before the cutover")
        #expect(
            document.calendar.findings.map(\.text) == [
                "The cutover is outside the close windows of every quarter and year end (7 days before to 15 after each).",
                "The new platform operates 250 days before the fiscal year end 2027-12-31 (at least 90 are asked for).",
                "1 question is asked only after go-live: the hypercare checklist of this plan.",
            ])
        #expect(document.calendar.findings.allSatisfy { !$0.warning })
        #expect(document.hypercare.map(\.title) == ["Monitoring validated after go-live"])
        #expect(document.evidenceRows.map(\.expected) == [""])

        // The remediation plan: the per-choice action, and a committed action keeps its control owner's role in the details.
        let actions = document.actionPhases.flatMap(\.actions)
        let mfaAction = try #require(actions.first { $0.item.questionID == "mfa" })
        #expect(mfaAction.action == "Extend MFA to the command line." && mfaAction.gate == "ICFR gate")
        #expect(mfaAction.details.map(\.label).contains("Control owner"))
        #expect(document.actionPhases.allSatisfy { $0.actions.count == $0.count })
    }

    @Test func aReadyRunSaysNoRuleHoldsAndListsItsCommitmentsApart() throws {
        var answers = Self.runOne()
        answers["mfa"] = AnswerRecord(answer: .value(.choice("yes")), evidence: "CA-1")
        answers["label"] = AnswerRecord(answer: .value(.choice("ready")), evidence: "AZM-1")
        answers["backup"] = AnswerRecord(answer: .value(.choice("yes")), evidence: "RT-1")
        answers["reviews"] = AnswerRecord(answer: .value(.choice("q")))
        answers["runbook"] = AnswerRecord(answer: .value(.choice("no")), owner: "Ola Berg", due: Self.date("2027-03-01"))
        let store = try SQLiteStore()
        let run = try record(answers, at: Self.first, in: store)
        let document = try PlanDocument(run: run, previous: nil, history: try store.runs(appName: "GL"))
        #expect(document.readinessTitle == "Ready")
        #expect(!document.hasLevelReasons && !document.hasOtherReasons)
        #expect(document.readyText.hasPrefix("No readiness rule holds against this run"))
        #expect(document.conditions.isEmpty && document.icfrBlockers.isEmpty && document.technicalBlockers.isEmpty)
        #expect(document.commitments.map(\.questionID) == ["runbook"])
        #expect(
            document.goLiveText == "No blocker and no condition is open before go-live. 1 other gap has a commitment to close it by a date."
        )
        #expect(!document.hasCommitmentText)
        #expect(document.ownersText == "Ola Berg: 1, first due 2027-03-01")
    }

    @Test func theSignOffStatusAndItsHistoryAreShown() throws {
        let store = try SQLiteStore()
        let run = try record(Self.runOne(), at: Self.first, in: store)
        let signOffs = [
            Self.signOff(1, run: 1, .sendBack, day: "2027-01-16", comment: "Name an owner for the label"),
            Self.signOff(2, run: 1, .approve, day: "2027-01-17"),
        ]
        let document = try PlanDocument(run: run, previous: nil, history: try store.runs(appName: "GL"), signOffs: signOffs)
        #expect(document.signOff.status == "approved" && document.signOff.approved)
        #expect(document.signOff.text == "approved by Lee Chen (Controller) on 2027-01-17")
        #expect(document.signOff.history.map(\.decision) == ["sent back", "approved"])
        #expect(document.signOff.history.map(\.superseded) == [true, false])
        #expect(document.signOff.history[0].comment == "Name an owner for the label")
        #expect(
            document.signOff.approveCommand
                == "soxready signoff --app gl --run 1 --reviewer 'YOUR NAME' --role 'YOUR ROLE' --decision approve")
        #expect(document.signOff.confirms.contains("with the answers as attested by their preparer, Pat Preparer."))
        #expect(document.signOff.confirms.hasSuffix("This is not an audit opinion on internal control over financial reporting."))

        let pending = try PlanDocument(run: run, previous: nil, history: try store.runs(appName: "GL"))
        #expect(pending.signOff.text == "pending" && pending.signOff.pending && !pending.signOff.hasHistory)

        let html = try renderer.html(document)
        #expect(html.contains("sign-off: <strong class=\"status approved\">approved by Lee Chen (Controller) on 2027-01-17</strong>"))
        #expect(
            html.contains(
                "<td>sent back (superseded)</td><td>Lee Chen (Controller)</td><td><span class=\"date\">2027-01-16</span></td><td>Name an owner for the label</td>"
            ))
        let markdown = try renderer.markdown(document)
        #expect(markdown.contains("- **Sign-off:** approved by Lee Chen (Controller) on 2027-01-17\n"))
    }

    @Test func aRerunShowsWhatChangedSinceTheLastApprovedRun() throws {
        let store = try SQLiteStore()
        let one = try record(Self.runOne(), at: Self.first, in: store)
        var answers = Self.runOne()
        answers["label"] = AnswerRecord(answer: .value(.choice("ready")))
        answers["backup"] = AnswerRecord(answer: .value(.choice("yes")), evidence: "RT-1")
        let two = try record(answers, at: Self.first.addingTimeInterval(5 * 86_400), in: store)
        answers["runbook"] = AnswerRecord(answer: .value(.choice("yes")))
        let three = try record(answers, at: Self.first.addingTimeInterval(6 * 86_400), in: store)
        let signOffs = [Self.signOff(1, run: 1, .approve, day: "2027-01-16")]
        let history = try store.runs(appName: "GL")

        // Run 2: the run before is the approved one; its changes are shown once.
        let second = try PlanDocument(run: two, previous: one, history: history, signOffs: signOffs, lastApproved: one)
        #expect(second.previousIsApproved)
        #expect(second.sinceApproved.exists && second.sinceApproved.run == 1)
        #expect(second.sinceApproved.standing == "approved by Lee Chen (Controller) on 2027-01-16")
        #expect(
            second.sinceApproved.closed.map { "\($0.title): \($0.before) → \($0.after)" } == [
                "Azure Migrate readiness: Ready with conditions → Ready"
            ])
        #expect(
            second.sinceApproved.changed.map { "\($0.questionID) \($0.before) → \($0.after) (\($0.annotation))" } == [
                "backup Yes → Yes (evidence changed)"
            ])
        #expect(second.sinceApproved.levelChange == "level Not ready → Ready with conditions")
        #expect(!second.sinceApproved.rulesChanged)
        let markdown = try renderer.markdown(second)
        #expect(markdown.contains("### Since the last approved run (run 1, approved by Lee Chen (Controller) on 2027-01-16)\n"))
        #expect(markdown.contains("- Azure Migrate readiness (label): Ready with conditions → Ready\n"))
        #expect(markdown.contains("The run before, run 1, is the last approved run: its changes are those above.\n"))

        // Run 3: the last approved run is still run 1, the run before is run 2 (not signed off).
        let third = try PlanDocument(run: three, previous: two, history: history, signOffs: signOffs, lastApproved: one)
        #expect(!third.previousIsApproved)
        #expect(third.sinceApproved.closed.map(\.questionID) == ["label", "runbook"])
        #expect(third.sincePrevious.run == 2 && third.sincePrevious.standing == "not signed off")
        #expect(third.sincePrevious.closed.map { "\($0.before) → \($0.after)" } == ["No → Yes"])
        #expect(try renderer.markdown(third).contains("### Since the run before (run 2, not signed off)\n"))

        // Without an approved run, one sentence says so.
        let unapproved = try PlanDocument(run: two, previous: one, history: history)
        #expect(!unapproved.sinceApproved.exists)
        #expect(
            try renderer.html(unapproved).contains(
                "<p>No earlier run of this application is approved, so there is no approved plan to compare with; "
                    + "the changes since the run before are below.</p>"))
    }

    @Test func anUnverifiedRunSaysSoInItsHeaderAndOnPageOne() throws {
        let store = try SQLiteStore()
        let run = try record(Self.runOne(), at: Self.first, in: store)
        let problem = "run 1: the fingerprint does not match what the run says"
        let document = try PlanDocument(run: run, previous: nil, history: try store.runs(appName: "GL"), verificationProblems: [problem])
        #expect(document.verification.unverified)
        for html in [try renderer.html(document), try renderer.pack(document)] {
            let header = try #require(html.range(of: "</header>"))
            #expect(html[..<header.lowerBound].contains("⚠ Not verified: rendered with --unverified."))
            let summary = try #require(html.range(of: "<h2 id=\"executive\">Executive summary</h2>"))
            let level = try #require(html.range(of: "<p class=\"badge not-ready\">"))
            let warning = try #require(html.range(of: "<strong>⚠ This run does not verify.</strong>"))
            #expect(summary.upperBound < warning.lowerBound && warning.lowerBound < level.lowerBound)
            #expect(html.contains("<li>\(problem)</li>"))
        }
        let markdown = try renderer.markdown(document)
        let warning = try #require(markdown.range(of: "> **⚠ This run does not verify.**"))
        let summary = try #require(markdown.range(of: "## Executive summary"))
        #expect(warning.lowerBound < summary.lowerBound)
        #expect(markdown.contains("> - \(problem)\n"))

        let verified = try PlanDocument(run: run, previous: nil, history: try store.runs(appName: "GL"))
        #expect(!(try renderer.html(verified)).contains("does not verify"))
    }

    @Test func theAppendixIsOptional() throws {
        let store = try SQLiteStore()
        let run = try record(Self.runOne(), at: Self.first, in: store)
        let with = try renderer.markdown(try PlanDocument(run: run, previous: nil, history: try store.runs(appName: "GL")))
        let without = try renderer.markdown(
            try PlanDocument(run: run, previous: nil, history: try store.runs(appName: "GL"), appendix: false))
        #expect(with.contains("## Appendix: every answer\n"))
        #expect(!without.contains("## Appendix"))
        #expect(without.contains("This copy leaves out the appendix of every answer (--no-appendix)."))
        // The pack never has an appendix.
        #expect(
            !(try renderer.pack(try PlanDocument(run: run, previous: nil, history: try store.runs(appName: "GL")))).contains("Appendix"))
    }

    @Test func theMarkdownHeaderHasNoEmptyTableRow() throws {
        let store = try SQLiteStore()
        let run = try record(Self.runOne(), at: Self.first, in: store)
        let markdown = try renderer.markdown(try PlanDocument(run: run, previous: nil, history: try store.runs(appName: "GL")))
        #expect(!markdown.contains("| | |"))
        #expect(markdown.hasPrefix("# Azure migration readiness plan: GL\n\n- **Run:** 1, recorded 2027-01-15T12:00:00Z\n"))
        // No heading stands bare: each is followed by text, a table or a deeper heading.
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: true)
        func level(_ line: Substring) -> Int { line.prefix { $0 == "#" }.count }
        for (index, line) in lines.enumerated() where level(line) > 0 {
            let next = index + 1 < lines.count ? lines[index + 1] : ""
            #expect(!next.isEmpty && (level(next) == 0 || level(next) > level(line)), "bare heading: \(line)")
        }
    }
}
