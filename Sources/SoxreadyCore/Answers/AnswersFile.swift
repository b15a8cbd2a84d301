import Foundation
import Yams

/// A parsed answers file (`soxready/answers@1`, PRODUCT.md §4).
public struct AnswersFile: Sendable {
    /// The file's `app:`, when given.
    public var app: String?
    /// The file's `questionnaire:` (`id` or `id@version`), when given.
    public var questionnaire: String?
    /// The answers, by question id (old ids named in `replaces` are mapped to the new question).
    public var answers: AnswerSheet
    /// The file's `preparedBy:` (who prepared the answers), when given.
    public var preparedBy: String? = nil
    /// What the file says that is kept but has no effect (an owner without a due date), each as
    /// a `warning:` line.
    public var warnings: [Diagnostic] = []
}
