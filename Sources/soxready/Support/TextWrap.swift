import SoxreadyCore

/// Wrapping of the executable's running text to a terminal's width.
enum TextWrap {
    /// `text` wrapped at words to `width` (nil: as it is, one line) like ``WizardText/wrap(_:width:indent:continuation:)``,
    /// except that the short items of a list separated by " · " ("0 met late") are not split, and
    /// a separator ends a line rather than starting the next.
    static func words(_ text: String, width: Int?, indent: String = "", continuation: String? = nil) -> String {
        guard let width else { return indent + text }
        // Glued with no-break spaces while wrapping, which splits at plain spaces only.
        let glue: Character = "\u{A0}"
        let items = text.components(separatedBy: " · ").map { item in
            item.displayWidth <= 24 ? item.replacingOccurrences(of: " ", with: String(glue)) : item
        }
        let glued = items.joined(separator: "\(glue)· ")
        return WizardText.wrap(glued, width: width, indent: indent, continuation: continuation).replacingOccurrences(
            of: String(glue), with: " ")
    }

    /// `text` with each of its lines wrapped at words to `width` (nil: as it is), continuation
    /// lines indented four columns under the line's own indent; empty lines stay.
    static func lines(_ text: String, width: Int?) -> String {
        guard let width else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard !line.isEmpty else { return "" }
            let indent = String(line.prefix { $0 == " " })
            return words(String(line.dropFirst(indent.count)), width: width, indent: indent, continuation: indent + "    ")
        }.joined(separator: "\n")
    }
}
