/// The date questions that play a calendar role (QUESTIONNAIRE-FORMAT.md, `calendar:`).
public struct CalendarRoles: Sendable, Hashable {
    /// The planned go-live date in Azure.
    public var cutover: String?
    /// The last day of the current fiscal year.
    public var fiscalYearEnd: String?

    /// Creates the roles.
    public init(cutover: String? = nil, fiscalYearEnd: String? = nil) {
        self.cutover = cutover
        self.fiscalYearEnd = fiscalYearEnd
    }
}
