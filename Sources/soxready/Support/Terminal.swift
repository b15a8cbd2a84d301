import CLibEdit
import Foundation

/// Facts about the terminal the process runs in.
enum Terminal {
    /// True when `fileDescriptor` is a terminal and `TERM` names a usable terminal (not unset,
    /// empty, `dumb` or `unknown`).
    static func isInteractive(fileDescriptor: Int32) -> Bool {
        guard isatty(fileDescriptor) == 1 else { return false }
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        return !["", "dumb", "unknown"].contains(term)
    }
}

/// Writes to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
