import Foundation
import SoxreadyTestSupport
import Testing

@testable import SoxreadyCore

/// The portfolio (PRODUCT.md §7.4) of a store with four applications on the rules-2 fixture
/// questionnaire, worked out by hand:
///
/// - Alpha: run 1 on 2026-10-15 with MFA not enforced (an ICFR gate: Not ready, blocker `mfa`);
///   run 2 on 2026-11-20 with every question met and every key one (the two gates and the backup
///   test) evidenced: Ready; approved on 2026-11-21;
///   cutover 2027-05-12, mid-quarter.
/// - Beta: run 1 on 2026-11-25, MFA not enforced and Azure Migrate "not ready" (two blockers);
///   cutover 2027-01-15, 45 days after 2026-12-01.
/// - Gamma: a draft, no run (not assessed).
/// - Delta: a run on 2026-10-01, then archived (left out everywhere).
struct PortfolioTests {
    let loaded: LoadedQuestionnaire

    init() throws {
        loaded = try QuestionnaireLoader.load(path: fixturePath("scoring-v2.yaml"))
    }

    func sheet(_ answers: [String: String], evidence: [String] = []) throws -> AnswerSheet {
        var sheet: AnswerSheet = [:]
        for (id, text) in answers {
            sheet[id] = AnswerRecord(answer: try AnswerInterpreter.interpret(text, for: try #require(loaded.questionnaire.question(id))))
        }
        for id in evidence { sheet[id]?.evidence = "EV-\(id)" }
        return sheet
    }

    static func at(_ text: String) throws -> Date { try #require(Timestamp.date(text)) }

    func record(_ app: String, _ answers: AnswerSheet, at time: String, in store: any AssessmentStore) throws -> StoredRun {
        try store.record(
            RunToRecord(
                scoring: answers, appName: app, questionnaire: loaded, recordedAt: try Self.at(time),
                preparer: Preparer(name: "Pat Preparer")))
    }

    func fill(_ store: any AssessmentStore) throws {
        let met = [
            "cutover": "2027-05-12", "fy-end": "2026-12-31", "mfa": "yes", "reviews": "q", "label": "ready", "backup": "yes",
            "runbook": "yes",
        ]
        var first = met
        first["mfa"] = "no"
        _ = try record("Alpha", try sheet(first, evidence: ["backup"]), at: "2026-10-15T09:00:00Z", in: store)
        let second = try record("Alpha", try sheet(met, evidence: ["mfa", "backup", "label"]), at: "2026-11-20T09:00:00Z", in: store)
        #expect(second.result.readiness == .ready, "Alpha run 2 is meant to be Ready: \(second.result.reasons)")
        _ = try store.recordSignOff(
            NewSignOff(
                appName: "Alpha", runNumber: 2, runFingerprint: second.fingerprint, reviewer: "Lee Chen",
                role: "Controller", decision: .approve, comment: nil, statement: "approved", signature: nil,
                recordedAt: try Self.at("2026-11-21T10:00:00Z")))
        let beta = [
            "cutover": "2027-01-15", "fy-end": "2026-12-31", "mfa": "no", "reviews": "a", "label": "not-ready", "backup": "no",
            "runbook": "no",
        ]
        _ = try record("Beta", try sheet(beta), at: "2026-11-25T09:00:00Z", in: store)
        _ = try record("Delta", try sheet(["mfa": "no"]), at: "2026-10-01T09:00:00Z", in: store)
        try store.setArchived("Delta", archived: true, at: try Self.at("2026-11-01T09:00:00Z"))
        try store.startDraft(
            NewDraft(appName: "Gamma", questionnaire: loaded, startedAt: try Self.at("2026-11-28T09:00:00Z")),
            session: AssessmentStoreSuite.session("g"))
    }

    @Test(arguments: StoreBackend.allCases)
    func thePortfolioOfFourApplicationsAsWorkedOutByHand(backend: StoreBackend) throws {
        let (store, cleanUp) = try backend.makeStore()
        defer { cleanUp() }
        try fill(store)
        let portfolio = Portfolio(try store.portfolioSource(recordedBy: nil), asOf: try #require(CalendarDate("2026-12-01")))

        #expect(portfolio.rows.map(\.name) == ["Alpha", "Beta", "Gamma"])
        #expect(portfolio.rows.map(\.readiness) == [.ready, .notReady, nil])
        #expect(portfolio.levelCounts == [.ready: 1, .notReady: 1])
        #expect(portfolio.notAssessed == 1)
        #expect(portfolio.rows.map(\.run) == [2, 1, nil])
        #expect(portfolio.rows.map(\.daysToCutover) == [162, 45, nil])
        #expect(portfolio.rows.map(\.blockers) == [[], ["mfa", "label"], []])
        #expect(portfolio.rows[0].signOffStatus.description == "approved by Lee Chen (Controller) on 2026-11-21")
        #expect(portfolio.rows[1].signOffStatus == .pending)

        // The profile domain holds only dates (no score): no column.
        #expect(portfolio.domains.map(\.id) == ["access", "ops"])
        #expect(portfolio.rows[0].domainScores["access"] == .some(100.0))
        #expect(portfolio.rows[0].domainScores["ops"] == .some(100.0))
        #expect(portfolio.rows[1].domainScores["ops"] == .some(0.0))
        #expect(PortfolioRenderer.band(portfolio.rows[1].domainScores["ops"]) == "poor")
        #expect(PortfolioRenderer.band(portfolio.rows[0].domainScores["access"]) == "good")
        #expect(PortfolioRenderer.band(portfolio.rows[2].domainScores["access"]) == "absent")

        #expect(
            portfolio.blockingQuestions == [
                .init(questionID: "label", title: "Azure Migrate readiness", apps: ["Beta"]),
                .init(questionID: "mfa", title: "MFA for administrators", apps: ["Beta"]),
            ])
        #expect(portfolio.upcomingCutovers.map(\.name) == ["Beta"])
        #expect(
            portfolio.levelsOverTime == [
                .init(month: "2026-10", counts: [.notReady: 1]),
                .init(month: "2026-11", counts: [.ready: 1, .notReady: 1]),
                .init(month: "2026-12", counts: [.ready: 1, .notReady: 1]),
            ])
    }

    /// As of 2026-10-31 only Alpha's first run exists: Not ready, 193 days to its cutover.
    @Test(arguments: StoreBackend.allCases)
    func aPortfolioAsOfAnEarlierDayLeavesOutWhatCameLater(backend: StoreBackend) throws {
        let (store, cleanUp) = try backend.makeStore()
        defer { cleanUp() }
        try fill(store)
        let source = try store.portfolioSource(recordedBy: try Self.at("2026-10-31T23:59:59Z"))
        let portfolio = Portfolio(source, asOf: try #require(CalendarDate("2026-10-31")))
        #expect(portfolio.rows.map(\.readiness) == [.notReady, nil, nil])
        #expect(portfolio.rows[0].run == 1)
        #expect(portfolio.rows[0].daysToCutover == 193)
        #expect(portfolio.rows[0].blockers == ["mfa"])
        #expect(portfolio.levelsOverTime == [.init(month: "2026-10", counts: [.notReady: 1])])
        #expect(portfolio.upcomingCutovers.isEmpty)
    }

    /// Each store's own read (SQLite's four queries, PostgreSQL's five statements) gives what the
    /// per-application reads of the protocol give.
    @Test(arguments: StoreBackend.allCases)
    func theStoresOwnReadMatchesTheProtocolsReads(backend: StoreBackend) throws {
        let (store, cleanUp) = try backend.makeStore()
        defer { cleanUp() }
        try fill(store)
        for cutoff in [nil, try Self.at("2026-11-20T09:00:00Z")] {
            let fast = try store.portfolioSource(recordedBy: cutoff)
            let generic = try PortfolioSource.read(from: store, recordedBy: cutoff)
            #expect(fast.apps.map(\.name) == generic.apps.map(\.name))
            #expect(fast.apps.map(\.latest) == generic.apps.map(\.latest))
            #expect(fast.apps.map(\.result) == generic.apps.map(\.result))
            #expect(fast.apps.map(\.signOff) == generic.apps.map(\.signOff))
            #expect(fast.apps.map(\.questionnaireHash) == generic.apps.map(\.questionnaireHash))
            #expect(
                Set(fast.levels.map { "\($0.slug) \($0.number) \($0.readiness)" })
                    == Set(generic.levels.map { "\($0.slug) \($0.number) \($0.readiness)" }))
            #expect(fast.questionnaires == generic.questionnaires)
        }
    }

    @Test func theJSONDocumentListsEveryLevelAndTheUpcomingCutovers() throws {
        let store = try SQLiteStore()
        try fill(store)
        let portfolio = Portfolio(try store.portfolioSource(recordedBy: nil), asOf: try #require(CalendarDate("2026-12-01")))
        let json = try #require(try JSONSerialization.jsonObject(with: try PortfolioDocument(portfolio).jsonData()) as? [String: Any])
        #expect(json["format"] as? String == "soxready/portfolio@1")
        #expect(json["asOf"] as? String == "2026-12-01")
        #expect(
            json["levels"] as? [String: Int] == [
                "ready": 1, "ready-with-conditions": 0, "not-ready": 1, "readiness-unknown": 0,
                "not-assessed": 1,
            ])
        let upcoming = try #require(json["upcomingCutovers"] as? [[String: Any]])
        #expect(upcoming.count == 1)
        #expect(upcoming.first?["name"] as? String == "Beta")
        #expect(upcoming.first?["cutover"] as? String == "2027-01-15")
        #expect(upcoming.first?["daysToCutover"] as? Int == 45)
        #expect(upcoming.first?["signOff"] as? String == "pending")
        let apps = try #require(json["apps"] as? [[String: Any]])
        #expect(apps.last?["readiness"] is NSNull)
        #expect((apps.first?["signOff"] as? [String: Any])?["reviewer"] as? String == "Lee Chen")
        #expect((apps[1]["domains"] as? [String: Any])?["ops"] as? Double == 0)
        let months = try #require(json["levelsOverTime"] as? [[String: Any]])
        #expect(months.map { $0["month"] as? String } == ["2026-10", "2026-11", "2026-12"])
        #expect(months[1]["levels"] as? [String: Int] == ["ready": 1, "ready-with-conditions": 0, "not-ready": 1, "readiness-unknown": 0])
    }
}
