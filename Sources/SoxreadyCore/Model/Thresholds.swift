/// The figures the readiness rules compare against (SCORING.md), all percent 0...100.
public struct Thresholds: Sendable, Hashable, Codable {
    /// Overall score at or above which an app can be `ready` (default 85).
    public var ready: Double = 85
    /// Overall score below which an app is `not-ready` (default 60).
    public var notReady: Double = 60
    /// Score below which a critical domain makes the app `not-ready` (default 50).
    public var criticalDomainFloor: Double = 50
    /// Confidence at or below which readiness is unknown (default 40).
    public var unknownConfidence: Double = 40
    /// Rules 1 only: confidence at or below which the app is at best ready with conditions
    /// (default 60). Rules 2 no longer read it (the loader warns).
    public var conditionalConfidence: Double = 60
    /// Rules 2: confidence below which the app is at best ready with conditions (default 90).
    public var readyConfidence: Double = 90
    /// Days before a period end that its close window starts (default 7).
    public var closeWindowBefore: Int = 7
    /// Days after a period end that its close window ends (default 15).
    public var closeWindowAfter: Int = 15
    /// The fewest days a control must operate on the new platform before the year end (default 90).
    public var minOperatingDays: Int = 90

    /// The defaults of SCORING.md: 85, 60, 50, 40, 60 (rules 1), 90, 7, 15 and 90.
    public init() {}
}
