import CLibEdit
import Foundation
import SoxreadyCore

/// Line editing with libedit's native wide-character API: pre-filled answers (`el_wpush`), Tab
/// completion of choices (`EL_ADDFN`), a help key, and history within the session (never written
/// to a file: answers are confidential and already kept in the store).
///
/// libedit's own signal handling (`EL_SIGNAL`) is off: it passes every signal on to the whole
/// process group and does not redraw after a stop. ``Signals`` handles them instead, and this
/// reader reads the keys itself (`EL_GETCFN`): it decodes UTF-8 whatever the locale, takes CRLF
/// as one Enter, redraws the prompt and the line after a stop and lays them out again after a
/// resize (libedit crashes when a line taller than the window is edited after a shrink, unless
/// its screen is redrawn first).
///
/// Use only when stdin and stdout are both terminals (see ``Terminal/lineEditingAvailable``).
final class LibEditLineReader: LineReader {
    let editsLine = true
    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private let context: EditorContext
    private let retained: Unmanaged<EditorContext>

    /// Sets up libedit, or returns nil when it cannot start or no UTF-8 character set is
    /// available (libedit would drop every non-ASCII character).
    init?() {
        guard Self.chooseUTF8Locale() else {
            let message =
                "soxready: no UTF-8 locale is available for line editing; using plain prompts (set LANG to a UTF-8 locale such as C.UTF-8)\n"
            FileHandle.standardError.write(Data(message.utf8))
            return nil
        }
        // libedit's own signal handling is off below: these handlers must be in place.
        Signals.install()
        guard let editLine = soxready_el_init_stdio(CommandLine.arguments.first ?? "soxready"),
            let history = history_init()
        else { return nil }
        self.editLine = editLine
        self.history = history
        context = EditorContext()
        retained = Unmanaged.passRetained(context)
        soxready_el_set_clientdata(editLine, retained.toOpaque())
        soxready_history_setsize(history, 200)
        soxready_el_set_hist(editLine, history)
        soxready_el_set_editor(editLine, "emacs")
        soxready_el_set_signal(editLine, 0)
        // CR stays CR while editing, so that a pasted CRLF is one Enter, not two.
        soxready_el_setty_edit(editLine, "-icrnl")
        soxready_el_setty_edit(editLine, "-inlcr")
        soxready_el_set_getcfn(editLine) { editLine, character in
            guard let editLine, let character else { return -1 }
            return EditorContext.of(editLine).readCharacter(editLine, into: character)
        }
        soxready_el_set_prompt(editLine) { editLine in
            guard let editLine else { return nil }
            return EditorContext.of(editLine).promptText
        }
        soxready_el_addfn(editLine, "soxready-complete", "complete a choice") { editLine, _ in
            guard let editLine else { return UInt8(CC_ERROR) }
            return EditorContext.of(editLine).complete(editLine)
        }
        soxready_el_bind(editLine, "^I", "soxready-complete")
        soxready_el_addfn(editLine, "soxready-help", "help on the question") { editLine, _ in
            guard let editLine else { return UInt8(CC_ERROR) }
            return EditorContext.of(editLine).helpKey(editLine)
        }
        soxready_el_bind(editLine, "?", "soxready-help")
        // Home, End and Delete as terminals send them (libedit binds only terminfo's forms).
        for key in ["^[[1~", "^[[7~", "^[[H", "^[OH"] { soxready_el_bind(editLine, key, "ed-move-to-beg") }
        for key in ["^[[4~", "^[[8~", "^[[F", "^[OF"] { soxready_el_bind(editLine, key, "ed-move-to-end") }
        soxready_el_bind(editLine, "^[[3~", "ed-delete-next-char")
    }

    deinit {
        history_end(history)
        el_end(editLine)
        retained.release()
    }

    /// Keeps LC_CTYPE when its character set is UTF-8; otherwise (C, POSIX, LANG unset) switches
    /// LC_CTYPE alone to a UTF-8 locale for libedit. False when none exists.
    static func chooseUTF8Locale() -> Bool {
        setlocale(LC_CTYPE, "")
        if soxready_codeset_is_utf8() != 0 { return true }
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8"] where setlocale(LC_CTYPE, name) != nil {
            if soxready_codeset_is_utf8() != 0 { return true }
        }
        setlocale(LC_CTYPE, "C")
        return false
    }

    var columns: Int { Terminal.size().columns }

    func readLine(prompt: String, prefill: String?, completions: Completions) -> LineInput {
        readLine(LineRequest(prompt: prompt, prefill: prefill, completions: completions))
    }

    func readLine(_ request: LineRequest) -> LineInput {
        let restored = context.begin(request)
        // Lay the line out at the window's current size (libedit reads it only when told).
        el_resize(editLine)
        _ = Signals.memory.take(SignalMemory.resized)
        context.layoutColumns = Terminal.size().columns
        if !restored.isEmpty {
            var wide = restored
            wide.append(0)
            el_wpush(editLine, wide)
        }
        Signals.memory.flags[SignalMemory.editing] = 1
        var count: Int32 = 0
        let line = el_wgets(editLine, &count)
        Signals.memory.flags[SignalMemory.editing] = 0
        if context.helpRequested { return .line("?") }
        guard let line, count > 0 else { return .endOfInput }
        var scalars = String.UnicodeScalarView()
        for index in 0..<Int(count) {
            if let scalar = Unicode.Scalar(UInt32(bitPattern: line[index])) { scalars.append(scalar) }
        }
        var text = String(scalars)
        while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
        if !text.trimmingCharacters(in: .whitespaces).isEmpty { soxready_history_enter(history, text) }
        return .line(text)
    }
}

/// The state libedit's callbacks reach through `EL_CLIENTDATA`: the prompt, the request, the
/// keys read but not yet given to libedit, and what the help key put aside.
final class EditorContext {
    /// The prompt as a C string; replaced only between lines, never while libedit may read it.
    private(set) var promptText: UnsafeMutablePointer<CChar> = strdup("> ")
    private var request = LineRequest(prompt: "> ")
    /// The pre-fill as pushed (control characters removed).
    private var prefill: [Int32] = []
    /// The line put aside by the help key, given back at the next line.
    private var stash: [Int32]?
    private var lastAmbiguousLine: [Int32]?
    /// True when the help key ended the line.
    private(set) var helpRequested = false
    /// Keys decoded and not yet given to libedit.
    private var pending: [Int32] = []
    private var pendingIndex = 0
    /// Bytes of an incomplete UTF-8 sequence.
    private var partial: [UInt8] = []
    private var lastWasCR = false
    /// The width libedit laid the line out for.
    var layoutColumns = 80

    deinit { free(promptText) }

    /// The context stored in an EditLine's client data.
    static func of(_ editLine: OpaquePointer) -> EditorContext {
        // swift-format-ignore: NeverForceUnwrap
        // The reader sets the client data before it installs any callback that calls this, and
        // clears it only after el_end; a nil here is a programming error, not input.
        Unmanaged<EditorContext>.fromOpaque(soxready_el_get_clientdata(editLine)!).takeUnretainedValue()
    }

    /// Starts a line: returns what to pre-fill (the line the help key put aside, else the pre-fill).
    func begin(_ request: LineRequest) -> [Int32] {
        free(promptText)
        promptText = strdup(request.prompt)
        let giveBack = stash.flatMap { self.request.prompt == request.prompt ? $0 : nil }
        self.request = request
        stash = nil
        helpRequested = false
        lastAmbiguousLine = nil
        // el_wpush feeds keystrokes: keep control characters out of it.
        prefill = (request.prefill ?? "").unicodeScalars.filter {
            $0.value >= 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value)
        }
        .map { Int32(bitPattern: $0.value) }
        return giveBack ?? prefill
    }

    // MARK: - Reading keys

    /// EL_GETCFN: the next character, 1; 0 at end of input; -1 on an error. Waits on the
    /// terminal and on the signal handlers' pipe, and redraws after a stop or a resize.
    func readCharacter(_ editLine: OpaquePointer, into character: UnsafeMutablePointer<wchar_t>) -> Int32 {
        let memory = Signals.memory
        if memory.flags[SignalMemory.editing] != 0, memory.flags[SignalMemory.hasEditingMode] == 0,
            tcgetattr(0, memory.editingMode) == 0
        {
            memory.flags[SignalMemory.hasEditingMode] = 1
        }
        while true {
            if memory.take(SignalMemory.continued) { redraw(editLine, afterResize: false) }
            if memory.take(SignalMemory.resized) { redraw(editLine, afterResize: true) }
            if pendingIndex < pending.count {
                character.pointee = wchar_t(pending[pendingIndex])
                pendingIndex += 1
                return 1
            }
            var fds = [
                pollfd(fd: 0, events: Int16(POLLIN), revents: 0),
                pollfd(fd: memory.flags[SignalMemory.wakeRead], events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&fds, fds[1].fd >= 0 ? 2 : 1, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return -1
            }
            if fds[1].revents != 0 { memory.drainWakeUps() }
            guard fds[0].revents != 0 else { continue }
            var bytes = [UInt8](repeating: 0, count: 256)
            let count = read(0, &bytes, bytes.count)
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return -1
            }
            if count == 0 { return 0 }
            decode(bytes.prefix(count))
        }
    }

    /// Decodes UTF-8 (invalid bytes become U+FFFD) into pending keys; a LF right after a CR is dropped.
    private func decode(_ bytes: ArraySlice<UInt8>) {
        if pendingIndex >= pending.count {
            pending.removeAll(keepingCapacity: true)
            pendingIndex = 0
        }
        var input = partial + bytes
        partial = []
        // Keep an incomplete sequence at the end for the next read.
        var cut = input.count
        var back = 0
        while back < 4, cut - back - 1 >= 0 {
            let byte = input[cut - back - 1]
            if byte & 0xC0 == 0x80 {
                back += 1
                continue
            }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            if length > back + 1 { cut = cut - back - 1 }
            break
        }
        if cut < input.count {
            partial = Array(input[cut...])
            input = Array(input[..<cut])
        }
        for scalar in String(decoding: input, as: UTF8.self).unicodeScalars {
            if scalar == "\n", lastWasCR {
                lastWasCR = false
                continue
            }
            lastWasCR = scalar == "\r"
            pending.append(Int32(bitPattern: scalar.value))
        }
    }

    /// Draws the prompt and the line again: after a continue where the cursor is; after a resize
    /// from the top of the line, at the new size.
    private func redraw(_ editLine: OpaquePointer, afterResize: Bool) {
        if afterResize, let info = el_wline(editLine) {
            // Go back to the prompt's first row, as libedit laid it out before the resize.
            let before = Self.text(info.pointee.buffer, count: info.pointee.cursor - info.pointee.buffer)
            let offset = (String(cString: promptText).displayWidth + before.displayWidth) / max(layoutColumns, 1)
            soxready_stdout_write("\r" + (offset > 0 ? "\u{1B}[\(offset)A" : "") + "\u{1B}[J")
            el_resize(editLine)
            layoutColumns = Terminal.size().columns
        } else {
            soxready_stdout_write("\r\u{1B}[J")
        }
        soxready_el_refresh(editLine)
    }

    // MARK: - Keys bound to soxready functions

    /// Tab: completes against the text before the cursor (see ``Completions/completing(_:)``):
    /// a unique match is inserted, a longer common prefix is inserted, and a second Tab on an
    /// ambiguous line lists the candidates.
    func complete(_ editLine: OpaquePointer) -> UInt8 {
        guard let info = el_wline(editLine) else { return UInt8(CC_REFRESH_BEEP) }
        let typed = Array(UnsafeBufferPointer(start: info.pointee.buffer, count: info.pointee.cursor - info.pointee.buffer))
        let typedText = Self.text(info.pointee.buffer, count: typed.count)
        let (fragment, matches) = request.completions.completing(typedText)
        guard !matches.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
        let common = Self.commonPrefix(matches)
        let fragmentLength = fragment.unicodeScalars.count
        if common.count > fragment.count || (matches.count == 1 && common != fragment) {
            Self.replace(fragmentLength: fragmentLength, with: matches.count == 1 ? matches[0] : common, in: editLine)
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

    /// `?`: when the request has a help key and the line is empty or the untouched pre-fill (or
    /// is not free text), ends the line as `?` and puts the line aside for the next request;
    /// otherwise inserts `?`.
    func helpKey(_ editLine: OpaquePointer) -> UInt8 {
        guard let info = el_wline(editLine) else { return UInt8(CC_ERROR) }
        let line = Array(UnsafeBufferPointer(start: info.pointee.buffer, count: info.pointee.lastchar - info.pointee.buffer))
        let untouched = line.isEmpty || line == prefill
        guard request.helpKey, untouched || !request.freeText else {
            el_winsertstr(editLine, [0x3F, 0])
            return UInt8(CC_REFRESH)
        }
        stash = line.isEmpty ? prefill : line
        helpRequested = true
        // Show `?` on the line that ends.
        el_cursor(editLine, Int32(info.pointee.lastchar - info.pointee.cursor))
        if !line.isEmpty { el_deletestr(editLine, Int32(line.count)) }
        el_winsertstr(editLine, [0x3F, 0])
        return UInt8(CC_NEWLINE)
    }

    static func text(_ start: UnsafePointer<wchar_t>?, count: Int) -> String {
        guard let start, count > 0 else { return "" }
        var scalars = String.UnicodeScalarView()
        for index in 0..<count {
            if let scalar = Unicode.Scalar(UInt32(bitPattern: start[index])) { scalars.append(scalar) }
        }
        return String(scalars)
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
                prefix[length].lowercased() == characters[length].lowercased()
            { length += 1 }
            prefix = Array(prefix.prefix(length))
        }
        return String(prefix)
    }
}
