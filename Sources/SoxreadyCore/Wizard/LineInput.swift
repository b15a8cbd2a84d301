/// What a line reader got.
public enum LineInput: Sendable, Equatable {
    /// A line, without its line ending.
    case line(String)
    /// End of input: Ctrl-D on an empty line, `</dev/null`, or a pipe that ran dry.
    case endOfInput
}
