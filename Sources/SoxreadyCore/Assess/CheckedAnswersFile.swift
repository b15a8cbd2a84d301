/// An answers file checked completely against its questionnaire, with the application and the
/// preparer it names: everything `assess --answers` needs before it opens the store.
///
/// ``AssessFlow/check(answersFile:appName:questionnaire:preparedBy:catalog:)`` makes one without
/// touching the store, so that a bad file leaves even a store that does not exist yet uncreated;
/// ``AssessFlow/recordBatch(_:update:)`` records it.
public struct CheckedAnswersFile: Sendable {
    /// The answers file as given.
    public var path: String
    /// The questionnaire the answers are scored against.
    public var questionnaire: LoadedQuestionnaire
    /// The parsed file.
    public var file: AnswersFile
    /// The application (from `--app` or the file's `app:`).
    public var appName: String
    /// Who prepared and attests the answers (from `--prepared-by` or the file's `preparedBy:`).
    public var preparer: Preparer
}
