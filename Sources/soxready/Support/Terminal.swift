import CLibEdit
import Foundation
import SoxreadyCore

/// Facts about the terminal the process runs in.
enum Terminal {}

extension Terminal {
    /// True when line editing can be used: stdin and stdout are terminals and TERM names a
    /// terminal described in the terminfo database.
    static var lineEditingAvailable: Bool {
        guard isatty(0) == 1, isatty(1) == 1 else { return false }
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        guard !["", "dumb", "unknown"].contains(term), !term.contains("/") else { return false }
        return hasTerminfoEntry(term)
    }

    /// True when a terminfo entry for `term` exists in the usual places.
    static func hasTerminfoEntry(_ term: String) -> Bool {
        var folders: [String] = []
        let environment = ProcessInfo.processInfo.environment
        if let own = environment["TERMINFO"] { folders.append(own) }
        if let home = environment["HOME"] { folders.append(home + "/.terminfo") }
        if let dirs = environment["TERMINFO_DIRS"] { folders += dirs.split(separator: ":").map(String.init) }
        folders += ["/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo", "/usr/lib/terminfo"]
        guard let first = term.unicodeScalars.first else { return false }
        let letter = String(first)
        let hex = String(first.value, radix: 16)
        return folders.contains { folder in
            FileManager.default.fileExists(atPath: "\(folder)/\(letter)/\(term)")
                || FileManager.default.fileExists(atPath: "\(folder)/\(hex)/\(term)")
        }
    }
}

extension Terminal {
    /// The window size of the terminal on stdout (else stdin); when neither is a terminal,
    /// `COLUMNS` (else 80) columns and 24 rows.
    static func size() -> (rows: Int, columns: Int) {
        var rows: UInt16 = 0, columns: UInt16 = 0
        for fd: Int32 in [1, 0] where soxready_window_size(fd, &rows, &columns) == 0 && columns > 0 {
            return (rows > 0 ? Int(rows) : 24, Int(columns))
        }
        let environment = ProcessInfo.processInfo.environment["COLUMNS"].flatMap { Int($0) }
        return (24, environment.map { max($0, 20) } ?? 80)
    }
}

extension Terminal {
    /// `COLUMNS` when it is set to a number (at least 20), else nil.
    static var columnsVariable: Int? {
        guard let text = ProcessInfo.processInfo.environment["COLUMNS"]?.trimmingWhitespace, let value = Int(text), value > 0 else {
            return nil
        }
        return max(value, 20)
    }

    /// The width that output laid out for a terminal (tables, the run summary, the plan paths)
    /// fits: `COLUMNS` when it is set, else the terminal's when standard output is one, else none
    /// (a pipe or a file gets whole lines, as scripts expect).
    static var outputWidth: Int? {
        if let columns = columnsVariable { return columns }
        guard isatty(1) == 1 else { return nil }
        return size().columns
    }

    /// The width the run summary and other running text wrap to: ``outputWidth``, at most 100;
    /// none for a pipe or a file without `COLUMNS`.
    static var summaryWidth: Int? {
        outputWidth.map { WizardText.layoutWidth($0) }
    }
}
