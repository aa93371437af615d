/// Standard base64 (RFC 4648 section 4, with padding), strict on decode.
///
/// Written out rather than through Foundation's `Data`: signatures and hashes are encoded and
/// decoded once per entry on the import and verify paths.
public enum Base64 {
    private static let alphabet: [UInt8] = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    /// The 6-bit value of each byte, 0xFF for bytes outside the alphabet (including `=`).
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(value) }
        return table
    }()

    /// Encodes bytes.
    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        var out: [UInt8] = []
        append(bytes, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the encoding of `bytes` to `out`.
    public static func append(_ bytes: some Collection<UInt8>, to out: inout [UInt8]) {
        out.reserveCapacity(out.count + (bytes.count + 2) / 3 * 4)
        var iterator = bytes.makeIterator()
        while let a = iterator.next() {
            let b = iterator.next()
            let c = b == nil ? nil : iterator.next()
            let group = UInt32(a) << 16 | UInt32(b ?? 0) << 8 | UInt32(c ?? 0)
            out.append(alphabet[Int(group >> 18 & 0x3F)])
            out.append(alphabet[Int(group >> 12 & 0x3F)])
            out.append(b == nil ? UInt8(ascii: "=") : alphabet[Int(group >> 6 & 0x3F)])
            out.append(c == nil ? UInt8(ascii: "=") : alphabet[Int(group & 0x3F)])
        }
    }

    /// Decodes canonical padded base64; `nil` for anything else (whitespace, missing
    /// padding, non-zero trailing bits, URL alphabet).
    public static func decode(_ text: String) -> [UInt8]? {
        if let result = text.utf8.withContiguousStorageIfAvailable({ decode(bytes: $0) }) { return result }
        return Array(text.utf8).withUnsafeBufferPointer { decode(bytes: $0) }
    }

    /// Decodes canonical padded base64 bytes: exactly the strings `encode` produces.
    static func decode(bytes text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let count = text.count
        guard count % 4 == 0 else { return nil }
        guard count > 0 else { return [] }
        let padding = text[count - 1] != UInt8(ascii: "=") ? 0 : text[count - 2] != UInt8(ascii: "=") ? 1 : 2
        var out: [UInt8] = []
        out.reserveCapacity(count / 4 * 3 - padding)
        var start = 0
        while start < count {
            let last = start + 4 == count
            let digits = last ? 4 - padding : 4
            var group: UInt32 = 0
            for k in 0..<4 {
                var value: UInt8 = 0
                if k < digits {
                    value = values[Int(text[start + k])]
                    guard value != 0xFF else { return nil }
                }
                group = group << 6 | UInt32(value)
            }
            out.append(UInt8(truncatingIfNeeded: group >> 16))
            if digits >= 3 { out.append(UInt8(truncatingIfNeeded: group >> 8)) }
            if digits == 4 { out.append(UInt8(truncatingIfNeeded: group)) }
            // Canonical: the bits a padded group leaves over are zero.
            if digits == 2, group & 0xFFFF != 0 { return nil }
            if digits == 3, group & 0xFF != 0 { return nil }
            start += 4
        }
        return out
    }
}
