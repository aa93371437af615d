import Foundation

/// Syntax checks for identifiers used by the format.
public enum Identifier {
    /// A lower-case UUID: 8-4-4-4-12 lower-case hex digits.
    public static func isUUID(_ s: String) -> Bool {
        guard s.utf8.count == 36 else { return false }
        for (i, c) in s.utf8.enumerated() {
            if i == 8 || i == 13 || i == 18 || i == 23 {
                guard c == UInt8(ascii: "-") else { return false }
            } else {
                guard isLowerHex(c) else { return false }
            }
        }
        return true
    }

    /// A new time-ordered (version 7, RFC 9562) lower-case UUID: see ``newUUIDs(_:)``.
    public static func newUUID() -> String {
        newUUIDs(1)[0]
    }

    /// `count` new time-ordered (version 7, RFC 9562) lower-case UUIDs, in increasing order.
    ///
    /// The first 48 bits are the Unix time in milliseconds, then a 26-bit counter (the position
    /// in this batch, RFC 9562 section 6.2, method 1) around the version and variant bits, then
    /// 48 random bits. Ids the ledger generates therefore arrive in order, so the id index grows at
    /// its end instead of at random pages (a random id costs a page read per insert once the index
    /// outgrows the cache). They reveal the time the event was prepared, to the millisecond, which
    /// the entry's `recordedAt` states anyway.
    /// - Parameter unixMillis: the time to stamp (default: now).
    public static func newUUIDs(_ count: Int, unixMillis: UInt64? = nil) -> [String] {
        precondition(count < 1 << 26, "at most 2^26 ids per call")
        let random = SecureRandom.bytes(6 * count)
        let millis = unixMillis ?? UInt64(max(0, Date().timeIntervalSince1970 * 1000))
        return (0..<count).map { n in
            var b = [UInt8](repeating: 0, count: 16)
            for k in 0..<6 { b[k] = UInt8(truncatingIfNeeded: millis >> (40 - 8 * UInt64(k))) }
            let counter = UInt32(n)
            b[6] = 0x70 | UInt8(truncatingIfNeeded: counter >> 22)
            b[7] = UInt8(truncatingIfNeeded: counter >> 14)
            b[8] = 0x80 | UInt8(truncatingIfNeeded: counter >> 8) & 0x3F
            b[9] = UInt8(truncatingIfNeeded: counter)
            for k in 0..<6 { b[10 + k] = random[6 * n + k] }
            return uuid(b)
        }
    }

    /// A version-4-shaped lower-case UUID from the first 16 of `bytes`, derived rather than
    /// random (a keyed hash of something that names the event), so that recording the same thing
    /// again gives the same id and the ledger takes it as an idempotent retry.
    public static func uuid(derivedFrom bytes: [UInt8]) -> String {
        precondition(bytes.count >= 16, "16 bytes at least")
        var b = Array(bytes.prefix(16))
        b[6] = (b[6] & 0x0F) | 0x40
        b[8] = (b[8] & 0x3F) | 0x80
        return uuid(b)
    }

    /// The 8-4-4-4-12 lower-case form of 16 bytes.
    static func uuid(_ b: [UInt8]) -> String {
        let hex = Array(Hex.encode(b).utf8)
        var out = [UInt8]()
        out.reserveCapacity(36)
        for (i, c) in hex.enumerated() {
            if i == 8 || i == 12 || i == 16 || i == 20 { out.append(UInt8(ascii: "-")) }
            out.append(c)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The 128-bit value of a lower-case UUID (for compact uniqueness checks).
    public static func uuidValue(_ s: String) -> UInt128? {
        guard isUUID(s) else { return nil }
        var v: UInt128 = 0
        for c in s.utf8 where c != UInt8(ascii: "-") {
            v = v << 4 | UInt128(c <= 57 ? c - 48 : c - 87)
        }
        return v
    }

    /// A key id: 16 lower-case hex digits.
    public static func isKeyID(_ s: String) -> Bool {
        s.utf8.count == 16 && s.utf8.allSatisfy(isLowerHex)
    }

    /// `^[a-z][a-z0-9]*(\.[a-z][a-z0-9_]*)+$`
    public static func isEventType(_ s: String) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return false }
        for (i, part) in parts.enumerated() {
            let u = Array(part.utf8)
            guard let first = u.first, first >= 97, first <= 122 else { return false }
            for c in u.dropFirst() {
                let ok = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (i > 0 && c == UInt8(ascii: "_"))
                guard ok else { return false }
            }
        }
        return true
    }

    static func isLowerHex(_ c: UInt8) -> Bool {
        (c >= 48 && c <= 57) || (c >= 97 && c <= 102)
    }
}
