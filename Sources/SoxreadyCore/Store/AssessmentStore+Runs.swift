import Foundation
import GRDB

extension AssessmentStore {
    /// Scores `answers` and records them as the application's next run, in one transaction.
    ///
    /// The application is created on its first run. The questionnaire content is stored once
    /// per distinct SHA-256. When `completingDraft` is true the application's wizard draft is
    /// removed in the same transaction.
    ///
    /// - Parameters:
    ///   - appName: The application's name (trimmed; compared exactly).
    ///   - loaded: The questionnaire and its exact content.
    ///   - answers: The answers to record.
    ///   - recordedAt: The run's time (passed in, so that tests and reports are reproducible).
    ///   - completingDraft: Remove the draft this run completes.
    /// - Returns: The run as stored.
    /// - Throws: ``StoreError/busy(path:waitedSeconds:)`` when another writer holds the lock too long.
    @discardableResult
    public func recordRun(appName: String, questionnaire loaded: LoadedQuestionnaire, answers: AnswerSheet,
                          recordedAt: Date, completingDraft: Bool = false) throws(StoreError) -> StoredRun
    {
        let questionnaire = loaded.questionnaire
        let card = ReadinessScorer.score(questionnaire, answers: answers)
        let answersJSON: Data
        do { answersJSON = try AnswerSheetCoding.encode(answers) } catch { throw .io(path: path, reason: "cannot encode answers: \(error)") }
        let hash = SHA256Digest.hex(loaded.content)
        let fingerprint = RunFingerprint.compute(answersJSON: answersJSON, questionnaireContent: loaded.content)
        let time = Timestamp.string(recordedAt)
        return try write { db in
            let app = try Self.ensureApp(db, name: appName, at: time)
            try db.execute(sql: "INSERT OR IGNORE INTO questionnaireContent (hash, questionnaireID, version, content) VALUES (?, ?, ?, ?)",
                           arguments: [hash, questionnaire.id, questionnaire.version, loaded.content])
            let number = (try Int.fetchOne(db, sql: "SELECT MAX(number) FROM run WHERE appID = ?", arguments: [app.id]) ?? 0) + 1
            let result = AssessmentResult(card: card, questionnaire: questionnaire, answers: answers, appName: app.name,
                                          appSlug: app.slug, runNumber: number, recordedAt: recordedAt)
            let summary = RunSummary(result: result, card: card, recordedAt: recordedAt)
            let resultJSON = String(decoding: try result.jsonData(), as: UTF8.self)
            try db.execute(sql: """
                INSERT INTO run (appID, number, recordedAt, questionnaireHash, questionnaireID, questionnaireVersion,
                                 readiness, score, confidence, stars, blockers, highGaps, mediumGaps, lowGaps,
                                 answers, result, fingerprint)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [app.id, number, time, hash, questionnaire.id, questionnaire.version,
                                 result.readiness.rawValue, result.score, result.confidence.percent, result.confidence.stars,
                                 summary.blockers, summary.high, summary.medium, summary.low,
                                 String(decoding: answersJSON, as: UTF8.self), resultJSON, fingerprint])
            if completingDraft {
                try db.execute(sql: "DELETE FROM draft WHERE appID = ?", arguments: [app.id])
            }
            return StoredRun(summary: summary, appName: app.name, appSlug: app.slug, answers: answers, result: result,
                             questionnaireContent: loaded.content, questionnaireHash: hash, fingerprint: fingerprint)
        }
    }

    /// Every application with its latest run, ordered by name.
    public func apps() throws(StoreError) -> [AppSummary] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT app.name, app.slug, (SELECT COUNT(*) FROM draft WHERE draft.appID = app.id) AS drafts, \(Self.summaryColumns)
                FROM app LEFT JOIN run ON run.appID = app.id
                    AND run.number = (SELECT MAX(number) FROM run AS latest WHERE latest.appID = app.id)
                ORDER BY app.name
                """)
            return rows.map { row in
                let latest: RunSummary? = (row["number"] as Int?) == nil ? nil : RunSummary(row: row)
                return AppSummary(name: row["name"], slug: row["slug"], latest: latest, hasDraft: (row["drafts"] as Int) > 0)
            }
        }
    }

    /// The application's runs, oldest first.
    ///
    /// - Throws: ``StoreError/appNotFound(name:known:)``.
    public func runs(appName: String) throws(StoreError) -> [RunSummary] {
        try read { db in
            let app = try Self.existingApp(db, name: appName)
            return try Row.fetchAll(db, sql: "SELECT \(Self.summaryColumns) FROM run WHERE appID = ? ORDER BY number", arguments: [app.id])
                .map(RunSummary.init(row:))
        }
    }

    /// One run with its answers, result and questionnaire content; the latest when `number` is nil.
    ///
    /// - Throws: ``StoreError/appNotFound(name:known:)`` or ``StoreError/runNotFound(app:number:latest:)``.
    public func run(appName: String, number: Int? = nil) throws(StoreError) -> StoredRun {
        try read { db in
            let app = try Self.existingApp(db, name: appName)
            let latest = try Int.fetchOne(db, sql: "SELECT MAX(number) FROM run WHERE appID = ?", arguments: [app.id])
            guard let wanted = number ?? latest,
                let row = try Row.fetchOne(db, sql: """
                    SELECT run.*, questionnaireContent.content FROM run
                    JOIN questionnaireContent ON questionnaireContent.hash = run.questionnaireHash
                    WHERE run.appID = ? AND run.number = ?
                    """, arguments: [app.id, wanted])
            else { throw StoreError.runNotFound(app: app.name, number: number, latest: latest) }
            let answers = try AnswerSheetCoding.decode(Data((row["answers"] as String).utf8))
            let result = try JSONDecoder().decode(AssessmentResult.self, from: Data((row["result"] as String).utf8))
            return StoredRun(summary: RunSummary(row: row), appName: app.name, appSlug: app.slug, answers: answers, result: result,
                             questionnaireContent: row["content"], questionnaireHash: row["questionnaireHash"],
                             fingerprint: row["fingerprint"])
        }
    }

    /// The run columns a ``RunSummary`` needs: never the answers and result JSON, which are large.
    static let summaryColumns = """
        run.number, run.recordedAt, run.questionnaireID, run.questionnaireVersion, run.readiness, run.score, \
        run.confidence, run.stars, run.blockers, run.highGaps, run.mediumGaps, run.lowGaps
        """

    struct AppRow {
        var id: Int64
        var name: String
        var slug: String
    }

    static func existingApp(_ db: Database, name: String) throws -> AppRow {
        let trimmed = name.trimmingWhitespace
        if let row = try Row.fetchOne(db, sql: "SELECT id, name, slug FROM app WHERE name = ?", arguments: [trimmed]) {
            return AppRow(id: row["id"], name: row["name"], slug: row["slug"])
        }
        // Accept the slug too, so scripts can use it.
        if let row = try Row.fetchOne(db, sql: "SELECT id, name, slug FROM app WHERE slug = ?", arguments: [trimmed]) {
            return AppRow(id: row["id"], name: row["name"], slug: row["slug"])
        }
        throw StoreError.appNotFound(name: trimmed, known: try String.fetchAll(db, sql: "SELECT name FROM app ORDER BY name"))
    }

    static func ensureApp(_ db: Database, name: String, at time: String) throws -> AppRow {
        let trimmed = name.trimmingWhitespace
        if let row = try Row.fetchOne(db, sql: "SELECT id, name, slug FROM app WHERE name = ?", arguments: [trimmed]) {
            return AppRow(id: row["id"], name: row["name"], slug: row["slug"])
        }
        let base = Identifier.slug(trimmed)
        var slug = base
        var suffix = 2
        while try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM app WHERE slug = ?)", arguments: [slug]) == true {
            slug = "\(base)-\(suffix)"
            suffix += 1
        }
        try db.execute(sql: "INSERT INTO app (name, slug, createdAt) VALUES (?, ?, ?)", arguments: [trimmed, slug, time])
        return AppRow(id: db.lastInsertedRowID, name: trimmed, slug: slug)
    }
}

extension RunSummary {
    init(row: Row) {
        number = row["number"]
        recordedAt = Timestamp.date(row["recordedAt"]) ?? Date(timeIntervalSince1970: 0)
        questionnaireID = row["questionnaireID"]
        questionnaireVersion = row["questionnaireVersion"]
        readiness = ReadinessLevel(rawValue: row["readiness"]) ?? .readinessUnknown
        score = row["score"]
        confidence = row["confidence"]
        stars = row["stars"]
        blockers = row["blockers"]
        high = row["highGaps"]
        medium = row["mediumGaps"]
        low = row["lowGaps"]
    }

    init(result: AssessmentResult, card: Scorecard, recordedAt: Date) {
        number = result.run.number
        self.recordedAt = recordedAt
        questionnaireID = result.questionnaire.id
        questionnaireVersion = result.questionnaire.version
        readiness = result.readiness
        score = result.score
        confidence = result.confidence.percent
        stars = result.confidence.stars
        blockers = card.gaps.filter { $0.priority == 1 }.count
        high = card.gaps.filter { $0.priority == 2 }.count
        medium = card.gaps.filter { $0.priority == 3 }.count
        low = card.gaps.filter { $0.priority == 4 }.count
    }
}
