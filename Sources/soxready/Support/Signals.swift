import CLibEdit
import Foundation

/// The wizard's signal handling.
///
/// - SIGINT (Ctrl-C), SIGTERM, SIGHUP and SIGQUIT (Ctrl-\\): put the terminal back as it was
///   when the wizard started, print the message set with ``setMessage(_:)`` and exit with
///   128 + the signal number (130, 143, 129, 131). Every confirmed answer is already saved, so
///   nothing else is left to do. Only this process exits: the signal is never passed on to the
///   process group (libedit's own handling, `EL_SIGNAL`, does `kill(0, sig)`, which kills a
///   wrapping script too).
/// - SIGTSTP (Ctrl-Z): put the terminal back, then stop this process only; on SIGCONT, put the
///   line editor's terminal mode back and ask the line reader to redraw.
/// - SIGWINCH: ask the line reader to lay the line out again at the new size.
///
/// The handlers touch only memory allocated by ``install()`` before the first handler is
/// installed (``SignalMemory``): no allocation, no lazy initialisation, nothing freed. They wake
/// the line reader through a pipe, because a signal may be delivered to any thread.
enum Signals {
    /// The memory the handlers use. Created on first use, which ``install()`` makes sure happens
    /// before any handler is installed.
    static let memory = SignalMemory()

    /// Sets the text printed when a signal stops the wizard (cut to fit its buffer).
    static func setMessage(_ text: String) {
        memory.setMessage(text)
    }

    /// Installs the handlers (once; later calls do nothing).
    static func install() {
        let memory = Signals.memory
        guard memory.flags[SignalMemory.installed] == 0 else { return }
        memory.flags[SignalMemory.installed] = 1
        if isatty(0) == 1, tcgetattr(0, memory.original) == 0 { memory.flags[SignalMemory.hasOriginal] = 1 }
        for number in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
            set(number, handler: soxreadyExitHandler, restart: false)
        }
        set(SIGTSTP, handler: soxreadyStopHandler, restart: true)
        set(SIGCONT, handler: soxreadyContinueHandler, restart: true)
        set(SIGWINCH, handler: soxreadyResizeHandler, restart: true)
    }

    private static func set(_ number: Int32, handler: @convention(c) (Int32) -> Void, restart: Bool) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = restart ? Int32(SA_RESTART) : 0
        sigaction(number, &action, nil)
    }
}

// The handlers are global functions (a C function pointer cannot come from a closure that
// refers to itself). They read Signals.memory, created by Signals.install() before they are.

/// Exit signals: terminal back, message, exit 128 + signal.
private func soxreadyExitHandler(_ number: Int32) {
    let memory = Signals.memory
    if memory.flags[SignalMemory.hasOriginal] != 0 { tcsetattr(0, TCSANOW, memory.original) }
    let slot = memory.flags[SignalMemory.activeMessage]
    _ = write(2, slot == 0 ? memory.message0 : memory.message1, Int(memory.messageLengths[Int(slot)]))
    _exit(128 + number)
}

/// Ctrl-Z: terminal back, stop this process only, and the handler again once continued.
private func soxreadyStopHandler(_ number: Int32) {
    let memory = Signals.memory
    let savedErrno = errno
    if memory.flags[SignalMemory.editing] != 0, tcgetattr(0, memory.editingMode) == 0 {
        memory.flags[SignalMemory.hasEditingMode] = 1
        // The shell's "Stopped" line goes under the line being edited, not after it.
        var newline: (UInt8, UInt8) = (0x0D, 0x0A)
        _ = withUnsafeBytes(of: &newline) { write(1, $0.baseAddress, 2) }
    }
    if memory.flags[SignalMemory.hasOriginal] != 0 { tcsetattr(0, TCSADRAIN, memory.original) }
    // Stop with the default action, sent to this process alone; execution comes back here on SIGCONT.
    var defaultAction = sigaction()
    defaultAction.__sigaction_handler.sa_handler = SIG_DFL
    sigemptyset(&defaultAction.sa_mask)
    sigaction(SIGTSTP, &defaultAction, nil)
    var unblock = sigset_t()
    sigemptyset(&unblock)
    sigaddset(&unblock, SIGTSTP)
    kill(getpid(), SIGTSTP)
    pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    var again = sigaction()
    again.__sigaction_handler.sa_handler = soxreadyStopHandler
    sigemptyset(&again.sa_mask)
    again.sa_flags = Int32(SA_RESTART)
    sigaction(SIGTSTP, &again, nil)
    errno = savedErrno
}

/// SIGCONT: the editing mode back (when a line is being edited) and a redraw requested.
private func soxreadyContinueHandler(_ number: Int32) {
    let memory = Signals.memory
    let savedErrno = errno
    if memory.flags[SignalMemory.editing] != 0, memory.flags[SignalMemory.hasEditingMode] != 0 {
        tcsetattr(0, TCSADRAIN, memory.editingMode)
    }
    memory.flags[SignalMemory.continued] = 1
    var byte: UInt8 = 0x43
    _ = write(memory.flags[SignalMemory.wakeWrite], &byte, 1)
    errno = savedErrno
}

/// SIGWINCH: a new layout requested.
private func soxreadyResizeHandler(_ number: Int32) {
    let memory = Signals.memory
    let savedErrno = errno
    memory.flags[SignalMemory.resized] = 1
    var byte: UInt8 = 0x57
    _ = write(memory.flags[SignalMemory.wakeWrite], &byte, 1)
    errno = savedErrno
}

/// Memory shared by the signal handlers and the line reader, allocated once and never freed:
/// the terminal modes, a few flags, the wake-up pipe and two message slots (a new message is
/// written to the slot not in use, then published by switching the active slot, so a handler
/// never reads a message being written).
struct SignalMemory: @unchecked Sendable {
    /// Flag indices.
    static let installed = 0, hasOriginal = 1, editing = 2, hasEditingMode = 3, continued = 4, resized = 5,
        activeMessage = 6, wakeRead = 7, wakeWrite = 8
    /// Bytes in each message slot.
    static let messageCapacity = 4096

    /// The terminal mode when the handlers were installed (cooked).
    let original = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    /// The line editor's terminal mode, captured while a line is edited.
    let editingMode = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    /// The flags (see the indices); `editing` is set by the line reader around each line it edits.
    let flags = UnsafeMutablePointer<Int32>.allocate(capacity: 9)
    /// The two message slots and their lengths.
    let message0 = UnsafeMutablePointer<CChar>.allocate(capacity: Self.messageCapacity)
    let message1 = UnsafeMutablePointer<CChar>.allocate(capacity: Self.messageCapacity)
    let messageLengths = UnsafeMutablePointer<Int32>.allocate(capacity: 2)

    init() {
        original.initialize(to: termios())
        editingMode.initialize(to: termios())
        flags.initialize(repeating: 0, count: 9)
        messageLengths.initialize(repeating: 0, count: 2)
        var fds: [Int32] = [-1, -1]
        if soxready_wake_pipe(&fds) == 0 {
            flags[Self.wakeRead] = fds[0]
            flags[Self.wakeWrite] = fds[1]
        } else {
            flags[Self.wakeRead] = -1
            flags[Self.wakeWrite] = -1
        }
        setMessage("\nStopped.\n")
    }

    /// Writes `text` to the slot not in use, then makes it the active one.
    func setMessage(_ text: String) {
        let next = 1 - Int(flags[Self.activeMessage])
        let bytes = Array(text.utf8.prefix(Self.messageCapacity))
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }  // an empty message copies nothing
            UnsafeMutableRawPointer(next == 0 ? message0 : message1).copyMemory(from: base, byteCount: buffer.count)
        }
        messageLengths[next] = Int32(bytes.count)
        flags[Self.activeMessage] = Int32(next)
    }

    /// Takes and clears a flag set by a handler.
    func take(_ index: Int) -> Bool {
        guard flags[index] != 0 else { return false }
        flags[index] = 0
        return true
    }

    /// Empties the wake-up pipe.
    func drainWakeUps() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(flags[Self.wakeRead], &buffer, buffer.count) > 0 {}
    }
}
