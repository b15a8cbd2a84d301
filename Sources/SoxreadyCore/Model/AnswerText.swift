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

    /// An answer as a person reads it: a choice's label with its id (`Partly (partial)`), the
    /// labels of a multi's choices (`PaaS; SaaS`), a number with its unit, `don't know`,
    /// `not applicable`, or `unanswered` when nil (the wording of the plans).
    public static func readable(_ answer: Answer?, question: Question) -> String {
        guard let answer else { return "unanswered" }
        switch answer {
        case .unknown: return "don't know"
        case .notApplicable: return "not applicable"
        case .value(.choice(let id)):
            guard let choice = question.choice(id) else { return id }
            return choice.label == id ? id : "\(choice.label) (\(id))"
        case .value(.choices(let ids)):
            return ids.isEmpty ? "none" : ids.map { question.choice($0)?.label ?? $0 }.joined(separator: "; ")
        case .value(.number(let number)):
            return NumberText.plain(number) + (question.unit.map { " \($0)" } ?? "")
        case .value(let value):
            return plain(value)
        }
    }
}
