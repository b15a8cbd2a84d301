/// "Did you mean" suggestions from Levenshtein edit distance.
enum EditDistance {
    /// The Levenshtein distance between `a` and `b`, counted in characters.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The candidate closest to `word`, when it is close enough to be a likely typo
    /// (at most 1 edit for short words, 2 for words of 5 or more characters, 3 from 9), else nil.
    static func suggestion(for word: String, among candidates: [String]) -> String? {
        let limit = word.count >= 9 ? 3 : (word.count >= 5 ? 2 : 1)
        var best: (String, Int)?
        for candidate in candidates {
            let d = distance(word.lowercased(), candidate.lowercased())
            if d <= limit, d < (best?.1 ?? Int.max) { best = (candidate, d) }
        }
        return best?.0
    }
}
