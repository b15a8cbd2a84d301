import ArgumentParser
import Foundation
import SoxreadyCore

extension GlobalOptions {
    /// The default store, relative to the current folder.
    static let defaultStore = ".soxready/soxready.sqlite"

    /// The store path: `--store`, else `$SOXREADY_STORE`, else `.soxready/soxready.sqlite`.
    var storePath: String {
        if let store, !store.isEmpty { return store }
        if let env = ProcessInfo.processInfo.environment["SOXREADY_STORE"], !env.isEmpty { return env }
        return Self.defaultStore
    }

    /// Seconds a writer waits for the lock (`$SOXREADY_BUSY_TIMEOUT`, default 3).
    var busyTimeout: Double {
        ProcessInfo.processInfo.environment["SOXREADY_BUSY_TIMEOUT"].flatMap(Double.init) ?? 3
    }

    /// Opens the store for writing, creating it when missing.
    func openStoreForWriting() throws(StoreError) -> any AssessmentStore {
        try SQLiteStore(path: storePath, mode: .readWrite(create: true), busyTimeout: busyTimeout)
    }

    /// Opens the store read-only: reading commands never create, change or leave files.
    func openStoreForReading() throws(StoreError) -> any AssessmentStore {
        try SQLiteStore(path: storePath, mode: .readOnly, busyTimeout: busyTimeout)
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
    /// stores in one workspace never land on the same files.
    func defaultPlanFolder(slug: String) -> String { "\(defaultReportsFolder)/\(slug)" }

    /// Where reports go when `--output` is not given: `Reports` for the default store,
    /// `Reports/<store name>` for any other (the portfolio is written here, each application's
    /// plans in a folder below).
    var defaultReportsFolder: String {
        if storePath == Self.defaultStore || storePath == "./" + Self.defaultStore { return "Reports" }
        return "Reports/" + Identifier.slug(((storePath as NSString).lastPathComponent as NSString).deletingPathExtension)
    }

    /// The store as the plan folders' marker names it: its absolute, standardised path.
    var storeIdentity: String {
        let absolute = storePath.hasPrefix("/") ? storePath : FileManager.default.currentDirectoryPath + "/" + storePath
        return URL(fileURLWithPath: absolute).standardizedFileURL.path
    }
}

/// `--format` values for table-or-JSON listings.
enum ListingFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}
