import Foundation
import GRDB
import Testing
@testable import SoxreadyCore

struct AssessmentStoreTests {
    let loaded: LoadedQuestionnaire
    let folder: URL

    init() throws {
        loaded = try QuestionnaireLoader.load(path: fixturePath("scoring-small.yaml"))
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("soxready-store-\(UUID().uuidString)")
    }

    func sheet(_ answers: [String: String]) throws -> AnswerSheet {
        var sheet: AnswerSheet = [:]
        for (id, text) in answers {
            sheet[id] = AnswerRecord(answer: try AnswerInterpreter.interpret(text, for: loaded.questionnaire.question(id)!))
        }
        return sheet
    }

    func storePath() -> String { folder.appendingPathComponent(".soxready/soxready.sqlite").path }

    @Test func recordsNumberedRunsAndKeepsEverythingToRebuildThem() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try AssessmentStore(path: storePath())
        let first = try store.recordRun(appName: "General Ledger", questionnaire: loaded, answers: try sheet(["a1": "no"]),
                                        recordedAt: Date(timeIntervalSince1970: 1_795_975_200))
        let second = try store.recordRun(appName: "General Ledger", questionnaire: loaded, answers: try sheet(ScoringTests.worked),
                                         recordedAt: Date(timeIntervalSince1970: 1_795_978_800))
        #expect(first.summary.number == 1)
        #expect(second.summary.number == 2)
        #expect(second.result.run.recordedAt == "2026-11-29T19:00:00Z")

        let reread = try store.run(appName: "General Ledger", number: 2)
        #expect(reread.result == second.result)
        #expect(reread.answers == second.answers)
        #expect(reread.questionnaireContent == loaded.content)
        #expect(reread.questionnaireHash == SHA256Digest.hex(loaded.content))
        // The stored content rebuilds exactly the stored result.
        let rebuilt = AssessmentResult(card: ReadinessScorer.score(try reread.questionnaire(), answers: reread.answers),
                                       questionnaire: try reread.questionnaire(), answers: reread.answers,
                                       appName: reread.appName, runNumber: 2, recordedAt: Date(timeIntervalSince1970: 1_795_978_800))
        #expect(rebuilt == reread.result)
        #expect(try store.run(appName: "General Ledger").summary.number == 2)
        #expect(try store.runs(appName: "general-ledger").map(\.readiness) == [.notReady, .readyWithConditions])
        #expect(try store.integrityCheck() == ["ok"])
    }

    @Test func questionnaireContentIsStoredOncePerHash() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try AssessmentStore(path: storePath())
        for app in ["A", "B", "A"] {
            try store.recordRun(appName: app, questionnaire: loaded, answers: [:], recordedAt: Date())
        }
        let count = try store.queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM questionnaireContent") }
        #expect(count == 1)
        #expect(try store.apps().map(\.name) == ["A", "B"])
        #expect(try store.apps().map { $0.latest?.number } == [2, 1])
    }

    @Test func runsAreImmutable() throws {
        let store = try AssessmentStore()
        try store.recordRun(appName: "A", questionnaire: loaded, answers: [:], recordedAt: Date())
        #expect(throws: DatabaseError.self) {
            try store.queue.write { try $0.execute(sql: "UPDATE run SET score = 100") }
        }
        #expect(throws: DatabaseError.self) {
            try store.queue.write { try $0.execute(sql: "DELETE FROM run") }
        }
    }

    @Test func theFileIsPrivateAndInWALMode() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try AssessmentStore(path: storePath())
        try store.recordRun(appName: "A", questionnaire: loaded, answers: [:], recordedAt: Date())
        let attributes = try FileManager.default.attributesOfItem(atPath: storePath())
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let mode = try store.queue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test func slugsStayUniqueAndNamesResolveBySlug() throws {
        let store = try AssessmentStore()
        let a = try store.recordRun(appName: "General Ledger", questionnaire: loaded, answers: [:], recordedAt: Date())
        let b = try store.recordRun(appName: "general  ledger!", questionnaire: loaded, answers: [:], recordedAt: Date())
        #expect(a.appSlug == "general-ledger")
        #expect(b.appSlug == "general-ledger-2")
        #expect(try store.run(appName: "general-ledger-2").appName == "general  ledger!")
    }

    @Test func missingAppsAndRunsAreNamed() throws {
        let store = try AssessmentStore()
        try store.recordRun(appName: "General Ledger", questionnaire: loaded, answers: [:], recordedAt: Date())
        #expect(throws: StoreError.appNotFound(name: "Payroll", known: ["General Ledger"])) { _ = try store.run(appName: "Payroll") }
        #expect(throws: StoreError.runNotFound(app: "General Ledger", number: 5, latest: 1)) { _ = try store.run(appName: "General Ledger", number: 5) }
    }

    @Test func draftsSaveOneAnswerAtATimeAndARunCompletesThem() throws {
        let store = try AssessmentStore()
        try store.startDraft(appName: "GL", questionnaire: loaded, answers: try sheet(["a1": "yes"]), at: Date())
        try store.saveDraftAnswer(appName: "GL", questionID: "a2", record: AnswerRecord(answer: .value(.choice("q")), note: "from the UAR tool"), at: Date())
        try store.saveDraftAnswer(appName: "GL", questionID: "a1", record: AnswerRecord(answer: .value(.choice("partial"))), at: Date())
        try store.saveDraftAnswer(appName: "GL", questionID: "b3", record: AnswerRecord(answer: .unknown), at: Date())
        try store.saveDraftAnswer(appName: "GL", questionID: "b3", record: nil, at: Date())
        let draft = try #require(try store.draft(appName: "GL"))
        #expect(draft.answers == [
            "a1": AnswerRecord(answer: .value(.choice("partial"))),
            "a2": AnswerRecord(answer: .value(.choice("q")), note: "from the UAR tool"),
        ])
        #expect(draft.questionnaireContent == loaded.content)
        #expect(try store.apps().first?.hasDraft == true)
        try store.recordRun(appName: "GL", questionnaire: loaded, answers: draft.answers, recordedAt: Date(), completingDraft: true)
        #expect(try store.draft(appName: "GL") == nil)
    }

    @Test func aWriterThatCannotGetTheLockFailsAsBusy() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = storePath()
        let store = try AssessmentStore(path: path, busyTimeout: 0.2)
        // Another connection holds the write lock.
        let holder = try DatabaseQueue(path: path)
        try holder.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            defer { try? db.execute(sql: "ROLLBACK") }
            #expect(throws: StoreError.busy(path: path, waitedSeconds: 0.2)) {
                try store.recordRun(appName: "A", questionnaire: loaded, answers: [:], recordedAt: Date())
            }
        }
        let reopened = try AssessmentStore(path: path)
        #expect(try reopened.apps().isEmpty)
        #expect(try reopened.integrityCheck() == ["ok"])
    }

    @Test func answerSheetJSONRoundTrips() throws {
        var sheet = try sheet(ScoringTests.worked)
        sheet["c2"] = AnswerRecord(answer: nil, note: "ask \"SOX PMO\"", evidence: "https://example.invalid/doc?id=1")
        let data = try AnswerSheetCoding.encode(sheet)
        #expect(try AnswerSheetCoding.decode(data) == sheet)
        #expect(String(decoding: data, as: UTF8.self).hasPrefix(#"{"a1":{"answer":{"choice":"partial"}},"a2":{"answer":{"choice":"a"}},"a3":{"answer":"n/a"}"#))
    }
}

extension Draft: Equatable {
    public static func == (lhs: Draft, rhs: Draft) -> Bool { lhs.answers == rhs.answers && lhs.questionnaireHash == rhs.questionnaireHash }
}
