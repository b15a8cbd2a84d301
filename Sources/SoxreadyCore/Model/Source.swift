/// A provenance entry of a questionnaire (`sources:`).
public struct Source: Sendable, Hashable, Codable {
    /// Title of the document or page.
    public var title: String
    /// Where to find it, when public.
    public var url: String?
    /// How the questionnaire uses it.
    public var note: String?

    /// Creates a source entry.
    public init(title: String, url: String? = nil, note: String? = nil) {
        self.title = title
        self.url = url
        self.note = note
    }
}
