import Foundation
import GRDB

extension AssessmentStore {
    /// The application's unfinished draft, or nil (also nil for an application never seen).
    public func draft(appName: String) throws(StoreError) -> Draft? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT draft.*, questionnaireContent.content FROM draft
                JOIN app ON app.id = draft.appID
                JOIN questionnaireContent ON questionnaireContent.hash = draft.questionnaireHash
                WHERE app.name = ?
                """, arguments: [appName.trimmingWhitespace])
            else { return nil }
            var answers: AnswerSheet = [:]
            for answerRow in try Row.fetchAll(db, sql: "SELECT * FROM draftAnswer WHERE appID = ?", arguments: [row["appID"] as Int64]) {
                let answer = try (answerRow["answer"] as String?).map(AnswerSheetCoding.decodeAnswer)
                answers[answerRow["questionID"]] = AnswerRecord(answer: answer, note: answerRow["note"], evidence: answerRow["evidence"])
            }
            return Draft(questionnaireContent: row["content"], questionnaireHash: row["questionnaireHash"], position: row["position"],
                         startedAt: Timestamp.date(row["startedAt"]) ?? Date(timeIntervalSince1970: 0),
                         updatedAt: Timestamp.date(row["updatedAt"]) ?? Date(timeIntervalSince1970: 0), answers: answers)
        }
    }

    /// Starts (or restarts, discarding any previous draft) a draft for `appName` on `loaded`,
    /// seeded with `answers` (for example the latest run's, on a rerun).
    public func startDraft(appName: String, questionnaire loaded: LoadedQuestionnaire, answers: AnswerSheet = [:],
                           at date: Date) throws(StoreError)
    {
        let hash = SHA256Digest.hex(loaded.content)
        let time = Timestamp.string(date)
        let encoded: [(String, String?, String?, String?)]
        do {
            encoded = try answers.sorted { $0.key < $1.key }.map {
                ($0.key, try $0.value.answer.map(AnswerSheetCoding.encode), $0.value.note, $0.value.evidence)
            }
        } catch { throw .io(path: path, reason: "cannot encode answers: \(error)") }
        try write { db in
            let app = try Self.ensureApp(db, name: appName, at: time)
            try db.execute(sql: "INSERT OR IGNORE INTO questionnaireContent (hash, questionnaireID, version, content) VALUES (?, ?, ?, ?)",
                           arguments: [hash, loaded.questionnaire.id, loaded.questionnaire.version, loaded.content])
            try db.execute(sql: "DELETE FROM draft WHERE appID = ?", arguments: [app.id])
            try db.execute(sql: "INSERT INTO draft (appID, questionnaireHash, startedAt, updatedAt) VALUES (?, ?, ?, ?)",
                           arguments: [app.id, hash, time, time])
            for (id, answer, note, evidence) in encoded {
                try db.execute(sql: "INSERT INTO draftAnswer (appID, questionID, answer, note, evidence, updatedAt) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [app.id, id, answer, note, evidence, time])
            }
        }
    }

    /// Saves one answer of the draft (nil removes it) and the question asked next, in one
    /// transaction, before the wizard moves on.
    public func saveDraftAnswer(appName: String, questionID: String, record: AnswerRecord?, next position: String? = nil,
                                at date: Date) throws(StoreError)
    {
        let time = Timestamp.string(date)
        let answer: String?
        do { answer = try record?.answer.map(AnswerSheetCoding.encode) } catch { throw .io(path: path, reason: "\(error)") }
        try write { db in
            guard let appID = try Int64.fetchOne(db, sql: """
                SELECT draft.appID FROM draft JOIN app ON app.id = draft.appID WHERE app.name = ?
                """, arguments: [appName.trimmingWhitespace])
            else { throw StoreError.io(path: path, reason: "no draft for '\(appName)'") }
            if let record {
                try db.execute(sql: """
                    INSERT INTO draftAnswer (appID, questionID, answer, note, evidence, updatedAt) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (appID, questionID) DO UPDATE SET answer = excluded.answer, note = excluded.note,
                        evidence = excluded.evidence, updatedAt = excluded.updatedAt
                    """, arguments: [appID, questionID, answer, record.note, record.evidence, time])
            } else {
                try db.execute(sql: "DELETE FROM draftAnswer WHERE appID = ? AND questionID = ?", arguments: [appID, questionID])
            }
            try db.execute(sql: "UPDATE draft SET updatedAt = ?, position = ? WHERE appID = ?", arguments: [time, position, appID])
        }
    }

    /// Removes the application's draft, if any.
    public func discardDraft(appName: String) throws(StoreError) {
        try write { db in
            try db.execute(sql: "DELETE FROM draft WHERE appID = (SELECT id FROM app WHERE name = ?)",
                           arguments: [appName.trimmingWhitespace])
        }
    }
}
