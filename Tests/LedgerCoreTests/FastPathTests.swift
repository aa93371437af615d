import Foundation
import LedgerCore
import Testing

/// The import and verify paths' hand-written encoders must give exactly the bytes of the general
/// ones they replace: Foundation's base64 (with the strict canonical decode) and the JCS
/// serialisation of `Event.json`.
@Suite struct FastPathTests {
    /// The former implementation: Foundation, and a decode that re-encodes to reject non-canonical text.
    static func referenceEncode(_ bytes: [UInt8]) -> String { Data(bytes).base64EncodedString() }
    static func referenceDecode(_ text: String) -> [UInt8]? {
        guard text.utf8.count % 4 == 0, let data = Data(base64Encoded: text) else { return nil }
        return data.base64EncodedString() == text ? [UInt8](data) : nil
    }

    @Test func base64EncodesAsFoundationDoes() {
        var rng = SystemRandomNumberGenerator()
        for length in 0..<70 {
            for _ in 0..<20 {
                let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
                let text = Base64.encode(bytes)
                #expect(text == Self.referenceEncode(bytes))
                #expect(Base64.decode(text) == bytes)
                var appended: [UInt8] = [0x41]
                Base64.append(bytes, to: &appended)
                #expect(appended == [0x41] + Array(text.utf8))
            }
        }
        #expect(Base64.encode([UInt8]()) == "")
        #expect(Base64.decode("") == [])
    }

    @Test func base64DecodeAcceptsOnlyCanonicalText() {
        let fixed = [
            "AA==", "AB==", "AAA=", "AAB=", "A===", "====", "=AAA", "AA=A", "AAAA====", "Zm9v", "Zm9vYg==", "Zm9vYh==",
            "Zm9vYmE=", "Zm9vYmF=", "Zm9v\n", "Zm9 v", "Zm-_", "Zm9vYg", "Zm9vYg=", "ÿÿÿÿ", "AAAA", "////", "++++",
        ]
        for text in fixed { #expect(Base64.decode(text) == Self.referenceDecode(text), "\(text)") }
        // Random short strings over the alphabet, padding and a few bytes outside it.
        let symbols = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_ \n".utf8)
        var rng = SystemRandomNumberGenerator()
        var accepted = 0
        for _ in 0..<20_000 {
            let length = 4 * Int.random(in: 0...3, using: &rng) + (Int.random(in: 0..<8, using: &rng) == 0 ? 1 : 0)
            var bytes = (0..<length).map { _ in symbols[Int.random(in: 0..<64, using: &rng)] }
            // Often end with padding, sometimes with a stray symbol.
            if length >= 4 {
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: bytes[length - 1] = UInt8(ascii: "=")
                case 1: bytes[length - 1] = UInt8(ascii: "="); bytes[length - 2] = UInt8(ascii: "=")
                case 2:
                    bytes[Int.random(in: 0..<length, using: &rng)] =
                        symbols[Int.random(in: 0..<symbols.count, using: &rng)]
                default: break
                }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            let got = Base64.decode(text)
            #expect(got == Self.referenceDecode(text), "\(text)")
            if got != nil { accepted += 1 }
        }
        #expect(accepted > 1000, "the random texts must include many canonical ones")
    }

    @Test func eventCanonicalBytesEqualTheSerialisedJSON() throws {
        let payloads: [[String: JSONValue]] = [
            [:],
            ["n": 1, "text": "We asked for interpreters at every clinic."],
            [
                "z": .array([1.5, -0.0, 1e21, 123456789012, .null, true]),
                "a": .object(["é": "\u{1}\"\\", "e": "😀", "\u{10000}": 1, "\u{FF61}": 2]),
            ],
        ]
        let options: [(PrivateCommitment?, String?, String?)] = [
            (nil, nil, nil),
            (PrivateCommitment(subject: "p-1", commitment: "q83vEjRWeJA="), nil, nil),
            (nil, "b0f3c6a2-9d51-4f5e-8a7b-1c2d3e4f5a6b", nil),
            (nil, nil, "corr\"elation"),
            (PrivateCommitment(subject: "s\u{7}", commitment: "c"), "cause", "corr"),
        ]
        var checked = 0
        var refused = 0
        for payload in payloads {
            for (privatePart, causation, correlation) in options {
                for (v, typeVersion, streamVersion) in [(1, 1, 1), (2, 37, 9_007_199_254_740_993), (0, -4, Int.max)] {
                    let event = Event(
                        v: v, id: "3f1e4c2a-8b7d-4e6f-9a0b-1c2d3e4f5a6b", type: "plan.note", typeVersion: typeVersion,
                        stream: "plan/ünï\n", streamVersion: streamVersion, occurredAt: "2026-12-07T06:00:00Z",
                        signer: "0123456789abcdef", payload: payload, privatePart: privatePart, causation: causation,
                        correlation: correlation)
                    // The same bytes, or (numbers outside the number rule) the same refusal.
                    var fast: [UInt8]?
                    var fastError: FormatError?
                    do throws(FormatError) { fast = try event.canonicalBytes() } catch { fastError = error }
                    var general: [UInt8]?
                    var generalError: CanonicalJSONError?
                    do throws(CanonicalJSONError) {
                        general = try CanonicalJSON.serialize(event.json)
                    } catch {
                        generalError = error
                    }
                    #expect(fast == general)
                    if let generalError {
                        #expect(fastError == FormatError("/payload", generalError.message))
                        refused += 1
                    } else {
                        #expect(fastError == nil)
                    }
                    checked += 1
                }
            }
        }
        #expect(checked == 45)
        // streamVersion 2^53 + 1 and Int.max break the number rule: 2 of the 3 triples, every payload and option.
        #expect(refused == 30)
    }

    @Test func eventCanonicalBytesNameThePayloadWhenItCannotBeSerialised() {
        let event = Event(
            id: "3f1e4c2a-8b7d-4e6f-9a0b-1c2d3e4f5a6b", type: "plan.note", typeVersion: 1, stream: "s",
            streamVersion: 1,
            occurredAt: "2026-12-07T06:00:00Z", signer: "0123456789abcdef", payload: ["x": .number(.nan)])
        #expect(throws: FormatError.self) { try event.canonicalBytes() }
        do {
            _ = try event.canonicalBytes()
        } catch {
            #expect(error.pointer == "/payload")
        }
    }

    @Test func parallelMapKeepsOrderAndEveryItem() {
        for count in [0, 1, 63, 64, 65, 1000, 10_007] {
            let items = Array(0..<count)
            #expect(Parallel.map(items, workers: 4) { $0 * 3 + 1 } == items.map { $0 * 3 + 1 })
            #expect(Parallel.map(items, workers: 4) { "\($0)" } == items.map { "\($0)" })
        }
    }

    @Test func generatedIdsAreTimeOrderedVersion7UUIDs() {
        let now: UInt64 = 1_796_000_000_500
        let ids = Identifier.newUUIDs(70_000, unixMillis: now)
        #expect(ids.allSatisfy(Identifier.isUUID))
        #expect(zip(ids, ids.dropFirst()).allSatisfy { $0 < $1 }, "ids of one batch must increase")
        #expect(Set(ids).count == ids.count)
        // 48-bit milliseconds, version 7, the RFC 4122 variant.
        let millis = String(now, radix: 16)
        let prefix = String(repeating: "0", count: 12 - millis.count) + millis
        #expect(ids.allSatisfy { $0.replacingOccurrences(of: "-", with: "").hasPrefix(prefix) })
        #expect(ids.allSatisfy { Array($0.utf8)[14] == UInt8(ascii: "7") && "89ab".utf8.contains(Array($0.utf8)[19]) })
        let later = Identifier.newUUIDs(3, unixMillis: now + 1)
        #expect(later[0] > ids[ids.count - 1], "a later batch sorts after an earlier one")
        #expect(Identifier.isUUID(Identifier.newUUID()))
    }
}
