import CLibEdit
import Foundation
import SoxreadyCore

/// Reads one line per question from stdin with no line editing and no escape sequences: for
/// pipes, files, `TERM=dumb` and unknown terminals. The prompt is printed and ends with a
/// newline; an empty line takes the default shown. Exactly one line is consumed per question.
final class PlainLineReader: LineReader {
    let editsLine = false

    /// The terminal's width when stdout is one (`TERM=dumb`), else `COLUMNS`, else 80.
    var columns: Int { Terminal.size().columns }

    func readLine(prompt: String, prefill: String?, completions: Completions) -> LineInput {
        let shown = prompt.trimmingCharacters(in: .whitespaces)
        if let prefill, !prefill.isEmpty {
            soxready_stdout_write("\(shown) (Enter keeps: \(prefill.terminalSafe()))\n")
        } else {
            soxready_stdout_write("\(shown)\n")
        }
        guard let line = Self.readLineUnbuffered() else { return .endOfInput }
        var text = line
        while text.hasSuffix("\r") { text.removeLast() }
        return .line(text)
    }

    /// Reads one line from file descriptor 0 a byte at a time, so that nothing after the line is
    /// taken from the input (a script can go on reading the same pipe). Nil at end of input.
    static func readLineUnbuffered() -> String? {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let count = read(0, &byte, 1)
            if count < 0 {
                if errno == EINTR { continue }
                break
            }
            if count == 0 { break }
            if byte == 0x0A { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
        }
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }
}
