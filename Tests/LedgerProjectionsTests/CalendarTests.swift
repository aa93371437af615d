import Foundation
import LedgerCore
import LedgerProjections
import Testing

@Suite struct CalendarTests {
    func d(_ s: String) throws -> CivilDate { try #require(CivilDate(parsing: s)) }

    @Test func datesRoundTripAndKnowTheirWeekday() throws {
        #expect(try d("1970-01-01").dayNumber == 0)
        #expect(try d("1970-01-01").weekday == 4)  // Thursday
        #expect(try d("2026-05-01").weekday == 5)  // Friday
        #expect(try d("2026-05-04").weekday == 1)  // Monday
        #expect(try d("2028-02-29").description == "2028-02-29")
        #expect(CivilDate(parsing: "2027-02-29") == nil)
        #expect(try d("2026-05-01T23:59:59Z") == d("2026-05-01"))
        #expect(try d("2026-05-01").adding(days: 90).description == "2026-07-30")
    }

    @Test func fridayBeforeABankHolidaySkipsTheWeekendAndTheHoliday() throws {
        let cal = WorkingCalendar.englandAndWales
        // Friday 1 May 2026; Monday 4 May is the early May bank holiday: Tue 5 (1), Wed 6 (2), Thu 7 (3).
        #expect(cal.adding(workingDays: 3, to: try d("2026-05-01")) == (try d("2026-05-07")))
        // Without the holiday it would be Wednesday 6 May.
        #expect(WorkingCalendar(holidays: []).adding(workingDays: 3, to: try d("2026-05-01")) == (try d("2026-05-06")))
        // Christmas 2026: Fri 25 and Mon 28 (Boxing Day substitute) are holidays: Tue 29, Wed 30, Thu 31.
        #expect(cal.adding(workingDays: 3, to: try d("2026-12-24")) == (try d("2026-12-31")))
        #expect(cal.workingDays(after: try d("2026-05-01"), through: try d("2026-05-07")) == 3)
        #expect(!cal.isWorkingDay(try d("2026-05-04")))
    }

    @Test func theSwiftListMatchesTheDataFile() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Schemas/calendars/bank-holidays-england-and-wales.json")
        let json = try CanonicalJSON.parse([UInt8](try Data(contentsOf: url)))
        #expect(json["source"]?.stringValue?.contains("https://www.gov.uk/bank-holidays") == true)
        let fromFile = (json["events"]?.arrayValue ?? []).compactMap { $0["date"]?.stringValue }
        #expect(fromFile == BankHolidays.englandAndWales.map(\.date.description))
        #expect(fromFile.count == 49)
        for holiday in BankHolidays.englandAndWales { #expect(holiday.date.weekday <= 5, "\(holiday.date) is a weekend day") }
    }
}
