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
