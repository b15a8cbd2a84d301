import Foundation
import GRDB

extension SQLiteStore {
    /// The application's sign-offs ordered by sign-off number; see ``AssessmentStore/signOffs(appName:)``.
    ///
    /// - Throws: ``StoreError/appNotFound(name:known:)``.
    public func signOffs(appName: String) throws(StoreError) -> [SignOff] {
        try read { db in
            let app = try Self.existingApp(db, name: appName)
            return try SignOffRow.filter(SignOffRow.Columns.appID == app.id).order(SignOffRow.Columns.number).fetchAll(db).map(\.signOff)
        }
    }

    /// Appends the sign-off, numbered after the application's last one and chained to its fingerprint, with
    /// reviewer and role trimmed, in one transaction; see ``AssessmentStore/recordSignOff(_:)``.
    ///
    /// - Returns: The sign-off as stored, with its number and fingerprint.
    /// - Throws: ``StoreError/appNotFound(name:known:)``, ``StoreError/runNotFound(app:number:latest:)``,
    ///   ``StoreError/fingerprintChanged(app:run:)`` or ``StoreError/selfApproval(app:run:name:preparer:)``; nothing is recorded then.
    public func recordSignOff(_ new: NewSignOff) throws(StoreError) -> SignOff {
        try write { db in
            let app = try Self.existingApp(db, name: new.appName)
            let latest = try Self.latestNumber(db, appID: app.id)
            guard let run = try RunRow.filter(RunRow.Columns.appID == app.id && RunRow.Columns.number == new.runNumber).fetchOne(db) else {
                throw StoreError.runNotFound(app: app.name, number: new.runNumber, latest: latest)
            }
            guard run.fingerprint == new.runFingerprint else { throw StoreError.fingerprintChanged(app: app.name, run: run.number) }
            if new.decision == .approve, let preparer = run.preparedBy, SignOffRules.samePerson(preparer, new.reviewer) {
                throw StoreError.selfApproval(app: app.name, run: run.number, name: new.reviewer.trimmingWhitespace, preparer: preparer)
            }
            let before = try SignOffRow.filter(SignOffRow.Columns.appID == app.id).order(SignOffRow.Columns.number.desc).fetchOne(db)
            var signOff = SignOff(
                number: (before?.number ?? 0) + 1, runNumber: run.number, runFingerprint: run.fingerprint,
                reviewer: new.reviewer.trimmingWhitespace, role: new.role.trimmingWhitespace, decision: new.decision,
                comment: new.comment, statement: new.statement,
                recordedAt: Timestamp.date(Timestamp.string(new.recordedAt)) ?? new.recordedAt,
                signature: new.signature, previousFingerprint: before?.fingerprint, fingerprint: "")
            signOff.fingerprint = RunFingerprint.compute(appSlug: app.slug, signOff: signOff)
            var row = SignOffRow(
                id: nil, appID: app.id ?? 0, number: signOff.number, runNumber: signOff.runNumber,
                runFingerprint: signOff.runFingerprint, reviewer: signOff.reviewer, role: signOff.role,
                decision: signOff.decision.rawValue, comment: signOff.comment, statement: signOff.statement,
                recordedAt: Timestamp.string(signOff.recordedAt), signature: signOff.signature,
                previousFingerprint: signOff.previousFingerprint, fingerprint: signOff.fingerprint)
            try row.insert(db)
            return signOff
        }
    }
}
