import ArgumentParser
import Foundation
import SoxreadyCore
import SoxreadyPostgres

extension GlobalOptions {
    /// The default store, relative to the current folder.
    static let defaultStore = ".soxready/soxready.sqlite"

    /// The store: `--store`, else `$SOXREADY_STORE`, else `.soxready/soxready.sqlite`. A
    /// `postgresql://` or `postgres://` URL is a PostgreSQL store, anything else a SQLite file.
    var storePath: String {
        if let store, !store.isEmpty { return store }
        if let env = ProcessInfo.processInfo.environment["SOXREADY_STORE"], !env.isEmpty { return env }
        return Self.defaultStore
    }

    /// Seconds a writer waits for the lock (`$SOXREADY_BUSY_TIMEOUT`, default 3).
    var busyTimeout: Double {
        ProcessInfo.processInfo.environment["SOXREADY_BUSY_TIMEOUT"].flatMap(Double.init) ?? 3
    }

    /// True when the store is a PostgreSQL URL.
    var storeIsPostgres: Bool { PostgresConnectionInfo.isURL(storePath) }

    /// The store as messages name it: its path, or its URL without the password.
    var storeDisplayName: String { Self.displayName(storePath) }

    /// `location` as messages name it: a path as given, a URL without its password.
    static func displayName(_ location: String) -> String {
        PostgresConnectionInfo.isURL(location) ? PostgresConnectionInfo.redacted(location) : location
    }

    /// Opens the store at `location` (a SQLite path or a PostgreSQL URL): for writing (creating
    /// the file, or soxready's schema in an empty database, when missing), or read-only, which
    /// never creates or changes anything.
    static func openStore(_ location: String, writing: Bool, busyTimeout: Double) throws(StoreError) -> any AssessmentStore {
        if PostgresConnectionInfo.isURL(location) {
            return try PostgresStore(
                url: location, mode: writing ? .readWrite : .readOnly, busyTimeout: busyTimeout,
                toolVersion: SoxreadyVersion.current, warn: { try? Console.error($0) })
        }
        return try SQLiteStore(path: location, mode: writing ? .readWrite(create: true) : .readOnly, busyTimeout: busyTimeout)
    }

    /// Opens the store for writing, creating it when missing.
    func openStoreForWriting() throws(StoreError) -> any AssessmentStore {
        try Self.openStore(storePath, writing: true, busyTimeout: busyTimeout)
    }

    /// Opens the store read-only: reading commands never create, change or leave files.
    func openStoreForReading() throws(StoreError) -> any AssessmentStore {
        try Self.openStore(storePath, writing: false, busyTimeout: busyTimeout)
    }

    /// Opens the store read-only to read about `app`; a missing store means the app is unknown (exit 66).
    func openStoreForReading(app: String) throws(StoreError) -> any AssessmentStore {
        do {
            return try openStoreForReading()
        } catch .notFound {
            throw .appNotFound(name: app, known: [])
        }
    }

    /// The folder for an application's plans when `--output` is not given: `Reports/<slug>/` for
    /// the default store, `Reports/<store name>/<slug>/` for any other, so that the plans of two
    /// stores in one workspace never land on the same files (for a PostgreSQL store,
    /// `Reports/<database>/<slug>/`).
    func defaultPlanFolder(slug: String) -> String { "\(defaultReportsFolder)/\(slug)" }

    /// Where reports go when `--output` is not given: `Reports` for the default store,
    /// `Reports/<store name>` for any other file, `Reports/<database>` for a PostgreSQL store (the
    /// portfolio is written here, each application's plans in a folder below).
    var defaultReportsFolder: String {
        if storePath == Self.defaultStore || storePath == "./" + Self.defaultStore { return "Reports" }
        if storeIsPostgres {
            let database =
                (try? PostgresConnectionInfo.parse(
                    storePath, environment: ProcessInfo.processInfo.environment,
                    osUser: PostgresConnectionInfo.effectiveUserName()))?.database
            return "Reports/\(Identifier.slug(database ?? "postgresql"))"
        }
        return "Reports/" + Identifier.slug(((storePath as NSString).lastPathComponent as NSString).deletingPathExtension)
    }

    /// The store as the plan folders' marker names it: its absolute, standardised path, or its
    /// URL without the password.
    var storeIdentity: String {
        if storeIsPostgres { return storeDisplayName }
        let absolute = storePath.hasPrefix("/") ? storePath : FileManager.default.currentDirectoryPath + "/" + storePath
        return URL(fileURLWithPath: absolute).standardizedFileURL.path
    }
}

/// `--format` values for table-or-JSON listings.
enum ListingFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}
