import Foundation
import LedgerCore
import Testing

/// Ed25519 against third-party vectors: Wycheproof, ed25519-speccheck and RFC 8032.
@Suite struct Ed25519VectorTests {
    /// `<repo root>/Tests/Vectors/<relative>`.
    static func vectorURL(_ relative: String) -> URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // LedgerCoreTests
            .deletingLastPathComponent()  // Tests
            .appendingPathComponent("Vectors")
            .appendingPathComponent(relative)
    }

    static func hex(_ text: String) throws -> [UInt8] {
        try #require(Hex.decode(text), "not hex: \(text)")
    }

    struct SpeccheckCase {
        var message: [UInt8]
        var publicKey: [UInt8]
        var signature: [UInt8]
    }

    static func speccheckCases() throws -> [SpeccheckCase] {
        let data = try Data(contentsOf: vectorURL("ed25519-speccheck/cases.json"))
        let array = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: String]])
        return try array.map { object in
            SpeccheckCase(
                message: try hex(try #require(object["message"])),
                publicKey: try hex(try #require(object["pub_key"])),
                signature: try hex(try #require(object["signature"])))
        }
    }

    // MARK: Wycheproof

    @Test func wycheproofAll151() throws {
        let data = try Data(contentsOf: Self.vectorURL("wycheproof/ed25519_test.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let groups = try #require(root["testGroups"] as? [[String: Any]])
        var total = 0
        var valid = 0
        var mismatches: [String] = []
        for group in groups {
            let pkObject = try #require(group["publicKey"] as? [String: Any])
            let pk = try Self.hex(try #require(pkObject["pk"] as? String))
            let key = Ed25519PublicKey(uncheckedRawRepresentation: pk)
            for test in try #require(group["tests"] as? [[String: Any]]) {
                let id = try #require(test["tcId"] as? Int)
                let msg = try Self.hex(try #require(test["msg"] as? String))
                let sig = try Self.hex(try #require(test["sig"] as? String))
                let result = try #require(test["result"] as? String)
                #expect(result == "valid" || result == "invalid", "tcId \(id): unexpected result \(result)")
                let expected = result == "valid"
                if expected { valid += 1 }
                total += 1
                if key.isValidSignature(sig, for: msg) != expected {
                    mismatches.append("tcId \(id) (\(test["comment"] ?? "")): expected \(result)")
                }
            }
        }
        #expect(total == 151)
        #expect(valid == 88)
        #expect(root["numberOfTests"] as? Int == 151)
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    // MARK: ed25519-speccheck

    /// libsodium's row of the published table: case i is accepted iff the i-th letter is V.
    @Test func speccheckReproducesLibsodiumRow() throws {
        let cases = try Self.speccheckCases()
        try #require(cases.count == 12)
        let row = String(cases.map { c in
            Ed25519PublicKey(uncheckedRawRepresentation: c.publicKey)
                .isValidSignature(c.signature, for: c.message) ? "V" : "X"
        })
        #expect(row == "XXXVXXXXXXXX")

        // And the same row as read from results.md.
        let table = try String(contentsOf: Self.vectorURL("ed25519-speccheck/results.md"), encoding: .utf8)
        let line = try #require(table.split(separator: "\n").first { $0.hasPrefix("|LibSodium") })
        let cells = line.split(separator: "|").dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(cells.joined() == row)
    }

    /// `Ed25519PublicKey(rawRepresentation:)` uses `crypto_core_ed25519_is_valid_point`
    /// (libsodium 1.0.18): canonical, not small order, on the curve, in the prime-order
    /// subgroup. Of the speccheck keys it accepts only the ordinary key of cases 6 and 7.
    @Test func checkedPublicKeyRefusesSpeccheckKeys() throws {
        let cases = try Self.speccheckCases()
        try #require(cases.count == 12)
        func accepted(_ i: Int) -> Bool {
            (try? Ed25519PublicKey(rawRepresentation: cases[i].publicKey)) != nil
        }
        // Small-order A (cases 0, 1) and non-canonical A (cases 10, 11) must be refused.
        for i in [0, 1, 10, 11] {
            #expect(!accepted(i), "speccheck case \(i) public key must be refused")
        }
        // What libsodium 1.0.18 actually decides for every case's key: mixed-order keys
        // (cases 2-5, 8, 9) fail the subgroup check; only 442aad…a623 (cases 6, 7) passes.
        let decisions = (0..<12).map { accepted($0) ? "V" : "X" }.joined()
        #expect(decisions == "XXXXXXVVXXXX")

        let error = #expect(throws: CryptoError.self) {
            try Ed25519PublicKey(rawRepresentation: cases[0].publicKey)
        }
        if case .invalidPublicKey = error {} else { Issue.record("expected .invalidPublicKey, got \(String(describing: error))") }
        #expect(throws: CryptoError.invalidKeyLength(expected: 32, got: 31)) {
            try Ed25519PublicKey(rawRepresentation: Array(cases[6].publicKey.prefix(31)))
        }
    }

    // MARK: RFC 8032

    /// RFC 8032 section 7.1, TEST 1: the empty message.
    @Test func rfc8032Test1() throws {
        let seed = try Self.hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
        let expectedPublic = try Self.hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
        let expectedSignature = try Self.hex(
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b")
        let key = try Ed25519SigningKey(seed: seed)
        #expect(key.publicKey.rawRepresentation == expectedPublic)
        #expect(key.seed == seed)
        #expect(key.signature(for: []) == expectedSignature)
        let checked = try Ed25519PublicKey(rawRepresentation: expectedPublic)
        #expect(checked == key.publicKey)
        #expect(checked.isValidSignature(expectedSignature, for: []))
        #expect(!checked.isValidSignature(expectedSignature, for: [0]))
        #expect(checked.keyID == Hex.encode(SHA256.hash(expectedPublic).prefix(8)))
        #expect(checked.keyID.count == 16)
    }

    @Test func signingIsDeterministic() throws {
        let seed = [UInt8](repeating: 7, count: 32)
        let a = try Ed25519SigningKey(seed: seed)
        let b = try Ed25519SigningKey(seed: seed)
        let message = Array("coledger determinism".utf8)
        #expect(a.publicKey == b.publicKey)
        #expect(a.signature(for: message) == a.signature(for: message))
        #expect(a.signature(for: message) == b.signature(for: message))
        #expect(a.signature(for: message) != a.signature(for: message + [0]))

        var signature = a.signature(for: message)
        #expect(a.publicKey.isValidSignature(signature, for: message))
        signature[10] ^= 1
        #expect(!a.publicKey.isValidSignature(signature, for: message))
        #expect(!a.publicKey.isValidSignature(Array(signature.prefix(63)), for: message))

        let random1 = Ed25519SigningKey()
        let random2 = Ed25519SigningKey()
        #expect(random1.publicKey != random2.publicKey)
        #expect(throws: CryptoError.invalidKeyLength(expected: 32, got: 31)) {
            try Ed25519SigningKey(seed: Array(seed.prefix(31)))
        }
    }
}
