/// Working days: Monday to Friday, minus a list of bank holidays (DOMAIN.md 9.5).
///
/// A clock of N working days starts on the day something arrives (day 0, whatever day that is)
/// and ends on the Nth working day after it: feedback received on Friday 1 May 2026, before the
/// early May bank holiday on Monday 4 May, is due for acknowledgement on Thursday 7 May.
public struct WorkingCalendar: Sendable {
    /// The days that are not working days although they fall on Monday to Friday.
    public let holidays: Set<CivilDate>

    /// A calendar with these holidays.
    public init(holidays: some Sequence<CivilDate>) {
        self.holidays = Set(holidays)
    }

    /// The shipped calendar called `name` plus `extra` holidays (an organisation's own closure
    /// days, or a one-off bank holiday announced after the list was made); nil when no calendar
    /// has that name.
    public init?(named name: String, extra: [CivilDate] = []) {
        guard let list = BankHolidays.named(name) else { return nil }
        self.init(holidays: list.map(\.date) + extra)
    }

    /// England and Wales, with the bank holidays of ``BankHolidays/englandAndWales``.
    public static let englandAndWales = WorkingCalendar(holidays: BankHolidays.englandAndWales.map(\.date))

    /// Whether `date` is a working day.
    public func isWorkingDay(_ date: CivilDate) -> Bool {
        date.weekday <= 5 && !holidays.contains(date)
    }

    /// The `count`th working day after `date` (`count` ≥ 0; 0 gives `date`).
    public func adding(workingDays count: Int, to date: CivilDate) -> CivilDate {
        var day = date
        var left = count
        while left > 0 {
            day = day.adding(days: 1)
            if isWorkingDay(day) { left -= 1 }
        }
        return day
    }

    /// Working days after `start`, up to and including `end` (0 when `end` is not after `start`).
    public func workingDays(after start: CivilDate, through end: CivilDate) -> Int {
        guard end > start else { return 0 }
        var n = 0
        var day = start.adding(days: 1)
        while day <= end {
            if isWorkingDay(day) { n += 1 }
            day = day.adding(days: 1)
        }
        return n
    }
}
