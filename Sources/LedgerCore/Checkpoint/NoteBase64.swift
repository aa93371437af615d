/// Standard base64 (RFC 4648 section 4, with padding) as the C2SP note formats use it.
///
/// Decoding is strict: only the standard alphabet, length a multiple of 4, `=` only as final
/// padding, no whitespace, and (by default) zero pad bits (RFC 4648 section 3.5), so every byte
/// string has exactly one accepted encoding. Signature lines are the one place that tolerates
/// non-zero pad bits, as golang.org/x/mod/sumdb/note does: the bits carry no data, and the
/// signature they belong to is verified anyway.
enum NoteBase64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    private static let decodeTable: [UInt8] = {
        var table = [UInt8](repeating: 0xff, count: 256)
        for (i, c) in alphabet.enumerated() { table[Int(c)] = UInt8(i) }
        return table
    }()

    /// Encodes `bytes` with padding.
    static func encode(_ bytes: some Collection<UInt8>) -> String {
        let input = Array(bytes)
        var out = [UInt8]()
        out.reserveCapacity((input.count + 2) / 3 * 4)
        var i = 0
        while i + 3 <= input.count {
            let n = UInt32(input[i]) << 16 | UInt32(input[i + 1]) << 8 | UInt32(input[i + 2])
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(alphabet[Int(n >> 6 & 63)])
            out.append(alphabet[Int(n & 63)])
            i += 3
        }
        switch input.count - i {
        case 1:
            let n = UInt32(input[i]) << 16
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(UInt8(ascii: "="))
            out.append(UInt8(ascii: "="))
        case 2:
            let n = UInt32(input[i]) << 16 | UInt32(input[i + 1]) << 8
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(alphabet[Int(n >> 6 & 63)])
            out.append(UInt8(ascii: "="))
        default:
            break
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes canonical padded base64; `nil` for anything else.
    static func decode(_ text: some StringProtocol) -> [UInt8]? {
        decode(utf8: Array(text.utf8))
    }

    /// Decodes canonical padded base64 given as UTF-8 bytes; `nil` for anything else.
    /// With `allowNonZeroPadBits`, the unused low bits of the last character may be set.
    static func decode(utf8 chars: [UInt8], allowNonZeroPadBits: Bool = false) -> [UInt8]? {
        guard chars.count % 4 == 0 else { return nil }
        let equals = UInt8(ascii: "=")
        var padding = 0
        if chars.last == equals {
            padding = chars[chars.count - 2] == equals ? 2 : 1
        }
        var out = [UInt8]()
        out.reserveCapacity(chars.count / 4 * 3)
        var i = 0
        while i < chars.count {
            let isLast = i + 4 == chars.count
            let pad = isLast ? padding : 0
            var n: UInt32 = 0
            for j in 0..<4 {
                let c = chars[i + j]
                let v: UInt8
                if j >= 4 - pad {
                    v = 0  // the padding character itself, already checked to be '='
                } else {
                    v = decodeTable[Int(c)]
                    if v == 0xff { return nil }
                }
                n = n << 6 | UInt32(v)
            }
            out.append(UInt8(n >> 16 & 0xff))
            switch pad {
            case 0:
                out.append(UInt8(n >> 8 & 0xff))
                out.append(UInt8(n & 0xff))
            case 1:
                guard allowNonZeroPadBits || n & 0xff == 0 else { return nil }  // non-zero pad bits
                out.append(UInt8(n >> 8 & 0xff))
            default:
                guard allowNonZeroPadBits || n & 0xffff == 0 else { return nil }  // non-zero pad bits
            }
            i += 4
        }
        return out
    }
}
