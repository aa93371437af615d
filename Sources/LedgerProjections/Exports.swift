// The calendar moved to LedgerDomain, where the audit shares it; these re-exports keep
// `import LedgerProjections` enough for code that used the projections' dates.
@_exported public import struct LedgerDomain.BankHoliday
@_exported public import enum LedgerDomain.BankHolidays
@_exported public import struct LedgerDomain.CivilDate
@_exported public import struct LedgerDomain.WorkingCalendar
