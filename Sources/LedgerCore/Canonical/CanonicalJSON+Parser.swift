// Strict RFC 8259 parser working directly on UTF-8 bytes.

private let quote = UInt8(ascii: "\"")
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
    /// Members of the objects being parsed (innermost last), with the offsets of their names;
    /// collected first so that each object's dictionary is built once, at its final size.
    var pending: [(name: String, value: JSONValue, offset: Int)] = []
    /// Which numbers are accepted (``CanonicalJSON/NumberRule``).
    let numbers: CanonicalJSON.NumberRule

    init(_ input: UnsafeBufferPointer<UInt8>, numbers: CanonicalJSON.NumberRule = .ledger) {
        self.input = input
        self.count = input.count
        self.numbers = numbers
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
        skipWhitespace()
        if position < count && input[position] == closeBrace {
            position += 1
            return .object([:])
        }
        let base = pending.count
        defer { pending.removeSubrange(base...) }
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
            pending.append((name, value, nameOffset))
            skipWhitespace()
            guard position < count else {
                throw JSONFailure(.syntax, at: position, "unexpected end of input, expected ',' or '}'")
            }
            let byte = input[position]
            position += 1
            if byte == comma { continue }
            if byte == closeBrace { break }
            throw JSONFailure(.syntax, at: position - 1, "unexpected \(describeByte(byte)), expected ',' or '}'")
        }
        // Duplicates are found here, once the object is complete: the first repeated name (in
        // document order) is reported at its own offset.
        var members = [String: JSONValue](minimumCapacity: pending.count - base)
        for index in base..<pending.count {
            let member = pending[index]
            if members.updateValue(member.value, forKey: member.name) != nil {
                throw duplicateFailure(member.name, at: member.offset, in: members)
            }
        }
        return .object(members)
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

        var value: Double
        // A decimal of at most 15 significant digits in the fast path's range is the shortest
        // form of its nearest double, so it is exact in the ledger's sense without a check.
        var knownExact = false
        if mantissa == 0 && !droppedDigits {
            value = negative ? -0.0 : 0
            knownExact = true
        } else if let fast = NumberFormatting.fastPath(
            mantissa: mantissa, exponent: exponent - fractionDigits, exact: !droppedDigits)
        {
            value = negative ? -fast : fast
            knownExact = significantDigits <= 15
        } else {
            let token = String(decoding: UnsafeBufferPointer(rebasing: input[start..<position]), as: UTF8.self)
            guard let parsed = Double(token) else {
                throw JSONFailure(.numberFormat, at: start, "number \(token) could not be converted")
            }
            guard parsed.isFinite else {
                throw JSONFailure(.nonFiniteNumber, at: start, "number \(token) is too large for a double")
            }
            value = parsed
        }
        if numbers == .ledger {
            let token = UnsafeBufferPointer(rebasing: input[start..<position])
            if let problem = NumberFormatting.ledgerProblem(value, token: token, knownExact: knownExact) {
                throw JSONFailure(problem.kind, at: start, problem.message)
            }
        }
        return value
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
}

/// `"name"` with the characters that would confuse a message escaped.
func quoted(_ name: String) -> String {
    var out = [UInt8]()
    JSONWriter.writeString(name, into: &out)
    return String(decoding: out, as: UTF8.self)
}
