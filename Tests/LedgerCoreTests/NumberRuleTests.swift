import Foundation
import Testing

@testable import LedgerCore

private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

/// The ledger's number rule (FORMAT.md section 3.3), issue 10 defect 1: a number's text must be
/// exactly the double it is read as, and no integer beyond ±(2^53 − 1) may be written without an
/// exponent. Checked in the parser, the serialiser and `CanonicalJSON.ledgerNumber` (CLI options).
@Suite("Number rule")
struct NumberRuleTests {
    /// Texts the rule refuses, with the kind of refusal.
    static let refused: [(String, CanonicalJSONError.Kind)] = [
        ("9007199254740992", .numberOutOfRange), ("-9007199254740992", .numberOutOfRange),
        ("9007199254740993", .numberOutOfRange), ("1e20", .numberOutOfRange),
        ("100000000000000000000", .numberOutOfRange), ("123456789012345680000", .numberOutOfRange),
        ("9.007199254740992e15", .numberOutOfRange), ("0.30000000000000001", .inexactNumber),
        ("1e-400", .inexactNumber), ("333333333.33333329", .inexactNumber), ("1000000000000000000001", .inexactNumber),
        ("1.00000000000000011102230246251565404236316680908203125", .inexactNumber),
        ("4.9406564584124654e-324", .inexactNumber), ("1e400", .nonFiniteNumber),
    ]

    /// Texts the rule accepts, with their values.
    static let accepted: [(String, Double)] = [
        ("0", 0), ("-0", 0), ("0.000", 0), ("1", 1), ("1.0", 1), ("100e-2", 1), ("0.1", 0.1), ("0.3", 0.3),
        ("9007199254740991", 9_007_199_254_740_991), ("-9007199254740991", -9_007_199_254_740_991),
        ("1e+21", 1e21), ("1e21", 1e21), ("1000000000000000000000", 1e21), ("1.5e300", 1.5e300), ("1e-7", 1e-7),
        ("5e-324", .leastNonzeroMagnitude), ("1.7976931348623157e308", .greatestFiniteMagnitude),
        ("2.5", 2.5), ("123456789.125", 123_456_789.125), ("0.1234567890123456", 0.1234567890123456),
    ]

    @Test func theParserRefusesNumbersOutsideTheRule() {
        for (text, kind) in Self.refused {
            do {
                let value = try CanonicalJSON.parse(bytes(text))
                Issue.record("\(text) was accepted as \(value)")
            } catch {
                #expect(error.kind == kind, "\(text): \(error)")
                #expect(error.message.contains(String(text.prefix(20))), "\(text): \(error.message)")
            }
            // Plain RFC 8785 (its own vectors) still reads every finite number.
            if kind != .nonFiniteNumber {
                #expect(throws: Never.self) { try CanonicalJSON.parse(bytes(text), numbers: .anyDouble) }
            }
        }
    }

    @Test func theParserAcceptsNumbersInsideTheRule() throws {
        for (text, value) in Self.accepted {
            #expect(try CanonicalJSON.parse(bytes(text)) == .number(value), "\(text)")
            #expect(try CanonicalJSON.ledgerNumber(text) == value, "\(text)")
        }
    }

    @Test func aRefusalNamesTheMemberAndLine() throws {
        do {
            _ = try CanonicalJSON.parse(bytes("{\"payload\":\n {\"hours\": 1e20}}"))
            Issue.record("accepted")
        } catch {
            #expect(error.kind == .numberOutOfRange)
            #expect(error.pointer == "/payload/hours")
            #expect(error.line == 2)
            #expect(error.description.contains("2^53"))
        }
    }

    @Test func theSerialiserRefusesIntegersBeyondTheSafeRange() throws {
        for value in [9_007_199_254_740_992, 1e20, -1e20, 0x1p60, 0x1p69] {
            #expect(throws: CanonicalJSONError.self, "\(value)") { try CanonicalJSON.serialize(["n": .number(value)]) }
            #expect(throws: Never.self) { try CanonicalJSON.serialize(.number(value), numbers: .anyDouble) }
        }
        var buffer = Array("prefix".utf8)
        #expect(throws: CanonicalJSONError.self) { try CanonicalJSON.serialize([.number(1e20)], into: &buffer) }
        #expect(buffer == Array("prefix".utf8))
        #expect(try CanonicalJSON.serialize(.number(1e21)) == bytes("1e+21"))
        #expect(try CanonicalJSON.serialize(.number(9_007_199_254_740_991)) == bytes("9007199254740991"))
    }

    @Test func ledgerNumberRefusesWhatIsNotANumberOrNotExact() {
        for text in [
            "", "abc", "\"5\"", "[1]", "1e", "01", "+1", "NaN", "Infinity", "1e20", "9007199254740993",
            "0.30000000000000001",
        ] {
            #expect(throws: CanonicalJSONError.self, "\(text)") { try CanonicalJSON.ledgerNumber(text) }
        }
    }

    /// Property: for any finite double, its ECMAScript form is accepted exactly when it is not an
    /// integer literal beyond ±(2^53 − 1), and then reads back as the same double; the serialiser
    /// agrees with the parser.
    @Test func everyDoublesOwnFormObeysTheRule() throws {
        var rng = SplitMix64(seed: 53)
        var checked = 0
        for round in 0..<40_000 {
            // Half of the doubles are drawn near the boundaries (2^53 and 10^21).
            let value: Double
            switch round % 4 {
            case 0: value = Double(bitPattern: rng.next())
            case 1: value = Double(Int64(bitPattern: rng.next()) >> Int64(rng.next() % 20))
            case 2: value = 1e21 * (0.5 + Double(rng.next() % 1000) / 1000)
            default: value = Double(Int64(rng.next() % 4096) - 2048) + 9_007_199_254_740_991
            }
            guard value.isFinite else { continue }
            let text = try #require(CanonicalJSON.numberString(value))
            let allowed = !(value.magnitude > 9_007_199_254_740_991 && value.magnitude < 1e21)
            let parsed = try? CanonicalJSON.parse(bytes(text))
            #expect((parsed != nil) == allowed, "\(text)")
            #expect(((try? CanonicalJSON.serialize(.number(value))) != nil) == allowed, "\(text)")
            if let parsed { #expect(parsed.doubleValue == value, "\(text)") }
            checked += 1
        }
        #expect(checked > 30_000)
    }

    /// Property, against an independent oracle (Foundation's decimal arithmetic): a short decimal
    /// text is accepted exactly when it has the value of its double's shortest form.
    @Test func decimalTextsAreAcceptedExactlyWhenTheyRoundTrip() throws {
        var rng = SplitMix64(seed: 8785)
        var refused = 0
        for _ in 0..<20_000 {
            let digitCount = Int(rng.next() % 19) + 1
            var digits = String(rng.next() % 9 + 1)
            for _ in 1..<digitCount { digits += String(rng.next() % 10) }
            let point = Int(rng.next() % UInt64(digitCount + 1))
            var token =
                point == digitCount
                ? digits : (point == 0 ? "0" : String(digits.prefix(point))) + "." + digits.dropFirst(point)
            if rng.next() % 2 == 0 { token += "e" + String(Int(rng.next() % 61) - 30) }
            if rng.next() % 2 == 0 { token = "-" + token }
            let double = try #require(Double(token))
            let shortest = try #require(CanonicalJSON.numberString(double))
            let exact = Decimal(string: token) == Decimal(string: shortest)
            let inRange = !(double.magnitude > 9_007_199_254_740_991 && double.magnitude < 1e21)
            let accepted = (try? CanonicalJSON.parse(bytes(token))) != nil
            #expect(accepted == (exact && inRange), "\(token) (shortest \(shortest))")
            if !accepted { refused += 1 }
        }
        #expect(refused > 1000)  // the generator does reach the refused cases
    }
}

/// FORMAT.md section 2: a stream name is at most 256 UTF-8 bytes (issue 10 defect 9).
@Suite("Stream name rule")
struct StreamNameRuleTests {
    func event(stream: String) -> Event {
        Event(
            id: "00000000-0000-4000-8000-000000000001", type: "example.note", typeVersion: 1, stream: stream,
            streamVersion: 1,
            occurredAt: "2026-01-01T00:00:00Z", signer: "0123456789abcdef", payload: [:])
    }

    @Test func streamNamesLongerThan256BytesAreAFormatFailure() throws {
        try event(stream: String(repeating: "s", count: 256)).validate()
        try event(stream: String(repeating: "é", count: 128)).validate()  // 256 bytes
        for stream in [
            String(repeating: "s", count: 257), String(repeating: "é", count: 129), String(repeating: "😀", count: 65),
        ] {
            do {
                try event(stream: stream).validate()
                Issue.record("a \(stream.utf8.count)-byte stream was accepted")
            } catch {
                #expect(error.pointer == "/stream")
                #expect(error.description.contains("256"))
            }
            #expect(throws: FormatError.self) { try Event(json: event(stream: stream).json) }
        }
    }
}

/// Bundle checks added for issue 10 (defects 1, 9 and 11), run on forged and edited bundles.
@Suite("Bundle checks, issue 10")
struct BundleIssue10Tests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Vectors/coledger")

    func temporary() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("coledger-issue10-\(UUID().uuidString)")
    }

    func goldenCopy() throws -> URL {
        let dir = temporary()
        try FileManager.default.copyItem(at: Self.golden.appendingPathComponent("bundles/valid"), to: dir)
        return dir
    }

    func goldenKey() throws -> NoteVerifierKey {
        let data = try Data(contentsOf: Self.golden.appendingPathComponent("golden.json"))
        let json = try CanonicalJSON.parse([UInt8](data))
        return try NoteVerifierKey(parsing: try #require(json["log_vkey"]?.stringValue))
    }

    /// A bundle whose second entry (index 1) carries `number` (text written as is, signed correctly).
    func bundle(carrying number: String) throws -> (URL, BundleWriter) {
        let admin = Ed25519SigningKey()
        var w = BundleWriter()
        try w.genesis(admin: admin)
        let event = Event(
            id: Identifier.newUUID(), type: "example.note", typeVersion: 1, stream: "note/1", streamVersion: 1,
            occurredAt: "2026-02-01T10:00:00Z", signer: admin.keyID, payload: ["hours": 424_242_424_242])
        func swap(_ b: [UInt8]) -> [UInt8] {
            Array(String(decoding: b, as: UTF8.self).replacingOccurrences(of: "424242424242", with: number).utf8)
        }
        let message = swap(try event.signingMessage())
        let entry: JSONValue = [
            "event": event.json, "recordedAt": "2026-02-01T10:00:01.000Z",
            "signature": .string(Base64.encode(admin.signature(for: message))),
        ]
        w.rawLines.append(swap(try CanonicalJSON.serialize(entry)))
        let dir = temporary()
        try w.write(to: dir)
        return (dir, w)
    }

    @Test func bothUnsafeNumbersFailVerificationAtTheirEntry() throws {
        for number in ["9007199254740992", "100000000000000000000"] {
            let (dir, w) = try bundle(carrying: number)
            defer { try? FileManager.default.removeItem(at: dir) }
            let report = try Bundle.verify(directory: dir, pinnedLogKey: w.vkey)
            let first = try #require(report.failures.first, "\(number) was accepted")
            #expect(first.index == 1)
            #expect(first.check == "format")
            #expect(first.detail.contains("2^53"), "\(first.detail)")
        }
        // The same bundle with a safe number verifies: the forging itself is sound.
        let (dir, w) = try bundle(carrying: "9007199254740991")
        defer { try? FileManager.default.removeItem(at: dir) }
        let report = try Bundle.verify(directory: dir, pinnedLogKey: w.vkey)
        #expect(report.ok, "\(report.failures)")
    }

    @Test func aStreamNameOver256BytesFailsVerification() throws {
        let admin = Ed25519SigningKey()
        var w = BundleWriter()
        try w.genesis(admin: admin)
        // Event.signingMessage does not validate, so the writer can sign what the ledger refuses.
        try w.add(type: "example.note", stream: String(repeating: "s", count: 257), payload: ["n": 1], by: admin)
        let dir = temporary()
        defer { try? FileManager.default.removeItem(at: dir) }
        try w.write(to: dir)
        let report = try Bundle.verify(directory: dir, pinnedLogKey: w.vkey)
        let first = try #require(report.failures.first)
        #expect((first.index, first.check) == (1, "format"))
        #expect(first.detail.contains("/stream"))
    }

    @Test func aManifestContradictingTheCheckpointFails() throws {
        let key = try goldenKey()
        for (member, value) in [
            ("root", "\"47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\""), ("root", "7"), ("size", "9"),
        ] {
            let dir = try goldenCopy()
            defer { try? FileManager.default.removeItem(at: dir) }
            let url = dir.appendingPathComponent("manifest.json")
            var manifest = try String(contentsOf: url, encoding: .utf8)
            manifest =
                member == "size"
                ? manifest.replacingOccurrences(of: "\"size\": 8", with: "\"size\": \(value)")
                : manifest.replacingOccurrences(of: "}", with: ", \"root\": \(value)}")
            try manifest.write(to: url, atomically: true, encoding: .utf8)
            let report = try Bundle.verify(directory: dir, pinnedLogKey: key)
            #expect(!report.ok)
            #expect(
                report.failures.contains {
                    $0.check == "manifest" && $0.detail.contains("contradicts the signed checkpoint")
                },
                "\(member) \(value): \(report.failures)")
        }
        // The manifest export writes (with the true root) verifies.
        let dir = try goldenCopy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let note = try SignedNote(
            parsing: String(contentsOf: dir.appendingPathComponent("checkpoint"), encoding: .utf8))
        let root = Base64.encode(try Checkpoint(parsing: note.text).rootHash)
        let url = dir.appendingPathComponent("manifest.json")
        try (try String(contentsOf: url, encoding: .utf8)).replacingOccurrences(
            of: "}", with: ", \"root\": \"\(root)\"}"
        )
        .write(to: url, atomically: true, encoding: .utf8)
        let report = try Bundle.verify(directory: dir, pinnedLogKey: key)
        #expect(report.ok, "\(report.failures)")
    }

    /// private.jsonl lines are exactly {index >= 0, salt of 32 bytes, private object}; a failure
    /// names the entry only when the index is one of the log's (as Tools/verify_bundle.py does).
    @Test func privateLinesAreExactlyIndexSaltPrivate() throws {
        let key = try goldenKey()
        let salt = "\"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\""
        let secret = "{\"name\":\"A. Person\",\"text\":\"The waiting room has no prayer space.\"}"
        func line(_ index: String, salt: String = salt, extra: String = "") -> String {
            "{\"index\":\(index),\"private\":\(secret),\"salt\":\(salt)\(extra)}"
        }
        let cases: [(String, [String], Int?)] = [
            ("the golden line", [line("3")], nil),
            ("an extra member", [line("3", extra: ",\"note\":\"x\"")], nil),
            ("a negative index", [line("-1")], nil),
            ("a salt of 31 bytes", [line("3", salt: "\"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHg==\"")], nil),
            ("a repeated index", [line("3"), line("3")], 3),
            ("an index beyond the log", [line("99")], nil),
            ("an entry with no commitment", [line("2")], 2),
        ]
        for (name, lines, index) in cases {
            let dir = try goldenCopy()
            defer { try? FileManager.default.removeItem(at: dir) }
            try (lines.joined(separator: "\n") + "\n").write(
                to: dir.appendingPathComponent("private.jsonl"), atomically: true, encoding: .utf8)
            let report = try Bundle.verify(directory: dir, pinnedLogKey: key)
            if name == "the golden line" {
                #expect(report.ok, "\(report.failures)")
                continue
            }
            let first = try #require(report.failures.first, "\(name) was accepted")
            #expect(first.check == "private", "\(name): \(report.failures)")
            #expect(first.index == index, "\(name): \(report.failures)")
        }
    }

    /// Defect 11: a bundle whose log.vkey was swapped for another key is a `logKey` failure first,
    /// not a genesis failure at entry 0 (Tools/verify_bundle.py now says the same).
    @Test func aSubstitutedLogKeyIsNamedLogKeyNotEntry0() throws {
        let key = try goldenKey()
        let dir = try goldenCopy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let other = NoteVerifierKey(name: key.name, publicKey: Ed25519SigningKey().publicKey)
        try (other.description + "\n").write(
            to: dir.appendingPathComponent("log.vkey"), atomically: true, encoding: .utf8)
        let report = try Bundle.verify(directory: dir, pinnedLogKey: key)
        #expect(report.failures.first?.check == "logKey", "\(report.failures)")
        #expect(report.failures.first?.index == nil)
        #expect(!report.failures.contains { $0.index == 0 }, "\(report.failures)")
        // A wrong pinned key over an intact bundle is named logKey too.
        let wrong = try Bundle.verify(
            directory: Self.golden.appendingPathComponent("bundles/valid"), pinnedLogKey: other)
        #expect(wrong.failures.first?.check == "logKey", "\(wrong.failures)")
    }
}
