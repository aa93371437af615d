import LedgerCore
import Testing

/// The witness policy (Sigsum's format): parsing, refusals naming the line, and quorum judgement
/// over real cosignatures.
@Suite struct WitnessPolicyTests {
    /// RFC 8032 test 1's public key.
    static let rfc8032 = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"

    static func signer(_ byte: UInt8) throws -> Ed25519SigningKey {
        try Ed25519SigningKey(seed: [UInt8](repeating: byte, count: 32))
    }

    static func vkey(_ name: String, _ key: Ed25519SigningKey) -> NoteVerifierKey {
        NoteVerifierKey(name: name, publicKey: key.publicKey, type: NoteVerifierKey.cosignatureV1Type)
    }

    @Test func twoOfThreeWithVkeysAndSigsumHexKeys() throws {
        let (a, b, c) = (try Self.signer(1), try Self.signer(2), try Self.signer(3))
        let hexC = Hex.encode(c.publicKey.rawRepresentation)
        let text = """
            # federation
            log 0000000000000000000000000000000000000000000000000000000000000000 https://log.example
            witness a.example/w \(Self.vkey("a.example/w", a)) http://127.0.0.1:1
            witness b.example/w \(Self.vkey("b.example/w", b))
            witness c.example/w \(hexC)   # Sigsum style: a hex Ed25519 key
            group federation 2 a.example/w b.example/w c.example/w
            quorum federation
            """
        let policy = try WitnessPolicy(parsing: text)
        #expect(policy.witnesses.map(\.name) == ["a.example/w", "b.example/w", "c.example/w"])
        #expect(policy.witnesses[0].url == "http://127.0.0.1:1" && policy.witnesses[1].url == nil)
        #expect(policy.witnesses[2].key == Self.vkey("c.example/w", c))
        #expect(!policy.isSatisfied(by: ["a.example/w"]))
        #expect(policy.isSatisfied(by: ["a.example/w", "c.example/w"]))

        // Judged over a note: only valid cosignatures by the policy's keys count.
        let body = "log.example/plan\n5\n\(Base64.encode([UInt8](repeating: 7, count: 32)))\n"
        var note = SignedNote(text: body)
        note.signatures.append(Cosignature.sign(checkpointBody: body, timestamp: 1, name: "a.example/w", key: a))
        #expect(policy.cosigners(of: note).map(\.name) == ["a.example/w"])
        #expect(!policy.isSatisfied(by: Set(policy.cosigners(of: note).map(\.name))))
        // c's cosignature made with b's key does not count for c.
        note.signatures.append(Cosignature.sign(checkpointBody: body, timestamp: 1, name: "c.example/w", key: b))
        #expect(policy.cosigners(of: note).map(\.name) == ["a.example/w"])
        note.signatures.append(Cosignature.sign(checkpointBody: body, timestamp: 2, name: "c.example/w", key: c))
        #expect(policy.cosigners(of: note).map(\.name) == ["a.example/w", "c.example/w"])
        #expect(policy.isSatisfied(by: Set(policy.cosigners(of: note).map(\.name))))
        #expect(policy.describe(cosigners: policy.cosigners(of: note)).contains("quorum: 2 of a.example/w"))
    }

    @Test func nestedGroupsAllAnyAndNone() throws {
        let keys = try (1...4).map { try Self.signer(UInt8($0)) }
        let lines = keys.enumerated().map {
            "witness w\($0.offset) \(Hex.encode($0.element.publicKey.rawRepresentation))"
        }
        let policy = try WitnessPolicy(
            parsing: lines.joined(separator: "\n")
                + "\ngroup left all w0 w1\ngroup right any w2 w3\ngroup both all left right\nquorum both\n")
        #expect(policy.isSatisfied(by: ["w0", "w1", "w3"]))
        #expect(!policy.isSatisfied(by: ["w0", "w2", "w3"]))
        #expect(try WitnessPolicy(parsing: "quorum none\n").isSatisfied(by: []))
    }

    @Test(arguments: [
        ("witness a\n", "line 1: expected `witness NAME KEY [URL]`"),
        ("witness a zz\nquorum a\n", "line 1: KEY is neither"),
        ("quorum x\n", "line 1: x is not a witness or group defined above"),
        ("witness a \(Self.rfc8032)\nwitness a \(Self.rfc8032)\n", "line 2: a is defined twice"),
        ("witness a \(Self.rfc8032)\ngroup g 2 a\nquorum g\n", "line 2: the threshold must be"),
        ("witness a \(Self.rfc8032)\ngroup g any a b\n", "line 2: b is not a witness or group"),
        ("witness a \(Self.rfc8032)\n", "no `quorum` line"),
        ("quorum none\nquorum none\n", "line 2: quorum is given twice"),
        ("cosigner a b\n", "line 1: unknown keyword cosigner"),
    ])
    func refusalsNameTheLine(text: String, message: String) {
        #expect(throws: WitnessPolicyError.self) { try WitnessPolicy(parsing: text) }
        do {
            _ = try WitnessPolicy(parsing: text)
        } catch {
            #expect(error.message.hasPrefix(message), "\(error.message)")
        }
    }

    @Test func aLogKeyIsNotAWitnessKey() throws {
        let key = NoteVerifierKey(name: "a", publicKey: try Self.signer(1).publicKey)
        #expect(throws: WitnessPolicyError.self) { try WitnessPolicy(parsing: "witness a \(key)\nquorum a\n") }
        let named = Self.vkey("b", try Self.signer(1))
        #expect(throws: WitnessPolicyError.self) { try WitnessPolicy(parsing: "witness a \(named)\nquorum a\n") }
    }
}
