import Foundation
import PostgresNIO
import SoxreadyCore

extension PostgresStore {
    /// Reads the application's row, runs (with their questionnaire contents), sign-offs and draft in one
    /// `REPEATABLE READ` transaction; see ``AssessmentStore/exportApplication(_:)``.
    ///
    /// - Throws: ``StoreError/appNotFound(name:known:)``, or ``StoreError/notAStore(location:reason:)`` when a
    ///   run's questionnaire content is missing.
    public func exportApplication(_ name: String) throws(StoreError) -> ApplicationExport {
        let location = location
        return try transaction(writing: false) { connection in
            let app = try await Self.existingApp(connection, name: name)
            var runs: [StoredRun] = []
            for row in try await connection.rows(
                """
                SELECT \(unescaped: Self.runColumns) FROM soxready.runs r LEFT JOIN soxready.questionnaire_contents q ON q.hash = r.questionnaire_hash
                WHERE r.app_id = \(app.id) ORDER BY r.number
                """)
            {
                guard try row("content", as: String?.self) != nil else {
                    throw StoreError.notAStore(location: location, reason: "a run of '\(app.name)' has lost its questionnaire content")
                }
                runs.append(try Self.storedRun(row, app: app, location: location))
            }
            let signOffs = try await Self.signOffs(connection, appID: app.id)
            var draft: Draft?
            if let row = try await Self.draftRow(connection, appID: app.id, forUpdate: false) {
                draft = try await Self.draft(connection, row: row, location: location)
            }
            return ApplicationExport(
                name: app.name, slug: app.slug, createdAt: app.createdAt, archivedAt: app.archivedAt, runs: runs,
                signOffs: signOffs, draft: draft)
        }
    }

    /// Inserts the application, its runs (with their questionnaire contents), sign-offs and draft as exported,
    /// in one transaction under the application-creation advisory lock; see ``AssessmentStore/importApplication(_:)``.
    ///
    /// - Throws: ``StoreError/importRefused(app:reason:)`` when the export has a problem or the store already has
    ///   an application of that name or slug; ``StoreError/io(location:reason:)`` when a draft answer cannot be encoded.
    public func importApplication(_ application: ApplicationExport) throws(StoreError) {
        if let problem = application.problems().first { throw .importRefused(app: application.name, reason: problem) }
        let answers = try Self.encodedAnswers(application.draft?.answers ?? [:], location: location)
        try transaction(writing: true) { connection in
            try await connection.rows("SELECT pg_advisory_xact_lock(\(PostgresSchema.appCreationLock))")
            if let other = try await Self.findApp(connection, name: application.name) {
                throw StoreError.importRefused(app: application.name, reason: "this store already has an application named '\(other.name)'")
            }
            if try await connection.firstRow("SELECT 1 AS taken FROM soxready.apps WHERE slug = \(application.slug)") != nil {
                throw StoreError.importRefused(
                    app: application.name, reason: "this store already has an application with the slug '\(application.slug)'")
            }
            guard
                let inserted = try await connection.firstRow(
                    """
                    INSERT INTO soxready.apps (name, folded_name, slug, created_at, archived_at)
                    VALUES (\(application.name), \(AppNameMatching.folded(application.name)), \(application.slug), \(Self.seconds(application.createdAt)),
                            \(application.archivedAt.map(Self.seconds)))
                    RETURNING id
                    """)
            else { return }
            let appID: Int = try inserted("id")
            for run in application.runs {
                try await Self.storeContent(
                    connection, hash: run.questionnaireHash, id: run.summary.questionnaireID,
                    version: run.summary.questionnaireVersion, content: run.questionnaireContent)
                try await Self.insertRun(connection, appID: appID, run)
            }
            for signOff in application.signOffs { try await Self.insertSignOff(connection, appID: appID, signOff) }
            if let draft = application.draft {
                let parsed = try? QuestionnaireLoader.parse(draft.questionnaireContent, file: "the draft's questionnaire").questionnaire
                try await Self.storeContent(
                    connection, hash: draft.questionnaireHash, id: parsed?.id ?? "", version: parsed?.version ?? "",
                    content: draft.questionnaireContent)
                try await connection.rows(
                    """
                    INSERT INTO soxready.drafts (app_id, questionnaire_hash, started_at, updated_at, position, owner, based_on_run, only_gaps)
                    VALUES (\(appID), \(draft.questionnaireHash), \(Self.seconds(draft.startedAt)), \(Self.seconds(draft.updatedAt)), \(draft.position),
                            \(draft.owner), \(draft.basedOnRun), \(draft.onlyGaps))
                    """)
                for (questionID, record, answer) in answers {
                    try await Self.saveAnswer(
                        connection, appID: appID, questionID: questionID, record: record, answer: answer,
                        at: Self.seconds(draft.updatedAt))
                }
            }
        }
    }
}
