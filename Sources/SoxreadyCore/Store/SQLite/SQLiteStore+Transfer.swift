import Foundation
import GRDB

extension SQLiteStore {
    /// Reads the application's row, runs, questionnaire contents, sign-offs and draft in one read, then decodes
    /// each run's stored JSON; see ``AssessmentStore/exportApplication(_:)``.
    ///
    /// - Throws: ``StoreError/appNotFound(name:known:)``, or ``StoreError/notAStore(location:reason:)`` when a
    ///   run's questionnaire content is missing.
    public func exportApplication(_ name: String) throws(StoreError) -> ApplicationExport {
        let (app, rows, contents, signOffs, draft) = try read { db -> (AppRow, [RunRow], [String: String], [SignOff], Draft?) in
            let app = try Self.existingApp(db, name: name)
            let rows = try RunRow.filter(RunRow.Columns.appID == app.id).order(RunRow.Columns.number).fetchAll(db)
            var contents: [String: String] = [:]
            for hash in Set(rows.map(\.questionnaireHash)) {
                guard let content = try QuestionnaireContentRow.filter(QuestionnaireContentRow.Columns.hash == hash).fetchOne(db)?.content
                else {
                    throw StoreError.notAStore(location: path, reason: "a run of '\(app.name)' has lost its questionnaire content")
                }
                contents[hash] = content
            }
            let signOffs = try SignOffRow.filter(SignOffRow.Columns.appID == app.id).order(SignOffRow.Columns.number).fetchAll(db).map(
                \.signOff)
            let draft = try DraftRow.filter(DraftRow.Columns.appID == app.id).fetchOne(db).map {
                try Self.draft(db, row: $0, location: path)
            }
            return (app, rows, contents, signOffs, draft)
        }
        var runs: [StoredRun] = []
        for row in rows {
            runs.append(try Self.storedRun(app: app, row: row, content: contents[row.questionnaireHash] ?? "", location: path))
        }
        return ApplicationExport(
            name: app.name, slug: app.slug, createdAt: Timestamp.date(app.createdAt) ?? Date(timeIntervalSince1970: 0),
            archivedAt: app.archivedAt.flatMap(Timestamp.date), runs: runs, signOffs: signOffs, draft: draft)
    }

    /// Inserts the application, its runs (with their questionnaire contents), sign-offs and draft as exported,
    /// in one transaction; see ``AssessmentStore/importApplication(_:)``.
    ///
    /// - Throws: ``StoreError/importRefused(app:reason:)`` when the export has a problem or the store already has
    ///   an application of that name or slug; ``StoreError/io(location:reason:)`` when a draft answer cannot be encoded.
    public func importApplication(_ application: ApplicationExport) throws(StoreError) {
        if let problem = application.problems().first { throw .importRefused(app: application.name, reason: problem) }
        var draftAnswers: [DraftAnswerRow] = []
        if let draft = application.draft {
            let time = Timestamp.string(draft.updatedAt)
            do {
                draftAnswers = try draft.answers.sorted { $0.key < $1.key }.map {
                    DraftAnswerRow(
                        appID: 0, questionID: $0.key, answer: try $0.value.answer.map(AnswerSheetCoding.encode), note: $0.value.note,
                        evidence: $0.value.evidence, updatedAt: time, owner: $0.value.owner, due: $0.value.due?.description)
                }
            } catch { throw .io(location: path, reason: "cannot encode the draft's answers: \(error)") }
        }
        try write { db in
            if let other = try Self.findApp(db, name: application.name) {
                throw StoreError.importRefused(app: application.name, reason: "this store already has an application named '\(other.name)'")
            }
            if try AppRow.filter(AppRow.Columns.slug == application.slug).fetchCount(db) > 0 {
                throw StoreError.importRefused(
                    app: application.name, reason: "this store already has an application with the slug '\(application.slug)'")
            }
            var app = AppRow(
                id: nil, name: application.name, slug: application.slug, createdAt: Timestamp.string(application.createdAt),
                archivedAt: application.archivedAt.map(Timestamp.string))
            try app.insert(db)
            let appID = app.id ?? 0
            for run in application.runs {
                try QuestionnaireContentRow(
                    hash: run.questionnaireHash, questionnaireID: run.summary.questionnaireID,
                    version: run.summary.questionnaireVersion, content: run.questionnaireContent
                ).insert(db, onConflict: .ignore)
                let summary = run.summary
                var row = RunRow(
                    id: nil, appID: appID, number: summary.number, recordedAt: Timestamp.string(summary.recordedAt),
                    questionnaireHash: run.questionnaireHash, questionnaireID: summary.questionnaireID,
                    questionnaireVersion: summary.questionnaireVersion, readiness: summary.readiness.rawValue, score: summary.score,
                    confidence: summary.confidence, stars: summary.stars, blockers: summary.blockers, highGaps: summary.high,
                    mediumGaps: summary.medium, lowGaps: summary.low, answers: run.answersJSON, result: run.resultJSON,
                    fingerprint: run.fingerprint, preparedBy: run.preparer?.name, attestation: run.preparer?.attestation,
                    previousFingerprint: run.previousFingerprint, fingerprintRecipe: run.fingerprintRecipe)
                try row.insert(db)
            }
            for signOff in application.signOffs {
                var row = SignOffRow(
                    id: nil, appID: appID, number: signOff.number, runNumber: signOff.runNumber, runFingerprint: signOff.runFingerprint,
                    reviewer: signOff.reviewer, role: signOff.role, decision: signOff.decision.rawValue, comment: signOff.comment,
                    statement: signOff.statement, recordedAt: Timestamp.string(signOff.recordedAt), signature: signOff.signature,
                    previousFingerprint: signOff.previousFingerprint, fingerprint: signOff.fingerprint)
                try row.insert(db)
            }
            if let draft = application.draft {
                let parsed = try? QuestionnaireLoader.parse(draft.questionnaireContent, file: "the draft's questionnaire").questionnaire
                try QuestionnaireContentRow(
                    hash: draft.questionnaireHash, questionnaireID: parsed?.id ?? "", version: parsed?.version ?? "",
                    content: draft.questionnaireContent
                ).insert(db, onConflict: .ignore)
                try DraftRow(
                    appID: appID, questionnaireHash: draft.questionnaireHash, startedAt: Timestamp.string(draft.startedAt),
                    updatedAt: Timestamp.string(draft.updatedAt), position: draft.position, owner: draft.owner,
                    basedOnRun: draft.basedOnRun, onlyGaps: draft.onlyGaps
                ).insert(db)
                for var answer in draftAnswers {
                    answer.appID = appID
                    try answer.insert(db)
                }
            }
        }
    }
}
