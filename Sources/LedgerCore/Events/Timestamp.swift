#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// RFC 3339 timestamps in UTC with a `Z`, as the format requires.
public enum Timestamp {
    /// Whether `text` is an RFC 3339 date-time in UTC ending in `Z`
    /// (`YYYY-MM-DDTHH:MM:SS[.fraction]Z`, with real month, day, hour, minute and second ranges).
    public static func isValidUTC(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { isValidUTC(bytes: $0) }
    }

    static func isValidUTC(bytes b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.count >= 20, b.last == UInt8(ascii: "Z") else { return false }
        func digits(_ range: Range<Int>) -> Int? {
            var v = 0
            for i in range {
                guard b[i] >= 48, b[i] <= 57 else { return nil }
                v = v * 10 + Int(b[i] - 48)
            }
            return v
        }
        guard let year = digits(0..<4), b[4] == UInt8(ascii: "-"),
            let month = digits(5..<7), b[7] == UInt8(ascii: "-"),
            let day = digits(8..<10), b[10] == UInt8(ascii: "T"),
            let hour = digits(11..<13), b[13] == UInt8(ascii: ":"),
            let minute = digits(14..<16), b[16] == UInt8(ascii: ":"),
            let second = digits(17..<19)
        else { return false }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
            hour <= 23, minute <= 59, second <= 60
        else { return false }
        if b.count == 20 { return true }
        guard b[19] == UInt8(ascii: "."), b.count > 21 else { return false }
        return digits(20..<(b.count - 1)) != nil
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The current time as `YYYY-MM-DDTHH:MM:SS.mmmZ`: the one clock every "now" in Coledger
    /// reads (an entry's `recordedAt`, a verb's default effective time, the future check, "today").
    ///
    /// Test hook: when the environment variable `COLEDGER_NOW` holds an RFC 3339 UTC time, or a
    /// date `YYYY-MM-DD` (noon UTC that day), that is "now". The end-to-end test of "recorded
    /// late == recorded live" uses it to record a year on the days it happened; a malformed value
    /// is ignored. Never set it on a real ledger: it makes the log's own clock say what you tell it.
    public static func now() -> String {
        if let fixed = fixedNow { return fixed }
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return format(seconds: Int(ts.tv_sec), milliseconds: Int(ts.tv_nsec / 1_000_000))
    }

    /// `COLEDGER_NOW`, read once (see ``now()``).
    static let fixedNow: String? = {
        guard let raw = getenv("COLEDGER_NOW") else { return nil }
        let text = String(cString: raw)
        if text.count == 10, isValidUTC(text + "T12:00:00Z") { return text + "T12:00:00.000Z" }
        return isValidUTC(text) ? text : nil
    }()

    /// Formats a Unix time in UTC, with milliseconds when `milliseconds` is not nil.
    public static func format(seconds: Int, milliseconds: Int? = nil) -> String {
        var t = time_t(seconds)
        var parts = tm()
        gmtime_r(&t, &parts)
        func pad(_ v: Int32, _ n: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, n - s.count)) + s
        }
        var out = "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))"
        out += "T\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))"
        if let ms = milliseconds { out += "." + pad(Int32(ms), 3) }
        return out + "Z"
    }

    /// Parses the date-time part into Unix seconds (fraction dropped); nil when invalid.
    public static func unixSeconds(_ text: String) -> Int? {
        guard isValidUTC(text) else { return nil }
        let b = Array(text.utf8)
        func n(_ r: Range<Int>) -> Int { r.reduce(0) { $0 * 10 + Int(b[$1] - 48) } }
        var parts = tm()
        parts.tm_year = Int32(n(0..<4) - 1900)
        parts.tm_mon = Int32(n(5..<7) - 1)
        parts.tm_mday = Int32(n(8..<10))
        parts.tm_hour = Int32(n(11..<13))
        parts.tm_min = Int32(n(14..<16))
        parts.tm_sec = Int32(n(17..<19))
        return Int(timegm(&parts))
    }
}
