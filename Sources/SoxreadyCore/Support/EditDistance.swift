/// "Did you mean" suggestions from Levenshtein edit distance.
public enum EditDistance {
    /// The edit distance between `a` and `b` in characters, counting a swap of two neighbours as
    /// one edit (optimal string alignment), so `tpye` is one edit from `type`.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = Swift.min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = Swift.min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }

    /// The candidate closest to `word`, when it is close enough to be a likely typo
    /// (at most 1 edit for short words, 2 for words of 5 or more characters, 3 from 9), else nil.
    public static func suggestion(for word: String, among candidates: [String]) -> String? {
        let limit = word.count >= 9 ? 3 : (word.count >= 5 ? 2 : 1)
        var best: (String, Int)?
        for candidate in candidates {
            let d = distance(word.lowercased(), candidate.lowercased())
            if d <= limit, d < (best?.1 ?? Int.max) { best = (candidate, d) }
        }
        return best?.0
    }
}
