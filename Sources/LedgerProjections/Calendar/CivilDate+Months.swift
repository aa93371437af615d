extension CivilDate {
    /// The same day `months` later (or earlier), clamped to the end of a shorter month
    /// (31 August + 6 months = 28 or 29 February).
    public func adding(months: Int) -> CivilDate {
        let (y, m, d) = components
        let total = y * 12 + (m - 1) + months
        let year = total >= 0 ? total / 12 : (total - 11) / 12
        let month = total - year * 12 + 1
        return CivilDate(year: year, month: month, day: min(d, Self.daysIn(month: month, year: year))) ?? self
    }
}
