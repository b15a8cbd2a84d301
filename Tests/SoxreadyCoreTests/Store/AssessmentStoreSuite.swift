import Foundation
import SoxreadyTestSupport
import Testing

@testable import SoxreadyCore

/// The contract of ``AssessmentStore``, run against every backend (``StoreBackend``).
struct AssessmentStoreSuite {
    let loaded: LoadedQuestionnaire

    init() throws {
        loaded = try QuestionnaireLoader.load(path: fixturePath("scoring-small.yaml"))
    }

    func sheet(_ answers: [String: String]) throws -> AnswerSheet {
        var sheet: AnswerSheet = [:]
        for (id, text) in answers {
            sheet[id] = AnswerRecord(answer: try AnswerInterpreter.interpret(text, for: try #require(loaded.questionnaire.question(id))))
        }
        return sheet
    }

    func run(
        _ app: String, _ answers: AnswerSheet = [:], at seconds: Double = 1_795_975_200, completing: DraftSession? = nil
    ) -> RunToRecord {
        RunToRecord(
            scoring: answers, appName: app, questionnaire: loaded, recordedAt: Date(timeIntervalSince1970: seconds),
            preparer: Preparer(name: "Pat Preparer"), completingDraft: completing)
    }

    static func session(_ token: String, user: String = "dana") -> DraftSession {
        DraftSession(
            token: token, user: user, host: ProcessInfo.processInfo.hostName, processID: getpid(),
            startedAt: Date(timeIntervalSince1970: 1_795_975_200))
    }

    @Test(arguments: StoreBackend.allCases)
    func recordsNumberedRunsAndKeepsEverythingToRebuildThem(backend: StoreBackend) throws {
        let (store, cleanUp) = try backend.makeStore()
        defer { cleanUp() }
        let first = try store.record(run("General Ledger", try sheet(["a1": "no"])))
        let second = try store.record(run("General Ledger", try sheet(ScoringTests.worked), at: 1_795_978_800))
        #expect(first.summary.number == 1)
        #expect(second.summary.number == 2)
        #expect(second.result.run == .init(number: 2, recordedAt: "2026-11-29T19:00:00Z"))
        #expect(second.result.app == .init(name: "General Ledger", slug: "general-ledger"))

        let reread = try store.run(appName: "General Ledger", number: 2)
        #expect(reread.result == second.result)
        #expect(reread.resultJSON == second.resultJSON)
        #expect(reread.answers == second.answers)
        #expect(reread.questionnaireContent == loaded.content)
        #expect(reread.questionnaireHash == SHA256Digest.hex(loaded.content))
        #expect(reread.fingerprint == second.fingerprint)
        #expect(try store.run(appName: "General Ledger", number: nil).summary.number == 2)
        // Rules 2: a1 (an ICFR gate in a critical domain) is not met, then only partly met with no
        // commitment to close it: not ready both times.
        #expect(try store.runs(appName: "general-ledger").map(\.readiness) == [ReadinessLevel.notReady, .notReady])
    }

    @Test(arguments: StoreBackend.allCases)
    func appsListEveryApplicationWithItsLatestRunAndTheChange(backend: StoreBackend) throws {
        let (store, cleanUp) = try backend.makeStore()
        defer { cleanUp() }
        try store.record(run("B", try sheet(["a1": "no"])))
        try store.record(run("A", try sheet(["a1": "no"])))
        try store.record(run("A", try sheet(ScoringTests.worked)))
        let apps = try store.apps()
        #expect(apps.map(\.name) == ["A", "B"])
        #expect(apps.map { $0.latest?.number } == [2, 1])
        // Run 1 of A scores 0.0 (a1 = no is its only answer); B has no run before its latest.
        #expect(apps.map(\.previousScore) == [0, nil])
    }

    @Test(arguments: StoreBackend.allCases)
    func slugsStayUniqueAndNamesResolveBySlug(backend: StoreBackend) throws {
        let (store, cleanUp) = try backend.makeStore()
        defer { cleanUp() }
        #expect(try store.appSlug(for: "General Ledger") == "general-ledger")
        let a = try store.record(run("General Ledger"))
        #expect(try store.appSlug(for: "general  ledger!") == "general-ledger-2")
        let b = try store.record(run("general  ledger!"))
        #expect(a.appSlug == "general-ledger")
        #expect(b.appSlug == "general-ledger-2")
        #expect(try store.run(appName: "general-ledger-2", number: nil).appName == "general  ledger!")
        #expect(try store.appSlug(for: "General Ledger") == "general-ledger")
    }

    @Test(arguments: StoreBackend.allCases)
    func missingAppsAndRunsAreNamed(backend: StoreBackend) throws {
        let (store, cleanUp) = try backend.makeStore()
        defer { cleanUp() }
        try store.record(run("General Ledger"))
        #expect(throws: StoreError.appNotFound(name: "Payroll", known: ["General Ledger"])) {
            _ = try store.run(appName: "Payroll", number: nil)
        }
        #expect(throws: StoreError.runNotFound(app: "General Ledger", number: 5, latest: 1)) {
            _ = try store.run(appName: "General Ledger", number: 5)
        }
        #expect(throws: StoreError.appNotFound(name: "Payroll", known: ["General Ledger"])) { _ = try store.runs(appName: "Payroll") }
    }

    @Test(arguments: StoreBackend.allCases)
    func draftsSaveOneAnswerAtATimeAndARunCompletesThem(backend: StoreBackend) throws {
        let (store, cleanUp) = try backend.makeStore()
        defer { cleanUp() }
        let session = Self.session("s1")
        let start = Date(timeIntervalSince1970: 1_795_975_200)
        try store.startDraft(
            NewDraft(
                appName: "GL", questionnaire: loaded, answers: try sheet(["a1": "yes"]), basedOnRun: nil,
                onlyGaps: false, startedAt: start), session: session)
        try store.saveDraftAnswer(
            appName: "GL", questionID: "a2", record: AnswerRecord(answer: .value(.choice("q")), note: "from the UAR tool"),
            next: "a3", at: start, session: session)
        try store.saveDraftAnswer(
            appName: "GL", questionID: "a1", record: AnswerRecord(answer: .value(.choice("partial"))), next: "a3",
            at: start, session: session)
        try store.saveDraftAnswer(
            appName: "GL", questionID: "b3", record: AnswerRecord(answer: .unknown), next: "b4", at: start, session: session)
        try store.saveDraftAnswer(
            appName: "GL", questionID: "b3", record: nil, next: "b3", at: start.addingTimeInterval(60), session: session)
        let draft = try #require(try store.draft(appName: "GL"))
        #expect(
            draft.answers == [
                "a1": AnswerRecord(answer: .value(.choice("partial"))),
                "a2": AnswerRecord(answer: .value(.choice("q")), note: "from the UAR tool"),
            ])
        #expect(draft.questionnaireContent == loaded.content)
        #expect(draft.position == "b3")
        #expect(draft.owner == "dana")
        #expect(draft.updatedAt == start.addingTimeInterval(60))
        #expect(try store.apps().first?.draft == DraftSummary(updatedAt: start.addingTimeInterval(60), answered: 2))
        try store.record(run("GL", draft.answers, completing: session))
        #expect(try store.draft(appName: "GL") == nil)
    }

    @Test(arguments: StoreBackend.allCases)
    func aDraftRemembersTheRunItPreFillsFrom(backend: StoreBackend) throws {
        let (store, cleanUp) = try backend.makeStore()
        defer { cleanUp() }
        try store.record(run("GL", try sheet(["a1": "no"])))
        try store.startDraft(
            NewDraft(
                appName: "GL", questionnaire: loaded, basedOnRun: 1, onlyGaps: true,
                startedAt: Date(timeIntervalSince1970: 1_795_975_200)), session: Self.session("s1"))
        let draft = try #require(try store.draft(appName: "GL"))
        #expect(draft.basedOnRun == 1)
        #expect(draft.onlyGaps)
    }

    @Test(arguments: StoreBackend.allCases)
    func aDraftIsHeldByOneSessionAtATime(backend: StoreBackend) throws {
        let (store, cleanUp) = try backend.makeStore()
        defer { cleanUp() }
        let first = Self.session("first"), second = Self.session("second")
        let start = Date(timeIntervalSince1970: 1_795_975_200)
        try store.startDraft(NewDraft(appName: "GL", questionnaire: loaded, startedAt: start), session: first)
        // This process is alive, so the first session's hold is not stale.
        #expect(throws: StoreError.draftHeld(app: "GL", holder: first.holder)) {
            _ = try store.claimDraft(appName: "GL", session: second, takeOver: false)
        }
        #expect(throws: StoreError.draftHeld(app: "GL", holder: first.holder)) {
            try store.startDraft(NewDraft(appName: "GL", questionnaire: loaded, startedAt: start), session: second)
        }
        // Released, the draft can be resumed by another session of the same user.
        try store.releaseDraft(appName: "GL", session: first)
        _ = try store.claimDraft(appName: "GL", session: second, takeOver: false)
        // The first session may no longer write it, nor complete it with a run: it is told that it
        // lost the draft, to whom, and what was not saved.
        #expect(throws: StoreError.draftLost(app: "GL", holder: second.holder, unsaved: "a1")) {
            try store.saveDraftAnswer(
                appName: "GL", questionID: "a1", record: AnswerRecord(answer: .value(.choice("yes"))), next: nil,
                at: start, session: first)
        }
        #expect(throws: StoreError.draftLost(app: "GL", holder: second.holder, unsaved: nil)) {
            try store.record(run("GL", completing: first))
        }
        #expect(try store.runs(appName: "GL").isEmpty)
    }

    @Test(arguments: StoreBackend.allCases)
    func anotherUserIsToldWhoseDraftItIsAndMayTakeItOver(backend: StoreBackend) throws {
        let (store, cleanUp) = try backend.makeStore()
        defer { cleanUp() }
        let dana = Self.session("dana-1", user: "dana"), lee = Self.session("lee-1", user: "lee")
        try store.startDraft(
            NewDraft(appName: "GL", questionnaire: loaded, startedAt: Date(timeIntervalSince1970: 1_795_975_200)),
            session: dana)
        try store.releaseDraft(appName: "GL", session: dana)
        #expect(throws: StoreError.self) { _ = try store.claimDraft(appName: "GL", session: lee, takeOver: false) }
        let taken = try store.claimDraft(appName: "GL", session: lee, takeOver: true)
        #expect(taken.owner == "lee")
        #expect(taken.holder == lee.holder)
    }

    @Test(arguments: StoreBackend.allCases)
    func resumingWithoutADraftIsNamed(backend: StoreBackend) throws {
        let (store, cleanUp) = try backend.makeStore()
        defer { cleanUp() }
        #expect(throws: StoreError.draftNotFound(app: "GL")) {
            _ = try store.claimDraft(appName: "GL", session: Self.session("s"), takeOver: false)
        }
        #expect(try store.draft(appName: "GL") == nil)
    }
}

extension AssessmentStoreSuite {
    /// `assess --app` names an application as the listing would find it, without reading its runs.
    @Test(arguments: StoreBackend.allCases)
    func storedAppNameMatchesAsTheListingDoes(backend: StoreBackend) throws {
        let (store, cleanUp) = try backend.makeStore()
        defer { cleanUp() }
        try store.record(run("General Ledger", try sheet(["a1": "no"])))
        try store.record(run("Treasury Payments", try sheet(["a1": "no"])))
        try store.setArchived("Treasury Payments", archived: true, at: Date(timeIntervalSince1970: 1_795_978_800))
        #expect(try store.storedAppName(matching: "General Ledger") == "General Ledger")
        #expect(try store.storedAppName(matching: "general  LEDGER") == "General Ledger")
        #expect(try store.storedAppName(matching: "general-ledger") == "General Ledger")
        #expect(try store.storedAppName(matching: "treasury payments") == "Treasury Payments")
        #expect(try store.storedAppName(matching: "Payroll") == nil)
        let apps = try store.apps()
        for name in ["General Ledger", "general  LEDGER", "general-ledger", "treasury-payments", "Payroll", ""] {
            #expect(try store.storedAppName(matching: name) == AssessFlow.knownApp(name, in: apps)?.name, "\(name)")
        }
    }
}

extension Draft: Equatable {
    public static func == (lhs: Draft, rhs: Draft) -> Bool { lhs.answers == rhs.answers && lhs.questionnaireHash == rhs.questionnaireHash }
}
