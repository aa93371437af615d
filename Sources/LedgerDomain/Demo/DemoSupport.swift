import LedgerCore

/// Plan-year dates without a clock: day 0 is the demo's plan-year start, 2025-04-01 (a Tuesday).
enum DemoCalendar {
    /// The plan-year start as days since 1970-01-01.
    static let startDays = daysFromCivil(2025, 4, 1)
    /// The last day of the plan year (2026-03-31).
    static let lastDay = 364

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date of a count of days since 1970-01-01.
    static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// `YYYY-MM-DD` of a plan-year day.
    static func date(_ day: Int) -> String {
        let c = civil(startDays + day)
        return "\(c.year)-\(pad(c.month, 2))-\(pad(c.day, 2))"
    }

    /// `YYYYMMDD` of a plan-year day, for ids.
    static func compact(_ day: Int) -> String {
        let c = civil(startDays + day)
        return "\(c.year)\(pad(c.month, 2))\(pad(c.day, 2))"
    }

    /// `YYYY-MM` of a plan-year day.
    static func month(_ day: Int) -> String { String(date(day).prefix(7)) }

    /// An RFC 3339 UTC time on a plan-year day, `seconds` after midnight.
    static func time(_ day: Int, seconds: Int) -> String {
        let s = min(max(seconds, 0), 86_399)
        return "\(date(day))T\(pad(s / 3600, 2)):\(pad(s / 60 % 60, 2)):\(pad(s % 60, 2))Z"
    }

    /// 0 = Monday … 6 = Sunday.
    static func weekday(_ day: Int) -> Int {
        let z = startDays + day
        return ((z + 3) % 7 + 7) % 7
    }

    /// The same day, or the next Monday when it falls on a weekend.
    static func workday(_ day: Int) -> Int {
        switch weekday(day) {
        case 5: return day + 2
        case 6: return day + 1
        default: return day
        }
    }

    /// `n` working days (Monday to Friday) after `day`.
    static func addingWorkdays(_ n: Int, to day: Int) -> Int {
        var d = day
        var left = n
        while left > 0 {
            d += 1
            if weekday(d) < 5 { left -= 1 }
        }
        return d
    }

    /// The plan-year day of a calendar date.
    static func day(_ year: Int, _ month: Int, _ day: Int) -> Int { daysFromCivil(year, month, day) - startDays }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

/// Deterministic choices from ``SplitMix64`` (stable across toolchains: no standard-library sampling).
struct DemoRandom {
    var source: SplitMix64

    init(seed: UInt64) { source = SplitMix64(seed: seed) }

    /// 0 ..< n (0 when n ≤ 0).
    mutating func below(_ n: Int) -> Int {
        guard n > 1 else { return 0 }
        return Int(source.next() % UInt64(n))
    }

    /// lo ... hi.
    mutating func between(_ lo: Int, _ hi: Int) -> Int { hi <= lo ? lo : lo + below(hi - lo + 1) }

    /// True with probability p.
    mutating func chance(_ p: Double) -> Bool { Double(source.next() >> 11) / 9_007_199_254_740_992.0 < p }

    /// One element (the array must not be empty).
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// Up to `k` different elements, in their original order.
    mutating func sample<T>(_ items: [T], _ k: Int) -> [T] {
        guard k < items.count else { return items }
        var chosen = Set<Int>()
        while chosen.count < k { chosen.insert(below(items.count)) }
        return chosen.sorted().map { items[$0] }
    }
}

/// A demo string as the typed value a payload member holds. Ids are wrapped unchecked: the
/// ledger decodes every appended payload strictly, so a malformed id is refused there, naming it.
func typed<T: ValidatedString>(_ text: String) -> T { T(unchecked: text) }

/// Demo strings as typed values (see ``typed(_:)-(String)``).
func typed<T: ValidatedString>(_ texts: [String]) -> [T] { texts.map { T(unchecked: $0) } }

/// A value of a catalogue vocabulary the demo's tables name by its wire text (a table holding a
/// value the vocabulary lacks is a bug in the demo: it stops, naming the value).
func typed<T: RawRepresentable>(_ raw: String) -> T where T.RawValue == String {
    guard let value = T(rawValue: raw) else { preconditionFailure("the demo names \(T.self) \"\(raw)\", which the catalogue does not have") }
    return value
}

/// Catalogue values named by their wire texts (see ``typed(_:)-(String)``).
func typed<T: RawRepresentable>(_ raws: [String]) -> [T] where T.RawValue == String { raws.map { typed($0) } }

/// A demo count as the bounded integer a payload member holds (checked when the event is appended).
func typed<T: BoundedInteger>(_ value: Int) -> T { T(unchecked: value) }

/// Small builders for the demo: draft JSON, periods, document hashes and cited event ids.
enum J {
    static func s(_ text: String) -> JSONValue { .string(text) }
    static func n(_ value: Int) -> JSONValue { .number(Double(value)) }
    static func period(_ from: Int, _ to: Int) -> MetricVocabulary.Period {
        MetricVocabulary.Period(from: DemoCalendar.date(from), to: DemoCalendar.date(to))
    }

    /// `sha256:` and the SHA-256 of a label: stands for a document the demo does not hold.
    static func hash(_ label: String) -> String { "sha256:" + Hex.encode(SHA256.hash(Array("coledger-demo/\(label)".utf8))) }

    /// A lower-case version-4-shaped UUID derived from the seed and a label (event ids that other
    /// events cite).
    static func uuid(seed: UInt64, _ label: String) -> String {
        var bytes = SHA256.hash(Array("coledger-demo/\(seed)/\(label)".utf8)).prefix(16).map { $0 }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = Hex.encode(bytes)
        let c = Array(hex)
        return String(c[0..<8]) + "-" + String(c[8..<12]) + "-" + String(c[12..<16]) + "-" + String(c[16..<20]) + "-" + String(c[20..<32])
    }
}
