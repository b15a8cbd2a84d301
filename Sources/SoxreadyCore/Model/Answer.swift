/// A value given to a question.
public enum AnswerValue: Sendable, Hashable {
    /// One choice id (`choice`, `yes-no`, `yes-partial-no`).
    case choice(String)
    /// Choice ids of a `multi` question, in questionnaire order, without repeats.
    case choices([String])
    /// A number in the question's unit.
    case number(Double)
    /// A calendar date.
    case date(CalendarDate)
    /// Free text, one logical line.
    case text(String)
}

/// The answer to one question: a value, "don't know", or not applicable.
///
/// A question with no ``Answer`` at all is unanswered (skipped).
public enum Answer: Sendable, Hashable {
    /// A value.
    case value(AnswerValue)
    /// `unknown`: the lead does not know; counts as a gap with no score.
    case unknown
    /// `n/a`: the question does not apply (only where the question allows it).
    case notApplicable

    /// The value, when the answer has one.
    public var value: AnswerValue? {
        if case .value(let value) = self { return value }
        return nil
    }
}
