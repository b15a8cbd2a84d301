import ArgumentParser
import Foundation
import SoxreadyCore

extension GlobalOptions {
    /// The store path: `--store`, else `$SOXREADY_STORE`, else `.soxready/soxready.sqlite`.
    var storePath: String {
        if let store, !store.isEmpty { return store }
        if let env = ProcessInfo.processInfo.environment["SOXREADY_STORE"], !env.isEmpty { return env }
        return ".soxready/soxready.sqlite"
    }

    /// Seconds a writer waits for the lock (`$SOXREADY_BUSY_TIMEOUT`, default 3).
    var busyTimeout: Double {
        ProcessInfo.processInfo.environment["SOXREADY_BUSY_TIMEOUT"].flatMap(Double.init) ?? 3
    }

    /// Opens the store; `create: false` leaves a missing store missing (read-only commands).
    func openStore(create: Bool) throws -> AssessmentStore {
        do {
            return try AssessmentStore(path: storePath, create: create, busyTimeout: busyTimeout)
        } catch {
            throw Failure(error.description, error.exitStatus)
        }
    }
}

extension GlobalOptions {
    /// Opens an existing store for reading about `app`; a missing store means the app is unknown (exit 66).
    func openStore(forApp app: String) throws -> AssessmentStore {
        guard FileManager.default.fileExists(atPath: storePath) else {
            throw Failure(StoreError.appNotFound(name: app, known: []).description, .noInput)
        }
        return try openStore(create: false)
    }
}

/// An error already worded for the user, with its exit status; printed as `soxready: error: …`.
struct Failure: Error {
    var message: String
    var status: ExitStatus
    init(_ message: String, _ status: ExitStatus) {
        self.message = message
        self.status = status
    }
}

/// Runs `body`, printing a ``Failure`` (or a core error) on stderr and exiting with its status.
func reportingFailures(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let failure as Failure {
        printError("soxready: error: \(failure.message.terminalSafe(keepNewlines: true))")
        throw ExitCode(failure.status.rawValue)
    } catch let error as StoreError {
        printError("soxready: error: \(error.description.terminalSafe())")
        throw ExitCode(error.exitStatus.rawValue)
    } catch let error as QuestionnaireLoadError {
        // Diagnostics keep their FILE:LINE:COLUMN form; other failures get the usual prefix.
        if case .invalid = error { printError(error.description.terminalSafe(keepNewlines: true)) }
        else { printError("soxready: error: \(error.description.terminalSafe())") }
        throw ExitCode(error.exitStatus.rawValue)
    } catch let error as AnswersFileError {
        if case .invalid = error { printError(error.description.terminalSafe(keepNewlines: true)) }
        else { printError("soxready: error: \(error.description.terminalSafe())") }
        throw ExitCode(error.exitStatus.rawValue)
    } catch let error as AtomicFile.WriteError {
        printError("soxready: error: \(error.description.terminalSafe())")
        throw ExitCode(ExitStatus.cannotCreate.rawValue)
    }
}

/// `--format` values for table-or-JSON listings.
enum ListingFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}
