import CLibEdit
import SoxreadyCore

/// Reads one line per question from stdin with no line editing and no escape sequences: for
/// pipes, files, `TERM=dumb` and unknown terminals. The prompt is printed and ends with a
/// newline; an empty line takes the default shown.
final class PlainLineReader: LineReader {
    let editsLine = false

    func readLine(prompt: String, prefill: String?, completions: [String]) -> LineInput {
        let shown = prompt.trimmingCharacters(in: .whitespaces)
        if let prefill, !prefill.isEmpty {
            soxready_stdout_write("\(shown) (Enter keeps: \(prefill.terminalSafe()))\n")
        } else {
            soxready_stdout_write("\(shown)\n")
        }
        guard let line = Swift.readLine(strippingNewline: true) else { return .endOfInput }
        var text = line
        while text.hasSuffix("\r") { text.removeLast() }
        return .line(text)
    }
}
