import Foundation

/// ISO 8601 timestamps in UTC to the second: `2026-11-29T18:00:00Z`.
public enum Timestamp {
    /// Formats `date` as `YYYY-MM-DDTHH:MM:SSZ`.
    public static func string(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
    }

    /// Parses `YYYY-MM-DDTHH:MM:SSZ` (what ``string(_:)`` writes) without a formatter, which keeps
    /// listing a thousand runs fast; anything else goes through Foundation's ISO 8601 parser.
    public static func date(_ text: String) -> Date? {
        let b = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard b[index] >= 48, b[index] <= 57 else { return nil }
                value = value * 10 + Int(b[index] - 48)
            }
            return value
        }
        if b.count == 20, b[4] == 45, b[7] == 45, b[10] == 84, b[13] == 58, b[16] == 58, b[19] == 90,
            let y = number(0..<4), let m = number(5..<7), let d = number(8..<10),
            let hh = number(11..<13), let mm = number(14..<16), let ss = number(17..<19), (1...12).contains(m)
        {
            // Days from 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's days_from_civil).
            let year = m <= 2 ? y - 1 : y
            let era = (year >= 0 ? year : year - 399) / 400
            let yoe = year - era * 400
            let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
            let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
            let days = era * 146_097 + doe - 719_468
            return Date(timeIntervalSince1970: Double(days * 86_400 + hh * 3_600 + mm * 60 + ss))
        }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(timeZone: .gmt))
    }
}
