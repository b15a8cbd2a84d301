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
    ///   - completions: Candidates for Tab completion.
    func readLine(prompt: String, prefill: String?, completions: Completions) -> LineInput
}

/// Tab completion candidates: `primary` (choice ids, keywords, commands) are tried first;
/// `secondary` (choice labels, which may hold spaces) only when no primary candidate matches.
public struct Completions: Sendable, Equatable {
    /// Candidates tried first: choice ids, keywords, commands.
    public var primary: [String]
    /// Candidates tried when no primary one matches: choice labels.
    public var secondary: [String]
    /// For multi questions: complete only the item after the last comma or space.
    public var itemwise: Bool

    /// Creates candidates; `itemwise` completes only the item after the last comma or space.
    public init(primary: [String], secondary: [String] = [], itemwise: Bool = false) {
        self.primary = primary
        self.secondary = secondary
        self.itemwise = itemwise
    }

    /// The candidates that start with `fragment` (case-insensitive): primary ones, else secondary.
    public func matches(_ fragment: String) -> [String] {
        let lower = fragment.lowercased()
        let first = primary.filter { $0.lowercased().hasPrefix(lower) }
        return first.isEmpty ? secondary.filter { $0.lowercased().hasPrefix(lower) } : first
    }
}

/// A line reader that replays scripted lines and records what it was asked, for tests.
public final class ScriptedLineReader: LineReader {
    /// The lines still to give; `nil` entries mean end of input.
    public var lines: [String?]
    /// Every prompt and pre-fill it was asked with, in order.
    public private(set) var asked: [(prompt: String, prefill: String?)] = []
    /// Whether the reader behaves as a line editor (see ``LineReader/editsLine``).
    public var editsLine: Bool

    /// Creates a reader that gives `lines` in order, then end of input.
    public init(_ lines: [String?], editsLine: Bool = false) {
        self.lines = lines
        self.editsLine = editsLine
    }

    /// The next scripted line (the pre-fill for `<enter>` when editing), or end of input.
    public func readLine(prompt: String, prefill: String?, completions: Completions) -> LineInput {
        asked.append((prompt, prefill))
        guard !lines.isEmpty, let line = lines.removeFirst() else { return .endOfInput }
        // An editing reader returns the pre-fill when the scripted line is the marker "<enter>".
        if editsLine, line == "<enter>" { return .line(prefill ?? "") }
        return .line(line)
    }
}
