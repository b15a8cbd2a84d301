/// What a line reader got.
public enum LineInput: Sendable, Equatable {
    /// A line, without its line ending.
    case line(String)
    /// End of input: Ctrl-D on an empty line, `</dev/null`, or a pipe that ran dry.
    case endOfInput
}

/// Reads one answer line. The wizard's only source of input.
///
/// Implementations: the executable's libedit reader (terminal) and plain reader (pipes,
/// `TERM=dumb`); ``ScriptedLineReader`` in tests.
public protocol LineReader: AnyObject {
    /// True when the pre-fill is placed in an editable buffer (libedit): an empty line then means
    /// the lead cleared it. False when the reader only shows it (plain mode): an empty line takes it.
    var editsLine: Bool { get }

    /// Reads one line.
    ///
    /// - Parameters:
    ///   - prompt: The short prompt on the input line (`> `).
    ///   - prefill: The text to pre-fill (libedit) or to show as the default (plain), if any.
    ///   - completions: Candidates for Tab completion (choice ids, labels and commands).
    func readLine(prompt: String, prefill: String?, completions: [String]) -> LineInput
}

/// A line reader that replays scripted lines and records what it was asked, for tests.
public final class ScriptedLineReader: LineReader {
    /// The lines still to give; `nil` entries mean end of input.
    public var lines: [String?]
    /// Every prompt and pre-fill it was asked with, in order.
    public private(set) var asked: [(prompt: String, prefill: String?)] = []
    public var editsLine: Bool

    /// Creates a reader that gives `lines` in order, then end of input.
    public init(_ lines: [String?], editsLine: Bool = false) {
        self.lines = lines
        self.editsLine = editsLine
    }

    public func readLine(prompt: String, prefill: String?, completions: [String]) -> LineInput {
        asked.append((prompt, prefill))
        guard !lines.isEmpty, let line = lines.removeFirst() else { return .endOfInput }
        // An editing reader returns the pre-fill when the scripted line is the marker "<enter>".
        if editsLine, line == "<enter>" { return .line(prefill ?? "") }
        return .line(line)
    }
}
