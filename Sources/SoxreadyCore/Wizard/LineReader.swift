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
    /// - Returns: The line typed, without its line ending, or ``LineInput/endOfInput``.
    func readLine(prompt: String, prefill: String?, completions: Completions) -> LineInput

    /// Reads one line for a request that says more than the prompt: whether `?` asks for help
    /// and whether the answer is free text. The default implementation calls
    /// ``readLine(prompt:prefill:completions:)``.
    func readLine(_ request: LineRequest) -> LineInput

    /// The width of the output in columns, read each time text is laid out (so the next text
    /// drawn after a resize uses the new width). The default implementation gives 80.
    var columns: Int { get }
}

extension LineReader {
    /// Calls ``readLine(prompt:prefill:completions:)`` with the request's prompt, pre-fill and completions.
    public func readLine(_ request: LineRequest) -> LineInput {
        readLine(prompt: request.prompt, prefill: request.prefill, completions: request.completions)
    }

    /// 80 columns.
    public var columns: Int { 80 }
}

/// What the wizard asks a line reader for: the prompt, the pre-fill, completion candidates, and
/// how the help key behaves.
public struct LineRequest: Sendable, Equatable {
    /// The short prompt on the input line (`> `).
    public var prompt: String
    /// The text to pre-fill (line editing) or to show as the default (plain), if any.
    public var prefill: String?
    /// Candidates for Tab completion.
    public var completions: Completions
    /// True when `?` asks for help: a line editor then returns the line `?` at once when `?` is
    /// typed on an empty or untouched pre-filled line (and, unless ``freeText``, on any line),
    /// and gives back what was on the line at the next request.
    public var helpKey: Bool
    /// True for free-text answers: once the line is edited, `?` is an ordinary character.
    public var freeText: Bool

    /// Creates a request; by default `?` is an ordinary character.
    public init(
        prompt: String, prefill: String? = nil, completions: Completions = Completions(primary: []),
        helpKey: Bool = false, freeText: Bool = false
    ) {
        self.prompt = prompt
        self.prefill = prefill
        self.completions = completions
        self.helpKey = helpKey
        self.freeText = freeText
    }
}

/// Tab completion candidates: `primary` (choice ids, keywords, commands) are tried first;
/// `secondary` (choice labels, which may hold spaces and commas) only when no primary candidate matches.
public struct Completions: Sendable, Equatable {
    /// Candidates tried first: choice ids, keywords, commands.
    public var primary: [String]
    /// Candidates tried when no primary one matches: choice labels.
    public var secondary: [String]
    /// For multi questions: complete one item of a list rather than the whole line.
    public var itemwise: Bool

    /// Creates candidates; `itemwise` completes one item of a list (multi questions).
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

    /// What Tab completes in `typed` (the text before the cursor) and its candidates.
    ///
    /// The whole text is completed; for ``itemwise`` lists, the longest tail that starts after a
    /// comma or a space and has a candidate, so that a label with spaces or commas ("R&D / Ops",
    /// "Yes, with conditions") completes as one item; after a trailing separator, every
    /// candidate. An empty list has no candidate.
    public func completing(_ typed: String) -> (fragment: String, matches: [String]) {
        guard itemwise else { return (typed, matches(typed)) }
        let characters = Array(typed)
        // Start positions, longest tail first: the start of the line, then after each separator.
        var starts = [0]
        for (index, character) in characters.enumerated() where character == "," || character == " " {
            starts.append(index + 1)
        }
        for start in starts {
            var from = start
            while from < characters.count, characters[from] == " " { from += 1 }
            let fragment = String(characters[from...])
            if fragment.isEmpty { return ("", matches("")) }
            let found = matches(fragment)
            if !found.isEmpty { return (fragment, found) }
        }
        return ("", [])
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
    /// The width reported to the wizard (see ``LineReader/columns``).
    public var columns = 80
    /// Every request it was given, in order.
    public private(set) var requests: [LineRequest] = []

    /// Creates a reader that gives `lines` in order, then end of input.
    public init(_ lines: [String?], editsLine: Bool = false) {
        self.lines = lines
        self.editsLine = editsLine
    }

    /// The next scripted line for a request, recorded in ``requests``.
    public func readLine(_ request: LineRequest) -> LineInput {
        requests.append(request)
        return readLine(prompt: request.prompt, prefill: request.prefill, completions: request.completions)
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
