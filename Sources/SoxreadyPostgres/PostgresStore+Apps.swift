import Foundation
import PostgresNIO
import SoxreadyCore

extension PostgresStore {
    /// A time as the stores keep it: to the second (what `Timestamp` writes in the SQLite store).
    static func seconds(_ date: Date) -> Date { Timestamp.date(Timestamp.string(date)) ?? date }

    /// The application named `name`: exactly, else ignoring case and runs of spaces, else nil.
    static func findApp(_ connection: PostgresConnection, name: String) async throws -> PostgresAppRow? {
        let folded = AppNameMatching.folded(name)
        return try await connection.firstRow(
            """
            SELECT \(unescaped: PostgresAppRow.columns) FROM soxready.apps WHERE name = \(name) OR folded_name = \(folded)
            ORDER BY (name = \(name)) DESC, id LIMIT 1
            """
        ).map(PostgresAppRow.init)
    }

    /// The application `name` (or its slug), or ``StoreError/appNotFound(name:known:)``.
    static func existingApp(_ connection: PostgresConnection, name: String) async throws -> PostgresAppRow {
        let trimmed = name.trimmingWhitespace
        if let app = try await findApp(connection, name: trimmed) { return app }
        if let app = try await connection.firstRow("SELECT \(unescaped: PostgresAppRow.columns) FROM soxready.apps WHERE slug = \(trimmed)")
            .map(PostgresAppRow.init)
        {
            return app
        }
        let known = try await connection.rows("SELECT name FROM soxready.apps ORDER BY name COLLATE \"C\"").map {
            try $0("name", as: String.self)
        }
        throw StoreError.appNotFound(name: trimmed, known: known)
    }

    /// Locks the application's row for the rest of the transaction (every write to one
    /// application takes it first, so its runs, sign-offs and draft are written one at a time)
    /// and reads it again.
    static func lock(_ connection: PostgresConnection, _ app: PostgresAppRow) async throws -> PostgresAppRow {
        try await connection.firstRow("SELECT \(unescaped: PostgresAppRow.columns) FROM soxready.apps WHERE id = \(app.id) FOR UPDATE")
            .map(PostgresAppRow.init) ?? app
    }

    /// The slug of `name`, with `-2`, `-3`… when another application has it already.
    static func freeSlug(_ connection: PostgresConnection, for name: String) async throws -> String {
        let base = Identifier.slug(name)
        let taken = Set(
            try await connection.rows(
                """
                SELECT slug FROM soxready.apps WHERE slug = \(base) OR slug LIKE \(base + "-%")
                """
            ).map { try $0("slug", as: String.self) })
        var slug = base
        var suffix = 2
        while taken.contains(slug) {
            slug = "\(base)-\(suffix)"
            suffix += 1
        }
        return slug
    }

    /// The application `name`, created when new, locked for the rest of the transaction.
    static func ensureApp(_ connection: PostgresConnection, name: String, at date: Date) async throws -> PostgresAppRow {
        let trimmed = name.trimmingWhitespace
        if let app = try await findApp(connection, name: trimmed) { return try await lock(connection, app) }
        // One creator at a time, so that two new applications never get one slug.
        try await connection.rows("SELECT pg_advisory_xact_lock(\(PostgresSchema.appCreationLock))")
        if let app = try await findApp(connection, name: trimmed) { return try await lock(connection, app) }
        let slug = try await freeSlug(connection, for: trimmed)
        let created = seconds(date)
        guard
            let row = try await connection.firstRow(
                """
                INSERT INTO soxready.apps (name, folded_name, slug, created_at) VALUES (\(trimmed), \(AppNameMatching.folded(trimmed)), \(slug), \(created))
                RETURNING \(unescaped: PostgresAppRow.columns)
                """)
        else { throw StoreError.io(location: "", reason: "the new application was not returned") }
        return try PostgresAppRow(row)
    }

    /// The slug of the application `name` (trimmed) names exactly or ignoring case and runs of spaces, else the
    /// free slug a new application would get now (`-2`, `-3`… appended when taken), in one read-only transaction;
    /// see ``AssessmentStore/appSlug(for:)``.
    public func appSlug(for name: String) throws(StoreError) -> String {
        let trimmed = name.trimmingWhitespace
        return try transaction(writing: false) { connection in
            if let app = try await Self.findApp(connection, name: trimmed) { return app.slug }
            return try await Self.freeSlug(connection, for: trimmed)
        }
    }

    /// Sets the application's name and folded name to `newName` (trimmed), with its row locked, in one
    /// transaction; its slug and runs stay. See ``AssessmentStore/renameApp(_:to:)``.
    ///
    /// - Throws: ``StoreError/appNotFound(name:known:)``, or ``StoreError/appNameTaken(_:)`` when another
    ///   application already has `newName`.
    public func renameApp(_ name: String, to newName: String) throws(StoreError) {
        let target = newName.trimmingWhitespace
        try transaction(writing: true) { connection in
            let app = try await Self.lock(connection, try await Self.existingApp(connection, name: name))
            if let other = try await Self.findApp(connection, name: target), other.id != app.id {
                throw StoreError.appNameTaken(other.name)
            }
            try await connection.rows(
                """
                UPDATE soxready.apps SET name = \(target), folded_name = \(AppNameMatching.folded(target)) WHERE id = \(app.id)
                """)
        }
    }

    /// Sets the application's `archived_at` to `date` to the second (clears it when `archived` is false), with
    /// its row locked, in one transaction; see ``AssessmentStore/setArchived(_:archived:at:)``.
    ///
    /// - Throws: ``StoreError/appNotFound(name:known:)``.
    public func setArchived(_ name: String, archived: Bool, at date: Date) throws(StoreError) {
        let time: Date? = archived ? Self.seconds(date) : nil
        try transaction(writing: true) { connection in
            let app = try await Self.lock(connection, try await Self.existingApp(connection, name: name))
            try await connection.rows("UPDATE soxready.apps SET archived_at = \(time) WHERE id = \(app.id)")
        }
    }

    /// Every application ordered by name (`COLLATE "C"`), with its latest run, the previous run's score, its
    /// draft (with the number of answered questions) and the latest sign-off of its latest run, in one snapshot;
    /// see ``AssessmentStore/apps()``.
    public func apps() throws(StoreError) -> [AppSummary] {
        try transaction(writing: false) { connection in
            let apps = try await connection.rows(
                "SELECT \(unescaped: PostgresAppRow.columns) FROM soxready.apps ORDER BY name COLLATE \"C\""
            )
            .map(PostgresAppRow.init)
            // The latest two runs of every application, newest first (the second gives the change).
            var latest: [Int: RunSummary] = [:], previous: [Int: Double?] = [:]
            for row in try await connection.rows(
                """
                SELECT a.id AS app_id, r.* FROM soxready.apps a CROSS JOIN LATERAL (
                    SELECT \(unescaped: Self.summaryColumns) FROM soxready.runs WHERE runs.app_id = a.id ORDER BY number DESC LIMIT 2) r
                ORDER BY a.id, r.number DESC
                """)
            {
                let appID: Int = try row("app_id")
                let summary = try Self.summary(row)
                if latest[appID] == nil { latest[appID] = summary } else { previous[appID] = summary.score }
            }
            var drafts: [Int: DraftSummary] = [:]
            for row in try await connection.rows(
                """
                SELECT d.app_id, d.updated_at,
                       (SELECT count(*) FROM soxready.draft_answers a WHERE a.app_id = d.app_id AND a.answer IS NOT NULL)::bigint AS answered
                FROM soxready.drafts d
                """)
            {
                drafts[try row("app_id")] = DraftSummary(updatedAt: try row("updated_at"), answered: try row("answered"))
            }
            // The sign-off that counts for each application's latest run: its latest.
            var signOffs: [Int: SignOff] = [:]
            for row in try await connection.rows(
                """
                SELECT DISTINCT ON (s.app_id) s.app_id, \(unescaped: Self.signOffColumns("s")) FROM soxready.sign_offs s
                WHERE s.run_number = (SELECT max(number) FROM soxready.runs r WHERE r.app_id = s.app_id)
                ORDER BY s.app_id, s.number DESC
                """)
            {
                signOffs[try row("app_id")] = try Self.signOff(row)
            }
            return apps.map { app in
                AppSummary(
                    name: app.name, slug: app.slug, latest: latest[app.id], previousScore: previous[app.id] ?? nil, draft: drafts[app.id],
                    archivedAt: app.archivedAt, latestSignOff: signOffs[app.id])
            }
        }
    }

    /// The four triggers of `soxready.runs` and `soxready.sign_offs` (PostgresSchema) that are
    /// missing, disabled (`ALTER TABLE … DISABLE TRIGGER`) or not as the schema made them: their
    /// timing, events, level and `WHEN` (`pg_get_triggerdef`), and the function they run, which
    /// must be `soxready.refuse_change` with the schema's body; see
    /// ``AssessmentStore/missingSafeguards()``.
    ///
    /// - Returns: The missing, disabled or altered triggers' names, in the schema's order.
    /// - Throws: ``StoreError`` when the store cannot be read.
    public func missingSafeguards() throws(StoreError) -> [String] {
        let found = try transaction(writing: false) { connection in
            try await connection.rows(
                """
                SELECT t.tgname AS name, pg_get_triggerdef(t.oid) AS definition, t.tgenabled <> 'D' AS enabled,
                       fn.nspname || '.' || p.proname AS function, p.prosrc AS body
                FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_proc p ON p.oid = t.tgfoid JOIN pg_namespace fn ON fn.oid = p.pronamespace
                WHERE n.nspname = 'soxready' AND NOT t.tgisinternal
                """
            ).map { row in
                (
                    name: try row("name", as: String.self), definition: try row("definition", as: String.self),
                    enabled: try row("enabled", as: Bool.self), function: try row("function", as: String.self),
                    body: try row("body", as: String.self)
                )
            }
        }
        func normal(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        return PostgresSchema.immutabilityTriggers.filter { name, definition in
            guard let trigger = found.first(where: { $0.name == name }) else { return true }
            // pg_get_triggerdef names the function as the search path shows it: compared apart.
            let shown = trigger.definition.components(separatedBy: " EXECUTE FUNCTION ").first ?? ""
            return !trigger.enabled || shown != definition || trigger.function != "soxready.refuse_change"
                || normal(trigger.body) != normal(PostgresSchema.refuseChangeBody)
        }.map(\.name)
    }
}
