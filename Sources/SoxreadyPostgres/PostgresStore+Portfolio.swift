import Foundation
import PostgresNIO
import SoxreadyCore

extension PostgresStore {
    /// The portfolio's source in five statements of one read-only transaction (applications,
    /// latest runs with their results, every run's level, the sign-offs that count, the
    /// questionnaires named), as ``SQLiteStore`` reads it.
    public func portfolioSource(recordedBy cutoff: Date?) throws(StoreError) -> PortfolioSource {
        let location = location
        // Recording times are whole seconds: the end of the as-of day is included.
        let limit = cutoff ?? Date(timeIntervalSince1970: 253_402_300_799)  // 9999-12-31T23:59:59Z
        return try transaction(writing: false) { connection in
            let apps = try await connection.rows(
                """
                SELECT \(unescaped: PostgresAppRow.columns) FROM soxready.apps WHERE archived_at IS NULL ORDER BY name COLLATE "C"
                """
            ).map(PostgresAppRow.init)
            var latest: [Int: (summary: RunSummary, json: String, hash: String)] = [:]
            for row in try await connection.rows(
                """
                SELECT a.id AS app_id, r.* FROM soxready.apps a CROSS JOIN LATERAL (
                    SELECT \(unescaped: Self.summaryColumns), result, questionnaire_hash FROM soxready.runs
                    WHERE runs.app_id = a.id AND runs.recorded_at <= \(limit) ORDER BY number DESC LIMIT 1) r
                WHERE a.archived_at IS NULL
                """)
            {
                latest[try row("app_id")] = (try Self.summary(row), try row("result"), try row("questionnaire_hash"))
            }
            let slugs = Dictionary(apps.map { ($0.id, $0.slug) }, uniquingKeysWith: { first, _ in first })
            var levels: [PortfolioSource.RunLevel] = []
            for row in try await connection.rows(
                """
                SELECT r.app_id, r.number, r.recorded_at, r.readiness FROM soxready.runs r
                JOIN soxready.apps a ON a.id = r.app_id WHERE a.archived_at IS NULL AND r.recorded_at <= \(limit)
                """)
            {
                guard let slug = slugs[try row("app_id")] else { continue }
                levels.append(
                    PortfolioSource.RunLevel(
                        slug: slug, number: try row("number"), recordedAt: try row("recorded_at"),
                        readiness: ReadinessLevel(rawValue: try row("readiness", as: String.self)) ?? .readinessUnknown))
            }
            // The latest sign-off of each (application, run) made by the cut-off; kept for the latest run only.
            var decisions: [Int: SignOff] = [:]
            for row in try await connection.rows(
                """
                SELECT DISTINCT ON (s.app_id, s.run_number) s.app_id, \(unescaped: Self.signOffColumns("s")) FROM soxready.sign_offs s
                WHERE s.recorded_at <= \(limit) ORDER BY s.app_id, s.run_number, s.number DESC
                """)
            {
                let appID: Int = try row("app_id")
                let signOff = try Self.signOff(row)
                if signOff.runNumber == latest[appID]?.summary.number { decisions[appID] = signOff }
            }
            let hashes = Array(Set(latest.values.map(\.hash)))
            var questionnaires: [String: String] = [:]
            for row in try await connection.rows("SELECT hash, content FROM soxready.questionnaire_contents WHERE hash = ANY(\(hashes))") {
                questionnaires[try row("hash")] = try row("content")
            }
            var entries: [PortfolioSource.App] = []
            for app in apps {
                guard let run = latest[app.id] else {
                    entries.append(.init(name: app.name, slug: app.slug, latest: nil, result: nil, questionnaireHash: nil, signOff: nil))
                    continue
                }
                let result: PortfolioResult
                do { result = try PortfolioResult.decode(run.json) } catch {
                    throw StoreError.notAStore(
                        location: location, reason: "run \(run.summary.number) of '\(app.name)' cannot be read (\(error))")
                }
                entries.append(
                    .init(
                        name: app.name, slug: app.slug, latest: run.summary, result: result, questionnaireHash: run.hash,
                        signOff: decisions[app.id]))
            }
            return PortfolioSource(apps: entries, levels: levels, questionnaires: questionnaires)
        }
    }
}
