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
