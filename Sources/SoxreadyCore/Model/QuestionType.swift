/// The seven answer types of a question in `soxready/questionnaire@1`.
///
/// Raw values are the spellings used in questionnaire files (`type:`).
public enum QuestionType: String, Sendable, Hashable, CaseIterable, Codable {
    /// One choice id out of `choices`; scored by the choice's `score`.
    case choice
    /// `yes` / `partial` / `no`, scored 1 / 0.5 / 0.
    case yesPartialNo = "yes-partial-no"
    /// `yes` / `no`, scored 1 / 0.
    case yesNo = "yes-no"
    /// A list of choice ids; scored by the sum of their scores, capped at 1.
    case multi
    /// A number within optional `min`...`max`; scored through `bands`.
    case number
    /// A calendar date `YYYY-MM-DD`; context only.
    case date
    /// Free text on one logical line; context only.
    case text
}
