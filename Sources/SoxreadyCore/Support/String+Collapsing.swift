extension String {
    /// The text on one line: every run of whitespace, line breaks and control characters (C0,
    /// DEL, C1) becomes one space, and leading and trailing ones go (`"  a\n\tb "` → `"a b"`).
    public var collapsingWhitespace: String {
        var out = ""
        var pendingSpace = false
        for scalar in unicodeScalars {
            if scalar.properties.isWhitespace || scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out += " " }
                pendingSpace = false
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
