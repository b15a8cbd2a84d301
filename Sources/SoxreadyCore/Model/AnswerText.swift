/// Plain text of answers, as they appear in reasons, diffs, answers files and the wizard's
/// pre-fill: choice ids, numbers without a trailing `.0`, dates `YYYY-MM-DD`, text as typed.
public enum AnswerText {
    /// `quarterly`; `paas, saas`; `none` for an empty multi; `2555`; `2027-03-31`; the text itself.
    public static func plain(_ value: AnswerValue) -> String {
        switch value {
        case .choice(let id): id
        case .choices(let ids): ids.isEmpty ? "none" : ids.joined(separator: ", ")
        case .number(let number): NumberText.plain(number)
        case .date(let date): date.description
        case .text(let text): text
        }
    }

    /// A whole answer: the value, `unknown` or `n/a`; `unanswered` when nil.
    public static func plain(_ answer: Answer?) -> String {
        switch answer {
        case .none: "unanswered"
        case .unknown?: "unknown"
        case .notApplicable?: "n/a"
        case .value(let value)?: plain(value)
        }
    }
}
