import Foundation
import NIOSSL
import PostgresNIO
import SoxreadyCore
import Synchronization

/// The team store: one PostgreSQL database that a team shares (docs/store.md, "PostgreSQL"),
/// through postgres-nio.
///
/// - Everything lives in schema `soxready`; `soxready.schema_migrations` says its version. A
///   database with other tables and no soxready schema is refused, and so is one of a newer
///   schema (nothing is written to it).
/// - Every store operation is one transaction on one connection, opened on first use and opened
///   again when the server has closed it; writes wait at most ``busyTimeout`` seconds for a lock
///   (`lock_timeout`) and then throw ``StoreError/busy(location:waitedSeconds:)``.
/// - Runs and sign-offs cannot be changed or deleted: triggers refuse it (SQLSTATE SX001), and the
///   day-to-day role a DBA sets up has no UPDATE or DELETE on them.
/// - ``OpenMode/readOnly`` (what reading commands use) never creates or changes anything; the
///   transactions are `READ ONLY`.
public final class PostgresStore: AssessmentStore {
    /// How to open the store.
    public enum OpenMode: Sendable, Equatable {
        /// Read only: an empty database is ``StoreError/notFound(location:)``.
        case readOnly
        /// Read and write: an empty database gets soxready's schema, an older schema is upgraded.
        case readWrite
    }

    /// The URL without its password.
    public let location: String
    /// What the URL says (with libpq's environment fallbacks).
    public let info: PostgresConnectionInfo
    /// Seconds a writer waits for a lock before giving up.
    public let busyTimeout: Double
    /// Seconds to wait for the connection (the URL's `connect_timeout`, default 10).
    public let connectTimeout: Double
    /// Seconds one operation may take before the server counts as gone.
    public let operationTimeout: Double
    /// Whether the store may write.
    public let mode: OpenMode
    let password: String?
    let passwordSource: String?
    let tls: PostgresConnection.Configuration.TLS
    let toolVersion: String
    let connection = Mutex<PostgresConnection?>(nil)

    /// Opens the store at `url` and checks its schema (migrating it first in ``OpenMode/readWrite``).
    ///
    /// - Parameters:
    ///   - url: A `postgresql://` or `postgres://` URL.
    ///   - mode: Read only or read and write.
    ///   - busyTimeout: Seconds to wait for a lock another writer holds (default 3).
    ///   - environment: The process environment (`PGPASSWORD`, `PGPASSFILE`, `HOME`, `PGHOST` …).
    ///   - toolVersion: This soxready's version, recorded with each migration it applies.
    ///   - warn: Receives libpq's warning when the password file is ignored for its permissions.
    /// - Throws: ``StoreError/invalidLocation(location:reason:)``, ``StoreError/connectionFailed(location:reason:)``,
    ///   ``StoreError/accessDenied(location:reason:)``, ``StoreError/notFound(location:)`` (read only, empty
    ///   database), ``StoreError/notAStore(location:reason:)``, ``StoreError/newerSchema(location:found:)``,
    ///   ``StoreError/busy(location:waitedSeconds:)``.
    public init(
        url: String, mode: OpenMode = .readWrite, busyTimeout: Double = 3,
        environment: [String: String] = ProcessInfo.processInfo.environment, toolVersion: String = "unknown",
        warn: (String) -> Void = { _ in }
    ) throws(StoreError) {
        location = PostgresConnectionInfo.redacted(url)
        info = try PostgresConnectionInfo.parse(url, environment: environment, osUser: PostgresConnectionInfo.effectiveUserName())
        self.busyTimeout = busyTimeout
        self.mode = mode
        self.toolVersion = toolVersion
        connectTimeout = Double(info.connectTimeout ?? 10)
        operationTimeout = max(60, busyTimeout * 4 + 30)
        let explicit = info.password.flatMap { $0.isEmpty ? nil : $0 }
        password = info.resolvedPassword(home: PostgresConnectionInfo.homeFolder(environment: environment), warn: warn)
        passwordSource =
            password == nil || explicit != nil
            ? nil
            : "the password file \(info.passwordFile ?? (PostgresConnectionInfo.homeFolder(environment: environment) ?? "~") + "/.pgpass")"
        do {
            tls = try Self.tlsConfiguration(info)
        } catch {
            throw .invalidLocation(location: location, reason: "its TLS settings cannot be used (\(error)); check sslrootcert")
        }
        try openSchema()
    }

    deinit {
        // postgres-nio asserts (in debug builds) that every connection is closed before it goes.
        let open = connection.withLock { current -> PostgresConnection? in
            defer { current = nil }
            return current
        }
        guard let open, !open.isClosed else { return }
        if BridgeExecutor.shared.isCurrent {
            Task(executorPreference: BridgeExecutor.shared) { try? await open.close() }
        } else {
            _ = try? BlockingBridge.run(timeout: 2) { try await open.close() }
        }
    }

    /// The TLS configuration libpq's `sslmode` asks for (NOTES: `prefer` and `require` encrypt
    /// without checking the certificate, as libpq does).
    static func tlsConfiguration(_ info: PostgresConnectionInfo) throws -> PostgresConnection.Configuration.TLS {
        switch info.sslMode {
        case .disable, .allow:
            return .disable
        case .prefer, .require:
            var configuration = TLSConfiguration.makeClientConfiguration()
            configuration.certificateVerification = .none
            let context = try NIOSSLContext(configuration: configuration)
            return info.sslMode == .prefer ? .prefer(context) : .require(context)
        case .verifyCA, .verifyFull:
            var configuration = TLSConfiguration.makeClientConfiguration()
            configuration.certificateVerification = info.sslMode == .verifyCA ? .noHostnameVerification : .fullVerification
            if let root = info.sslRootCertificate { configuration.trustRoots = .file(root) }
            return .require(try NIOSSLContext(configuration: configuration))
        }
    }

    /// The connection's configuration.
    func configuration() -> PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        if info.isUnixSocket {
            configuration = .init(unixSocketPath: info.unixSocketPath, username: info.user, password: password, database: info.database)
        } else {
            configuration = .init(
                host: info.hostaddr ?? info.host, port: info.port, username: info.user, password: password,
                database: info.database, tls: tls)
            // Connect to hostaddr, but check the certificate (and send SNI) for the host's name.
            if let hostaddr = info.hostaddr, hostaddr != info.host { configuration.options.tlsServerName = info.host }
        }
        configuration.options.connectTimeout = .seconds(Int64(connectTimeout))
        configuration.options.additionalStartupParameters.append(("application_name", info.applicationName ?? "soxready"))
        return configuration
    }

    /// Runs `body` on the store's connection (opening it when needed) as one blocking call,
    /// mapping every error to a ``StoreError``.
    func withConnection<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) throws(StoreError) -> T {
        let result: Result<T, StoreError> = connection.withLock { current in
            do {
                if let open = current, open.isClosed {
                    current = nil
                    _ = try? BlockingBridge.run(timeout: 2) { try await open.close() }
                }
                let open: PostgresConnection
                if let current {
                    open = current
                } else {
                    let configuration = configuration(), timeout = connectTimeout
                    open = try BlockingBridge.run(timeout: timeout + 5) {
                        try await BlockingBridge.withDeadline(seconds: timeout) {
                            try await PostgresConnection.connect(configuration: configuration, id: 1, logger: BlockingBridge.logger)
                        }
                    }
                    current = open
                }
                do {
                    return .success(try BlockingBridge.run(timeout: operationTimeout) { try await body(open) })
                } catch let error as BlockingBridge.TimedOut {
                    // The connection may be stuck: never use it again (it is left to the end of the process).
                    current = nil
                    throw error
                }
            } catch {
                return .failure(
                    PostgresErrorMapping.storeError(error, location: location, busyTimeout: busyTimeout, passwordSource: passwordSource))
            }
        }
        return try result.get()
    }

    /// Runs `body` in one transaction: `READ ONLY` and `REPEATABLE READ` (one snapshot) for
    /// reading, `READ COMMITTED` with `lock_timeout` set to ``busyTimeout`` for writing. A
    /// serialization failure or deadlock retries the whole transaction up to three times.
    func transaction<T: Sendable>(writing: Bool, _ body: @escaping @Sendable (PostgresConnection) async throws -> T) throws(StoreError) -> T
    {
        if writing, mode == .readOnly { throw StoreError.io(location: location, reason: "the store was opened read-only") }
        let lockTimeout = "\(Int((busyTimeout * 1000).rounded()))ms"
        return try withConnection { connection in
            var attempt = 1
            while true {
                try await connection.rows(
                    writing ? "BEGIN ISOLATION LEVEL READ COMMITTED" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                do {
                    if writing { try await connection.rows("SELECT set_config('lock_timeout', \(lockTimeout), true)") }
                    let result = try await body(connection)
                    try await connection.rows("COMMIT")
                    return result
                } catch {
                    if !connection.isClosed { _ = try? await connection.rows("ROLLBACK") }
                    if let state = PostgresErrorMapping.sqlState(error), PostgresErrorMapping.retryable.contains(state), attempt < 3 {
                        attempt += 1
                        try await Task.sleep(nanoseconds: UInt64.random(in: 20_000_000...120_000_000))
                        continue
                    }
                    throw error
                }
            }
        }
    }

    /// What a database holds before soxready opens it.
    enum SchemaState: Sendable, Equatable {
        /// No tables at all.
        case empty
        /// Other tables and no soxready schema (up to five named).
        case foreign([String])
        /// soxready's schema at this version.
        case soxready(Int)
    }

    /// Reads what the database holds.
    ///
    /// Whether `soxready.schema_migrations` exists and which other tables there are is read in
    /// one statement, so with one snapshot: read in two, a process opening the store while
    /// another created the schema could see no `schema_migrations` in the first and the new
    /// tables in the second, and take soxready's own schema for another application's
    /// ("other tables and no soxready schema", seen once in the 8-process test). `pg_class` is
    /// read rather than `to_regclass`, whose catalog cache an advisory lock does not refresh.
    static func inspect(_ connection: PostgresConnection) async throws -> SchemaState {
        let state = try await connection.firstRow(
            """
            SELECT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                           WHERE n.nspname = 'soxready' AND c.relname = 'schema_migrations') AS known,
                   coalesce((SELECT string_agg(name, ',' ORDER BY name) FROM (
                       SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                       WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                         AND n.nspname NOT LIKE 'pg\\_%' ORDER BY 1 LIMIT 5) AS listed), '') AS tables
            """)
        if try state?("known", as: Bool.self) == true {
            let version = try await connection.firstRow(
                "SELECT coalesce(max(version), 0)::bigint AS version FROM soxready.schema_migrations")
            return .soxready(try version?("version", as: Int.self) ?? 0)
        }
        let tables = try state?("tables", as: String.self).split(separator: ",").map(String.init) ?? []
        return tables.isEmpty ? .empty : .foreign(tables)
    }

    /// Checks the schema on every open, before anything is written; in ``OpenMode/readWrite``
    /// applies the migrations this build has and the database lacks.
    func openSchema() throws(StoreError) {
        let latest = PostgresSchema.latest
        let state = try withConnection { connection in try await Self.inspect(connection) }
        switch state {
        case .foreign(let tables):
            throw .notAStore(
                location: location,
                reason: "the database has other tables (\(tables.joined(separator: ", "))) and no soxready schema; "
                    + "give soxready a database of its own (docs/store.md)")
        case .soxready(let version) where version > latest:
            throw .newerSchema(location: location, found: String(version))
        case .soxready(let version) where version == latest:
            return
        case .empty, .soxready:
            guard mode == .readWrite else {
                if case .soxready(let version) = state, version > 0 {
                    throw .cannotOpen(
                        location: location,
                        reason: "its schema (version \(version)) is older than this soxready's (\(latest)); "
                            + "a writing command, or soxready store migrate as the owner role, upgrades it")
                }
                throw .notFound(location: location)
            }
            for migration in PostgresSchema.migrations { try apply(migration) }
        }
    }

    /// Applies one migration in its own transaction under the migration lock, unless another
    /// process applied it meanwhile.
    func apply(_ migration: PostgresSchema.Migration) throws(StoreError) {
        let latest = PostgresSchema.latest, toolVersion = toolVersion, location = location
        do {
            try transaction(writing: true) { connection in
                try await connection.rows("SELECT pg_advisory_xact_lock(\(PostgresSchema.migrationLock))")
                let schema = try await connection.firstRow(
                    "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'soxready') AS present")
                if try schema?("present", as: Bool.self) != true { try await connection.rows("CREATE SCHEMA soxready") }
                switch try await Self.inspect(connection) {
                case .foreign(let tables):
                    throw StoreError.notAStore(
                        location: location,
                        reason: "the database has other tables (\(tables.joined(separator: ", "))) "
                            + "and no soxready schema; give soxready a database of its own (docs/store.md)")
                case .soxready(let version) where version > latest:
                    throw StoreError.newerSchema(location: location, found: String(version))
                case .soxready(let version) where version >= migration.version:
                    return
                case .empty, .soxready:
                    break
                }
                try await connection.rows(PostgresQuery(unsafeSQL: PostgresSchema.bookkeeping))
                for statement in migration.statements { try await connection.rows(PostgresQuery(unsafeSQL: statement)) }
                try await connection.rows(
                    """
                    INSERT INTO soxready.schema_migrations (version, description, soxready_version)
                    VALUES (\(migration.version), \(migration.description), \(toolVersion))
                    """)
            }
        } catch .accessDenied(let location, let reason) {
            throw .accessDenied(
                location: location,
                reason: "\(reason); the store's schema is missing or older than this soxready's "
                    + "(version \(latest)): run soxready store migrate as the role that owns it (docs/store.md)")
        }
    }

    /// The schema version of the open store (`max(version)` of `soxready.schema_migrations`).
    public func schemaVersion() throws(StoreError) -> Int {
        try transaction(writing: false) { connection in
            try await connection.firstRow("SELECT coalesce(max(version), 0)::bigint AS version FROM soxready.schema_migrations")?(
                "version", as: Int.self) ?? 0
        }
    }
}
