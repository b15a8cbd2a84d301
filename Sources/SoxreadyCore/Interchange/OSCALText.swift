/// User and questionnaire text made fit for OSCAL's three kinds of string (trestle 5.2.0 models):
///
/// - markup-line (`title`, `citation.text`): one line (`^[^\n]+$`), Markdown in OSCAL, so the
///   text is Markdown-escaped (no raw HTML, no emphasis from a name);
/// - markup-multiline (`description`, `statement`, `remarks`): paragraphs of escaped Markdown;
/// - tokens and plain strings (prop and facet values): `^\S(.*\S)?$`, one line, no leading or
///   trailing space, not escaped (they are not markup).
///
/// Control characters become spaces everywhere; bidirectional overrides become visible escapes
/// in markup (``Swift/String/markdownEscaped``).
enum OSCALText {
    /// One line of escaped Markdown; `fallback` when the text is empty.
    static func line(_ text: String, fallback: String = "-") -> String {
        let collapsed = text.collapsingWhitespace
        return collapsed.isEmpty ? fallback : collapsed.markdownEscaped
    }

    /// Paragraphs of escaped Markdown, one per non-empty line of `paragraphs`, separated by a
    /// blank line; `fallback` when there is none.
    static func markup(_ paragraphs: [String], fallback: String = "-") -> String {
        let lines = paragraphs.flatMap { $0.split(whereSeparator: \.isNewline) }.map { String($0).collapsingWhitespace }.filter {
            !$0.isEmpty
        }
        return lines.isEmpty ? fallback : lines.map(\.markdownEscaped).joined(separator: "\n\n")
    }

    /// A token or plain one-line value; `fallback` when the text is empty.
    static func token(_ text: String, fallback: String = "-") -> String {
        let collapsed = text.collapsingWhitespace
        return collapsed.isEmpty ? fallback : collapsed
    }

    /// A date as an OSCAL date-time: midnight UTC of that day (`2027-02-14T00:00:00Z`); OSCAL
    /// date-times need a time zone.
    static func dateTime(_ date: CalendarDate) -> String { "\(date)T00:00:00Z" }

    /// True when `text` is one `http://` or `https://` URL (no space), which may also be a link.
    static func isWebURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return (lower.hasPrefix("https://") || lower.hasPrefix("http://")) && text.count > 8
            && !text.unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 || "<>\"".unicodeScalars.contains($0) }
    }
}
