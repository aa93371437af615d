import LedgerCore

/// String formats used by the group F–K payloads, each mirroring one JSON Schema `pattern`.
///
/// Every check here is written by hand (no `Regex` at decode time) and is exactly the pattern in
/// ``pattern``, except that ``date`` and ``timestamp`` also refuse impossible calendar days
/// (`2026-02-30`), which a pattern cannot express; their schemas say `format: date` /
/// `format: date-time` so a validator with format assertion on refuses them too.
public enum FKFormat: String, Sendable, CaseIterable {
    /// An entity id: `F-2026-0001`, `B-LEAB`, `PW-1`, `p-9f3a`, `north-east`.
    case id
    /// A calendar date `YYYY-MM-DD`.
    case date
    /// An RFC 3339 instant in UTC ending in `Z`.
    case timestamp
    /// A document hash `sha256:` + 64 lower-case hex digits.
    case hash
    /// A lower-case UUID (event ids, as in the envelope).
    case uuid
    /// An `https://` URL of printable ASCII.
    case url
    /// A BCP 47 language tag in the usual casing, e.g. `en`, `pa`, `en-GB`.
    case language
    /// A lower-case snake-case code, e.g. a theme `interpreters` or a code list value `not_stated`.
    case code
    /// A metric code `M-…`, e.g. `M-SUD`, `M-EPG`.
    case metricCode
    /// A target code `T-…`, e.g. `T-1`.
    case targetCode
    /// A dotted version number, e.g. `1`, `2.1`.
    case version
    /// An evidence reference: an id, a `kind/id` path or a `sha256:` hash.
    case ref
    /// An age band, e.g. `18-24`, `65+`.
    case ageBand
    /// A non-empty JSON pointer into a payload, e.g. `/regionId`.
    case pointer
    /// Free text: any non-empty string.
    case text

    /// The JSON Schema `pattern` for this format (nil for ``text``, which is `minLength: 1`).
    public var pattern: String? {
        switch self {
        case .id: return "^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$"
        case .date: return "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
        case .timestamp:
            return "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?Z$"
        case .hash: return "^sha256:[0-9a-f]{64}$"
        case .uuid: return "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
        case .url: return "^https://[!-~]+$"
        case .language: return "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
        case .code: return "^[a-z][a-z0-9_]{0,63}$"
        case .metricCode: return "^M-[A-Z0-9]+(-[A-Z0-9]+)*$"
        case .targetCode: return "^T-[A-Z0-9]+(-[A-Z0-9]+)*$"
        case .version: return "^[0-9]+(\\.[0-9]+)*$"
        case .ref: return "^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$"
        case .ageBand: return "^[0-9]{1,3}(-[0-9]{1,3}|\\+)$"
        case .pointer: return "^(/([^~/]|~[01])*)+$"
        case .text: return nil
        }
    }

    /// What a value must look like, for error messages.
    public var expectation: String {
        switch self {
        case .id: return "an id (a letter or digit, then letters, digits, '.', '_' or '-'; at most 80 characters)"
        case .date: return "a date YYYY-MM-DD"
        case .timestamp: return "an RFC 3339 UTC timestamp YYYY-MM-DDTHH:MM:SS[.fraction]Z"
        case .hash: return "a hash sha256:<64 lower-case hex digits>"
        case .uuid: return "a lower-case UUID"
        case .url: return "an https:// URL"
        case .language: return "a BCP 47 language tag such as en, pa or en-GB"
        case .code: return "a lower-case code (a-z, 0-9, '_'; starting with a letter)"
        case .metricCode: return "a metric code such as M-SUD"
        case .targetCode: return "a target code such as T-1"
        case .version: return "a version number such as 1 or 2.1"
        case .ref: return "a reference (an id, kind/id or sha256:<hex>)"
        case .ageBand: return "an age band such as 18-24 or 65+"
        case .pointer: return "a JSON pointer such as /regionId"
        case .text: return "a non-empty string"
        }
    }

    /// Whether `s` has this format.
    public func accepts(_ s: String) -> Bool {
        // The formats read as strings first: no byte array to build (free text is most of them).
        switch self {
        case .text: return !s.isEmpty
        case .timestamp: return Timestamp.isValidUTC(s)
        case .uuid: return Identifier.isUUID(s)
        case .pointer: return Self.isPointer(s)
        default: break
        }
        let b = Array(s.utf8)
        switch self {
        case .id: return Self.run(b, first: Self.isAlnum, rest: Self.isIdByte, max: 80)
        case .ref: return Self.run(b, first: Self.isAlnum, rest: { Self.isIdByte($0) || $0 == 0x3A || $0 == 0x2F }, max: 128)
        case .code: return Self.run(b, first: Self.isLower, rest: { Self.isLower($0) || Self.isDigit($0) || $0 == 0x5F }, max: 64)
        case .date: return Self.isDate(b)
        case .timestamp: return Timestamp.isValidUTC(s)
        case .hash:
            let prefix = Array("sha256:".utf8)
            return b.count == 71 && Array(b[0..<7]) == prefix && b[7...].allSatisfy(Self.isLowerHex)
        case .uuid: return Identifier.isUUID(s)
        case .url:
            let prefix = Array("https://".utf8)
            return b.count > 8 && Array(b[0..<8]) == prefix && b[8...].allSatisfy { $0 >= 0x21 && $0 <= 0x7E }
        case .language: return Self.isLanguage(b)
        case .metricCode: return Self.isPrefixedCode(b, letter: 0x4D)
        case .targetCode: return Self.isPrefixedCode(b, letter: 0x54)
        case .version:
            let parts = b.split(separator: 0x2E, omittingEmptySubsequences: false)
            return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(Self.isDigit) }
        case .ageBand: return Self.isAgeBand(b)
        case .pointer: return Self.isPointer(s)
        case .text: return !s.isEmpty
        }
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    private static func isLower(_ c: UInt8) -> Bool { c >= 0x61 && c <= 0x7A }
    private static func isUpper(_ c: UInt8) -> Bool { c >= 0x41 && c <= 0x5A }
    private static func isAlnum(_ c: UInt8) -> Bool { isDigit(c) || isLower(c) || isUpper(c) }
    /// A letter, a digit, `.`, `_` or `-`.
    private static func isIdByte(_ c: UInt8) -> Bool { isAlnum(c) || c == 0x2E || c == 0x5F || c == 0x2D }
    private static func isLowerHex(_ c: UInt8) -> Bool { isDigit(c) || (c >= 0x61 && c <= 0x66) }

    private static func run(_ b: [UInt8], first: (UInt8) -> Bool, rest: (UInt8) -> Bool, max: Int) -> Bool {
        guard let head = b.first, first(head), b.count <= max else { return false }
        return b.dropFirst().allSatisfy(rest)
    }

    private static func number(_ b: ArraySlice<UInt8>) -> Int? {
        guard !b.isEmpty, b.allSatisfy(isDigit) else { return nil }
        return b.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    private static func isDate(_ b: [UInt8]) -> Bool {
        guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D,
            let year = number(b[0..<4]), let month = number(b[5..<7]), let day = number(b[8..<10])
        else { return false }
        return (1...12).contains(month) && day >= 1 && day <= daysIn(month: month, year: year)
    }

    /// Days in a month of the proleptic Gregorian calendar.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func isLanguage(_ b: [UInt8]) -> Bool {
        let parts = b.split(separator: 0x2D, omittingEmptySubsequences: false)
        guard let primary = parts.first, (2...3).contains(primary.count), primary.allSatisfy(isLower) else { return false }
        return parts.dropFirst().allSatisfy { (2...8).contains($0.count) && $0.allSatisfy(isAlnum) }
    }

    private static func isPrefixedCode(_ b: [UInt8], letter: UInt8) -> Bool {
        guard b.count >= 3, b[0] == letter, b[1] == 0x2D else { return false }
        let parts = b[2...].split(separator: 0x2D, omittingEmptySubsequences: false)
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { isDigit($0) || isUpper($0) } }
    }

    private static func isAgeBand(_ b: [UInt8]) -> Bool {
        let digitsAtStart = b.prefix(while: isDigit).count
        guard (1...3).contains(digitsAtStart) else { return false }
        let tail = b[digitsAtStart...]
        if tail.count == 1, tail.first == 0x2B { return true }
        guard tail.first == 0x2D else { return false }
        let upper = tail.dropFirst()
        return (1...3).contains(upper.count) && upper.allSatisfy(isDigit)
    }

    private static func isPointer(_ s: String) -> Bool {
        let u = Array(s.unicodeScalars)
        guard u.first == "/" else { return false }
        var i = 0
        while i < u.count {
            if u[i] == "~" {
                guard i + 1 < u.count, u[i + 1] == "0" || u[i + 1] == "1" else { return false }
                i += 2
            } else {
                i += 1
            }
        }
        return true
    }
}
