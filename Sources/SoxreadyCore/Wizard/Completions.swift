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
