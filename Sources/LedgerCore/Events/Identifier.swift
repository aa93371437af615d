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

    /// A new random (version 4) lower-case UUID.
    public static func newUUID() -> String {
        uuid(fromRandom: SecureRandom.bytes(16)[...])
    }

    /// `count` new random UUIDs, drawing the randomness in one call.
    public static func newUUIDs(_ count: Int) -> [String] {
        let random = SecureRandom.bytes(16 * count)
        return (0..<count).map { uuid(fromRandom: random[(16 * $0)..<(16 * $0 + 16)]) }
    }

    static func uuid(fromRandom bytes: ArraySlice<UInt8>) -> String {
        var b = Array(bytes)
        b[6] = (b[6] & 0x0F) | 0x40
        b[8] = (b[8] & 0x3F) | 0x80
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
