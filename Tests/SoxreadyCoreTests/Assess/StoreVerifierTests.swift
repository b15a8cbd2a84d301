import Foundation
import SoxreadyTestSupport
import Testing

@testable import SoxreadyCore

/// What `verify` sees in sign-offs written by someone who can write the store and knows the
/// fingerprint recipe (docs/store.md): the fingerprint holds, so the statement must give it away.
struct StoreVerifierTests {
    @Test(arguments: StoreBackend.allCases)
    func aSignOffWhoseStatementNamesSomeoneElseIsCaughtThoughItsFingerprintHolds(backend: StoreBackend) throws {
        let (store, cleanUp) = try backend.makeStore()
        defer { cleanUp() }
        let loaded = try QuestionnaireLoader.load(path: fixturePath("scoring-small.yaml"))
        let run = try store.record(
            RunToRecord(
                scoring: [:], appName: "GL", questionnaire: loaded,
                recordedAt: Date(timeIntervalSince1970: 1_795_975_200), preparer: Preparer(name: "Pat Preparer")))
        let at = Date(timeIntervalSince1970: 1_795_978_800)
        // Lee Chen's real statement, recorded under Maria Chen's name: the store computes a valid fingerprint for it.
        let statement = SignOffRules.statement(
            app: "GL", run: run, reviewer: "Lee Chen", role: "Controller", decision: .approve,
            comment: nil, at: at)
        _ = try store.recordSignOff(
            NewSignOff(
                appName: "GL", runNumber: 1, runFingerprint: run.fingerprint, reviewer: "Maria Chen",
                role: "Chief Financial Officer", decision: .approve, comment: nil, statement: statement,
                signature: nil, recordedAt: at))
        let report = try StoreVerifier.verify(store)
        #expect(
            report.problems.map(\.description) == [
                "GL sign-off 1: its statement does not say what its fields say (reviewer Maria Chen, Chief Financial Officer, approve on 2026-11-29T19:00:00Z)"
            ])
        // With signatures required, the unsigned sign-off is broken in itself.
        let strict = try StoreVerifier.verify(store, checkSignature: { _, _ in .notChecked }, requireSignatures: true)
        #expect(
            strict.problems.map(\.what).last == "it is not signed (--require-signatures): anyone who can write the store could have made it"
        )
    }

    @Test func aSignOffMadeByTheCommandHolds() throws {
        let store = try SQLiteStore()
        let loaded = try QuestionnaireLoader.load(path: fixturePath("scoring-small.yaml"))
        let run = try store.record(
            RunToRecord(
                scoring: [:], appName: "GL", questionnaire: loaded,
                recordedAt: Date(timeIntervalSince1970: 1_795_975_200), preparer: Preparer(name: "Pat Preparer")))
        let at = Date(timeIntervalSince1970: 1_795_978_800)
        let statement = SignOffRules.statement(
            app: "GL", run: run, reviewer: "Lee Chen", role: "Controller", decision: .sendBack,
            comment: "Name the owners", at: at)
        _ = try store.recordSignOff(
            NewSignOff(
                appName: "GL", runNumber: 1, runFingerprint: run.fingerprint, reviewer: "Lee Chen",
                role: "Controller", decision: .sendBack, comment: "Name the owners", statement: statement,
                signature: nil, recordedAt: at))
        // Renamed since: the statement keeps the name it was made under, and still holds.
        try store.renameApp("GL", to: "General Ledger")
        #expect(try StoreVerifier.verify(store).problems.isEmpty)
    }
}
