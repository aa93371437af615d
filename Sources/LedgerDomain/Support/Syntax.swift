import LedgerCore

/// A string syntax that Swift decoding and the JSON Schemas share.
///
/// Each syntax is one `$defs` entry of `Schemas/events/common.v1.schema.json` (same name,
/// same `pattern`, same `minLength`/`maxLength`); the tests check they stay identical and that
/// the hand-written matcher here accepts exactly what the pattern accepts. Matching is by hand
/// (no regular-expression engine) because decoding runs on every event of a log.
public struct StringSyntax: Sendable {
    /// The `$defs` name in `common.v1.schema.json`, e.g. `personId`.
    public let name: String
    /// The ECMA-262 pattern the schema uses, if any.
    public let pattern: String?
    /// The schema's `minLength` (counted in Unicode scalars), if any.
    public let minLength: Int?
    /// The schema's `maxLength` (counted in Unicode scalars), if any.
    public let maxLength: Int?
    /// What a value looks like, for error messages, e.g. `a pseudonym such as p-0001`.
    public let hint: String
    /// Checks that the schema cannot express (calendar validity); annotated as `format` there.
    public let format: String?
    private let matcher: @Sendable (String) -> Bool

    init(
        _ name: String, pattern: String? = nil, minLength: Int? = nil, maxLength: Int? = nil, format: String? = nil,
        hint: String, matcher: @escaping @Sendable (String) -> Bool
    ) {
        self.name = name
        self.pattern = pattern
        self.minLength = minLength
        self.maxLength = maxLength
        self.format = format
        self.hint = hint
        self.matcher = matcher
    }

    /// Whether `text` has this syntax.
    public func matches(_ text: String) -> Bool {
        if minLength != nil || maxLength != nil {
            let count = text.unicodeScalars.count
            if let minLength, count < minLength { return false }
            if let maxLength, count > maxLength { return false }
        }
        return matcher(text)
    }

    /// The message a decoder reports for a value that does not match.
    func failure(_ text: String) -> String {
        let shown = text.unicodeScalars.count > 80 ? String(text.unicodeScalars.prefix(77)) + "..." : text
        return "must be \(hint)\(pattern.map { " (pattern \($0))" } ?? ""), got \"\(shown)\""
    }
}

extension StringSyntax {
    /// Person pseudonym, e.g. `p-0001`: `^[a-z0-9][a-z0-9-]{1,63}$`.
    public static let personId = StringSyntax(
        "personId", pattern: "^[a-z0-9][a-z0-9-]{1,63}$", hint: "a person pseudonym such as p-0001"
    ) { Scan.slug($0, first: Scan.lowerAlnum, rest: Scan.lowerAlnumHyphen, length: 2...64) }

    /// Role id from the seed inventory, e.g. `R-DIR-EDI`: `^R-[A-Z0-9][A-Z0-9-]{0,61}$`.
    public static let roleId = StringSyntax(
        "roleId", pattern: "^R-[A-Z0-9][A-Z0-9-]{0,61}$", hint: "a role id such as R-DIR-EDI"
    ) { Scan.prefixedCode($0, prefix: "R-") }

    /// Body id from the seed inventory, e.g. `B-AMHEPF`, `B-REGFORUM-NW`: `^B-[A-Z0-9][A-Z0-9-]{0,61}$`.
    public static let bodyId = StringSyntax(
        "bodyId", pattern: "^B-[A-Z0-9][A-Z0-9-]{0,61}$", hint: "a body id such as B-AMHEPF"
    ) { Scan.prefixedCode($0, prefix: "B-") }

    /// Any other entity id (region, service, meeting, decision, plan, action, …), e.g. `NW`,
    /// `dec-2026-004`, `LG-1`: `^[A-Za-z0-9][A-Za-z0-9-]{0,63}$`. Lower-case UUIDs fit too.
    public static let entityId = StringSyntax(
        "entityId", pattern: "^[A-Za-z0-9][A-Za-z0-9-]{0,63}$", hint: "an id of letters, digits and hyphens such as dec-2026-004"
    ) { Scan.slug($0, first: Scan.alnum, rest: Scan.alnumHyphen, length: 1...64) }

    /// Plan action code, seed (`LG-1` … `DF-6`) or local (`NW-MHS-2`):
    /// `^[A-Z][A-Z0-9]{0,15}(-[A-Z0-9]{1,16}){1,3}$`.
    public static let actionCode = StringSyntax(
        "actionCode", pattern: "^[A-Z][A-Z0-9]{0,15}(-[A-Z0-9]{1,16}){1,3}$", hint: "an action code such as LG-1"
    ) { text in
        let parts = text.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard (2...4).contains(parts.count), let head = parts.first, let c = head.first, Scan.upper(c) else { return false }
        return parts.allSatisfy { (1...16).contains($0.count) && $0.allSatisfy(Scan.upperAlnum) }
    }

    /// Key id (FORMAT.md section 3): 16 lower-case hex digits, `^[0-9a-f]{16}$`.
    public static let keyId = StringSyntax(
        "keyId", pattern: "^[0-9a-f]{16}$", hint: "a key id of 16 lower-case hex digits"
    ) { Identifier.isKeyID($0) }

    /// Base64 of a 32-byte Ed25519 public key (canonical padding): `^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$`.
    public static let publicKey = StringSyntax(
        "publicKey", pattern: "^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$", hint: "base64 of a 32-byte Ed25519 public key"
    ) { text in
        let b = Array(text.utf8)
        guard b.count == 44, b[43] == UInt8(ascii: "=") else { return false }
        return b[0..<42].allSatisfy(Scan.base64) && Array("AEIMQUYcgkosw048".utf8).contains(b[42])
    }

    /// A log origin: printable ASCII without space or `+`, `^[!-*,-~]+$`.
    public static let origin = StringSyntax(
        "origin", pattern: "^[!-*,-~]+$", hint: "a log origin such as coledger.example/amhe"
    ) { !$0.isEmpty && $0.utf8.allSatisfy(Scan.originByte) }

    /// A signed-note verifier key, `name+hex8+base64(type || key)`:
    /// `^[!-*,-~]+\+[0-9a-f]{8}\+[A-Za-z0-9+/]{44}$`.
    public static let verifierKey = StringSyntax(
        "verifierKey", pattern: "^[!-*,-~]+\\+[0-9a-f]{8}\\+[A-Za-z0-9+/]{44}$",
        hint: "a signed-note verifier key (name+hex8+base64)"
    ) { text in
        let b = Array(text.utf8)
        guard let plus = b.firstIndex(of: UInt8(ascii: "+")), plus > 0, b.count - plus - 1 == 53 else { return false }
        let rest = b[(plus + 1)...]
        return b[..<plus].allSatisfy(Scan.originByte) && rest.prefix(8).allSatisfy(Scan.lowerHex)
            && rest[plus + 9] == UInt8(ascii: "+") && rest.suffix(44).allSatisfy(Scan.base64)
    }

    /// Who holds a key: `person/<personId>`, `role/<roleId>` or `system/<name>`.
    public static let keyHolder = StringSyntax(
        "keyHolder",
        pattern: "^(person/[a-z0-9][a-z0-9-]{1,63}|role/R-[A-Z0-9][A-Z0-9-]{0,61}|system/[a-z0-9][a-z0-9-]{0,63})$",
        hint: "person/<personId>, role/<roleId> or system/<name>"
    ) { text in
        if text.hasPrefix("person/") { return personId.matches(String(text.dropFirst(7))) }
        if text.hasPrefix("role/") { return roleId.matches(String(text.dropFirst(5))) }
        if text.hasPrefix("system/") {
            return Scan.slug(String(text.dropFirst(7)), first: Scan.lowerAlnum, rest: Scan.lowerAlnumHyphen, length: 1...64)
        }
        return false
    }

    /// An event type, or a family of them ending in `.*`, e.g. `feedback.*`:
    /// `^[a-z][a-z0-9]*(\.[a-z][a-z0-9_]*)*\.([a-z][a-z0-9_]*|\*)$`.
    public static let eventTypeFilter = StringSyntax(
        "eventTypeFilter", pattern: "^[a-z][a-z0-9]*(\\.[a-z][a-z0-9_]*)*\\.([a-z][a-z0-9_]*|\\*)$",
        hint: "an event type such as feedback.received, or a family such as feedback.*"
    ) { text in
        var parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return false }
        if parts.last == "*" {
            parts.removeLast()
            parts.append("x")
        }
        return Identifier.isEventType(parts.joined(separator: "."))
    }

    /// An accountability rule id of DOMAIN.md section 8, e.g. `G-4`: `^[A-Z]-[0-9]{1,3}$`.
    public static let ruleId = StringSyntax(
        "ruleId", pattern: "^[A-Z]-[0-9]{1,3}$", hint: "a rule id such as G-4"
    ) { text in
        let b = Array(text.utf8)
        guard (3...5).contains(b.count), Scan.upper(b[0]), b[1] == UInt8(ascii: "-") else { return false }
        return b[2...].allSatisfy(Scan.digit)
    }

    /// A policy parameter name in camelCase, e.g. `minCount`: `^[a-z][A-Za-z0-9]{0,63}$`.
    public static let parameterName = StringSyntax(
        "parameterName", pattern: "^[a-z][A-Za-z0-9]{0,63}$", hint: "a camelCase parameter name such as minCount"
    ) { Scan.slug($0, first: Scan.lower, rest: Scan.alnum, length: 1...64) }

    /// A document digest: `sha256:` and 64 lower-case hex digits.
    public static let docHash = StringSyntax(
        "docHash", pattern: "^sha256:[0-9a-f]{64}$", hint: "sha256: followed by 64 lower-case hex digits"
    ) { text in
        text.hasPrefix("sha256:") && text.utf8.count == 71 && text.utf8.dropFirst(7).allSatisfy(Scan.lowerHex)
    }

    /// A calendar date `YYYY-MM-DD`. Swift also refuses impossible days (`2026-02-30`), which
    /// the schema marks with `format: date`.
    public static let isoDate = StringSyntax(
        "isoDate", pattern: "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$", format: "date",
        hint: "a date YYYY-MM-DD"
    ) { text in
        guard text.utf8.count == 10 else { return false }
        return Timestamp.isValidUTC(text + "T00:00:00Z")
    }

    /// An RFC 3339 UTC time ending in `Z` (as FORMAT.md's `occurredAt`). Swift also refuses
    /// impossible days, which the schema marks with `format: date-time`.
    public static let utcTimestamp = StringSyntax(
        "utcTimestamp",
        pattern: "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?Z$",
        format: "date-time", hint: "an RFC 3339 UTC time such as 2026-03-04T10:00:00Z"
    ) { Timestamp.isValidUTC($0) }

    /// An event id (FORMAT.md section 1): a lower-case UUID.
    public static let eventId = StringSyntax(
        "eventId", pattern: "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
        hint: "a lower-case UUID"
    ) { Identifier.isUUID($0) }

    /// A reference into a record kept outside the log (lawful-basis register, payment system,
    /// document store), e.g. `ROPA-2026-07`: `^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$`.
    public static let externalRef = StringSyntax(
        "externalRef", pattern: "^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$", hint: "an external reference such as ROPA-2026-07"
    ) { Scan.slug($0, first: Scan.alnum, rest: Scan.externalRefByte, length: 1...128) }

    /// A category code inside an aggregate, e.g. `black`, `ebe_lived`: `^[a-z0-9][a-z0-9_]{0,63}$`.
    public static let categoryCode = StringSyntax(
        "categoryCode", pattern: "^[a-z0-9][a-z0-9_]{0,63}$", hint: "a lower-case category code such as ebe_lived"
    ) { Scan.slug($0, first: Scan.lowerAlnum, rest: Scan.lowerAlnumUnderscore, length: 1...64) }

    /// A name or title: 1 to 200 characters.
    public static let shortText = StringSyntax(
        "shortText", minLength: 1, maxLength: 200, hint: "a text of 1 to 200 characters"
    ) { _ in true }

    /// A public statement (text, rationale, findings, note): 1 to 10 000 characters.
    public static let longText = StringSyntax(
        "longText", minLength: 1, maxLength: 10000, hint: "a text of 1 to 10000 characters"
    ) { _ in true }

    /// Every syntax, in `common.v1.schema.json` order.
    public static let all: [StringSyntax] = [
        personId, roleId, bodyId, entityId, actionCode, keyId, publicKey, origin, verifierKey, keyHolder,
        eventTypeFilter, ruleId, parameterName, docHash, isoDate, utcTimestamp, eventId, externalRef, categoryCode,
        shortText, longText,
    ]
}

/// Byte classes for the hand-written matchers.
enum Scan {
    static func digit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    static func lower(_ c: UInt8) -> Bool { c >= 97 && c <= 122 }
    static func upper(_ c: UInt8) -> Bool { c >= 65 && c <= 90 }
    static func lowerHex(_ c: UInt8) -> Bool { digit(c) || (c >= 97 && c <= 102) }
    static func lowerAlnum(_ c: UInt8) -> Bool { lower(c) || digit(c) }
    static func upperAlnum(_ c: UInt8) -> Bool { upper(c) || digit(c) }
    static func alnum(_ c: UInt8) -> Bool { lower(c) || upper(c) || digit(c) }
    static func lowerAlnumHyphen(_ c: UInt8) -> Bool { lowerAlnum(c) || c == UInt8(ascii: "-") }
    static func lowerAlnumUnderscore(_ c: UInt8) -> Bool { lowerAlnum(c) || c == UInt8(ascii: "_") }
    static func upperAlnumHyphen(_ c: UInt8) -> Bool { upperAlnum(c) || c == UInt8(ascii: "-") }
    static func alnumHyphen(_ c: UInt8) -> Bool { alnum(c) || c == UInt8(ascii: "-") }
    static func base64(_ c: UInt8) -> Bool { alnum(c) || c == UInt8(ascii: "+") || c == UInt8(ascii: "/") }
    static func originByte(_ c: UInt8) -> Bool { c >= 0x21 && c <= 0x7E && c != UInt8(ascii: "+") }
    static func externalRefByte(_ c: UInt8) -> Bool {
        alnum(c) || c == UInt8(ascii: ".") || c == UInt8(ascii: "_") || c == UInt8(ascii: ":") || c == UInt8(ascii: "/")
            || c == UInt8(ascii: "-")
    }

    /// `first` then `rest`*, with a total length (in bytes; all allowed bytes are ASCII) in `length`.
    static func slug(_ text: String, first: (UInt8) -> Bool, rest: (UInt8) -> Bool, length: ClosedRange<Int>) -> Bool {
        let b = text.utf8
        guard length.contains(b.count), let head = b.first, first(head) else { return false }
        return b.dropFirst().allSatisfy(rest)
    }

    /// `<prefix>[A-Z0-9][A-Z0-9-]{0,61}`.
    static func prefixedCode(_ text: String, prefix: String) -> Bool {
        guard text.hasPrefix(prefix) else { return false }
        return slug(String(text.dropFirst(prefix.count)), first: upperAlnum, rest: upperAlnumHyphen, length: 1...62)
    }
}
