import Foundation
import GRDB

extension SQLiteStore {
    /// Records the run, its answers and its fingerprint (chained to the previous run's) in one SQLite
    /// transaction, and deletes the draft it completes; see ``AssessmentStore/record(_:)``.
    ///
    /// - Returns: The run as stored, numbered after the application's latest.
    /// - Throws: ``StoreError/draftLost(app:holder:unsaved:)`` when `run` completes a draft its session no
    ///   longer holds; ``StoreError/io(location:reason:)`` when the answers cannot be encoded;
    ///   ``StoreError/busy(location:waitedSeconds:)`` when another writer holds the lock too long.
    public func record(_ run: RunToRecord) throws(StoreError) -> StoredRun {
        let questionnaire = run.questionnaire.questionnaire
        let answersData: Data
        do { answersData = try AnswerSheetCoding.encode(run.answers) } catch {
            throw .io(location: path, reason: "cannot encode the answers: \(error)")
        }
        let answersJSON = String(decoding: answersData, as: UTF8.self)
        let hash = SHA256Digest.hex(run.questionnaire.content)
        let time = Timestamp.string(run.recordedAt)
        return try write { db in
            let app = try Self.ensureApp(db, name: run.appName, at: time)
            if let session = run.completingDraft {
                try Self.requireHolder(db, appID: app.id ?? 0, appName: app.name, session: session)
            }
            try QuestionnaireContentRow(
                hash: hash, questionnaireID: questionnaire.id, version: questionnaire.version,
                content: run.questionnaire.content
            ).insert(db, onConflict: .ignore)
            let latest = try Self.latestNumber(db, appID: app.id) ?? 0
            let previous =
                latest == 0
                ? nil
                : try RunRow.filter(RunRow.Columns.appID == app.id && RunRow.Columns.number == latest).fetchOne(db)?.fingerprint
            var result = run.result
            result.app = .init(name: app.name, slug: app.slug)
            result.run = .init(number: latest + 1, recordedAt: time)
            let resultJSON = String(decoding: try result.jsonData(), as: UTF8.self)
            let summary = RunSummary(result: result, recordedAt: run.recordedAt)
            let fingerprint = RunFingerprint.compute(
                RunFingerprint.RunFields(
                    appSlug: app.slug, run: summary.number, recordedAt: time, questionnaireHash: hash, answersJSON: answersJSON,
                    resultJSON: resultJSON, preparedBy: run.preparer.name, attestation: run.preparer.attestation,
                    previousFingerprint: previous))
            var row = RunRow(
                id: nil, appID: app.id ?? 0, number: summary.number, recordedAt: time, questionnaireHash: hash,
                questionnaireID: questionnaire.id, questionnaireVersion: questionnaire.version,
                readiness: result.readiness.rawValue, score: result.score, confidence: result.confidence.percent,
                stars: result.confidence.stars, blockers: summary.blockers, highGaps: summary.high,
                mediumGaps: summary.medium, lowGaps: summary.low, answers: answersJSON, result: resultJSON,
                fingerprint: fingerprint, preparedBy: run.preparer.name, attestation: run.preparer.attestation,
                previousFingerprint: previous, fingerprintRecipe: RunFingerprint.recipe2)
            try row.insert(db)
            if run.completingDraft != nil {
                try DraftRow.filter(DraftRow.Columns.appID == app.id).deleteAll(db)
            }
            return StoredRun(
                summary: summary, appName: app.name, appSlug: app.slug, answers: run.answers, result: result,
                resultJSON: resultJSON, answersJSON: answersJSON, questionnaireContent: run.questionnaire.content,
                questionnaireHash: hash, fingerprint: fingerprint, fingerprintRecipe: RunFingerprint.recipe2,
                preparer: run.preparer, previousFingerprint: previous)
        }
    }

    /// The slug of the application `name` (trimmed) names exactly or ignoring case, else the free slug a new
    /// application would get now (`-2`, `-3`… appended when taken); see ``AssessmentStore/appSlug(for:)``.
    public func appSlug(for name: String) throws(StoreError) -> String {
        try read { db in
            if let app = try Self.findApp(db, name: name.trimmingWhitespace) { return app.slug }
            return try Self.freeSlug(db, for: name.trimmingWhitespace)
        }
    }

    /// Looks the name up in the `app` table: exact name, then folded name, then slug, without reading any
    /// runs; see ``AssessmentStore/storedAppName(matching:)``.
    public func storedAppName(matching name: String) throws(StoreError) -> String? {
        try read { db in
            if let app = try AppRow.filter(AppRow.Columns.name == name).fetchOne(db) { return app.name }
            // The same order of preference as AssessFlow.knownApp over apps(): folded name, then slug.
            let apps = try AppRow.order(AppRow.Columns.name).fetchAll(db)
            let folded = AppNameMatching.folded(name)
            return (apps.first { AppNameMatching.folded($0.name) == folded } ?? apps.first { $0.slug == name })?.name
        }
    }

    /// The four triggers of `run` and `signOff` that are missing from `sqlite_master` or whose
    /// SQL is not the schema's (a trigger re-created with a `WHEN` that never holds protects
    /// nothing); see ``AssessmentStore/missingSafeguards()``.
    ///
    /// - Returns: The missing or altered triggers' names, in the schema's order.
    /// - Throws: ``StoreError`` when the store cannot be read.
    public func missingSafeguards() throws(StoreError) -> [String] {
        let present = try read { db in
            try Dictionary(
                Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").map {
                    (($0["name"] as String), ($0["sql"] as String?) ?? "")
                },
                uniquingKeysWith: { first, _ in first })
        }
        func normal(_ sql: String) -> String { sql.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        return SQLiteSchema.immutabilityTriggers.filter { name, sql in present[name].map(normal) != normal(sql) }.map(\.name)
    }

    /// Every application ordered by name, with its latest run, the previous run's score, its draft (with the
    /// number of answered questions) and the latest sign-off of its latest run, in one read; see ``AssessmentStore/apps()``.
    public func apps() throws(StoreError) -> [AppSummary] {
        try read { db in
            let apps = try AppRow.order(AppRow.Columns.name).fetchAll(db)
            // The latest two runs of every application, newest first (the second gives the change).
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT run.appID, \(RunSummaryRow.sql) FROM run
                    WHERE run.number >= (SELECT MAX(number) - 1 FROM run AS latest WHERE latest.appID = run.appID)
                    ORDER BY run.appID, run.number DESC
                    """)
            var latest: [Int64: RunSummary] = [:], previous: [Int64: Double?] = [:]
            for row in rows {
                let appID: Int64 = row["appID"]
                let summary = try RunSummaryRow(row: row).summary
                if latest[appID] == nil { latest[appID] = summary } else { previous[appID] = summary.score }
            }
            let drafts = try Row.fetchAll(
                db,
                sql: """
                    SELECT draft.appID, draft.updatedAt,
                           (SELECT COUNT(*) FROM draftAnswer WHERE draftAnswer.appID = draft.appID AND draftAnswer.answer IS NOT NULL) AS answered
                    FROM draft
                    """)
            // The latest sign-off of every (application, run): the one that counts.
            let decisions = try SignOffRow.fetchAll(
                db,
                sql: """
                    SELECT * FROM signOff WHERE id IN (SELECT MAX(id) FROM signOff GROUP BY appID, runNumber)
                    """)
            var signOffs: [Int64: SignOff] = [:]
            for row in decisions where row.runNumber == latest[row.appID]?.number { signOffs[row.appID] = row.signOff }
            var draftSummaries: [Int64: DraftSummary] = [:]
            for row in drafts {
                draftSummaries[row["appID"]] = DraftSummary(
                    updatedAt: Timestamp.date(row["updatedAt"]) ?? Date(timeIntervalSince1970: 0),
                    answered: row["answered"])
            }
            return apps.map { app in
                let id = app.id ?? 0
                return AppSummary(
                    name: app.name, slug: app.slug, latest: latest[id], previousScore: previous[id] ?? nil,
                    draft: draftSummaries[id], archivedAt: app.archivedAt.flatMap(Timestamp.date), latestSignOff: signOffs[id])
            }
        }
    }

    /// Sets the application's name to `newName` (trimmed) in one transaction; its slug and runs stay. See
    /// ``AssessmentStore/renameApp(_:to:)``.
    ///
    /// - Throws: ``StoreError/appNotFound(name:known:)``, or ``StoreError/appNameTaken(_:)`` when another
    ///   application already has `newName`.
    public func renameApp(_ name: String, to newName: String) throws(StoreError) {
        try write { db in
            var app = try Self.existingApp(db, name: name)
            let target = newName.trimmingWhitespace
            if let other = try Self.findApp(db, name: target), other.id != app.id { throw StoreError.appNameTaken(other.name) }
            app.name = target
            try app.update(db)
        }
    }

    /// Sets the application's archive time to `date` (clears it when `archived` is false) in one transaction;
    /// see ``AssessmentStore/setArchived(_:archived:at:)``.
    ///
    /// - Throws: ``StoreError/appNotFound(name:known:)``.
    public func setArchived(_ name: String, archived: Bool, at date: Date) throws(StoreError) {
        try write { db in
            var app = try Self.existingApp(db, name: name)
            app.archivedAt = archived ? Timestamp.string(date) : nil
            try app.update(db)
        }
    }

    /// The application's run summaries ordered by run number, read from the `run` table's summary columns
    /// (no stored JSON is decoded); see ``AssessmentStore/runs(appName:)``.
    ///
    /// - Throws: ``StoreError/appNotFound(name:known:)``.
    public func runs(appName: String) throws(StoreError) -> [RunSummary] {
        try read { db in
            let app = try Self.existingApp(db, name: appName)
            return try RunSummaryRow.fetchAll(
                db,
                RunRow.select(RunSummaryRow.columns).filter(RunRow.Columns.appID == app.id)
                    .order(RunRow.Columns.number)
            ).map(\.summary)
        }
    }

    /// Reads run `number` (the latest when nil) with its questionnaire content and decodes its stored answers
    /// and result; see ``AssessmentStore/run(appName:number:)``.
    ///
    /// - Throws: ``StoreError/appNotFound(name:known:)``, ``StoreError/runNotFound(app:number:latest:)``, or
    ///   ``StoreError/notAStore(location:reason:)`` when the run's questionnaire content is missing.
    public func run(appName: String, number: Int?) throws(StoreError) -> StoredRun {
        let (app, row, content) = try read { db -> (AppRow, RunRow, String) in
            let app = try Self.existingApp(db, name: appName)
            let latest = try Self.latestNumber(db, appID: app.id)
            guard let wanted = number ?? latest,
                let row = try RunRow.filter(RunRow.Columns.appID == app.id && RunRow.Columns.number == wanted).fetchOne(db)
            else { throw StoreError.runNotFound(app: app.name, number: number, latest: latest) }
            guard
                let content = try QuestionnaireContentRow.filter(QuestionnaireContentRow.Columns.hash == row.questionnaireHash)
                    .fetchOne(db)?.content
            else {
                throw StoreError.notAStore(location: path, reason: "run \(row.number) of '\(app.name)' has lost its questionnaire content")
            }
            return (app, row, content)
        }
        return try Self.storedRun(app: app, row: row, content: content, location: path)
    }

    /// A run as read from its row: the answers and result decoded from the JSON stored.
    static func storedRun(app: AppRow, row: RunRow, content: String, location: String) throws(StoreError) -> StoredRun {
        let answers: AnswerSheet, result: AssessmentResult
        do {
            answers = try AnswerSheetCoding.decode(Data(row.answers.utf8))
            result = try AssessmentResult.decode(Data(row.result.utf8))
        } catch {
            throw .notAStore(location: location, reason: "run \(row.number) of '\(app.name)' cannot be read (\(error))")
        }
        return StoredRun(
            summary: RunSummaryRow(
                number: row.number, recordedAt: row.recordedAt, questionnaireID: row.questionnaireID,
                questionnaireVersion: row.questionnaireVersion, readiness: row.readiness,
                score: row.score, confidence: row.confidence, stars: row.stars,
                blockers: row.blockers, highGaps: row.highGaps, mediumGaps: row.mediumGaps,
                lowGaps: row.lowGaps
            ).summary,
            appName: app.name, appSlug: app.slug, answers: answers, result: result, resultJSON: row.result,
            answersJSON: row.answers, questionnaireContent: content, questionnaireHash: row.questionnaireHash,
            fingerprint: row.fingerprint, fingerprintRecipe: row.fingerprintRecipe,
            preparer: row.preparedBy.map { Preparer(name: $0, attestation: row.attestation ?? "") },
            previousFingerprint: row.previousFingerprint)
    }

    static func latestNumber(_ db: Database, appID: Int64?) throws -> Int? {
        try Int.fetchOne(db, RunRow.filter(RunRow.Columns.appID == appID).select(max(RunRow.Columns.number)))
    }

    static func existingApp(_ db: Database, name: String) throws -> AppRow {
        let trimmed = name.trimmingWhitespace
        if let app = try findApp(db, name: trimmed) { return app }
        // Accept the slug too, so scripts can use it.
        if let app = try AppRow.filter(AppRow.Columns.slug == trimmed).fetchOne(db) { return app }
        throw StoreError.appNotFound(
            name: trimmed, known: try String.fetchAll(db, AppRow.select(AppRow.Columns.name).order(AppRow.Columns.name)))
    }

    /// The application named `name`: exactly, else ignoring case (PRODUCT.md §7.4), else nil.
    static func findApp(_ db: Database, name: String) throws -> AppRow? {
        if let app = try AppRow.filter(AppRow.Columns.name == name).fetchOne(db) { return app }
        let folded = AppNameMatching.folded(name)
        return try AppRow.fetchAll(db).first { AppNameMatching.folded($0.name) == folded }
    }

    /// The slug of `name`, with `-2`, `-3`… when another application has it already.
    static func freeSlug(_ db: Database, for name: String) throws -> String {
        let base = Identifier.slug(name)
        var slug = base
        var suffix = 2
        while try AppRow.filter(AppRow.Columns.slug == slug).fetchCount(db) > 0 {
            slug = "\(base)-\(suffix)"
            suffix += 1
        }
        return slug
    }

    static func ensureApp(_ db: Database, name: String, at time: String) throws -> AppRow {
        let trimmed = name.trimmingWhitespace
        if let app = try findApp(db, name: trimmed) { return app }
        var app = AppRow(id: nil, name: trimmed, slug: try freeSlug(db, for: trimmed), createdAt: time)
        try app.insert(db)
        return app
    }
}
