import Foundation
import PostgresNIO
import SoxreadyCore

extension PostgresStore {
    /// The columns of `soxready.runs` a ``RunSummary`` needs (never the large answers and result).
    static let summaryColumns =
        "number, recorded_at, questionnaire_id, questionnaire_version, readiness, score, confidence, stars, "
        + "blockers, high_gaps, medium_gaps, low_gaps"

    /// Every column of `soxready.runs` a ``StoredRun`` needs, with the questionnaire content.
    static let runColumns =
        "r.number, r.recorded_at, r.questionnaire_id, r.questionnaire_version, r.readiness, r.score, r.confidence, "
        + "r.stars, r.blockers, r.high_gaps, r.medium_gaps, r.low_gaps, r.questionnaire_hash, r.answers, r.result, r.prepared_by, "
        + "r.attestation, r.previous_fingerprint, r.fingerprint_recipe, r.fingerprint, q.content"

    static func summary(_ row: PostgresRowReader) throws -> RunSummary {
        RunSummary(
            number: try row("number"), recordedAt: try row("recorded_at"), questionnaireID: try row("questionnaire_id"),
            questionnaireVersion: try row("questionnaire_version"),
            readiness: ReadinessLevel(rawValue: try row("readiness", as: String.self)) ?? .readinessUnknown, score: try row("score"),
            confidence: try row("confidence"), stars: try row("stars"), blockers: try row("blockers"), high: try row("high_gaps"),
            medium: try row("medium_gaps"), low: try row("low_gaps"))
    }

    /// A run as read from a row of ``runColumns``: the answers and result decoded from the JSON stored.
    static func storedRun(_ row: PostgresRowReader, app: PostgresAppRow, location: String) throws -> StoredRun {
        let number: Int = try row("number")
        let answersJSON: String = try row("answers"), resultJSON: String = try row("result")
        let answers: AnswerSheet, result: AssessmentResult
        do {
            answers = try AnswerSheetCoding.decode(Data(answersJSON.utf8))
            result = try AssessmentResult.decode(Data(resultJSON.utf8))
        } catch {
            throw StoreError.notAStore(location: location, reason: "run \(number) of '\(app.name)' cannot be read (\(error))")
        }
        let preparedBy: String? = try row("prepared_by"), attestation: String? = try row("attestation")
        return StoredRun(
            summary: try summary(row), appName: app.name, appSlug: app.slug, answers: answers, result: result,
            resultJSON: resultJSON, answersJSON: answersJSON, questionnaireContent: try row("content"),
            questionnaireHash: try row("questionnaire_hash"), fingerprint: try row("fingerprint"),
            fingerprintRecipe: try row("fingerprint_recipe"),
            preparer: preparedBy.map { Preparer(name: $0, attestation: attestation ?? "") },
            previousFingerprint: try row("previous_fingerprint"))
    }

    /// Stores a questionnaire's content once per SHA-256.
    static func storeContent(_ connection: PostgresConnection, hash: String, id: String, version: String, content: String) async throws {
        try await connection.rows(
            """
            INSERT INTO soxready.questionnaire_contents (hash, questionnaire_id, version, content) VALUES (\(hash), \(id), \(version), \(content))
            ON CONFLICT (hash) DO NOTHING
            """)
    }

    /// Inserts one run row as given.
    static func insertRun(_ connection: PostgresConnection, appID: Int, _ run: StoredRun) async throws {
        let summary = run.summary
        let recordedAt = seconds(summary.recordedAt)
        try await connection.rows(
            """
            INSERT INTO soxready.runs (app_id, number, recorded_at, questionnaire_hash, questionnaire_id, questionnaire_version, readiness, score,
                confidence, stars, blockers, high_gaps, medium_gaps, low_gaps, answers, result, prepared_by, attestation, previous_fingerprint,
                fingerprint_recipe, fingerprint)
            VALUES (\(appID), \(summary.number), \(recordedAt), \(run.questionnaireHash), \(summary.questionnaireID), \(summary.questionnaireVersion),
                \(summary.readiness.rawValue), \(summary.score), \(summary.confidence), \(summary.stars), \(summary.blockers), \(summary.high),
                \(summary.medium), \(summary.low), \(run.answersJSON), \(run.resultJSON), \(run.preparer?.name), \(run.preparer?.attestation),
                \(run.previousFingerprint), \(run.fingerprintRecipe), \(run.fingerprint))
            """)
    }

    /// Records the run, its answers and its fingerprint (chained to the previous run's) with the application's
    /// row locked, in one transaction, and deletes the draft it completes; see ``AssessmentStore/record(_:)``.
    ///
    /// - Returns: The run as stored, numbered after the application's latest, its time kept to the second.
    /// - Throws: ``StoreError/draftLost(app:holder:unsaved:)`` when `run` completes a draft its session no
    ///   longer holds; ``StoreError/io(location:reason:)`` when the answers or the result cannot be encoded;
    ///   ``StoreError/busy(location:waitedSeconds:)`` when a lock is not had within ``busyTimeout``.
    public func record(_ run: RunToRecord) throws(StoreError) -> StoredRun {
        let questionnaire = run.questionnaire.questionnaire
        let answersJSON: String
        do { answersJSON = String(decoding: try AnswerSheetCoding.encode(run.answers), as: UTF8.self) } catch {
            throw .io(location: location, reason: "cannot encode the answers: \(error)")
        }
        let hash = SHA256Digest.hex(run.questionnaire.content)
        let time = Timestamp.string(run.recordedAt)
        let location = location
        return try transaction(writing: true) { connection in
            let app = try await Self.ensureApp(connection, name: run.appName, at: run.recordedAt)
            if let session = run.completingDraft { try await Self.requireHolder(connection, app: app, session: session) }
            try await Self.storeContent(
                connection, hash: hash, id: questionnaire.id, version: questionnaire.version, content: run.questionnaire.content)
            let last = try await connection.firstRow(
                """
                SELECT number, fingerprint FROM soxready.runs WHERE app_id = \(app.id) ORDER BY number DESC LIMIT 1
                """)
            let number = (try last?("number", as: Int.self) ?? 0) + 1
            let previous: String? = try last?("fingerprint")
            var result = run.result
            result.app = .init(name: app.name, slug: app.slug)
            result.run = .init(number: number, recordedAt: time)
            let resultJSON: String
            do { resultJSON = String(decoding: try result.jsonData(), as: UTF8.self) } catch {
                throw StoreError.io(location: location, reason: "cannot encode the result: \(error)")
            }
            let summary = RunSummary(result: result, recordedAt: Self.seconds(run.recordedAt))
            let fingerprint = RunFingerprint.compute(
                RunFingerprint.RunFields(
                    appSlug: app.slug, run: number, recordedAt: time, questionnaireHash: hash, answersJSON: answersJSON,
                    resultJSON: resultJSON,
                    preparedBy: run.preparer.name, attestation: run.preparer.attestation, previousFingerprint: previous))
            let stored = StoredRun(
                summary: summary, appName: app.name, appSlug: app.slug, answers: run.answers, result: result,
                resultJSON: resultJSON, answersJSON: answersJSON, questionnaireContent: run.questionnaire.content,
                questionnaireHash: hash, fingerprint: fingerprint, fingerprintRecipe: RunFingerprint.recipe2,
                preparer: run.preparer, previousFingerprint: previous)
            try await Self.insertRun(connection, appID: app.id, stored)
            if run.completingDraft != nil { try await connection.rows("DELETE FROM soxready.drafts WHERE app_id = \(app.id)") }
            return stored
        }
    }

    /// The application's run summaries ordered by run number, read from the `runs` table's summary columns
    /// (no stored JSON is decoded); see ``AssessmentStore/runs(appName:)``.
    ///
    /// - Throws: ``StoreError/appNotFound(name:known:)``.
    public func runs(appName: String) throws(StoreError) -> [RunSummary] {
        try transaction(writing: false) { connection in
            let app = try await Self.existingApp(connection, name: appName)
            return try await connection.rows(
                """
                SELECT \(unescaped: Self.summaryColumns) FROM soxready.runs WHERE app_id = \(app.id) ORDER BY number
                """
            ).map(Self.summary)
        }
    }

    /// Reads run `number` (the latest when nil) with its questionnaire content in one read-only transaction and
    /// decodes its stored answers and result; see ``AssessmentStore/run(appName:number:)``.
    ///
    /// - Throws: ``StoreError/appNotFound(name:known:)``, ``StoreError/runNotFound(app:number:latest:)``, or
    ///   ``StoreError/notAStore(location:reason:)`` when the run's questionnaire content is missing.
    public func run(appName: String, number: Int?) throws(StoreError) -> StoredRun {
        let location = location
        return try transaction(writing: false) { connection in
            let app = try await Self.existingApp(connection, name: appName)
            let latest = try await connection.firstRow("SELECT max(number) AS latest FROM soxready.runs WHERE app_id = \(app.id)")?(
                "latest", as: Int?.self)
            guard let wanted = number ?? latest,
                let row = try await connection.firstRow(
                    """
                    SELECT \(unescaped: Self.runColumns) FROM soxready.runs r LEFT JOIN soxready.questionnaire_contents q ON q.hash = r.questionnaire_hash
                    WHERE r.app_id = \(app.id) AND r.number = \(wanted)
                    """)
            else { throw StoreError.runNotFound(app: app.name, number: number, latest: latest) }
            guard try row("content", as: String?.self) != nil else {
                throw StoreError.notAStore(location: location, reason: "run \(wanted) of '\(app.name)' has lost its questionnaire content")
            }
            return try Self.storedRun(row, app: app, location: location)
        }
    }
}
