/// Where a run stands relative to the cutover (SCORING.md).
public enum RunStage: String, Sendable, Hashable, Codable {
    /// The cutover date is unknown or still ahead of the as-of date.
    case preCutover = "pre-cutover"
    /// The cutover date is answered and on or before the as-of date.
    case postCutover = "post-cutover"
}

/// The fiscal calendar of a run: its period ends and close windows, and the cutover date's place
/// among them (SCORING.md rules version 2, "The calendar and the run's stage").
///
/// Period ends are the fiscal year end F as answered (repeated every year, keeping month and day;
/// 29 February becomes 28 February in other years) and the quarter ends, the last days of the
/// months 3, 6 and 9 months before F's month, every year. A 52/53-week year is approximated by
/// these month ends.
public struct FiscalCalendar: Sendable, Equatable {
    /// The kind of a period end.
    public enum PeriodKind: String, Sendable, Hashable, Codable {
        case quarter, year
    }

    /// A period end whose close window holds the cutover date.
    public struct CloseWindow: Sendable, Hashable, Codable {
        /// The period end.
        public var periodEnd: CalendarDate
        /// Quarter or year end.
        public var kind: PeriodKind
    }

    /// The fiscal year end as answered.
    public var fiscalYearEnd: CalendarDate
    /// Days before a period end that its close window starts.
    public var windowBefore: Int
    /// Days after a period end that its close window ends.
    public var windowAfter: Int

    /// Creates the calendar of a fiscal year ending `fiscalYearEnd`, with close windows of
    /// `before` and `after` days.
    public init(fiscalYearEnd: CalendarDate, windowBefore: Int, windowAfter: Int) {
        self.fiscalYearEnd = fiscalYearEnd
        self.windowBefore = windowBefore
        self.windowAfter = windowAfter
    }

    /// The fiscal year end in calendar year `year` (29 February becomes 28 February in a year that has none).
    public func yearEnd(in year: Int) -> CalendarDate? {
        CalendarDate(year: year, month: fiscalYearEnd.month, day: fiscalYearEnd.day)
            ?? CalendarDate(year: year, month: fiscalYearEnd.month, day: CalendarDate.daysIn(month: fiscalYearEnd.month, year: year))
    }

    /// Every period end (year and quarter ends) whose close window could hold `date`: from a year
    /// before to a year after it, further when a window is longer than a year (the format allows
    /// up to 3,660 days).
    public func periodEnds(around date: CalendarDate) -> [(end: CalendarDate, kind: PeriodKind)] {
        var ends: [(end: CalendarDate, kind: PeriodKind)] = []
        let reach = max(windowBefore, windowAfter) / 365 + 1
        for year in (date.year - reach)...(date.year + reach) {
            if let end = yearEnd(in: year) { ends.append((end, .year)) }
            for back in [3, 6, 9] {
                let month = ((fiscalYearEnd.month - back - 1) % 12 + 12) % 12 + 1
                if let end = CalendarDate.endOfMonth(year: year, month: month) { ends.append((end, .quarter)) }
            }
        }
        return ends.sorted { $0.end < $1.end }
    }

    /// The close window that holds `date`: a year end's when one does (it is reported before a
    /// quarter end's), else the earliest quarter end's; nil when none does. Windows are inclusive.
    public func closeWindow(containing date: CalendarDate) -> CloseWindow? {
        let containing = periodEnds(around: date).filter { entry in
            guard let start = entry.end.adding(days: -windowBefore), let end = entry.end.adding(days: windowAfter) else { return false }
            return start <= date && date <= end
        }
        if let year = containing.first(where: { $0.kind == .year }) { return CloseWindow(periodEnd: year.end, kind: .year) }
        return containing.first.map { CloseWindow(periodEnd: $0.end, kind: $0.kind) }
    }

    /// The operating window of a cutover on `cutover`: calendar days from it to the first fiscal
    /// year end on or after it.
    public func operatingDays(from cutover: CalendarDate) -> Int? {
        for year in cutover.year...(cutover.year + 1) {
            if let end = yearEnd(in: year), end >= cutover { return cutover.days(to: end) }
        }
        return nil
    }
}
