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
