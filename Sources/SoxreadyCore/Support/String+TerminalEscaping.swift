extension String {
    /// The text made safe to print on a terminal: C0 and C1 control characters (ESC, BEL, CR,
    /// backspace and the rest), DEL and bidirectional overrides become visible `\u{…}` escapes;
    /// tabs become spaces. Newlines are kept only when `keepNewlines` is true.
    public func terminalSafe(keepNewlines: Bool = false) -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            switch scalar.value {
            case 0x0A where keepNewlines:
                result.unicodeScalars.append(scalar)
            case 0x09:
                result += " "
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069:
                result += "\\u{\(String(scalar.value, radix: 16))}"
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
