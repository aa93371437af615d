import Foundation
import LedgerCore
import Testing

// MARK: - Helpers

/// `<repo root>/Tests/Vectors/jcs`, located from this file.
private let jcsVectors: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // LedgerCoreTests
    .deletingLastPathComponent()  // Tests
    .appendingPathComponent("Vectors/jcs")

private func vectorBytes(_ relativePath: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: jcsVectors.appendingPathComponent(relativePath)))
}

private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

private func canonicalText(_ value: JSONValue) throws -> String {
    String(decoding: try CanonicalJSON.serialize(value), as: UTF8.self)
}

/// Parses `input` expecting a failure; returns it (or nil, recording an issue, if parsing succeeded).
private func parseFailure(_ input: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> CanonicalJSONError? {
    do {
        let value = try CanonicalJSON.parse(input)
        Issue.record("expected a failure, parsed \(value)", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

private func expectFailure(
    _ input: [UInt8], _ kind: CanonicalJSONError.Kind, line: Int? = nil, column: Int? = nil,
    pointer: String = "", sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let error = parseFailure(input, sourceLocation: sourceLocation) else { return }
    #expect(error.kind == kind, "\(error)", sourceLocation: sourceLocation)
    if let line { #expect(error.line == line, "\(error)", sourceLocation: sourceLocation) }
    if let column { #expect(error.column == column, "\(error)", sourceLocation: sourceLocation) }
    #expect(error.pointer == pointer, "\(error)", sourceLocation: sourceLocation)
    #expect(!error.message.isEmpty, sourceLocation: sourceLocation)
    // Parsing and isCanonical must agree.
    #expect(!CanonicalJSON.isCanonical(input), sourceLocation: sourceLocation)
}

private func expectFailure(
    _ input: String, _ kind: CanonicalJSONError.Kind, line: Int? = nil, column: Int? = nil,
    pointer: String = "", sourceLocation: SourceLocation = #_sourceLocation
) {
    expectFailure(bytes(input), kind, line: line, column: column, pointer: pointer, sourceLocation: sourceLocation)
}

// MARK: - RFC 8785 vectors

@Suite("CanonicalJSON vectors")
struct CanonicalJSONVectorTests {
    @Test(arguments: ["arrays", "french", "structures", "unicode", "values", "weird"])
    func referenceCase(name: String) throws {
        let input = try vectorBytes("input/\(name).json")
        let expected = try vectorBytes("output/\(name).json")
        let hex = try vectorBytes("outhex/\(name).txt")
        let hexDigits = String(decoding: hex, as: UTF8.self).split(whereSeparator: { $0 == " " || $0.isNewline })
        #expect(hexDigits.compactMap { UInt8($0, radix: 16) } == expected)

        let output = try CanonicalJSON.canonicalize(input, numbers: .anyDouble)
        #expect(String(decoding: output, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        #expect(output == expected)
        #expect(CanonicalJSON.isCanonical(expected, numbers: .anyDouble))
        #expect(!CanonicalJSON.isCanonical(input, numbers: .anyDouble))
        // The canonical form is a fixed point, and the parsed values agree.
        #expect(try CanonicalJSON.canonicalize(expected, numbers: .anyDouble) == expected)
        #expect(try CanonicalJSON.parse(expected, numbers: .anyDouble) == CanonicalJSON.parse(input, numbers: .anyDouble))
        expected.withUnsafeBytes { #expect(CanonicalJSON.isCanonical($0, numbers: .anyDouble)) }
    }

    @Test func es6Numbers() throws {
        let text = String(decoding: try vectorBytes("es6-numbers-20k.txt"), as: UTF8.self)
        var checked = 0
        var failures: [String] = []
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: ",", maxSplits: 1)
            guard parts.count == 2, let bits = UInt64(parts[0], radix: 16) else {
                failures.append("bad line \(line)")
                continue
            }
            let value = Double(bitPattern: bits)
            let expected = String(parts[1])
            let viaNumberString = CanonicalJSON.numberString(value)
            let viaSerialize = String(decoding: try CanonicalJSON.serialize(.number(value), numbers: .anyDouble), as: UTF8.self)
            if viaNumberString != expected || viaSerialize != expected {
                failures.append("\(parts[0]): expected \(expected), got \(viaNumberString ?? "nil") / \(viaSerialize)")
            }
            // The expected text parses back to the same double (-0 aside, which JCS writes as 0).
            let reparsed = try CanonicalJSON.parse(bytes(expected), numbers: .anyDouble).doubleValue
            if reparsed != value || (value != 0 && reparsed?.bitPattern != bits) {
                failures.append("\(parts[0]): \(expected) parsed as \(reparsed.map { String($0) } ?? "nil")")
            }
            checked += 1
        }
        #expect(checked == 20_000)
        #expect(failures.isEmpty, "\(failures.count) failures, first: \(failures.prefix(10))")
    }
}

// MARK: - Serialiser

@Suite("CanonicalJSON serialiser")
struct CanonicalJSONSerializerTests {
    @Test func numberForms() {
        let cases: [(Double, String)] = [
            (0, "0"), (-0.0, "0"), (1, "1"), (-1, "-1"), (1.5, "1.5"), (0.1, "0.1"), (100, "100"),
            (1e20, "100000000000000000000"), (1e21, "1e+21"), (123e20, "1.23e+22"),
            (1e-6, "0.000001"), (1e-7, "1e-7"), (1.5e-7, "1.5e-7"), (0.000123, "0.000123"),
            (9_007_199_254_740_992, "9007199254740992"), (0x1p53.nextUp, "9007199254740994"),
            (18_014_398_509_481_984, "18014398509481984"), (4.35, "4.35"), (0.3, "0.3"),
            (.leastNonzeroMagnitude, "5e-324"), (-.leastNonzeroMagnitude, "-5e-324"), (Double.greatestFiniteMagnitude, "1.7976931348623157e+308"),
            (333_333_333.333_333_29, "333333333.3333333"), (1e30, "1e+30"), (-1e-27, "-1e-27"),
            (1.2345678901234568e20, "123456789012345680000"), (0x1p68, "295147905179352830000"),
        ]
        for (value, expected) in cases {
            #expect(CanonicalJSON.numberString(value) == expected, "\(value)")
        }
        #expect(CanonicalJSON.numberString(.nan) == nil)
        #expect(CanonicalJSON.numberString(.infinity) == nil)
        #expect(CanonicalJSON.numberString(-.infinity) == nil)
    }

    @Test func randomDoublesRoundTrip() throws {
        var rng = SplitMix64(seed: 8785)
        for _ in 0..<20_000 {
            let value = Double(bitPattern: rng.next())
            guard value.isFinite else { continue }
            let text = try #require(CanonicalJSON.numberString(value))
            #expect(Double(text) == value, "\(text)")
            let parsed = try CanonicalJSON.parse(bytes(text), numbers: .anyDouble)
            #expect(parsed.doubleValue?.bitPattern == (value == 0 ? 0 : value.bitPattern), "\(text)")
        }
    }

    @Test func nonFiniteNumbersThrowWithPointer() throws {
        let value: JSONValue = ["a": [1, ["b": .number(.nan)]]]
        var buffer: [UInt8] = [1, 2, 3]
        do {
            try CanonicalJSON.serialize(value, into: &buffer)
            Issue.record("expected a failure")
        } catch {
            #expect(error.kind == .nonFiniteNumber)
            #expect(error.pointer == "/a/1/b")
            #expect(error.offset == 0)
            #expect(error.description.contains("/a/1/b"))
        }
        #expect(buffer == [1, 2, 3])
        #expect(throws: CanonicalJSONError.self) { try CanonicalJSON.serialize(.number(.infinity)) }
        #expect(throws: CanonicalJSONError.self) { try CanonicalJSON.serialize(.number(-.infinity)) }
    }

    @Test func stringEscapes() throws {
        var text = ""
        for scalar in 0..<0x20 { text.unicodeScalars.append(Unicode.Scalar(UInt8(scalar))) }
        text += "\"\\/\u{7f}\u{80}é€😂\u{2028}\u{FEFF}"
        let expected = #""\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f"#
            + #"\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f"#
            + "\\\"\\\\/\u{7f}\u{80}é€😂\u{2028}\u{FEFF}\""
        #expect(try canonicalText(.string(text)) == expected)
        #expect(try CanonicalJSON.parse(bytes(expected)) == .string(text))
    }

    @Test func sortsByUTF16CodeUnits() throws {
        // U+FB33 (one UTF-16 unit, EF AC B3) sorts after U+1F602 (surrogates D83D DE02, F0 9F 98 82),
        // although its UTF-8 and scalar order is the other way round.
        let value: JSONValue = ["\u{FB33}": 1, "\u{1F602}": 2, "\u{E000}": 3, "\u{D7FF}": 4, "a": 5, "": 6, "aa": 7]
        #expect(try canonicalText(value) == "{\"\":6,\"a\":5,\"aa\":7,\"\u{D7FF}\":4,\"\u{1F602}\":2,\"\u{E000}\":3,\"\u{FB33}\":1}")

        // Random names drawn from tricky ranges, checked against Array(utf16) ordering.
        var rng = SplitMix64(seed: 42)
        let pools: [ClosedRange<UInt32>] = [0x20...0x7E, 0x80...0x7FF, 0xD000...0xD7FF, 0xE000...0xFFFF, 0x10000...0x10FFFF]
        for _ in 0..<300 {
            var members: [String: JSONValue] = [:]
            for _ in 0..<8 {
                var name = ""
                for _ in 0..<Int.random(in: 0...3, using: &rng) {
                    let pool = pools[Int.random(in: 0..<pools.count, using: &rng)]
                    if let scalar = Unicode.Scalar(UInt32.random(in: pool, using: &rng)) {
                        name.unicodeScalars.append(scalar)
                    }
                }
                members[name] = .null
            }
            let output = try CanonicalJSON.serialize(.object(members))
            let sortedNames = members.keys.sorted { Array($0.utf16).lexicographicallyPrecedes(Array($1.utf16)) }
            var expected: [UInt8] = [UInt8(ascii: "{")]
            for (index, name) in sortedNames.enumerated() {
                if index > 0 { expected.append(UInt8(ascii: ",")) }
                expected += try CanonicalJSON.serialize(.string(name))
                expected += bytes(":null")
            }
            expected.append(UInt8(ascii: "}"))
            #expect(output == expected)
        }
    }

    @Test func appendsIntoBuffer() throws {
        var buffer = bytes("prefix:")
        try CanonicalJSON.serialize(["b": [true, false, nil], "a": "x"], into: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == #"prefix:{"a":"x","b":[true,false,null]}"#)
    }
}

// MARK: - Parser

@Suite("CanonicalJSON parser")
struct CanonicalJSONParserTests {
    @Test func parsesEveryKindOfValue() throws {
        let value = try CanonicalJSON.parse(bytes(
            " {\"s\":\"x\\u00e9\\ud83d\\ude02\\n\",\"n\":-12.5e1,\"t\":true,\"f\":false,\"z\":null,\"a\":[1,[],{}],\"o\":{\"k\":0}}\r\n\t"))
        let expected: JSONValue = [
            "s": "xé😂\n", "n": -125, "t": true, "f": false, "z": nil, "a": [1, [], [:]], "o": ["k": 0],
        ]
        #expect(value == expected)
        for text in ["0", "-0", "1", "\"\"", "true", "false", "null", "[]", "{}", " 7 "] {
            #expect(throws: Never.self) { try CanonicalJSON.parse(bytes(text)) }
        }
        #expect(try CanonicalJSON.parse(bytes("-0")).doubleValue?.sign == .minus)
        #expect(try CanonicalJSON.canonicalize(bytes("-0")) == bytes("0"))
        #expect(try CanonicalJSON.parse(bytes("\"\\uD83D\\uDE02\"")) == "😂")
        #expect(try CanonicalJSON.parse(bytes("\"\\u0000\"")) == .string("\u{0}"))
        #expect(try CanonicalJSON.parse(bytes("1E2")) == 100)
        #expect(try CanonicalJSON.parse(bytes("1e-400"), numbers: .anyDouble) == 0)
        #expect(try CanonicalJSON.parse(bytes("1.7976931348623157e308")) == .number(.greatestFiniteMagnitude))
        let empty = [UInt8]().withUnsafeBytes { raw in Result { try CanonicalJSON.parse(raw) } }
        #expect((try? empty.get()) == nil)
        let fromRaw = try bytes("[1,\"a\"]").withUnsafeBytes { raw in try CanonicalJSON.parse(raw) }
        #expect(fromRaw == [1, "a"])
    }

    @Test func numbersAreCorrectlyRounded() throws {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<20_000 {
            let digitCount = Int.random(in: 1...22, using: &rng)
            var digits = String(Int.random(in: 1...9, using: &rng))
            for _ in 1..<digitCount { digits += String(Int.random(in: 0...9, using: &rng)) }
            let point = Int.random(in: 0...digitCount, using: &rng)
            var token = point == digitCount
                ? digits : String(digits.prefix(point).isEmpty ? "0" : digits.prefix(point)) + "." + digits.dropFirst(point)
            if Bool.random(using: &rng) { token += "e" + String(Int.random(in: -40...40, using: &rng)) }
            if Bool.random(using: &rng) { token = "-" + token }
            let expected = try #require(Double(token))
            let parsed = try CanonicalJSON.parse(bytes(token), numbers: .anyDouble).doubleValue
            #expect(parsed?.bitPattern == expected.bitPattern, "\(token)")
        }
        // Halfway and long-mantissa cases that defeat naive conversion.
        for token in [
            "9007199254740993", "9007199254740995", "2.2250738585072011e-308", "2.2250738585072012e-308",
            "4.9406564584124654e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
            "1.00000000000000011102230246251565404236316680908203125",
            "1.00000000000000011102230246251565404236316680908203124",
            "0.000000000000000000000000000000000000000000001e300", "123456789012345678901234567890e-10",
        ] {
            let expected = try #require(Double(token))
            #expect(try CanonicalJSON.parse(bytes(token), numbers: .anyDouble).doubleValue?.bitPattern == expected.bitPattern, "\(token)")
        }
    }

    @Test func roundTrips() throws {
        let values: [JSONValue] = [
            nil, true, false, 0, -1.25, 1e300, "", "a\"b\\c\u{1}d/é😂",
            [nil, [[]], [:], ["x": ["y": [1, 2, 3]]]],
            ["payload": ["n": 1, "list": ["a", "b"], "nested": ["deep": [true]]], "type": "x", "seq": 42, "ts": 1.7e12],
        ]
        for value in values {
            let encoded = try CanonicalJSON.serialize(value)
            #expect(try CanonicalJSON.parse(encoded) == value)
            #expect(CanonicalJSON.isCanonical(encoded))
            #expect(try CanonicalJSON.canonicalize(encoded) == encoded)
        }
    }

    @Test func duplicateMembers() {
        expectFailure(#"{"a":{"b":1,"b":2}}"#, .duplicateMember("b"), line: 1, column: 13, pointer: "/a")
        expectFailure(#"{"a":1,"a":1}"#, .duplicateMember("a"), line: 1, column: 8)
        expectFailure(#"{"a":1,"\u0061":2}"#, .duplicateMember("a"), line: 1, column: 8)
        expectFailure("{\n  \"payload\": {\n    \"n\": 1,\n    \"n\": 2}}", .duplicateMember("n"), line: 4, column: 5,
                      pointer: "/payload")
        expectFailure(#"[0,{"x/y~":{"k":1,"k":2}}]"#, .duplicateMember("k"), pointer: "/1/x~1y~0")
        // Canonically equivalent names cannot coexist in a Swift dictionary: rejected, not merged.
        expectFailure(#"{"\u00e9":1,"e\u0301":2}"#, .duplicateMember("e\u{301}"), line: 1, column: 13)
        // The first repeated name in document order is reported; lines count LF (CRLF works).
        expectFailure(#"{"a":1,"b":2,"a":3,"b":4}"#, .duplicateMember("a"), line: 1, column: 14)
        expectFailure("{\r\n\"a\":1,\r\n\"a\":2}", .duplicateMember("a"), line: 3, column: 1)
        // Duplicates are checked when their object is complete, so a later error in the same
        // object is reported first.
        expectFailure(#"{"a":1,"a":2,"b":[}"#, .syntax, line: 1, column: 19, pointer: "/b/0")
        let error = parseFailure(bytes(#"{"a":{"b":1,"b":2}}"#))
        #expect(error?.description == #"line 1, column 13 (at /a): duplicate member name "b""#)
        #expect(error?.offset == 12)
    }

    @Test func loneSurrogates() {
        expectFailure(#""\ud800""#, .loneSurrogate, line: 1, column: 2)
        expectFailure(#""\udc00""#, .loneSurrogate, line: 1, column: 2)
        expectFailure(#""ab\uDBFF""#, .loneSurrogate, line: 1, column: 4)
        expectFailure(#""\ud800\u0041""#, .loneSurrogate, line: 1, column: 2)
        expectFailure(#""\ud800\ud800""#, .loneSurrogate, line: 1, column: 2)
        expectFailure(#""\ud800x""#, .loneSurrogate, line: 1, column: 2)
        expectFailure(#""\ude02\ud83d""#, .loneSurrogate, line: 1, column: 2)
        expectFailure(#"{"k":["\udfff"]}"#, .loneSurrogate, line: 1, column: 8, pointer: "/k/0")
        expectFailure(#"{"\ud800":1}"#, .loneSurrogate, line: 1, column: 3)
    }

    @Test func invalidUTF8() throws {
        let bad: [[UInt8]] = [
            [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF],
            [0xF0, 0x80, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],
            [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xFE], [0xFF],
            [0xC3, 0x41], [0xE2, 0x82], [0xE2, 0x82, 0x41], [0xF0, 0x9F, 0x98], [0xF0, 0x9F, 0x41, 0x82],
        ]
        for sequence in bad {
            expectFailure([UInt8(ascii: "\"")] + sequence + [UInt8(ascii: "\"")], .invalidUTF8, line: 1, column: 2)
            expectFailure(bytes("{\"k\":[\"a") + sequence + bytes("\"]}"), .invalidUTF8, line: 1, column: 9,
                          pointer: "/k/0")
            expectFailure(bytes("{\"a\\n") + sequence + bytes("\":1}"), .invalidUTF8, line: 1, column: 6)
        }
        expectFailure([UInt8(ascii: "\""), 0xE2, 0x82], .invalidUTF8, line: 1, column: 2)  // truncated at the end
        let good: [[UInt8]] = [
            [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xEE, 0x80, 0x80],
            [0xEF, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
        ]
        for sequence in good {
            let input = [UInt8(ascii: "\"")] + sequence + [UInt8(ascii: "\"")]
            #expect(try CanonicalJSON.parse(input) == .string(String(decoding: sequence, as: UTF8.self)))
            #expect(CanonicalJSON.isCanonical(input))
        }
        // Non-ASCII outside strings is a syntax error.
        expectFailure([0xC3, 0xA9], .syntax, line: 1, column: 1)
    }

    @Test func nonFiniteNumbers() {
        expectFailure("1e400", .nonFiniteNumber, line: 1, column: 1)
        expectFailure("-1e400", .nonFiniteNumber, line: 1, column: 1)
        expectFailure("1" + String(repeating: "0", count: 400), .nonFiniteNumber, line: 1, column: 1)
        expectFailure("{\n  \"x\": [1,\n   1e400]\n}", .nonFiniteNumber, line: 3, column: 4, pointer: "/x/1")
        expectFailure("[1e999999999999999999999]", .nonFiniteNumber, line: 1, column: 2, pointer: "/0")
    }

    @Test func numberGrammar() {
        expectFailure("01", .numberFormat, line: 1, column: 1)
        expectFailure("-01", .numberFormat, line: 1, column: 1)
        expectFailure("00", .numberFormat, line: 1, column: 1)
        expectFailure("-", .numberFormat, line: 1, column: 2)
        expectFailure("-a", .numberFormat, line: 1, column: 2)
        expectFailure("1.", .numberFormat, line: 1, column: 3)
        expectFailure("1.e5", .numberFormat, line: 1, column: 3)
        expectFailure("1e", .numberFormat, line: 1, column: 3)
        expectFailure("1e+", .numberFormat, line: 1, column: 4)
        expectFailure("[1E-]", .numberFormat, line: 1, column: 5, pointer: "/0")
        expectFailure("+1", .syntax, line: 1, column: 1)
        expectFailure(".5", .syntax, line: 1, column: 1)
        expectFailure("NaN", .syntax, line: 1, column: 1)
        expectFailure("Infinity", .syntax, line: 1, column: 1)
        expectFailure("-Infinity", .numberFormat, line: 1, column: 2)
        expectFailure("0x10", .trailingData, line: 1, column: 2)
    }

    @Test func syntaxErrors() {
        expectFailure("", .syntax, line: 1, column: 1)
        expectFailure(" \n ", .syntax, line: 2, column: 2)
        expectFailure("{", .syntax, line: 1, column: 2)
        expectFailure("[", .syntax, line: 1, column: 2, pointer: "/0")
        expectFailure("[1,]", .syntax, line: 1, column: 4, pointer: "/1")
        expectFailure("[1 2]", .syntax, line: 1, column: 4)
        expectFailure(#"{"a":1,}"#, .syntax, line: 1, column: 8)
        expectFailure(#"{"a" 1}"#, .syntax, line: 1, column: 6)
        expectFailure(#"{"a":1 "b":2}"#, .syntax, line: 1, column: 8)
        expectFailure("{'a':1}", .syntax, line: 1, column: 2)
        expectFailure("{a:1}", .syntax, line: 1, column: 2)
        expectFailure(#"{"a":}"#, .syntax, line: 1, column: 6, pointer: "/a")
        expectFailure("tru", .syntax, line: 1, column: 1)
        expectFailure("nul", .syntax, line: 1, column: 1)
        expectFailure("[True]", .syntax, line: 1, column: 2, pointer: "/0")
        expectFailure("\"abc", .syntax, line: 1, column: 5)
        expectFailure("\"abc\\", .syntax, line: 1, column: 6)
        expectFailure("[1,\n\"a\\\"", .syntax, line: 2, column: 5, pointer: "/1")
        expectFailure([0xEF, 0xBB, 0xBF] + bytes("{}"), .syntax, line: 1, column: 1)
        expectFailure("\u{a0}1", .syntax, line: 1, column: 1)  // NBSP is not JSON whitespace
        expectFailure("\u{c}1", .syntax, line: 1, column: 1)  // nor is form feed
    }

    @Test func trailingData() {
        expectFailure("{} x", .trailingData, line: 1, column: 4)
        expectFailure("1 2", .trailingData, line: 1, column: 3)
        expectFailure("[]]", .trailingData, line: 1, column: 3)
        expectFailure(#""a""b""#, .trailingData, line: 1, column: 4)
        expectFailure("null\n\n,", .trailingData, line: 3, column: 1)
        expectFailure("truex", .trailingData, line: 1, column: 5)
        expectFailure([UInt8(ascii: "1"), 0], .trailingData, line: 1, column: 2)
    }

    @Test func controlCharactersAndEscapes() {
        expectFailure("\"a\u{0}b\"", .controlCharacter, line: 1, column: 3)
        expectFailure("\"\t\"", .controlCharacter, line: 1, column: 2)
        expectFailure("\"\n\"", .controlCharacter, line: 1, column: 2)
        expectFailure("{\"k\":\"x\\n\u{1f}\"}", .controlCharacter, line: 1, column: 10, pointer: "/k")
        expectFailure(#""\x""#, .invalidEscape, line: 1, column: 2)
        expectFailure(#""ab\'""#, .invalidEscape, line: 1, column: 4)
        expectFailure(#""\U0041""#, .invalidEscape, line: 1, column: 2)
        expectFailure(#""\u12""#, .invalidEscape, line: 1, column: 2)
        expectFailure(#""\u12G4""#, .invalidEscape, line: 1, column: 2)
        expectFailure(#""\ud800\u12""#, .invalidEscape, line: 1, column: 8)
        expectFailure(#"["\a"]"#, .invalidEscape, line: 1, column: 3, pointer: "/0")
        #expect(CanonicalJSON.isCanonical(bytes("\"\u{7f}\"")))
    }

    @Test func nestingDepth() throws {
        let ok = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(throws: Never.self) { try CanonicalJSON.parse(bytes(ok)) }
        #expect(CanonicalJSON.isCanonical(bytes(ok)))
        let deep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        expectFailure(deep, .tooDeep, line: 1, column: 513,
                      pointer: String(repeating: "/0", count: 512))
        let objects = String(repeating: #"{"a":"#, count: 513) + "1" + String(repeating: "}", count: 513)
        expectFailure(objects, .tooDeep, line: 1, column: 512 * 5 + 1,
                      pointer: String(repeating: "/a", count: 512))
        // Far deeper input is refused at the limit without exhausting the stack.
        expectFailure(String(repeating: "[", count: 100_000), .tooDeep, line: 1, column: 513,
                      pointer: String(repeating: "/0", count: 512))
    }

    @Test func isCanonical() {
        for text in [
            "{}", "[]", "0", "-1", "1e+21", "0.000001", "1e-7", #""é""#, #""\u001f""#, #"{"a":1,"b":[true,null]}"#,
            #"{"":0,"a":{"b":"c"}}"#,
        ] {
            #expect(CanonicalJSON.isCanonical(bytes(text)), "\(text)")
        }
        for text in [
            "{ }", " []", "[] ", "[1, 2]", #"{"b":1,"a":2}"#, #"{"a" :1}"#, "1.0", "-0", "1E2", "1e21", "100e-2",
            "0.0000001", #""\u0041""#, #""\/""#, #""\u00e9""#, #""\u001F""#, "{\"a\":1}\n", "{", "",
        ] {
            #expect(!CanonicalJSON.isCanonical(bytes(text)), "\(text)")
        }
    }
}

// MARK: - JSONValue

@Suite("CanonicalJSON JSONValue")
struct CanonicalJSONValueTests {
    @Test func accessors() {
        let value: JSONValue = ["s": "x", "b": true, "n": 2.5, "i": 42, "a": [1], "o": ["k": nil], "z": nil]
        #expect(value["s"]?.stringValue == "x")
        #expect(value["b"]?.boolValue == true)
        #expect(value["n"]?.doubleValue == 2.5)
        #expect(value["n"]?.intValue == nil)
        #expect(value["i"]?.intValue == 42)
        #expect(value["a"]?.arrayValue == [1])
        #expect(value["o"]?.objectValue == ["k": .null])
        #expect(value["z"]?.isNull == true)
        #expect(value["missing"] == nil)
        #expect(JSONValue.array([1])["s"] == nil)
        #expect(value["s"]?.intValue == nil)
        #expect(JSONValue.number(9_007_199_254_740_992).intValue == 9_007_199_254_740_992)
        #expect(JSONValue.number(-9_007_199_254_740_992).intValue == -9_007_199_254_740_992)
        #expect(JSONValue.number(18_014_398_509_481_984).intValue == nil)
        #expect(JSONValue.number(.nan).intValue == nil)
        #expect(!JSONValue.bool(false).isNull)
    }

    @Test func codable() throws {
        let text = #"{"a":[1,true,null,"x",{"b":2.5}],"c":-0.5}"#
        let decoded = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(try decoded == CanonicalJSON.parse(bytes(text)))
        let reencoded = try JSONEncoder().encode(decoded)
        #expect(try CanonicalJSON.canonicalize([UInt8](reencoded)) == bytes(text))
        struct Wrapper: Codable, Equatable { var payload: JSONValue }
        let wrapper = Wrapper(payload: ["k": [1, "two", nil]])
        #expect(try JSONDecoder().decode(Wrapper.self, from: JSONEncoder().encode(wrapper)) == wrapper)
    }
}

// MARK: - Timing (informational only, no assertions)

@Suite("CanonicalJSON timing")
struct CanonicalJSONTimingTests {
    @Test func parseAndSerializeTiming() throws {
        let entry = bytes(
            #"{"actor":"did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK","ctx":"coledger/event/v1","#
                + #""kid":"3f1a9c2e","ledger":"a3c9e8f0b1d24c6e","payload":{"amount":1250,"currency":"EUR","#
                + #""memo":"Invoice 2024-117 – café supplies","tags":["ops","q3"]},"prev":"#
                + #""9b2f4c1d8e7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c","seq":48213,"#
                + #""stream":"accounts/payable","ts":1722945600123,"type":"expense.recorded","v":1}"#)
        #expect(CanonicalJSON.isCanonical(entry))
        let iterations = 20_000
        let clock = ContinuousClock()
        var total = 0
        let elapsed = try clock.measure {
            for _ in 0..<iterations {
                let value = try CanonicalJSON.parse(entry)
                total &+= try CanonicalJSON.serialize(value).count
            }
        }
        #expect(total == entry.count * iterations)
        let perEntry = elapsed / iterations
        print("CanonicalJSON: parse+serialize of a \(entry.count)-byte entry: \(perEntry) per entry")
    }
}
