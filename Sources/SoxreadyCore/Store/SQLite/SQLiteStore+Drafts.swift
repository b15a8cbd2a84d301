import Foundation
import GRDB

extension SQLiteStore {
    /// Reads the application's draft, its answers and its questionnaire content in one read; nil when the
    /// application or its draft does not exist. See ``AssessmentStore/draft(appName:)``.
    ///
    /// - Throws: ``StoreError/notAStore(location:reason:)`` when the draft's questionnaire content is missing.
    public func draft(appName: String) throws(StoreError) -> Draft? {
        try read { db in
            guard let app = try Self.findApp(db, name: appName.trimmingWhitespace),
                let row = try DraftRow.filter(DraftRow.Columns.appID == app.id).fetchOne(db)
            else { return nil }
            return try Self.draft(db, row: row, location: path)
        }
    }

    static func draft(_ db: Database, row: DraftRow, location: String) throws -> Draft {
        guard
            let content = try QuestionnaireContentRow.filter(QuestionnaireContentRow.Columns.hash == row.questionnaireHash)
                .fetchOne(db)?.content
        else { throw StoreError.notAStore(location: location, reason: "a draft has lost its questionnaire content") }
        var answers: AnswerSheet = [:]
        for answerRow in try DraftAnswerRow.filter(DraftAnswerRow.Columns.appID == row.appID).fetchAll(db) {
            answers[answerRow.questionID] = try AnswerSheetCoding.decodeRecord(
                answer: answerRow.answer, note: answerRow.note,
                evidence: answerRow.evidence, owner: answerRow.owner,
                due: answerRow.due)
        }
        return Draft(
            questionnaireContent: content, questionnaireHash: row.questionnaireHash, position: row.position,
            startedAt: Timestamp.date(row.startedAt) ?? Date(timeIntervalSince1970: 0),
            updatedAt: Timestamp.date(row.updatedAt) ?? Date(timeIntervalSince1970: 0), answers: answers,
            basedOnRun: row.basedOnRun, onlyGaps: row.onlyGaps, owner: row.owner, holder: row.holder)
    }

    /// Replaces the application's draft (creating the application when new) with one held by `session` and
    /// seeded with the draft's answers, storing the questionnaire content once per SHA-256, in one IMMEDIATE
    /// transaction; see ``AssessmentStore/startDraft(_:session:)``.
    ///
    /// - Throws: ``StoreError/draftHeld(app:holder:)`` when another live session or another owner keeps the
    ///   existing draft; ``StoreError/io(location:reason:)`` when an answer cannot be encoded.
    public func startDraft(_ draft: NewDraft, session: DraftSession) throws(StoreError) {
        let hash = SHA256Digest.hex(draft.questionnaire.content)
        let time = Timestamp.string(draft.startedAt)
        let rows: [DraftAnswerRow]
        do {
            rows = try draft.answers.sorted { $0.key < $1.key }.map {
                DraftAnswerRow(
                    appID: 0, questionID: $0.key, answer: try $0.value.answer.map(AnswerSheetCoding.encode),
                    note: $0.value.note, evidence: $0.value.evidence, updatedAt: time, owner: $0.value.owner,
                    due: $0.value.due?.description)
            }
        } catch { throw .io(location: path, reason: "cannot encode answers: \(error)") }
        try write { db in
            let app = try Self.ensureApp(db, name: draft.appName, at: time)
            if let existing = try DraftRow.filter(DraftRow.Columns.appID == app.id).fetchOne(db),
                let holder = Self.otherHolder(existing, session: session)
            {
                throw StoreError.draftHeld(app: app.name, holder: holder)
            }
            // Stored once per SHA-256: look before binding the whole text to an insert that would be ignored.
            if try QuestionnaireContentRow.filter(QuestionnaireContentRow.Columns.hash == hash).isEmpty(db) {
                try QuestionnaireContentRow(
                    hash: hash, questionnaireID: draft.questionnaire.questionnaire.id,
                    version: draft.questionnaire.questionnaire.version,
                    content: draft.questionnaire.content
                ).insert(db)
            }
            try DraftRow.filter(DraftRow.Columns.appID == app.id).deleteAll(db)
            var row = DraftRow(
                appID: app.id ?? 0, questionnaireHash: hash, startedAt: time, updatedAt: time, position: nil,
                owner: session.user, basedOnRun: draft.basedOnRun, onlyGaps: draft.onlyGaps)
            row.hold(for: session)
            try row.insert(db)
            for var answer in rows {
                answer.appID = app.id ?? 0
                try answer.insert(db)
            }
        }
    }

    /// Holds the application's draft for `session` in one transaction; with `takeOver`, `session`'s user also
    /// becomes its owner. See ``AssessmentStore/claimDraft(appName:session:takeOver:)``.
    ///
    /// - Returns: The draft with its answers, now held by `session`.
    /// - Throws: ``StoreError/draftNotFound(app:)`` when there is none; ``StoreError/draftHeld(app:holder:)``
    ///   when another session or owner keeps it and `takeOver` is false.
    public func claimDraft(appName: String, session: DraftSession, takeOver: Bool) throws(StoreError) -> Draft {
        try write { db in
            guard let app = try Self.findApp(db, name: appName.trimmingWhitespace),
                var row = try DraftRow.filter(DraftRow.Columns.appID == app.id).fetchOne(db)
            else { throw StoreError.draftNotFound(app: appName.trimmingWhitespace) }
            if !takeOver, let holder = Self.otherHolder(row, session: session) {
                throw StoreError.draftHeld(app: app.name, holder: holder)
            }
            row.hold(for: session)
            if takeOver { row.owner = session.user }
            try row.update(db)
            return try Self.draft(db, row: row, location: path)
        }
    }

    /// Upserts the draft's answer to `questionID` (deletes it when `record` is nil) and sets the draft's
    /// position and update time, in one transaction; see
    /// ``AssessmentStore/saveDraftAnswer(appName:questionID:record:next:at:session:)``.
    ///
    /// - Throws: ``StoreError/draftLost(app:holder:unsaved:)`` (naming `questionID` as unsaved) when the draft
    ///   is gone or `session` no longer holds it; ``StoreError/io(location:reason:)`` when the answer cannot be encoded.
    public func saveDraftAnswer(
        appName: String, questionID: String, record: AnswerRecord?, next position: String?,
        at date: Date, session: DraftSession
    ) throws(StoreError) {
        let time = Timestamp.string(date)
        let answer: String?
        do { answer = try record?.answer.map(AnswerSheetCoding.encode) } catch { throw .io(location: path, reason: "\(error)") }
        try write { db in
            guard let app = try Self.findApp(db, name: appName.trimmingWhitespace),
                var row = try DraftRow.filter(DraftRow.Columns.appID == app.id).fetchOne(db)
            else { throw StoreError.draftLost(app: appName.trimmingWhitespace, holder: nil, unsaved: questionID) }
            try Self.requireHolder(db, appID: row.appID, appName: app.name, session: session, unsaved: questionID)
            if let record {
                try DraftAnswerRow(
                    appID: row.appID, questionID: questionID, answer: answer, note: record.note, evidence: record.evidence,
                    updatedAt: time, owner: record.owner, due: record.due?.description
                ).upsert(db)
            } else {
                try DraftAnswerRow.filter(DraftAnswerRow.Columns.appID == row.appID && DraftAnswerRow.Columns.questionID == questionID)
                    .deleteAll(db)
            }
            row.updatedAt = time
            row.position = position
            try row.update(db)
        }
    }

    /// Clears the draft's holder when `session` holds it, keeping its answers; does nothing when there is no
    /// draft or another session holds it. See ``AssessmentStore/releaseDraft(appName:session:)``.
    public func releaseDraft(appName: String, session: DraftSession) throws(StoreError) {
        try write { db in
            guard let app = try Self.findApp(db, name: appName.trimmingWhitespace),
                var row = try DraftRow.filter(DraftRow.Columns.appID == app.id).fetchOne(db), row.holderToken == session.token
            else { return }
            row.release()
            try row.update(db)
        }
    }

    /// Who keeps `session` from the draft: a live session other than `session`, or, when no
    /// session holds it, an owner other than `session`'s user. Nil when `session` may take it.
    static func otherHolder(_ row: DraftRow, session: DraftSession) -> DraftHolder? {
        DraftHoldRules.otherHolder(
            owner: row.owner, holderToken: row.holderToken, holder: row.holder,
            startedAt: Timestamp.date(row.startedAt) ?? Date(timeIntervalSince1970: 0), session: session)
    }

    /// Throws ``StoreError/draftLost(app:holder:unsaved:)`` unless `session` still holds the
    /// application's draft (the session had it, so anything else means it lost it).
    static func requireHolder(_ db: Database, appID: Int64, appName: String, session: DraftSession, unsaved: String? = nil) throws {
        guard let row = try DraftRow.filter(DraftRow.Columns.appID == appID).fetchOne(db) else {
            throw StoreError.draftLost(app: appName, holder: nil, unsaved: unsaved)
        }
        guard row.holderToken == session.token else {
            throw StoreError.draftLost(
                app: appName,
                holder: DraftHoldRules.holderShown(
                    owner: row.owner, holder: row.holder, updatedAt: Timestamp.date(row.updatedAt) ?? Date(timeIntervalSince1970: 0)),
                unsaved: unsaved)
        }
    }
}
