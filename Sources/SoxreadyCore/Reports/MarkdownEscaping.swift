extension String {
    /// The text made safe as inline Markdown, in a paragraph, a list item or a table cell
    /// (GitHub and Azure DevOps): Markdown punctuation is backslash-escaped, `<`, `>` and `&`
    /// become entities (no raw HTML), pipes cannot end a cell, line breaks become `<br>`, and a
    /// leading `#`, `-`, `+`, `=` or `1.` cannot start a heading or a list.
    public var markdownEscaped: String {
        // Fast path: nothing to escape anywhere, and no list or heading marker at the start.
        let special: Set<UInt8> = Set("\\`*_[]|#~!{}<>&".utf8)
        if let first = utf8.first, !"-+=0123456789".utf8.contains(first),
            !utf8.contains(where: { special.contains($0) || $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 })
        {
            return self
        }
        var out = ""
        out.reserveCapacity(utf8.count + 8)
        var atStart = true
        var previousWasCR = false
        for character in self {
            if character == "\n" || character == "\r" || character == "\r\n" {
                if !(character == "\n" && previousWasCR) { out += "<br>" }
                previousWasCR = character == "\r"
                atStart = true
                continue
            }
            previousWasCR = false
            switch character {
            case "\\", "`", "*", "_", "[", "]", "|", "#", "~", "!", "{", "}":
                out += "\\" + String(character)
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "-" where atStart, "+" where atStart, "=" where atStart:
                out += "\\" + String(character)
            default:
                if let scalar = character.unicodeScalars.first, scalar.value < 0x20 || scalar.value == 0x7F {
                    out += " "
                } else if character.unicodeScalars.contains(where: {
                    (0x80...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value)
                        || (0x2066...0x2069).contains($0.value)
                }) {
                    // C1 controls and bidirectional overrides become visible escapes.
                    for scalar in character.unicodeScalars {
                        let value = scalar.value
                        if (0x80...0x9F).contains(value) || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) {
                            out += "\\\\u{\(String(value, radix: 16))}"
                        } else {
                            out.unicodeScalars.append(scalar)
                        }
                    }
                } else {
                    out.append(character)
                }
            }
            if atStart, character != " " { atStart = false }
        }
        // "1. text" or "1) text" at the start would become a numbered list; "81.9" stays as it is.
        if let mark = out.firstIndex(where: { $0 == "." || $0 == ")" }), mark != out.startIndex,
            out[out.startIndex..<mark].allSatisfy(\.isNumber)
        {
            let after = out.index(after: mark)
            if after == out.endIndex || out[after] == " " { out.insert("\\", at: mark) }
        }
        return out
    }
}
