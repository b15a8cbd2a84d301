import CLibEdit
import Foundation

/// Exit on Ctrl-C (130), SIGTERM (143) and SIGHUP (129) with a last line saying the answers
/// are saved. Every confirmed answer is already in the store, so nothing is left to do but leave;
/// with libedit active, libedit has already put the terminal back when the handler runs.
enum Signals {
    nonisolated(unsafe) static var message: UnsafeMutablePointer<CChar> = strdup("\nStopped.\n")
    nonisolated(unsafe) static var messageLength = 10

    /// Sets the text printed when a signal stops the wizard.
    static func setMessage(_ text: String) {
        free(message)
        message = strdup(text)
        messageLength = text.utf8.count
    }

    static func install() {
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                _ = write(2, Signals.message, Signals.messageLength)
                _exit(128 + number)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signalNumber, &action, nil)
        }
    }
}
