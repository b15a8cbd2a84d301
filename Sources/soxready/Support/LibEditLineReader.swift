import CLibEdit
import Foundation
import SoxreadyCore

/// Line editing with libedit's native wide-character API: pre-filled answers (`el_wpush`), Tab
/// completion of choices (`EL_ADDFN`), history within the session, and libedit's own signal
/// handling (`EL_SIGNAL`), which puts the terminal back before a signal is passed on.
///
/// Use only when stdin and stdout are both terminals (see ``Terminal/lineEditingAvailable``).
final class LibEditLineReader: LineReader {
    let editsLine = true
    private let editLine: OpaquePointer
    private let history: OpaquePointer

    /// The state the C callbacks read: libedit calls them with no context of ours.
    nonisolated(unsafe) static var promptText: UnsafeMutablePointer<CChar> = strdup("> ")
    nonisolated(unsafe) static var candidates = Completions(primary: [])
    nonisolated(unsafe) static var lastAmbiguousLine: [Int32]?

    init?() {
        setlocale(LC_CTYPE, "")
        guard let editLine = soxready_el_init_stdio(CommandLine.arguments.first ?? "soxready"),
            let history = history_init()
        else { return nil }
        self.editLine = editLine
        self.history = history
        soxready_history_setsize(history, 200)
        soxready_el_set_hist(editLine, history)
        soxready_el_set_editor(editLine, "emacs")
        soxready_el_set_signal(editLine, 1)
        soxready_el_set_prompt(editLine) { _ in LibEditLineReader.promptText }
        soxready_el_addfn(editLine, "soxready-complete", "complete a choice") { editLine, _ in
            LibEditLineReader.complete(editLine)
        }
        soxready_el_bind(editLine, "^I", "soxready-complete")
    }

    deinit {
        history_end(history)
        el_end(editLine)
    }

    func readLine(prompt: String, prefill: String?, completions: Completions) -> LineInput {
        free(Self.promptText)
        Self.promptText = strdup(prompt)
        Self.candidates = completions
        Self.lastAmbiguousLine = nil
        if let prefill, !prefill.isEmpty {
            // el_wpush feeds keystrokes: keep control characters out of it.
            var wide = prefill.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map { Int32(bitPattern: $0.value) }
            wide.append(0)
            el_wpush(editLine, wide)
        }
        var count: Int32 = 0
        guard let line = el_wgets(editLine, &count), count > 0 else { return .endOfInput }
        var scalars = String.UnicodeScalarView()
        for index in 0..<Int(count) {
            if let scalar = Unicode.Scalar(UInt32(bitPattern: line[index])) { scalars.append(scalar) }
        }
        var text = String(scalars)
        while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
        if !text.trimmingCharacters(in: .whitespaces).isEmpty { soxready_history_enter(history, text) }
        return .line(text)
    }

    /// Completes against everything typed before the cursor (for multi questions, against the
    /// item after the last comma): a unique match is inserted, a longer common prefix is
    /// inserted, and a second Tab on an ambiguous line lists the candidates.
    static func complete(_ editLine: OpaquePointer?) -> UInt8 {
        guard let editLine, let info = el_wline(editLine) else { return UInt8(CC_REFRESH_BEEP) }
        let start = info.pointee.buffer!, cursor = info.pointee.cursor!
        let typed = Array(UnsafeBufferPointer(start: start, count: cursor - start))
        var fragment = typed
        if candidates.itemwise, let cut = typed.lastIndex(where: { $0 == 0x2C || $0 == 0x20 }) {
            fragment = Array(typed[(cut + 1)...])
        }
        let fragmentText = String(String.UnicodeScalarView(fragment.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }))
        let matches = candidates.matches(fragmentText)
        guard !matches.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
        let common = commonPrefix(matches)
        if common.count > fragmentText.count || (matches.count == 1 && common != fragmentText) {
            replace(fragmentLength: fragment.count, with: matches.count == 1 ? matches[0] : common, in: editLine)
            lastAmbiguousLine = nil
            return UInt8(CC_REFRESH)
        }
        if matches.count == 1 { return UInt8(CC_REFRESH) }
        if lastAmbiguousLine == typed {
            let list = "\n" + matches.map { $0.terminalSafe() }.joined(separator: "   ") + "\n"
            soxready_stdout_write(list)
            return UInt8(CC_REDISPLAY)
        }
        lastAmbiguousLine = typed
        return UInt8(CC_REFRESH_BEEP)
    }

    static func replace(fragmentLength: Int, with text: String, in editLine: OpaquePointer) {
        if fragmentLength > 0 { el_deletestr(editLine, Int32(fragmentLength)) }
        var wide = text.unicodeScalars.map { Int32(bitPattern: $0.value) }
        wide.append(0)
        el_winsertstr(editLine, wide)
    }

    /// The longest case-insensitive common prefix, spelled as in the first candidate.
    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first.map({ Array($0) }) else { return "" }
        for word in words.dropFirst() {
            let characters = Array(word)
            var length = 0
            while length < min(prefix.count, characters.count),
                prefix[length].lowercased() == characters[length].lowercased() { length += 1 }
            prefix = Array(prefix.prefix(length))
        }
        return String(prefix)
    }
}

