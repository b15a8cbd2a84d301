import Foundation
import GRDB

extension SQLiteStore {
    /// The portfolio's source in four queries (applications, latest runs with their results,
    /// every run's level, the sign-offs that count), then the questionnaires those results name.
    public func portfolioSource(recordedBy cutoff: Date?) throws(StoreError) -> PortfolioSource {
        // Timestamps are stored as ISO 8601 UTC to the second, so they order as text.
        let limit = cutoff.map(Timestamp.string) ?? "9999"
        let rows = try read { db in
            let apps = try AppRow.filter(Column("archivedAt") == nil).order(AppRow.Columns.name).fetchAll(db)
            let latest = try Row.fetchAll(
                db,
                sql: """
                    SELECT run.appID, \(RunSummaryRow.sql), run.result, run.questionnaireHash FROM run
                    WHERE run.number = (SELECT MAX(number) FROM run AS other WHERE other.appID = run.appID AND other.recordedAt <= ?)
                    """, arguments: [limit]
            ).map { row -> (Int64, RunSummary, String, String) in
                (row["appID"], try RunSummaryRow(row: row).summary, row["result"], row["questionnaireHash"])
            }
            let levels = try Row.fetchAll(
                db, sql: "SELECT appID, number, recordedAt, readiness FROM run WHERE recordedAt <= ?",
                arguments: [limit])
            let signOffs = try SignOffRow.fetchAll(
                db,
                sql: """
                    SELECT * FROM signOff WHERE id IN
                        (SELECT MAX(id) FROM signOff WHERE recordedAt <= ? GROUP BY appID, runNumber)
                    """, arguments: [limit])
            let hashes = Set(latest.map(\.3))
            let contents = try QuestionnaireContentRow.filter(keys: hashes).fetchAll(db)
            return (apps, latest, levels, signOffs, contents)
        }
        let (apps, latestRows, levelRows, signOffRows, contents) = rows
        var latest: [Int64: (RunSummary, String, String)] = [:]
        for (appID, summary, json, hash) in latestRows { latest[appID] = (summary, json, hash) }
        var decisions: [Int64: SignOff] = [:]
        for row in signOffRows where row.runNumber == latest[row.appID]?.0.number { decisions[row.appID] = row.signOff }
        var slugs: [Int64: String] = [:]
        var entries: [PortfolioSource.App] = []
        for app in apps {
            let id = app.id ?? 0
            slugs[id] = app.slug
            guard let (summary, json, hash) = latest[id] else {
                entries.append(.init(name: app.name, slug: app.slug, latest: nil, result: nil, questionnaireHash: nil, signOff: nil))
                continue
            }
            let result: PortfolioResult
            do { result = try PortfolioResult.decode(json) } catch {
                throw .notAStore(location: path, reason: "run \(summary.number) of '\(app.name)' cannot be read (\(error))")
            }
            entries.append(
                .init(
                    name: app.name, slug: app.slug, latest: summary, result: result, questionnaireHash: hash,
                    signOff: decisions[id]))
        }
        let levels = levelRows.compactMap { row -> PortfolioSource.RunLevel? in
            guard let slug = slugs[row["appID"]] else { return nil }  // archived
            return PortfolioSource.RunLevel(
                slug: slug, number: row["number"],
                recordedAt: Timestamp.date(row["recordedAt"]) ?? Date(timeIntervalSince1970: 0),
                readiness: ReadinessLevel(rawValue: row["readiness"]) ?? .readinessUnknown)
        }
        return PortfolioSource(
            apps: entries, levels: levels,
            questionnaires: Dictionary(contents.map { ($0.hash, $0.content) }, uniquingKeysWith: { first, _ in first }))
    }
}
