/// Everything recorded for one question: the answer (if any), a note and an evidence reference.
public struct AnswerRecord: Sendable, Hashable {
    /// The answer; nil when the question was skipped (a note or evidence may still be kept).
    public var answer: Answer?
    /// The lead's note, one line; nil when none.
    public var note: String?
    /// An evidence reference (ticket, URL, document id); nil when none.
    public var evidence: String?

    /// Creates a record.
    public init(answer: Answer?, note: String? = nil, evidence: String? = nil) {
        self.answer = answer
        self.note = note
        self.evidence = evidence
    }
}

/// The answers of one assessment, by question id.
public typealias AnswerSheet = [String: AnswerRecord]
