/// A questionnaire named by id, optionally pinned to a version: `sox-azure-migration` or
/// `sox-azure-migration@2.0.0`, as typed after `--questionnaire`, `questionnaire show` and in
/// an answers file's `questionnaire:`.
public struct QuestionnaireReference: Sendable, Hashable, CustomStringConvertible {
    /// Why a text is not a reference.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        /// The text given.
        public var text: String
        /// What is wrong, and what was expected.
        public var reason: String
        /// `'TEXT' is not a questionnaire reference: REASON`.
        public var description: String { "'\(text)' is not a questionnaire reference: \(reason)" }
    }

    /// The questionnaire id, `[a-z0-9]+(-[a-z0-9]+)*`.
    public var id: String
    /// The version asked for, or nil for whichever is found first.
    public var version: SemanticVersion?

    /// Creates a reference.
    public init(id: String, version: SemanticVersion? = nil) {
        self.id = id
        self.version = version
    }

    /// Parses `ID` or `ID@MAJOR.MINOR.PATCH`.
    ///
    /// - Throws: ``ParseError`` for an empty text, a missing or malformed id (`@`, `@1.0.0`,
    ///   `Foo`), an empty version (`id@`) or one that is not a semantic version (`id@x.y`).
    public init(parsing text: String) throws(ParseError) {
        let expected = "expected ID or ID@VERSION such as sox-azure-migration@2.0.0"
        guard !text.isEmpty else { throw ParseError(text: text, reason: "it is empty; \(expected)") }
        let parts = text.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let id = parts[0]
        guard !id.isEmpty else { throw ParseError(text: text, reason: "the id before '@' is missing; \(expected)") }
        guard Identifier.isValid(id) else {
            throw ParseError(text: text, reason: "the id may hold only lower-case letters, digits and single hyphens; \(expected)")
        }
        self.id = id
        guard parts.count == 2 else {
            version = nil
            return
        }
        guard !parts[1].isEmpty else { throw ParseError(text: text, reason: "the version after '@' is missing; \(expected)") }
        guard let version = SemanticVersion(parts[1]) else {
            throw ParseError(text: text, reason: "'\(parts[1])' is not a version MAJOR.MINOR.PATCH; \(expected)")
        }
        self.version = version
    }

    /// `id` or `id@version`.
    public var description: String { version.map { "\(id)@\($0)" } ?? id }

    /// True when `questionnaire` is the one referred to.
    public func matches(_ questionnaire: Questionnaire) -> Bool {
        questionnaire.id == id && (version.map { $0 == SemanticVersion(questionnaire.version) } ?? true)
    }
}
