import Foundation
import SoxreadyTestSupport
import Testing

@testable import SoxreadyCore

/// Rules version 2 (SCORING.md), worked out by hand on `Fixtures/scoring-v2.yaml`.
///
/// Every date is relative to the as-of date `asOf` (2027-01-15 here), so the tests hold on any
/// day the suite runs. Points: mfa 27 (preventive-mandatory, ICFR gate), reviews 3
/// (detective-mandatory), label 5 (weight, technical gate), backup 3 (corrective-mandatory, key),
/// runbook 1 and hypercare 1 (detective-discretionary; hypercare is asked only after cutover).
/// Domains: access (critical, ×3) holds mfa and reviews; ops (high, ×2) the rest.
struct ScoringRules2Tests {
    let questionnaire: Questionnaire
    static let asOf = CalendarDate(year: 2027, month: 1, day: 15)!
    static let yearEnd = CalendarDate(year: 2027, month: 12, day: 31)!

    init() throws {
        questionnaire = try QuestionnaireLoader.load(path: fixturePath("scoring-v2.yaml")).questionnaire
    }

    static func day(_ offset: Int) -> CalendarDate { asOf.adding(days: offset)! }

    /// Everything met with evidence, go-live in 100 days (2027-04-25), fiscal year end 2027-12-31:
    /// the ready baseline that each test changes in one place.
    static func ready() -> AnswerSheet {
        [
            "cutover": AnswerRecord(answer: .value(.date(day(100)))),
            "fy-end": AnswerRecord(answer: .value(.date(yearEnd))),
            "mfa": AnswerRecord(answer: .value(.choice("yes")), evidence: "CA-EXPORT-1"),
            "reviews": AnswerRecord(answer: .value(.choice("q"))),
            "label": AnswerRecord(answer: .value(.choice("ready")), evidence: "AZM-REPORT-7"),
            "backup": AnswerRecord(answer: .value(.choice("yes")), evidence: "RESTORE-TEST-3"),
            "runbook": AnswerRecord(answer: .value(.choice("yes"))),
        ]
    }

    func score(_ answers: AnswerSheet, asOf: CalendarDate = Self.asOf, in questionnaire: Questionnaire? = nil) -> Scorecard {
        ReadinessScorer.score(questionnaire ?? self.questionnaire, answers: answers, rules: .version2(asOf: asOf))
    }

    func with(_ changes: [String: AnswerRecord?]) -> AnswerSheet {
        var sheet = Self.ready()
        for (id, record) in changes { sheet[id] = record }
        return sheet
    }

    func variant(_ thresholds: String) throws -> Questionnaire {
        let text = try String(contentsOfFile: fixturePath("scoring-v2.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "calendar: {", with: "thresholds: {\(thresholds)}\ncalendar: {")
        return try QuestionnaireLoader.parse(text, file: "variant.yaml").questionnaire
    }

    // MARK: - The worked example of docs/scoring.md

    static func worked() -> AnswerSheet {
        [
            "cutover": AnswerRecord(answer: .value(.date(day(100)))),
            "fy-end": AnswerRecord(answer: .value(.date(yearEnd))),
            "mfa": AnswerRecord(answer: .value(.choice("partial")), owner: "Dana Lee", due: day(30)),
            "reviews": AnswerRecord(answer: .value(.choice("a"))),
            "label": AnswerRecord(answer: .value(.choice("ready"))),
            "backup": AnswerRecord(answer: .value(.choice("yes"))),
            "runbook": AnswerRecord(answer: .value(.choice("yes"))),
            "hypercare": AnswerRecord(answer: .value(.choice("yes"))),
        ]
    }

    @Test func theWorkedExampleFigures() throws {
        let card = score(Self.worked())
        #expect(card.rules == .v2)
        #expect(card.stage == .preCutover)
        // access = (27 × 0.5 + 3 × 0.5) / 30 = 50; ops = (5 + 3 + 1) / 9 = 100; hypercare is not yet due.
        #expect(card.domains.map(\.score) == [nil, 50, 100])
        // overall = (3 × 50 + 2 × 100) / 5 = 70
        #expect(card.score == 70)
        #expect(card.confidence == 100)
        #expect(card.notYetDue == ["hypercare"])
        #expect(card.evidenceMissing == ["label", "backup"])
        #expect(card.calendar.cutover == CalendarDate(year: 2027, month: 4, day: 25))
        #expect(card.calendar.closeWindow == nil)
        // 2027-04-25 to 2027-12-31: 5 + 31 + 30 + 31 + 31 + 30 + 31 + 30 + 31 days.
        #expect(card.calendar.operatingDays == 250)
        #expect(card.gaps.map(\.questionID) == ["mfa", "reviews"])
        #expect(card.gaps.map(\.pointsLost) == [13.5, 1.5])
        #expect(card.gaps[0].commitment?.1 == .onTime)
        #expect(card.gaps[0].action == "Extend MFA to the command line.")
        #expect(card.gaps[0].deficiencyPreview == .potentialDeficiency)
        #expect(card.gaps[1].deficiencyPreview == nil)
        #expect(card.readiness == .readyWithConditions)
        #expect(card.reasons.map(\.rule) == [4, 4, 4])
    }

    @Test func theWorkedExampleResultIsTheFixtureByteForByte() throws {
        let recordedAt = Date(timeIntervalSince1970: 1_800_014_400)  // 2027-01-15T12:00:00Z
        let card = score(Self.worked(), asOf: CalendarDate(utc: recordedAt))
        let result = AssessmentResult(
            card: card, questionnaire: questionnaire, answers: Self.worked(), appName: "General Ledger",
            runNumber: 1, recordedAt: recordedAt)
        let expected = try String(contentsOfFile: fixturePath("scoring-v2-result.json"), encoding: .utf8)
        #expect(String(decoding: try result.jsonData(), as: UTF8.self) == expected)
        // It reads back as it was written.
        #expect(try AssessmentResult.decode(Data(expected.utf8)) == result)
    }

    @Test func theRules1WorkedExampleUnderRules2IsNotReady() throws {
        // scoring-small has no calendar, so its figures are those of rules 1; a1 is an ICFR gate
        // only partly met with no commitment (rule 1), and c1 is a key control met without evidence.
        let small = try QuestionnaireLoader.load(path: fixturePath("scoring-small.yaml")).questionnaire
        var sheet: AnswerSheet = [:]
        for (id, text) in ScoringTests.worked {
            sheet[id] = AnswerRecord(answer: try AnswerInterpreter.interpret(text, for: try #require(small.question(id))))
        }
        let recordedAt = Date(timeIntervalSince1970: 1_795_975_200)  // 2026-11-29T18:00:00Z
        let card = ReadinessScorer.score(small, answers: sheet, rules: .version2(asOf: CalendarDate(utc: recordedAt)))
        let result = AssessmentResult(
            card: card, questionnaire: small, answers: sheet, appName: "General Ledger", runNumber: 3,
            recordedAt: recordedAt)
        let expected = try String(contentsOfFile: fixturePath("scoring-small-result-rules2.json"), encoding: .utf8)
        #expect(String(decoding: try result.jsonData(), as: UTF8.self) == expected)
    }

    @Test func everythingMetWithEvidenceIsReadyWithNoReason() {
        let card = score(Self.ready())
        #expect(card.readiness == .ready)
        #expect(card.reasons.isEmpty)
        #expect(card.gaps.isEmpty)
    }

    // MARK: - Rule 1

    @Test func aGateNotMetIsNotReady() {
        let card = score(with(["mfa": AnswerRecord(answer: .value(.choice("no")), evidence: "x")]))
        #expect(card.readiness == .notReady)
        // access = 3 / 30 = 10, below the floor of 50; overall = (30 + 200) / 5 = 46, below 60 (so
        // "below 85" is not repeated).
        #expect(card.domains.map(\.score) == [nil, 10, 100])
        #expect(
            card.reasons == [
                Reason(rule: 1, text: "A gate is not met: MFA for administrators", questions: ["mfa"]),
                Reason(rule: 3, text: "The overall score 46.0 is below 60"),
                Reason(rule: 3, text: "A critical domain scores below 50: Access (10.0)"),
            ])
    }

    @Test func aTechnicalGateBlocksAsAGateButHasNoDeficiencyPreview() {
        let card = score(with(["label": AnswerRecord(answer: .value(.choice("not-ready")), evidence: "x")]))
        #expect(card.readiness == .notReady)
        #expect(card.reasons.first == Reason(rule: 1, text: "A gate is not met: Azure Migrate readiness", questions: ["label"]))
        #expect(card.gaps.first?.gate == .technical)
        #expect(card.gaps.first?.priority == 1)
        #expect(card.gaps.first?.deficiencyPreview == nil)
    }

    @Test func aPartlyMetGateNeedsAnOnTimeCommitment() {
        // No commitment, an owner alone, an overdue one and one due after the cutover: all rule 1.
        let cases: [(AnswerRecord, String)] = [
            (AnswerRecord(answer: .value(.choice("partial"))), "MFA for administrators"),
            (AnswerRecord(answer: .value(.choice("partial")), owner: "Dana Lee"), "MFA for administrators"),
            (
                AnswerRecord(answer: .value(.choice("partial")), owner: "Dana Lee", due: Self.day(-1)),
                "MFA for administrators (Dana Lee, due 2027-01-14, overdue)"
            ),
            (
                AnswerRecord(answer: .value(.choice("partial")), owner: "Dana Lee", due: Self.day(101)),
                "MFA for administrators (Dana Lee, due 2027-04-26, after the cutover)"
            ),
        ]
        for (record, described) in cases {
            let card = score(with(["mfa": record]))
            #expect(card.readiness == .notReady)
            #expect(
                card.reasons.first
                    == Reason(
                        rule: 1, text: "A gate is only partly met without an on-time commitment to close it: \(described)",
                        questions: ["mfa"]))
            #expect(card.gaps.first?.deficiencyPreview == .potentialSignificantDeficiency)
        }
        // The overdue one is also named by rule 4.
        let overdue = score(with(["mfa": cases[2].0]))
        #expect(
            overdue.reasons.last
                == Reason(
                    rule: 4, text: "A commitment is overdue: MFA for administrators (Dana Lee, due 2027-01-14)",
                    questions: ["mfa"]))
    }

    @Test func aDueDateOnTheAsOfDateOrOnTheCutoverDateIsOnTime() {
        for due in [Self.day(0), Self.day(100)] {
            let card = score(with(["mfa": AnswerRecord(answer: .value(.choice("partial")), owner: "Dana Lee", due: due)]))
            #expect(card.gaps.first?.commitment?.1 == .onTime)
            #expect(card.readiness == .readyWithConditions)
            #expect(card.reasons.first?.rule == 4)
        }
    }

    // MARK: - Rule 2

    @Test func aGateNotKnownToBeMetIsReadinessUnknown() {
        let unknown = score(with(["mfa": AnswerRecord(answer: .unknown)]))
        #expect(unknown.readiness == .readinessUnknown)
        #expect(
            unknown.reasons.first
                == Reason(
                    rule: 2, text: "A gate is not known to be met: MFA for administrators (don't know)",
                    questions: ["mfa"]))
        let unanswered = score(with(["mfa": nil, "label": nil]))
        #expect(unanswered.readiness == .readinessUnknown)
        #expect(
            unanswered.reasons.first
                == Reason(
                    rule: 2,
                    text: "2 gates are not known to be met: MFA for administrators (unanswered) and Azure Migrate readiness (unanswered)",
                    questions: ["mfa", "label"]))
    }

    @Test func confidenceAtOrBelow40IsReadinessUnknown() throws {
        // Only the gates answered: 2 of 5 applicable scored questions = 40 %, at the threshold.
        let card = score(with(["reviews": nil, "backup": nil, "runbook": nil]))
        #expect(card.confidence == 40)
        #expect(card.readiness == .readinessUnknown)
        #expect(
            card.reasons.contains(Reason(rule: 2, text: "Confidence is 40.0 %, at or below 40 %: too few questions are answered to judge")))
        // Below 90 % too, but that clause is not repeated.
        #expect(!card.reasons.contains { $0.text.hasPrefix("Confidence is 40.0 %, below 90") })
    }

    // MARK: - Rule 3

    @Test func anOverallScoreBelow60IsNotReady() throws {
        // reviews never and backup no: access = 27 / 30 = 90, ops = (5 + 1) / 9 = 66.67;
        // overall = (270 + 133.33) / 5 = 80.67 — with a notReady threshold of 85 that is below it.
        let strict = try variant("notReady: 85, ready: 90")
        let card = score(
            with(["reviews": AnswerRecord(answer: .value(.choice("n"))), "backup": AnswerRecord(answer: .value(.choice("no")))]),
            in: strict)
        #expect(card.readiness == .notReady)
        #expect(card.reasons.contains(Reason(rule: 3, text: "The overall score 80.7 is below 85")))
        #expect(!card.reasons.contains { $0.text.hasPrefix("The overall score 80.7 is below 90") })
    }

    @Test func aCriticalDomainBelowTheFloorIsNotReady() throws {
        // reviews never: access = 27 / 30 = 90; with a floor of 95 it is below.
        let card = score(with(["reviews": AnswerRecord(answer: .value(.choice("n")))]), in: try variant("criticalDomainFloor: 95"))
        #expect(card.readiness == .notReady)
        #expect(card.reasons.contains(Reason(rule: 3, text: "A critical domain scores below 95: Access (90.0)")))
    }

    @Test func aCutoverInTheCloseWindowOfTheYearEndIsNotReady() {
        // Window of 2027-12-31: 7 days before (12-24) to 15 after (2028-01-15), inclusive.
        let inside = [CalendarDate(year: 2027, month: 12, day: 24)!, CalendarDate(year: 2028, month: 1, day: 15)!]
        for cutover in inside {
            let card = score(with(["cutover": AnswerRecord(answer: .value(.date(cutover)))]))
            #expect(card.calendar.closeWindow == FiscalCalendar.CloseWindow(periodEnd: Self.yearEnd, kind: .year))
            #expect(card.readiness == .notReady)
            #expect(
                card.reasons.first
                    == Reason(
                        rule: 3,
                        text: "The cutover date \(cutover) falls in the close window of the fiscal year end "
                            + "2027-12-31 (7 days before to 15 after)"))
        }
        for cutover in [CalendarDate(year: 2027, month: 12, day: 23)!, CalendarDate(year: 2028, month: 1, day: 16)!] {
            #expect(score(with(["cutover": AnswerRecord(answer: .value(.date(cutover)))])).calendar.closeWindow == nil)
        }
    }

    // MARK: - Rule 4

    @Test func aHighRiskGapOutsideTheGatesGivesConditions() {
        // backup is a key question (key: true), so a gap there is high risk: 3 points lost,
        // ops = (5 + 1) / 9 = 66.67, overall = (300 + 133.33) / 5 = 86.67.
        let card = score(with(["backup": AnswerRecord(answer: .value(.choice("no")))]))
        #expect(card.readiness == .readyWithConditions)
        #expect(
            card.reasons == [Reason(rule: 4, text: "A high-risk gap is open besides the gates: Backup restore test", questions: ["backup"])]
        )
        #expect(card.gaps.first?.priority == 2)
        #expect(card.gaps.first?.deficiencyPreview == .potentialDeficiency)
    }

    @Test func anOverallScoreBelowTheReadyThresholdGivesConditions() throws {
        // reviews never: access = 27 / 30 = 90; runbook no: ops = (5 + 3) / 9 = 88.89; overall =
        // (270 + 177.78) / 5 = 89.56, below a ready threshold of 90; both gaps are medium or low risk.
        let card = score(
            with(["reviews": AnswerRecord(answer: .value(.choice("n"))), "runbook": AnswerRecord(answer: .value(.choice("no")))]),
            in: try variant("ready: 90"))
        #expect(abs(card.score! - (270 + 2 * 800.0 / 9) / 5) < 1e-9)
        #expect(card.readiness == .readyWithConditions)
        #expect(card.reasons == [Reason(rule: 4, text: "The overall score 89.6 is below 90")])
    }

    @Test func confidenceBelow90GivesConditions() {
        // runbook unanswered: 4 of 5 = 80 %; it is a low-risk gap and leaves the scores at 100.
        let card = score(with(["runbook": nil]))
        #expect(card.confidence == 80)
        #expect(card.readiness == .readyWithConditions)
        #expect(card.reasons == [Reason(rule: 4, text: "Confidence is 80.0 %, below 90 %")])
    }

    @Test func anOpenQuestionOfACriticalDomainGivesConditions() throws {
        // reviews unknown: 4 of 5 answered = 80 %; readyConfidence 75 isolates the clause.
        let card = score(with(["reviews": AnswerRecord(answer: .unknown)]), in: try variant("readyConfidence: 75"))
        #expect(card.readiness == .readyWithConditions)
        #expect(
            card.reasons == [
                Reason(
                    rule: 4, text: "A question of a critical domain is unknown or unanswered: Access reviews",
                    questions: ["reviews"])
            ])
    }

    @Test func aKeyControlMetWithoutEvidenceGivesConditions() {
        let card = score(with(["backup": AnswerRecord(answer: .value(.choice("yes")))]))
        #expect(card.evidenceMissing == ["backup"])
        #expect(card.readiness == .readyWithConditions)
        #expect(
            card.reasons == [
                Reason(
                    rule: 4, text: "A key control is met but has no evidence reference: Backup restore test",
                    questions: ["backup"])
            ])
        // An evidence reference of only spaces is none; n/a and not-yet-due questions need none.
        #expect(score(with(["backup": AnswerRecord(answer: .value(.choice("yes")), evidence: "  ")])).evidenceMissing == ["backup"])
    }

    @Test func anOverdueCommitmentOutsideTheGatesGivesConditions() {
        // reviews annually with a commitment due yesterday: access = (27 + 1.5) / 30 = 95, overall 97.
        let card = score(with(["reviews": AnswerRecord(answer: .value(.choice("a")), owner: "Lee Chen", due: Self.day(-1))]))
        #expect(card.score == 97)
        #expect(card.readiness == .readyWithConditions)
        #expect(
            card.reasons == [
                Reason(rule: 4, text: "A commitment is overdue: Access reviews (Lee Chen, due 2027-01-14)", questions: ["reviews"])
            ])
    }

    @Test func aCutoverNotAnsweredGivesConditions() {
        let card = score(with(["cutover": nil]))
        #expect(card.stage == .preCutover)
        #expect(card.calendar.operatingDays == nil)
        #expect(card.readiness == .readyWithConditions)
        #expect(card.reasons == [Reason(rule: 4, text: "The cutover date is not answered, so the calendar cannot be checked")])
    }

    @Test func aCutoverInTheCloseWindowOfAQuarterEndGivesConditions() {
        // Quarter ends of a December year end: 03-31, 06-30, 09-30. 2027-04-15 is 15 days after 03-31.
        let cutover = CalendarDate(year: 2027, month: 4, day: 15)!
        let card = score(with(["cutover": AnswerRecord(answer: .value(.date(cutover)))]))
        #expect(
            card.calendar.closeWindow == FiscalCalendar.CloseWindow(periodEnd: CalendarDate(year: 2027, month: 3, day: 31)!, kind: .quarter)
        )
        #expect(card.readiness == .readyWithConditions)
        #expect(
            card.reasons == [
                Reason(
                    rule: 4,
                    text: "The cutover date 2027-04-15 falls in the close window of the quarter end 2027-03-31 "
                        + "(7 days before to 15 after)")
            ])
    }

    @Test func anOperatingWindowUnder90DaysGivesConditions() {
        // 2027-11-01 to 2027-12-31: 29 + 31 = 60 days (outside every close window).
        let cutover = CalendarDate(year: 2027, month: 11, day: 1)!
        let card = score(with(["cutover": AnswerRecord(answer: .value(.date(cutover)))]), asOf: Self.asOf)
        #expect(card.calendar.operatingDays == 60)
        #expect(card.readiness == .readyWithConditions)
        #expect(
            card.reasons == [
                Reason(rule: 4, text: "The new platform operates 60 days before the fiscal year end 2027-12-31, fewer than 90")
            ])
    }

    // MARK: - The calendar and the stage

    @Test func aPostCutoverRunAsksTheHypercareQuestionsAndChecksNoCalendar() {
        // Go-live 10 days ago, in the close window of nothing that matters now.
        var sheet = with(["cutover": AnswerRecord(answer: .value(.date(Self.day(-10))))])
        let open = score(sheet)
        #expect(open.stage == .postCutover)
        #expect(open.notYetDue.isEmpty)
        #expect(open.calendar.closeWindow == nil && open.calendar.operatingDays == nil)
        // hypercare now applies and is unanswered: a low-risk gap, 5 of 6 answered.
        #expect(open.gaps.map(\.questionID) == ["hypercare"])
        #expect(abs(open.confidence - 500.0 / 6) < 1e-9)
        sheet["hypercare"] = AnswerRecord(answer: .value(.choice("yes")))
        #expect(score(sheet).readiness == .ready)
        // A cutover date equal to the as-of date is post-cutover.
        #expect(score(with(["cutover": AnswerRecord(answer: .value(.date(Self.day(0))))])).stage == .postCutover)
    }

    @Test func aPreCutoverRunKeepsHypercareAnswersButDoesNotScoreThem() {
        let card = score(with(["hypercare": AnswerRecord(answer: .value(.choice("no")))]))
        #expect(card.notYetDue == ["hypercare"])
        #expect(card.outcome("hypercare")?.status == .notYetDue)
        #expect(card.gaps.isEmpty)
        #expect(card.readiness == .ready)
    }

    /// A window longer than a year (the format allows 3,660 days) reaches year ends more than a
    /// year away: 2027-04-20 is 475 days after 2025-12-31, inside a 500-day window, and the year
    /// end reported is the earliest one whose window holds the date.
    @Test func aWindowLongerThanAYearReachesYearEndsFurtherAway() {
        let calendar = FiscalCalendar(fiscalYearEnd: CalendarDate(year: 2026, month: 12, day: 31)!, windowBefore: 7, windowAfter: 500)
        #expect(
            calendar.closeWindow(containing: CalendarDate(year: 2027, month: 4, day: 20)!)
                == FiscalCalendar.CloseWindow(periodEnd: CalendarDate(year: 2025, month: 12, day: 31)!, kind: .year))
        #expect(
            calendar.periodEnds(around: CalendarDate(year: 2027, month: 4, day: 20)!).first?.end
                == CalendarDate(year: 2025, month: 3, day: 31))
    }

    @Test func yearEndsKeepTheirDayAndFebruary29BecomesFebruary28() {
        let leap = FiscalCalendar(fiscalYearEnd: CalendarDate(year: 2028, month: 2, day: 29)!, windowBefore: 7, windowAfter: 15)
        #expect(leap.yearEnd(in: 2027) == CalendarDate(year: 2027, month: 2, day: 28))
        #expect(leap.yearEnd(in: 2028) == CalendarDate(year: 2028, month: 2, day: 29))
        // Quarter ends of a February year end: the ends of November, August and May.
        let quarters = leap.periodEnds(around: CalendarDate(year: 2027, month: 6, day: 1)!).filter {
            $0.kind == .quarter && $0.end.year == 2027
        }
        #expect(quarters.map(\.end.description) == ["2027-05-31", "2027-08-31", "2027-11-30"])
        // A fiscal year ending 2027-06-15 (not a month end) is used as answered.
        let june = FiscalCalendar(fiscalYearEnd: CalendarDate(year: 2027, month: 6, day: 15)!, windowBefore: 7, windowAfter: 15)
        #expect(june.operatingDays(from: CalendarDate(year: 2027, month: 6, day: 16)!) == 365)
    }

    @Test func withoutACutoverRoleNothingIsEverNotYetDue() throws {
        let text = try String(contentsOfFile: fixturePath("scoring-v2.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "calendar: {cutover: cutover, fiscalYearEnd: fy-end}\n", with: "")
        let plain = try QuestionnaireLoader.parse(text, file: "plain.yaml").questionnaire
        let card = score(Self.ready(), in: plain)
        #expect(card.notYetDue.isEmpty)
        #expect(card.stage == .preCutover)
        // hypercare applies and is unanswered; no calendar clause without a cutover role.
        #expect(card.gaps.map(\.questionID) == ["hypercare"])
        #expect(!card.reasons.contains { $0.text.contains("cutover") })
    }

    // MARK: - Order and actions

    @Test func actionsFollowTheirAfterWithinTheGlobalOrder() {
        // backup (P2, 3 points lost) names runbook (P4) in after: it moves after it.
        let card = score(
            with([
                "backup": AnswerRecord(answer: .value(.choice("no"))), "runbook": AnswerRecord(answer: .value(.choice("no"))),
                "reviews": AnswerRecord(answer: .value(.choice("a"))),
            ]))
        #expect(card.gaps.map(\.questionID) == ["reviews", "runbook", "backup"])
        #expect(card.gaps.map(\.priority) == [3, 4, 2])
    }

    @Test func aChoiceActionReplacesTheQuestionsOnlyWhenItIsTheAnswer() {
        let partial = score(with(["mfa": AnswerRecord(answer: .value(.choice("partial")), owner: "Dana Lee", due: Self.day(5))]))
        #expect(partial.gaps.first?.action == "Extend MFA to the command line.")
        let no = score(with(["mfa": AnswerRecord(answer: .value(.choice("no")))]))
        #expect(no.gaps.first?.action == "Enforce MFA for every administrator.")
    }

    @Test func everyClauseThatHoldsIsListedInRuleOrder() {
        // mfa not met, label unknown, reviews never, backup without evidence, runbook unanswered,
        // cutover in the year-end window: rules 1, 2, 3 and 4 all hold; rule 1 decides.
        let card = score(
            with([
                "mfa": AnswerRecord(answer: .value(.choice("no"))), "label": AnswerRecord(answer: .unknown),
                "reviews": AnswerRecord(answer: .value(.choice("n"))),
                "backup": AnswerRecord(answer: .value(.choice("yes"))), "runbook": nil,
                "cutover": AnswerRecord(answer: .value(.date(Self.yearEnd))),
            ]))
        #expect(card.readiness == .notReady)
        // access = 0; ops = 3 / 3 = 100 (label unknown, runbook unanswered); overall = 200 / 5 = 40.
        #expect(card.score == 40)
        #expect(card.reasons.map(\.rule) == [1, 2, 3, 3, 3, 4, 4, 4])
        #expect(
            card.reasons.map(\.text) == [
                "A gate is not met: MFA for administrators",
                "A gate is not known to be met: Azure Migrate readiness (don't know)",
                "The overall score 40.0 is below 60",
                "A critical domain scores below 50: Access (0.0)",
                "The cutover date 2027-12-31 falls in the close window of the fiscal year end 2027-12-31 (7 days before to 15 after)",
                "Confidence is 60.0 %, below 90 %",
                "A key control is met but has no evidence reference: Backup restore test",
                "The new platform operates 0 days before the fiscal year end 2027-12-31, fewer than 90",
            ])
    }
}
