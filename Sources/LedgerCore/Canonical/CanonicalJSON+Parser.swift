// Strict RFC 8259 parser working directly on UTF-8 bytes.

private let quote = UInt8(ascii: "\"")
private let backslash = UInt8(ascii: "\\")
private let slash = UInt8(ascii: "/")
private let colon = UInt8(ascii: ":")
private let comma = UInt8(ascii: ",")
private let openBrace = UInt8(ascii: "{")
private let closeBrace = UInt8(ascii: "}")
private let openBracket = UInt8(ascii: "[")
private let closeBracket = UInt8(ascii: "]")
private let minus = UInt8(ascii: "-")
private let plus = UInt8(ascii: "+")
private let dot = UInt8(ascii: ".")
private let zero = UInt8(ascii: "0")
private let nine = UInt8(ascii: "9")

@inline(__always) private func isDigit(_ byte: UInt8) -> Bool { byte &- zero < 10 }

/// Describes a byte for messages: `'x'` for printable ASCII, `0xNN` otherwise.
func describeByte(_ byte: UInt8) -> String {
    if byte >= 0x21 && byte < 0x7f { return "'\(String(UnicodeScalar(byte)))'" }
    let hex = Array("0123456789abcdef".utf8)
    return "0x" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 0x0f)]], as: UTF8.self)
}

struct JSONParser {
    let input: UnsafeBufferPointer<UInt8>
    let count: Int
    var position = 0
    /// Reused buffer for strings that contain escapes.
    var scratch: [UInt8] = []

    init(_ input: UnsafeBufferPointer<UInt8>) {
        self.input = input
        self.count = input.count
    }

    mutating func parseDocument() throws(JSONFailure) -> JSONValue {
        if count >= 3 && input[0] == 0xEF && input[1] == 0xBB && input[2] == 0xBF {
            throw JSONFailure(.syntax, at: 0, "a UTF-8 byte order mark is not allowed")
        }
        let value = try parseValue(depth: 0)
        skipWhitespace()
        if position < count {
            throw JSONFailure(
                .trailingData, at: position, "unexpected \(describeByte(input[position])) after the top-level value")
        }
        return value
    }

    @inline(__always) mutating func skipWhitespace() {
        while position < count {
            switch input[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    /// Parses one value; `depth` is the number of enclosing arrays and objects.
    mutating func parseValue(depth: Int) throws(JSONFailure) -> JSONValue {
        skipWhitespace()
        guard position < count else {
            throw JSONFailure(.syntax, at: position, "unexpected end of input, expected a value")
        }
        switch input[position] {
        case quote: return .string(try parseString())
        case openBrace: return try parseObject(depth: depth)
        case openBracket: return try parseArray(depth: depth)
        case minus, zero...nine: return .number(try parseNumber())
        case UInt8(ascii: "t"): try parseLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try parseLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try parseLiteral("null"); return .null
        case let byte:
            throw JSONFailure(.syntax, at: position, "unexpected \(describeByte(byte)), expected a value")
        }
    }

    mutating func parseLiteral(_ literal: StaticString) throws(JSONFailure) {
        let start = position
        let length = literal.utf8CodeUnitCount
        let matches = literal.withUTF8Buffer { expected -> Bool in
            guard count - start >= length else { return false }
            for index in 0..<length where input[start + index] != expected[index] { return false }
            return true
        }
        guard matches else {
            throw JSONFailure(.syntax, at: start, "invalid literal, expected '\(literal)'")
        }
        position += length
    }

    mutating func parseArray(depth: Int) throws(JSONFailure) -> JSONValue {
        let start = position
        guard depth < CanonicalJSON.maximumDepth else {
            throw JSONFailure(.tooDeep, at: start, "nesting is deeper than \(CanonicalJSON.maximumDepth) levels")
        }
        position += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if position < count && input[position] == closeBracket {
            position += 1
            return .array(elements)
        }
        while true {
            do {
                elements.append(try parseValue(depth: depth + 1))
            } catch {
                var failure = error
                failure.enclose(index: elements.count)
                throw failure
            }
            skipWhitespace()
            guard position < count else {
                throw JSONFailure(.syntax, at: position, "unexpected end of input, expected ',' or ']'")
            }
            let byte = input[position]
            position += 1
            if byte == comma { continue }
            if byte == closeBracket { return .array(elements) }
            throw JSONFailure(.syntax, at: position - 1, "unexpected \(describeByte(byte)), expected ',' or ']'")
        }
    }

    mutating func parseObject(depth: Int) throws(JSONFailure) -> JSONValue {
        let start = position
        guard depth < CanonicalJSON.maximumDepth else {
            throw JSONFailure(.tooDeep, at: start, "nesting is deeper than \(CanonicalJSON.maximumDepth) levels")
        }
        position += 1
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if position < count && input[position] == closeBrace {
            position += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard position < count else {
                throw JSONFailure(.syntax, at: position, "unexpected end of input, expected a member name")
            }
            guard input[position] == quote else {
                throw JSONFailure(
                    .syntax, at: position, "unexpected \(describeByte(input[position])), expected a member name")
            }
            let nameOffset = position
            let name = try parseString()
            skipWhitespace()
            guard position < count, input[position] == colon else {
                let found = position < count ? describeByte(input[position]) : "end of input"
                throw JSONFailure(.syntax, at: position, "unexpected \(found), expected ':' after a member name")
            }
            position += 1
            let value: JSONValue
            do {
                value = try parseValue(depth: depth + 1)
            } catch {
                var failure = error
                failure.enclose(member: name)
                throw failure
            }
            if members.updateValue(value, forKey: name) != nil {
                throw duplicateFailure(name, at: nameOffset, in: members)
            }
            skipWhitespace()
            guard position < count else {
                throw JSONFailure(.syntax, at: position, "unexpected end of input, expected ',' or '}'")
            }
            let byte = input[position]
            position += 1
            if byte == comma { continue }
            if byte == closeBrace { return .object(members) }
            throw JSONFailure(.syntax, at: position - 1, "unexpected \(describeByte(byte)), expected ',' or '}'")
        }
    }

    /// Swift `String` equality is canonical equivalence, so a name can collide with a different
    /// spelling of itself (`"\u00e9"` and `"e\u0301"`); such an object cannot be held and is rejected too.
    private func duplicateFailure(_ name: String, at offset: Int, in members: [String: JSONValue]) -> JSONFailure {
        if let index = members.index(forKey: name), !members[index].key.utf8.elementsEqual(name.utf8) {
            return JSONFailure(
                .duplicateMember(name), at: offset,
                "member name \(quoted(name)) is canonically equivalent to the earlier name "
                    + "\(quoted(members[index].key)) and cannot be held apart from it")
        }
        return JSONFailure(.duplicateMember(name), at: offset, "duplicate member name \(quoted(name))")
    }

    // MARK: Numbers

    /// Parses a number token per the RFC 8259 grammar into a correctly rounded double.
    mutating func parseNumber() throws(JSONFailure) -> Double {
        let start = position
        var negative = false
        if input[position] == minus {
            negative = true
            position += 1
        }
        // Significant digits (leading zeros dropped) accumulated while they fit.
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var droppedDigits = false
        var fractionDigits = 0

        guard position < count, isDigit(input[position]) else {
            throw JSONFailure(.numberFormat, at: position, "expected a digit in number")
        }
        if input[position] == zero {
            position += 1
            if position < count && isDigit(input[position]) {
                throw JSONFailure(.numberFormat, at: start, "leading zeros are not allowed in numbers")
            }
        } else {
            while position < count, isDigit(input[position]) {
                accumulate(input[position], &mantissa, &significantDigits, &droppedDigits)
                position += 1
            }
        }
        if position < count && input[position] == dot {
            position += 1
            guard position < count, isDigit(input[position]) else {
                throw JSONFailure(.numberFormat, at: position, "expected a digit after the decimal point")
            }
            while position < count, isDigit(input[position]) {
                accumulate(input[position], &mantissa, &significantDigits, &droppedDigits)
                fractionDigits += 1
                position += 1
            }
        }
        var exponent = 0
        if position < count && (input[position] | 0x20) == UInt8(ascii: "e") {
            position += 1
            var exponentNegative = false
            if position < count && (input[position] == minus || input[position] == plus) {
                exponentNegative = input[position] == minus
                position += 1
            }
            guard position < count, isDigit(input[position]) else {
                throw JSONFailure(.numberFormat, at: position, "expected a digit in the exponent")
            }
            while position < count, isDigit(input[position]) {
                if exponent < 100_000 { exponent = exponent * 10 + Int(input[position] - zero) }
                position += 1
            }
            if exponentNegative { exponent = -exponent }
        }

        let value: Double
        if mantissa == 0 && !droppedDigits {
            value = 0
        } else if let fast = NumberFormatting.fastPath(
            mantissa: mantissa, exponent: exponent - fractionDigits, exact: !droppedDigits)
        {
            value = fast
        } else {
            let token = String(decoding: UnsafeBufferPointer(rebasing: input[start..<position]), as: UTF8.self)
            guard let parsed = Double(token) else {
                throw JSONFailure(.numberFormat, at: start, "number \(token) could not be converted")
            }
            guard parsed.isFinite else {
                throw JSONFailure(.nonFiniteNumber, at: start, "number \(token) is too large for a double")
            }
            return parsed
        }
        return negative ? -value : value
    }

    @inline(__always) private func accumulate(
        _ digit: UInt8, _ mantissa: inout UInt64, _ significantDigits: inout Int, _ dropped: inout Bool
    ) {
        if significantDigits == 0 && digit == zero { return }
        if significantDigits < 19 {
            mantissa = mantissa &* 10 &+ UInt64(digit &- zero)
            significantDigits += 1
        } else {
            dropped = true
        }
    }

    // MARK: Strings

    /// Parses a string starting at its opening quote; returns the unescaped text.
    mutating func parseString() throws(JSONFailure) -> String {
        let open = position
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
                return try parseEscapedString(open: open, start: start)
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

    private func controlFailure(_ byte: UInt8) -> JSONFailure {
        JSONFailure(.controlCharacter, at: position, "raw control character \(describeByte(byte)) in a string must be escaped")
    }

    /// Slow path: the string has at least one escape, at `position`.
    private mutating func parseEscapedString(open: Int, start: Int) throws(JSONFailure) -> String {
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
    private mutating func parseEscape() throws(JSONFailure) {
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

    private mutating func readHex4(escapeStart: Int) throws(JSONFailure) -> UInt16 {
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

    private func hex4(_ unit: UInt16) -> String {
        let text = String(unit, radix: 16)
        return String(repeating: "0", count: 4 - text.count) + text
    }

    private mutating func appendUTF8(_ scalar: UInt32) {
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
    private mutating func validateUTF8() throws(JSONFailure) {
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

/// `"name"` with the characters that would confuse a message escaped.
func quoted(_ name: String) -> String {
    var out = [UInt8]()
    JSONWriter.writeString(name, into: &out)
    return String(decoding: out, as: UTF8.self)
}
