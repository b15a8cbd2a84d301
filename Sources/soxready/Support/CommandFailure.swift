import ArgumentParser
import Foundation
import SoxreadyCore

/// An error already worded for the user, with its exit status; printed as `soxready: error: …`.
struct CommandFailure: Error {
    var message: String
    var status: ExitStatus

    init(_ message: String, _ status: ExitStatus) {
        self.message = message
        self.status = status
    }
}

/// Runs `body`, printing any failure on stderr (terminal-safe) and exiting with its documented
/// status: a ``CommandFailure``, or an error of the core (each maps to one exit code).
func reportingFailures(_ body: () throws -> Void) throws {
    let (message, status): (String, ExitStatus)
    do {
        try body()
        if let lost = Console.lostOutput { throw lost }
        return
    } catch let failure as CommandFailure {
        (message, status) = ("soxready: error: \(failure.message.terminalSafe(keepNewlines: true))", failure.status)
    } catch let error as StoreError {
        (message, status) = ("soxready: error: \(error.description.terminalSafe())", error.exitStatus)
    } catch let error as QuestionnaireLoadError {
        // Diagnostics keep their FILE:LINE:COLUMN form; other failures get the usual prefix.
        if case .invalid = error {
            (message, status) = (error.description.terminalSafe(keepNewlines: true), error.exitStatus)
        } else {
            (message, status) = ("soxready: error: \(error.description.terminalSafe())", error.exitStatus)
        }
    } catch let error as AnswersFileError {
        if case .invalid = error {
            (message, status) = (error.description.terminalSafe(keepNewlines: true), error.exitStatus)
        } else {
            (message, status) = ("soxready: error: \(error.description.terminalSafe())", error.exitStatus)
        }
    } catch let error as AssessFlowError {
        (message, status) = ("soxready: error: \(error.description.terminalSafe())", error.exitStatus)
    } catch let error as AtomicFile.WriteError {
        (message, status) = ("soxready: error: \(error.description.terminalSafe())", .cannotCreate)
    } catch let error as PlanRenderer.TemplateError {
        (message, status) = ("soxready: error: \(error.description.terminalSafe())", error.exitStatus)
    } catch let error as InterchangeError {
        (message, status) = ("soxready: error: \(error.description.terminalSafe())", error.exitStatus)
    } catch let error as Console.WriteFailure {
        (message, status) = ("soxready: error: \(error.description.terminalSafe())", .ioError)
    } catch let error as ExitCode {
        throw error
    }
    // Wrapped at words on a terminal (an 80-column one otherwise breaks words); whole on a pipe.
    let width = isatty(2) == 1 ? WizardText.layoutWidth(Terminal.columnsVariable ?? Terminal.size().columns) : nil
    // If even standard error fails, the exit status still says what happened.
    try? Console.error(TextWrap.lines(message, width: width))
    throw ExitCode(status.rawValue)
}
