/// Why canonical JSON could not be parsed or serialised, with the position where it happened.
public struct CanonicalJSONError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The class of failure.
    public enum Kind: Sendable, Equatable {
        /// The bytes are not JSON (unexpected character, unexpected end, missing separator, BOM, ...).
        case syntax
        /// An object repeats a member name (compared after unescaping); the payload is the name.
        case duplicateMember(String)
        /// A `\u` escape yields a surrogate that is not part of a high/low pair.
        case loneSurrogate
        /// The raw bytes of a string are not well-formed UTF-8.
        case invalidUTF8
        /// A number overflows to infinity when parsed, or a NaN/infinity is given to the serialiser.
        case nonFiniteNumber
        /// Non-whitespace bytes follow the top-level value.
        case trailingData
        /// Arrays and objects are nested deeper than ``CanonicalJSON/maximumDepth``.
        case tooDeep
        /// A backslash escape is not one of the RFC 8259 escapes.
        case invalidEscape
        /// A raw control character (below U+0020) appears inside a string.
        case controlCharacter
        /// A number does not follow the RFC 8259 number grammar (leading zero, missing digits).
        case numberFormat
        /// A number is an integer beyond ±(2^53 − 1) written without an exponent: a magnitude from
        /// 2^53 up to, not including, 10^21 (``CanonicalJSON/NumberRule/ledger``).
        case numberOutOfRange
        /// A number's text is not exactly the value of the double it rounds to (for example
        /// `9007199254740993`, `0.30000000000000001`, `1e-400`) (``CanonicalJSON/NumberRule/ledger``).
        case inexactNumber
    }

    /// The class of failure.
    public let kind: Kind
    /// Byte offset into the input where the failure was detected (0 when serialising).
    public let offset: Int
    /// 1-based line of `offset` (lines end at LF); 0 when serialising.
    public let line: Int
    /// 1-based column of `offset`, counted in bytes; 0 when serialising.
    public let column: Int
    /// RFC 6901 JSON pointer of the value in which the failure happened, `""` for the root.
    public let pointer: String
    /// A human-readable sentence describing the failure.
    public let message: String

    /// Creates an error from its parts.
    public init(kind: Kind, offset: Int, line: Int, column: Int, pointer: String, message: String) {
        self.kind = kind
        self.offset = offset
        self.line = line
        self.column = column
        self.pointer = pointer
        self.message = message
    }

    /// For example `line 3, column 7 (at /payload/n): duplicate member name "n"`.
    public var description: String {
        var text = line > 0 ? "line \(line), column \(column)" : "serialising"
        if !pointer.isEmpty { text += " (at \(pointer))" }
        return text + ": " + message
    }
}

/// RFC 8785 JSON Canonicalization Scheme: a strict parser and the canonical serialiser.
public enum CanonicalJSON {
    /// Deepest nesting of arrays and objects that the parser accepts.
    public static let maximumDepth = 512

    /// Which JSON numbers are accepted.
    public enum NumberRule: Sendable, Equatable {
        /// The ledger's rule (FORMAT.md section 3.3): a number's text denotes exactly the value of
        /// the double it is read as (the value of that double's ECMAScript
        /// `Number.prototype.toString` form), and that form is not an integer literal beyond
        /// ±(2^53 − 1) (so magnitudes from 2^53 to below 10^21 are refused; 1e+21 and beyond are
        /// written with an exponent, which every JSON reader takes as a double). Every verifier in
        /// every language then reads the same value, and what is signed is what was written.
        case ledger
        /// Plain RFC 8785: any number that is a finite double after rounding (for the standard's
        /// own test vectors and other JCS data that is not a ledger's).
        case anyDouble
    }

    /// The largest integer written without an exponent that the ledger's number rule allows, 2^53 − 1.
    public static let maximumSafeInteger: Double = NumberFormatting.maximumSafeInteger

    /// Reads a number written as text (a CLI option, a form field) under the ledger's rule
    /// (``NumberRule/ledger``): the RFC 8259 number grammar, text that is exactly the value it is
    /// stored as, and no integer beyond ±(2^53 − 1) below 10^21.
    /// - Throws: ``CanonicalJSONError`` whose message explains the refusal.
    public static func ledgerNumber(_ text: String) throws(CanonicalJSONError) -> Double {
        let value = try parse(Array(text.utf8))
        guard let number = value.doubleValue else {
            throw CanonicalJSONError(
                kind: .numberFormat, offset: 0, line: 1, column: 1, pointer: "", message: "\(quoted(text)) is not a number")
        }
        return number
    }

    /// Parses strict RFC 8259 JSON (any top-level value), rejecting everything JCS cannot represent
    /// and, under the default ``NumberRule/ledger``, every number the ledger's rule refuses.
    public static func parse(_ bytes: [UInt8], numbers: NumberRule = .ledger) throws(CanonicalJSONError) -> JSONValue {
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws(CanonicalJSONError) in try parse(raw, numbers: numbers) }
        }
        return try result.get()
    }

    /// Parses strict RFC 8259 JSON (any top-level value) from raw bytes.
    public static func parse(
        _ bytes: UnsafeRawBufferPointer, numbers: NumberRule = .ledger
    ) throws(CanonicalJSONError) -> JSONValue {
        let input = bytes.baseAddress.map {
            UnsafeBufferPointer(start: $0.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        } ?? UnsafeBufferPointer(start: nil, count: 0)
        var parser = JSONParser(input, numbers: numbers)
        do {
            return try parser.parseDocument()
        } catch {
            throw positioned(error, in: input)
        }
    }

    /// Serialises a value as RFC 8785 canonical UTF-8 bytes; throws for NaN or infinite numbers
    /// and, under the default ``NumberRule/ledger``, for numbers whose magnitude exceeds 2^53 − 1.
    public static func serialize(_ value: JSONValue, numbers: NumberRule = .ledger) throws(CanonicalJSONError) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(256)
        try serialize(value, into: &out, numbers: numbers)
        return out
    }

    /// Appends the RFC 8785 canonical bytes of `value` to `buffer` (unchanged if it throws).
    public static func serialize(
        _ value: JSONValue, into buffer: inout [UInt8], numbers: NumberRule = .ledger
    ) throws(CanonicalJSONError) {
        let start = buffer.count
        do {
            try JSONWriter.write(value, into: &buffer, numbers: numbers)
        } catch {
            buffer.removeSubrange(start...)
            throw CanonicalJSONError(
                kind: error.kind, offset: 0, line: 0, column: 0,
                pointer: error.pointer, message: error.message)
        }
    }

    /// Parses and re-serialises: the canonical form of the given JSON text.
    public static func canonicalize(_ bytes: [UInt8], numbers: NumberRule = .ledger) throws(CanonicalJSONError) -> [UInt8] {
        try serialize(parse(bytes, numbers: numbers), numbers: numbers)
    }

    /// True iff the bytes are valid JSON already in canonical form (`canonicalize(bytes) == bytes`).
    public static func isCanonical(_ bytes: [UInt8], numbers: NumberRule = .ledger) -> Bool {
        bytes.withUnsafeBytes { isCanonical($0, numbers: numbers) }
    }

    /// True iff the raw bytes are valid JSON already in canonical form.
    public static func isCanonical(_ bytes: UnsafeRawBufferPointer, numbers: NumberRule = .ledger) -> Bool {
        guard let value = try? parse(bytes, numbers: numbers) else { return false }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        guard (try? JSONWriter.write(value, into: &out, numbers: numbers)) != nil, out.count == bytes.count else {
            return false
        }
        return out.elementsEqual(bytes)
    }

    /// The ECMAScript `Number.prototype.toString` form of a double (as JCS requires); `nil` for NaN and infinities.
    public static func numberString(_ value: Double) -> String? {
        var out = [UInt8]()
        out.reserveCapacity(24)
        guard NumberFormatting.append(value, to: &out) else { return nil }
        return String(decoding: out, as: UTF8.self)
    }

    private static func positioned(_ failure: JSONFailure, in input: UnsafeBufferPointer<UInt8>) -> CanonicalJSONError {
        let offset = min(max(failure.offset, 0), input.count)
        var line = 1
        var lineStart = 0
        var index = 0
        while index < offset {
            if input[index] == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        return CanonicalJSONError(
            kind: failure.kind, offset: offset, line: line, column: offset - lineStart + 1,
            pointer: failure.pointer, message: failure.message)
    }
}

/// Internal failure: carries the path (innermost component first) while it unwinds.
struct JSONFailure: Error {
    var kind: CanonicalJSONError.Kind
    var offset: Int
    var message: String
    /// Already-escaped pointer components, innermost first.
    var reversedPath: [String] = []

    init(_ kind: CanonicalJSONError.Kind, at offset: Int, _ message: String) {
        self.kind = kind
        self.offset = offset
        self.message = message
    }

    /// Adds an enclosing object member name to the path.
    mutating func enclose(member name: String) {
        if name.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) {
            var escaped = ""
            for scalar in name.unicodeScalars {
                switch scalar {
                case "~": escaped += "~0"
                case "/": escaped += "~1"
                default: escaped.unicodeScalars.append(scalar)
                }
            }
            reversedPath.append(escaped)
        } else {
            reversedPath.append(name)
        }
    }

    /// Adds an enclosing array index to the path.
    mutating func enclose(index: Int) {
        reversedPath.append(String(index))
    }

    var pointer: String {
        var text = ""
        for component in reversedPath.reversed() {
            text += "/"
            text += component
        }
        return text
    }
}

extension CanonicalJSON {
    /// Whether `bytes`, already parsed into `value`, are exactly the canonical form of `value`
    /// (saves parsing twice when the caller needs the value anyway).
    public static func isCanonical(_ value: JSONValue, bytes: [UInt8]) -> Bool {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        guard (try? serialize(value, into: &out)) != nil else { return false }
        return out == bytes
    }
}
