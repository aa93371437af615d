/// One bank holiday.
public struct BankHoliday: Sendable, Hashable, Codable {
    /// The day.
    public var date: CivilDate
    /// Its name, as gov.uk gives it.
    public var title: String
}

/// Bank holiday lists for the feedback clocks: the one list both the projections' clocks and the
/// audit's rule F-1 use. A calendar is named by its division as gov.uk names it, and its data file
/// is `Schemas/calendars/bank-holidays-<name>.json`.
public enum BankHolidays {
    /// The calendars Coledger ships, by name.
    public static let calendars: [String: [BankHoliday]] = ["england-and-wales": englandAndWales]

    /// The shipped calendar called `name` (`england-and-wales`), if there is one.
    public static func named(_ name: String) -> [BankHoliday]? { calendars[name] }

    /// Bank holidays in England and Wales, 2023–2028.
    ///
    /// Source: https://www.gov.uk/bank-holidays (UK Government, Open Government Licence v3.0).
    /// The same list is `Schemas/calendars/bank-holidays-england-and-wales.json`; a test checks
    /// the two agree. 2028 follows the standing pattern until gov.uk announces it.
    public static let englandAndWales: [BankHoliday] = table.compactMap { entry in
        CivilDate(parsing: entry.0).map { BankHoliday(date: $0, title: entry.1) }
    }

    private static let table: [(String, String)] = [
        ("2023-01-02", "New Year’s Day (substitute day)"),
        ("2023-04-07", "Good Friday"),
        ("2023-04-10", "Easter Monday"),
        ("2023-05-01", "Early May bank holiday"),
        ("2023-05-08", "Bank holiday for the coronation of King Charles III"),
        ("2023-05-29", "Spring bank holiday"),
        ("2023-08-28", "Summer bank holiday"),
        ("2023-12-25", "Christmas Day"),
        ("2023-12-26", "Boxing Day"),
        ("2024-01-01", "New Year’s Day"),
        ("2024-03-29", "Good Friday"),
        ("2024-04-01", "Easter Monday"),
        ("2024-05-06", "Early May bank holiday"),
        ("2024-05-27", "Spring bank holiday"),
        ("2024-08-26", "Summer bank holiday"),
        ("2024-12-25", "Christmas Day"),
        ("2024-12-26", "Boxing Day"),
        ("2025-01-01", "New Year’s Day"),
        ("2025-04-18", "Good Friday"),
        ("2025-04-21", "Easter Monday"),
        ("2025-05-05", "Early May bank holiday"),
        ("2025-05-26", "Spring bank holiday"),
        ("2025-08-25", "Summer bank holiday"),
        ("2025-12-25", "Christmas Day"),
        ("2025-12-26", "Boxing Day"),
        ("2026-01-01", "New Year’s Day"),
        ("2026-04-03", "Good Friday"),
        ("2026-04-06", "Easter Monday"),
        ("2026-05-04", "Early May bank holiday"),
        ("2026-05-25", "Spring bank holiday"),
        ("2026-08-31", "Summer bank holiday"),
        ("2026-12-25", "Christmas Day"),
        ("2026-12-28", "Boxing Day (substitute day)"),
        ("2027-01-01", "New Year’s Day"),
        ("2027-03-26", "Good Friday"),
        ("2027-03-29", "Easter Monday"),
        ("2027-05-03", "Early May bank holiday"),
        ("2027-05-31", "Spring bank holiday"),
        ("2027-08-30", "Summer bank holiday"),
        ("2027-12-27", "Christmas Day (substitute day)"),
        ("2027-12-28", "Boxing Day (substitute day)"),
        ("2028-01-03", "New Year’s Day (substitute day)"),
        ("2028-04-14", "Good Friday"),
        ("2028-04-17", "Easter Monday"),
        ("2028-05-01", "Early May bank holiday"),
        ("2028-05-29", "Spring bank holiday"),
        ("2028-08-28", "Summer bank holiday"),
        ("2028-12-25", "Christmas Day"),
        ("2028-12-26", "Boxing Day"),
    ]
}
