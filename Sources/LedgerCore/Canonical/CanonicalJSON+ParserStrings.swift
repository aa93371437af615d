// String parsing for JSONParser: escapes, surrogate pairs and UTF-8 validation on raw bytes.

private let quote = UInt8(ascii: "\"")
private let backslash = UInt8(ascii: "\\")
private let slash = UInt8(ascii: "/")
private let zero = UInt8(ascii: "0")
private let nine = UInt8(ascii: "9")

extension JSONParser {
    /// Parses a string starting at its opening quote; returns the unescaped text.
    mutating func parseString() throws(JSONFailure) -> String {
        position += 1
        let start = position
        while position < count {
            let byte = input[position]
            if byte == quote {
                let text = String(decoding: UnsafeBufferPointer(rebasing: input[start..<position]), as: UTF8.self)
                position += 1
                return text
            }
            if byte == backslash {
                return try parseEscapedString(start: start)
            }
            if byte < 0x20 {
                throw controlFailure(byte)
            }
            if byte < 0x80 {
                position += 1
            } else {
                try validateUTF8()
            }
        }
        throw JSONFailure(.syntax, at: position, "unexpected end of input inside a string")
    }

    func controlFailure(_ byte: UInt8) -> JSONFailure {
        JSONFailure(.controlCharacter, at: position, "raw control character \(describeByte(byte)) in a string must be escaped")
    }

    /// Slow path: the string has at least one escape, at `position`.
    mutating func parseEscapedString(start: Int) throws(JSONFailure) -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<position]))
        while position < count {
            let byte = input[position]
            if byte == quote {
                position += 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if byte == backslash {
                try parseEscape()
            } else if byte < 0x20 {
                throw controlFailure(byte)
            } else if byte < 0x80 {
                scratch.append(byte)
                position += 1
            } else {
                let sequenceStart = position
                try validateUTF8()
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: input[sequenceStart..<position]))
            }
        }
        throw JSONFailure(.syntax, at: position, "unexpected end of input inside a string")
    }

    /// Decodes one escape at `position` (a backslash) and appends its UTF-8 to `scratch`.
    mutating func parseEscape() throws(JSONFailure) {
        let escapeStart = position
        guard position + 1 < count else {
            throw JSONFailure(.syntax, at: position + 1, "unexpected end of input inside a string")
        }
        let kind = input[position + 1]
        position += 2
        switch kind {
        case quote, backslash, slash: scratch.append(kind)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            let unit = try readHex4(escapeStart: escapeStart)
            var scalar = UInt32(unit)
            if unit >= 0xDC00 && unit <= 0xDFFF {
                throw JSONFailure(.loneSurrogate, at: escapeStart, "lone low surrogate \\u\(hex4(unit)) in a string")
            }
            if unit >= 0xD800 && unit <= 0xDBFF {
                let lowStart = position
                guard position + 1 < count, input[position] == backslash, input[position + 1] == UInt8(ascii: "u")
                else {
                    throw JSONFailure(
                        .loneSurrogate, at: escapeStart,
                        "high surrogate \\u\(hex4(unit)) is not followed by a low surrogate escape")
                }
                position += 2
                let low = try readHex4(escapeStart: lowStart)
                guard low >= 0xDC00 && low <= 0xDFFF else {
                    throw JSONFailure(
                        .loneSurrogate, at: escapeStart,
                        "high surrogate \\u\(hex4(unit)) is not followed by a low surrogate escape")
                }
                scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            }
            appendUTF8(scalar)
        default:
            throw JSONFailure(.invalidEscape, at: escapeStart, "invalid escape '\\\(String(UnicodeScalar(kind)))'")
        }
    }

    mutating func readHex4(escapeStart: Int) throws(JSONFailure) -> UInt16 {
        var value: UInt16 = 0
        for _ in 0..<4 {
            guard position < count else {
                throw JSONFailure(.invalidEscape, at: escapeStart, "\\u escape needs four hex digits")
            }
            let byte = input[position]
            let digit: UInt8
            switch byte {
            case zero...nine: digit = byte - zero
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw JSONFailure(.invalidEscape, at: escapeStart, "\\u escape needs four hex digits")
            }
            value = value << 4 | UInt16(digit)
            position += 1
        }
        return value
    }

    func hex4(_ unit: UInt16) -> String {
        let text = String(unit, radix: 16)
        return String(repeating: "0", count: 4 - text.count) + text
    }

    mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(scalar))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// Validates one multi-byte UTF-8 sequence whose lead byte is at `position` and steps over it.
    mutating func validateUTF8() throws(JSONFailure) {
        let lead = input[position]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        case 0x80...0xBF:
            throw JSONFailure(.invalidUTF8, at: position, "invalid UTF-8: unexpected continuation byte \(describeByte(lead))")
        case 0xC0, 0xC1:
            throw JSONFailure(.invalidUTF8, at: position, "invalid UTF-8: overlong encoding (lead byte \(describeByte(lead)))")
        default:
            throw JSONFailure(.invalidUTF8, at: position, "invalid UTF-8: byte \(describeByte(lead)) never appears in UTF-8")
        }
        guard count - position >= length else {
            throw JSONFailure(.invalidUTF8, at: position, "invalid UTF-8: truncated sequence")
        }
        let second = input[position + 1]
        if second < low || second > high {
            let reason: String
            if second < 0x80 || second > 0xBF {
                reason = "truncated sequence"
            } else if lead == 0xED {
                reason = "surrogate code point encoded in UTF-8"
            } else if lead == 0xF4 {
                reason = "code point above U+10FFFF"
            } else {
                reason = "overlong encoding"
            }
            throw JSONFailure(.invalidUTF8, at: position, "invalid UTF-8: \(reason)")
        }
        var index = 2
        while index < length {
            let byte = input[position + index]
            if byte < 0x80 || byte > 0xBF {
                throw JSONFailure(.invalidUTF8, at: position, "invalid UTF-8: truncated sequence")
            }
            index += 1
        }
        position += length
    }
}
