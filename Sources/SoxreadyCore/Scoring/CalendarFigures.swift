/// The calendar figures of a run (SCORING.md): the cutover and fiscal-year-end dates as
/// answered, the close window that holds the cutover date, and the operating window.
public struct CalendarFigures: Sendable, Equatable {
    /// The cutover date, when answered and applicable.
    public var cutover: CalendarDate?
    /// The fiscal year end, when answered and applicable.
    public var fiscalYearEnd: CalendarDate?
    /// Pre-cutover only: the close window holding the cutover date.
    public var closeWindow: FiscalCalendar.CloseWindow?
    /// Pre-cutover only: days from the cutover to the next fiscal year end.
    public var operatingDays: Int?

    /// No figures.
    public static let none = CalendarFigures(cutover: nil, fiscalYearEnd: nil, closeWindow: nil, operatingDays: nil)
}
