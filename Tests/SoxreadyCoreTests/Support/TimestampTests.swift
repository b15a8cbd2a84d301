import Foundation
import Testing

@testable import SoxreadyCore

struct TimestampTests {
    @Test(arguments: [0.0, 1_795_975_200, 951_782_400, 4_102_444_799, 1_709_164_800])
    func roundTrips(seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(Timestamp.date(Timestamp.string(date)) == date)
    }

    @Test func parsesTheContractForm() {
        #expect(Timestamp.date("2026-11-29T18:00:00Z") == Date(timeIntervalSince1970: 1_795_975_200))
        #expect(Timestamp.date("2024-02-29T00:00:00Z") == Date(timeIntervalSince1970: 1_709_164_800))
        #expect(Timestamp.date("not a time") == nil)
    }
}
