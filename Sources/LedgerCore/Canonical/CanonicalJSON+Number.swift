// ECMAScript number serialisation (ECMA-262 Number::toString, as RFC 8785 section 3.2.2.3
// requires) and the exact fast path for number parsing.

enum NumberFormatting {
    /// 2^53 − 1, the largest integer such that it and every smaller one is exactly a double
    /// (ECMAScript's `Number.MAX_SAFE_INTEGER`, I-JSON's limit).
    static let maximumSafeInteger: Double = 9_007_199_254_740_991

    /// Why `value`, read from the number text `token`, breaks the ledger's number rule
    /// (``CanonicalJSON/NumberRule/ledger``), or nil when it keeps it: `token` denotes exactly the
    /// value of the ECMAScript form of `value`, and that form is not an integer literal beyond
    /// ±(2^53 − 1).
    /// `knownExact` skips the second comparison when the caller already knows it holds.
    static func ledgerProblem(
        _ value: Double, token: UnsafeBufferPointer<UInt8>, knownExact: Bool
    ) -> (kind: CanonicalJSONError.Kind, message: String)? {
        if let problem = rangeProblem(value, text: String(decoding: token, as: UTF8.self)) {
            return (.numberOutOfRange, problem)
        }
        if knownExact { return nil }
        var shortest: [UInt8] = []
        guard append(value, to: &shortest) else { return nil }
        let same = shortest.withUnsafeBufferPointer { sameDecimal(token, $0) }
        if same { return nil }
        let text = String(decoding: token, as: UTF8.self)
        return (
            .inexactNumber,
            "number \(text) is not exactly a double: it would be stored as "
                + "\(String(decoding: shortest, as: UTF8.self)), so what is signed would not be what was written"
        )
    }

    /// The message for a number whose ECMAScript form is an integer literal beyond ±(2^53 − 1)
    /// (magnitudes from 2^53 up to, not including, 10^21, which ECMAScript writes without an
    /// exponent and many JSON readers take as an integer they cannot hold), else nil.
    /// `text` is the number as the user wrote it.
    static func rangeProblem(_ value: Double, text: String) -> String? {
        guard value.magnitude > maximumSafeInteger, value.magnitude < 1e21 else { return nil }
        return "number \(text) is an integer beyond ±(2^53 − 1) = ±9007199254740991, which JSON readers "
            + "cannot all hold exactly (write it as a string)"
    }

    /// Whether two texts following the JSON number grammar denote the same decimal value.
    static func sameDecimal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let left = normalisedDecimal(a)
        let right = normalisedDecimal(b)
        if left.digits.isEmpty || right.digits.isEmpty { return left.digits.isEmpty && right.digits.isEmpty }
        return left.negative == right.negative && left.exponent == right.exponent && left.digits == right.digits
    }

    /// A JSON number text as sign, significant digits (no leading or trailing zeros; empty for
    /// zero) and n with value = ±0.digits × 10^n. Exponents saturate far beyond any double.
    static func normalisedDecimal(_ text: UnsafeBufferPointer<UInt8>) -> (negative: Bool, digits: [UInt8], exponent: Int) {
        var index = 0
        var negative = false
        if index < text.count && text[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        var digits: [UInt8] = []
        var integerDigits = 0
        var seenPoint = false
        while index < text.count {
            let byte = text[index]
            if byte == UInt8(ascii: ".") {
                seenPoint = true
            } else if byte &- UInt8(ascii: "0") < 10 {
                if !seenPoint { integerDigits += 1 }
                if digits.isEmpty && byte == UInt8(ascii: "0") {
                    integerDigits -= 1  // a leading zero: before the point it was counted, after it it shifts n
                } else {
                    digits.append(byte)
                }
            } else {
                break
            }
            index += 1
        }
        var exponent = 0
        if index < text.count && (text[index] | 0x20) == UInt8(ascii: "e") {
            index += 1
            var exponentNegative = false
            if index < text.count && (text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+")) {
                exponentNegative = text[index] == UInt8(ascii: "-")
                index += 1
            }
            while index < text.count, text[index] &- UInt8(ascii: "0") < 10 {
                if exponent < 1 << 40 { exponent = exponent * 10 + Int(text[index] &- UInt8(ascii: "0")) }
                index += 1
            }
            if exponentNegative { exponent = -exponent }
        }
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        return (negative, digits, integerDigits + exponent)
    }

    /// 10^0 ... 10^22, all exactly representable as doubles.
    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// 10^0 ... 10^19 as integers.
    private static let powersOfTen: [UInt64] = {
        var table: [UInt64] = [1]
        for _ in 1...19 { table.append(table[table.count - 1] &* 10) }
        return table
    }()

    /// The correctly rounded value of `mantissa * 10^exponent` when one IEEE operation gives it
    /// exactly (Clinger's fast path), else `nil`.
    @inline(__always)
    static func fastPath(mantissa: UInt64, exponent: Int, exact: Bool) -> Double? {
        guard exact, mantissa <= 1 << 53, exponent >= -22, exponent <= 22 else { return nil }
        let value = Double(mantissa)
        return exponent >= 0 ? value * exactPowersOfTen[exponent] : value / exactPowersOfTen[-exponent]
    }

    /// Appends the ECMAScript string form of `value`; returns false (appending nothing) for NaN and infinities.
    static func append(_ value: Double, to out: inout [UInt8]) -> Bool {
        guard value.isFinite else { return false }
        if value == 0 {
            out.append(UInt8(ascii: "0"))  // both +0 and -0
            return true
        }
        if value < 0 { out.append(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        // Integers below 2^53 are their own shortest round-trip form.
        if magnitude < 9_007_199_254_740_992, magnitude.rounded(.towardZero) == magnitude {
            appendInteger(UInt64(magnitude), to: &out)
            return true
        }
        // Swift's description yields the shortest round-trip digits (closest to the exact value);
        // read digits and exponent back from it and lay them out as ECMAScript does.
        var text = magnitude.description
        let (digits, digitCount, pointPosition) = text.withUTF8 { decompose($0) }
        layOut(digits: digits, count: digitCount, n: pointPosition, into: &out)
        return true
    }

    /// Splits Swift's `description` ("123.45", "0.001", "1e-07", "1.2345e+20") into the significant
    /// digits s (no leading or trailing zeros), their count k and n with value = 0.s × 10^n.
    private static func decompose(_ text: UnsafeBufferPointer<UInt8>) -> (UInt64, Int, Int) {
        var digits: UInt64 = 0
        var count = 0
        var pendingZeros = 0  // zeros seen after the last non-zero significant digit
        var integerDigits = 0  // digits before the point (or all, if none)
        var leadingZeros = 0
        var seenPoint = false
        var index = 0
        var exponent = 0
        while index < text.count {
            let byte = text[index]
            index += 1
            if byte == UInt8(ascii: ".") {
                seenPoint = true
                continue
            }
            if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                var negative = false
                if index < text.count && (text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+")) {
                    negative = text[index] == UInt8(ascii: "-")
                    index += 1
                }
                while index < text.count {
                    exponent = exponent * 10 + Int(text[index] &- UInt8(ascii: "0"))
                    index += 1
                }
                if negative { exponent = -exponent }
                break
            }
            if !seenPoint { integerDigits += 1 }
            let digit = UInt64(byte &- UInt8(ascii: "0"))
            if count == 0 && digit == 0 {
                leadingZeros += 1
                continue
            }
            if digit == 0 {
                pendingZeros += 1
                continue
            }
            for _ in 0..<pendingZeros where count < 19 {
                digits = digits &* 10
                count += 1
            }
            pendingZeros = 0
            if count < 19 {
                digits = digits &* 10 &+ digit
                count += 1
            }
        }
        return (digits, count, integerDigits - leadingZeros + exponent)
    }

    /// ECMA-262 Number::toString steps 6-10 for a positive value 0.s × 10^n with k digits.
    private static func layOut(digits: UInt64, count k: Int, n: Int, into out: inout [UInt8]) {
        if k <= n && n <= 21 {
            appendDigits(digits, count: k, from: 0, to: k, into: &out)
            for _ in 0..<(n - k) { out.append(UInt8(ascii: "0")) }
        } else if 0 < n && n <= 21 {
            appendDigits(digits, count: k, from: 0, to: n, into: &out)
            out.append(UInt8(ascii: "."))
            appendDigits(digits, count: k, from: n, to: k, into: &out)
        } else if -6 < n && n <= 0 {
            out.append(UInt8(ascii: "0"))
            out.append(UInt8(ascii: "."))
            for _ in 0..<(-n) { out.append(UInt8(ascii: "0")) }
            appendDigits(digits, count: k, from: 0, to: k, into: &out)
        } else {
            appendDigits(digits, count: k, from: 0, to: 1, into: &out)
            if k > 1 {
                out.append(UInt8(ascii: "."))
                appendDigits(digits, count: k, from: 1, to: k, into: &out)
            }
            out.append(UInt8(ascii: "e"))
            let exponent = n - 1
            out.append(exponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            appendInteger(UInt64(exponent.magnitude), to: &out)
        }
    }

    /// Appends digits [from, to) of the k-digit number `digits` (most significant first).
    private static func appendDigits(_ digits: UInt64, count k: Int, from: Int, to: Int, into out: inout [UInt8]) {
        var index = from
        while index < to {
            let digit = digits / powersOfTen[k - 1 - index] % 10
            out.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: digit))
            index += 1
        }
    }

    /// Appends the decimal digits of `value`.
    static func appendInteger(_ value: UInt64, to out: inout [UInt8]) {
        let start = out.count
        var rest = value
        repeat {
            out.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10))
            rest /= 10
        } while rest > 0
        out[start...].reverse()
    }
}
