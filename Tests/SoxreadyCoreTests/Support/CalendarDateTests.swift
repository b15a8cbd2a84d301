import Testing

@testable import SoxreadyCore

struct CalendarDateTests {
    @Test(arguments: ["2027-03-31", "2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31"])
    func acceptsRealDays(text: String) {
        #expect(CalendarDate(text)?.description == text)
    }

    @Test(arguments: [
        "2027-02-29", "1900-02-29", "2027-04-31", "2027-13-01", "2027-00-10", "2027-1-1",
        "27-03-31", "2027/03/31", "2027-03-31T00:00", "", "abcd-ef-gh", "0000-01-01",
    ])
    func rejectsAnythingElse(text: String) {
        #expect(CalendarDate(text) == nil)
    }

    @Test func ordersByDay() {
        #expect(CalendarDate("2026-12-31")! < CalendarDate("2027-01-01")!)
    }
}
