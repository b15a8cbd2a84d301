import Foundation
import SoxreadyCore

/// Standard output and standard error as writes that can fail: a full disk, a closed pipe.
///
/// Every command writes through here, so that `soxready history > /dev/full` exits 74 instead of
/// claiming success with its output lost. C stdio (libedit writes through it) is flushed first,
/// so the order on the terminal stays as written.
enum Console {
    /// A write to standard output or standard error failed (exit 74).
    struct WriteFailure: Error, CustomStringConvertible {
        var stream: String
        var reason: String
        var description: String { "cannot write to \(stream): \(reason)" }
    }

    /// Writes `text` to standard output.
    ///
    /// - Throws: ``WriteFailure``.
    static func out(_ text: String) throws(WriteFailure) { try write(Data(text.utf8), to: 1) }

    /// Writes `data` to standard output.
    ///
    /// - Throws: ``WriteFailure``.
    static func out(_ data: Data) throws(WriteFailure) { try write(data, to: 1) }

    /// True when standard error is the same file, pipe or terminal as standard output (`2>&1`,
    /// or both on one terminal): what is printed to both would be seen twice.
    static var errorIsOutput: Bool {
        var out = stat(), err = stat()
        guard fstat(1, &out) == 0, fstat(2, &err) == 0 else { return false }
        return out.st_dev == err.st_dev && out.st_ino == err.st_ino
    }

    /// Writes `text` and a newline to standard error.
    ///
    /// - Throws: ``WriteFailure``.
    static func error(_ text: String) throws(WriteFailure) { try write(Data((text + "\n").utf8), to: 2) }

    /// Set when a write in a context that cannot throw (the wizard's screen) failed.
    nonisolated(unsafe) static var lostOutput: WriteFailure?

    /// Writes `text` to standard output, remembering a failure in ``lostOutput``.
    static func outRemembering(_ text: String) {
        do { try out(text) } catch { if lostOutput == nil { lostOutput = error } }
    }

    /// Writes `text` to standard error, remembering a failure in ``lostOutput``.
    static func errorRemembering(_ text: String) {
        do { try error(text) } catch { if lostOutput == nil { lostOutput = error } }
    }

    static func write(_ data: Data, to fd: Int32) throws(WriteFailure) {
        fflush(nil)
        let name = fd == 1 ? "standard output" : "standard error"
        var failure: String?
        data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(fd, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        if let failure { throw WriteFailure(stream: name, reason: failure) }
    }
}
