import Foundation
import PostgresNIO
import SoxreadyCore

extension PostgresStore {
    /// The application's draft row, locked for the rest of the transaction when `forUpdate`.
    static func draftRow(_ connection: PostgresConnection, appID: Int, forUpdate: Bool) async throws -> PostgresDraftRow? {
        try await connection.firstRow(
            """
            SELECT \(unescaped: PostgresDraftRow.columns) FROM soxready.drafts WHERE app_id = \(appID) \(unescaped: forUpdate ? "FOR UPDATE" : "")
            """
        ).map(PostgresDraftRow.init)
    }

    /// The draft with its answers and questionnaire content.
    static func draft(_ connection: PostgresConnection, row: PostgresDraftRow, location: String) async throws -> Draft {
        guard
            let content: String = try await connection.firstRow(
                """
                SELECT content FROM soxready.questionnaire_contents WHERE hash = \(row.questionnaireHash)
                """)?("content")
        else { throw StoreError.notAStore(location: location, reason: "a draft has lost its questionnaire content") }
        var answers: AnswerSheet = [:]
        for answer in try await connection.rows(
            """
            SELECT question_id, answer, note, evidence, owner, due FROM soxready.draft_answers WHERE app_id = \(row.appID)
            """)
        {
            answers[try answer("question_id")] = try AnswerSheetCoding.decodeRecord(
                answer: try answer("answer"), note: try answer("note"), evidence: try answer("evidence"), owner: try answer("owner"),
                due: try answer("due"))
        }
        return Draft(
            questionnaireContent: content, questionnaireHash: row.questionnaireHash, position: row.position, startedAt: row.startedAt,
            updatedAt: row.updatedAt, answers: answers, basedOnRun: row.basedOnRun, onlyGaps: row.onlyGaps, owner: row.owner,
            holder: row.holder)
    }

    /// Throws ``StoreError/draftHeld(app:holder:)`` unless `session` holds the application's
    /// draft (whose row it locks).
    /// Throws ``StoreError/draftLost(app:holder:unsaved:)`` unless `session` still holds the
    /// application's draft (the session had it, so anything else means it lost it).
    static func requireHolder(
        _ connection: PostgresConnection, app: PostgresAppRow, session: DraftSession, unsaved: String? = nil
    ) async throws {
        guard let row = try await draftRow(connection, appID: app.id, forUpdate: true) else {
            throw StoreError.draftLost(app: app.name, holder: nil, unsaved: unsaved)
        }
        guard row.holderToken == session.token else {
            throw StoreError.draftLost(
                app: app.name, holder: DraftHoldRules.holderShown(owner: row.owner, holder: row.holder, updatedAt: row.updatedAt),
                unsaved: unsaved)
        }
    }

    /// Saves `session` as the draft's holder.
    static func hold(_ connection: PostgresConnection, appID: Int, session: DraftSession, owner: String?) async throws {
        try await connection.rows(
            """
            UPDATE soxready.drafts SET holder_token = \(session.token), holder_user = \(session.user), holder_host = \(session.host),
                holder_process = \(Int(session.processID)), held_since = \(seconds(session.startedAt)), owner = coalesce(\(owner)::text, owner)
            WHERE app_id = \(appID)
            """)
    }

    /// The rows of draft answers to insert for `answers`.
    static func encodedAnswers(_ answers: AnswerSheet, location: String) throws(StoreError) -> [(String, AnswerRecord, String?)] {
        do {
            return try answers.sorted { $0.key < $1.key }.map { ($0.key, $0.value, try $0.value.answer.map(AnswerSheetCoding.encode)) }
        } catch { throw .io(location: location, reason: "cannot encode answers: \(error)") }
    }

    /// Inserts (or replaces) one draft answer.
    static func saveAnswer(
        _ connection: PostgresConnection, appID: Int, questionID: String, record: AnswerRecord, answer: String?,
        at date: Date
    ) async throws {
        try await connection.rows(
            """
            INSERT INTO soxready.draft_answers (app_id, question_id, answer, note, evidence, owner, due, updated_at)
            VALUES (\(appID), \(questionID), \(answer), \(record.note), \(record.evidence), \(record.owner), \(record.due?.description), \(date))
            ON CONFLICT (app_id, question_id) DO UPDATE SET answer = excluded.answer, note = excluded.note, evidence = excluded.evidence,
                owner = excluded.owner, due = excluded.due, updated_at = excluded.updated_at
            """)
    }

    /// Reads the application's draft, its answers and its questionnaire content in one read-only transaction;
    /// nil when the application or its draft does not exist. See ``AssessmentStore/draft(appName:)``.
    ///
    /// - Throws: ``StoreError/notAStore(location:reason:)`` when the draft's questionnaire content is missing.
    public func draft(appName: String) throws(StoreError) -> Draft? {
        let location = location
        return try transaction(writing: false) { connection in
            guard let app = try await Self.findApp(connection, name: appName.trimmingWhitespace),
                let row = try await Self.draftRow(connection, appID: app.id, forUpdate: false)
            else { return nil }
            return try await Self.draft(connection, row: row, location: location)
        }
    }

    /// Replaces the application's draft (creating the application when new) with one held by `session` and
    /// seeded with the draft's answers, storing the questionnaire content once per SHA-256, in one transaction
    /// that locks the draft's row; see ``AssessmentStore/startDraft(_:session:)``.
    ///
    /// - Throws: ``StoreError/draftHeld(app:holder:)`` when another live session or another owner keeps the
    ///   existing draft; ``StoreError/io(location:reason:)`` when an answer cannot be encoded.
    public func startDraft(_ draft: NewDraft, session: DraftSession) throws(StoreError) {
        let hash = SHA256Digest.hex(draft.questionnaire.content)
        let time = Self.seconds(draft.startedAt)
        let answers = try Self.encodedAnswers(draft.answers, location: location)
        try transaction(writing: true) { connection in
            let app = try await Self.ensureApp(connection, name: draft.appName, at: draft.startedAt)
            if let existing = try await Self.draftRow(connection, appID: app.id, forUpdate: true),
                let holder = DraftHoldRules.otherHolder(
                    owner: existing.owner, holderToken: existing.holderToken, holder: existing.holder,
                    startedAt: existing.startedAt, session: session)
            {
                throw StoreError.draftHeld(app: app.name, holder: holder)
            }
            let questionnaire = draft.questionnaire.questionnaire
            try await Self.storeContent(
                connection, hash: hash, id: questionnaire.id, version: questionnaire.version, content: draft.questionnaire.content)
            try await connection.rows("DELETE FROM soxready.drafts WHERE app_id = \(app.id)")
            try await connection.rows(
                """
                INSERT INTO soxready.drafts (app_id, questionnaire_hash, started_at, updated_at, owner, based_on_run, only_gaps)
                VALUES (\(app.id), \(hash), \(time), \(time), \(session.user), \(draft.basedOnRun), \(draft.onlyGaps))
                """)
            try await Self.hold(connection, appID: app.id, session: session, owner: nil)
            for (questionID, record, answer) in answers {
                try await Self.saveAnswer(connection, appID: app.id, questionID: questionID, record: record, answer: answer, at: time)
            }
        }
    }

    /// Holds the application's draft for `session`, with the application's and the draft's rows locked, in one
    /// transaction; with `takeOver`, `session`'s user also becomes its owner. See
    /// ``AssessmentStore/claimDraft(appName:session:takeOver:)``.
    ///
    /// - Returns: The draft with its answers, now held by `session`.
    /// - Throws: ``StoreError/draftNotFound(app:)`` when there is none; ``StoreError/draftHeld(app:holder:)``
    ///   when another session or owner keeps it and `takeOver` is false.
    public func claimDraft(appName: String, session: DraftSession, takeOver: Bool) throws(StoreError) -> Draft {
        let location = location
        return try transaction(writing: true) { connection in
            guard let found = try await Self.findApp(connection, name: appName.trimmingWhitespace) else {
                throw StoreError.draftNotFound(app: appName.trimmingWhitespace)
            }
            let app = try await Self.lock(connection, found)
            guard let row = try await Self.draftRow(connection, appID: app.id, forUpdate: true) else {
                throw StoreError.draftNotFound(app: appName.trimmingWhitespace)
            }
            if !takeOver,
                let holder = DraftHoldRules.otherHolder(
                    owner: row.owner, holderToken: row.holderToken, holder: row.holder,
                    startedAt: row.startedAt, session: session)
            {
                throw StoreError.draftHeld(app: app.name, holder: holder)
            }
            try await Self.hold(connection, appID: app.id, session: session, owner: takeOver ? session.user : nil)
            guard let held = try await Self.draftRow(connection, appID: app.id, forUpdate: false) else {
                throw StoreError.draftNotFound(app: app.name)
            }
            return try await Self.draft(connection, row: held, location: location)
        }
    }

    /// Upserts the draft's answer to `questionID` (deletes it when `record` is nil) and sets the draft's
    /// `updated_at` and `position`, with the application's row locked, in one transaction; see
    /// ``AssessmentStore/saveDraftAnswer(appName:questionID:record:next:at:session:)``.
    ///
    /// - Throws: ``StoreError/draftNotFound(app:)`` for an unknown application;
    ///   ``StoreError/draftLost(app:holder:unsaved:)`` (naming `questionID` as unsaved) when the draft is gone or
    ///   `session` no longer holds it; ``StoreError/io(location:reason:)`` when the answer cannot be encoded.
    public func saveDraftAnswer(
        appName: String, questionID: String, record: AnswerRecord?, next position: String?, at date: Date,
        session: DraftSession
    ) throws(StoreError) {
        let time = Self.seconds(date)
        let answer: String?
        do { answer = try record?.answer.map(AnswerSheetCoding.encode) } catch { throw .io(location: location, reason: "\(error)") }
        try transaction(writing: true) { connection in
            guard let found = try await Self.findApp(connection, name: appName.trimmingWhitespace) else {
                throw StoreError.draftNotFound(app: appName.trimmingWhitespace)
            }
            let app = try await Self.lock(connection, found)
            try await Self.requireHolder(connection, app: app, session: session, unsaved: questionID)
            if let record {
                try await Self.saveAnswer(connection, appID: app.id, questionID: questionID, record: record, answer: answer, at: time)
            } else {
                try await connection.rows("DELETE FROM soxready.draft_answers WHERE app_id = \(app.id) AND question_id = \(questionID)")
            }
            try await connection.rows("UPDATE soxready.drafts SET updated_at = \(time), position = \(position) WHERE app_id = \(app.id)")
        }
    }

    /// Clears the draft's holder columns when `session` holds it, keeping its answers; does nothing when there is
    /// no such application or draft, or another session holds it. See ``AssessmentStore/releaseDraft(appName:session:)``.
    public func releaseDraft(appName: String, session: DraftSession) throws(StoreError) {
        try transaction(writing: true) { connection in
            guard let found = try await Self.findApp(connection, name: appName.trimmingWhitespace) else { return }
            let app = try await Self.lock(connection, found)
            try await connection.rows(
                """
                UPDATE soxready.drafts SET holder_token = NULL, holder_user = NULL, holder_host = NULL, holder_process = NULL, held_since = NULL
                WHERE app_id = \(app.id) AND holder_token = \(session.token)
                """)
        }
    }
}
