import Foundation
import LedgerCore
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// One sealed key shared by the tests, so the suite runs few Argon2id derivations.
private enum Fixture {
    static let passphrase = Array("correct horse battery staple".utf8)
    /// Exercises JSON escaping: quotes, backslash, control character, non-ASCII.
    static let name = "example.com/log \"quoted\" \\ tab\t nul\u{1} é"
    static let role = "log"
    static let key: Ed25519SigningKey = {
        // A fixed seed keeps failures reproducible.
        (try? Ed25519SigningKey(seed: [UInt8](repeating: 0x42, count: 32))) ?? Ed25519SigningKey()
    }()
    static let fileBytes: [UInt8] = {
        (try? SealedKeyFile.seal(key, name: name, role: role, passphrase: passphrase)) ?? []
    }()

    static func object() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(fileBytes)) as? [String: Any])
    }

    static func bytes(_ object: [String: Any]) throws -> [UInt8] {
        [UInt8](try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
    }
}

@Suite struct SealedKeyTests {
    // MARK: KDF

    @Test func strengthConstantsMatchLibsodium() {
        #expect(KDFStrength.allCases == [.interactive, .moderate, .sensitive])
        #expect(KDFStrength(rawValue: "moderate") == .moderate)
        #expect(KDFStrength.interactive.opsLimit == 2)
        #expect(KDFStrength.interactive.memLimit == 64 << 20)
        #expect(KDFStrength.moderate.opsLimit == 3)
        #expect(KDFStrength.moderate.memLimit == 256 << 20)
        #expect(KDFStrength.sensitive.opsLimit == 4)
        #expect(KDFStrength.sensitive.memLimit == 1 << 30)
        #expect(PasswordKDF.minimumOpsLimit == 1)
        #expect(PasswordKDF.minimumMemLimit == 8192)
    }

    /// Argon2id v1.3, t = 5, m = 1 MiB, p = 1, from the reference `argon2` CLI
    /// (`echo -n "123" | argon2 ABCDEFGHIJKLMNOP -id -v 13 -k 1024 -t 5`), as used in
    /// iov-one/iov-core's libsodium tests.
    @Test func argon2idKnownAnswer() throws {
        let key = try PasswordKDF.deriveKey(
            passphrase: Array("123".utf8), salt: Array("ABCDEFGHIJKLMNOP".utf8), opsLimit: 5, memLimit: 1 << 20)
        #expect(Hex.encode(key) == "3c5d010180ba0cf5b6b858cba23b318e42d33088983c404598599c3b029ecac6")
        // An empty passphrase is allowed at this level.
        let empty = try PasswordKDF.deriveKey(passphrase: [], salt: Array("ABCDEFGHIJKLMNOP".utf8), opsLimit: 1, memLimit: 8192)
        #expect(empty.count == 32)
    }

    @Test func kdfRefusesBadParameters() {
        let salt = [UInt8](repeating: 1, count: 16)
        for (s, ops, mem) in [(Array(salt.prefix(15)), UInt64(1), 8192), (salt, 0, 8192), (salt, 1, 4096), (salt, 1, -1)] {
            let error = #expect(throws: CryptoError.self) {
                try PasswordKDF.deriveKey(passphrase: [1], salt: s, opsLimit: ops, memLimit: mem)
            }
            if case .invalidParameter = error {} else { Issue.record("expected .invalidParameter, got \(String(describing: error))") }
        }
    }

    // MARK: Round trip

    @Test func publicPartNeedsNoPassphrase() throws {
        try #require(!Fixture.fileBytes.isEmpty, "sealing the fixture failed")
        let file = try SealedKeyFile(fileBytes: Fixture.fileBytes)
        #expect(file.publicKey == Fixture.key.publicKey)
        #expect(file.keyID == Fixture.key.keyID)
        #expect(file.name == Fixture.name)
        #expect(file.role == Fixture.role)
        #expect(file.opsLimit == KDFStrength.interactive.opsLimit)
        #expect(file.memLimit == KDFStrength.interactive.memLimit)

        let object = try Fixture.object()
        #expect(object["format"] as? String == "coledger-key/v1")
        #expect(object["aead"] as? String == "xchacha20poly1305-ietf")
        let kdf = try #require(object["kdf"] as? [String: Any])
        #expect(kdf["algorithm"] as? String == "argon2id13")
        let text = String(decoding: Fixture.fileBytes, as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"format\": \"coledger-key/v1\",\n"))
        #expect(text.hasSuffix("}\n"))
        // The seed is never written in the clear.
        #expect(!text.contains(Data(Fixture.key.seed).base64EncodedString()))
    }

    @Test func roundTrip() throws {
        let file = try SealedKeyFile(fileBytes: Fixture.fileBytes)
        let start = ContinuousClock.now
        let key = try file.open(passphrase: Fixture.passphrase)
        let elapsed = ContinuousClock.now - start
        print("SealedKeyFile.open (Argon2id interactive): \(elapsed)")
        #expect(key.publicKey == Fixture.key.publicKey)
        #expect(key.seed == Fixture.key.seed)
        let message = Array("entry".utf8)
        #expect(key.signature(for: message) == Fixture.key.signature(for: message))
    }

    /// The associated data binds values, not layout: a re-serialised file still opens.
    @Test func reformattedFileStillOpens() throws {
        let reformatted = try Fixture.bytes(try Fixture.object())
        #expect(reformatted != Fixture.fileBytes)
        let file = try SealedKeyFile(fileBytes: reformatted)
        #expect(file.name == Fixture.name)
        #expect(try file.open(passphrase: Fixture.passphrase).publicKey == Fixture.key.publicKey)
    }

    @Test func sealingTwiceDiffers() throws {
        // Fresh salt and nonce every time (this test derives once, to seal).
        let again = try SealedKeyFile.seal(Fixture.key, name: Fixture.name, role: Fixture.role, passphrase: Fixture.passphrase)
        #expect(again != Fixture.fileBytes)
        #expect(try SealedKeyFile(fileBytes: again).keyID == Fixture.key.keyID)
    }

    @Test func wrongPassphraseFails() throws {
        let file = try SealedKeyFile(fileBytes: Fixture.fileBytes)
        #expect(throws: CryptoError.wrongPassphrase) {
            try file.open(passphrase: Array("Correct horse battery staple".utf8))
        }
    }

    @Test func tamperedHeaderFails() throws {
        var object = try Fixture.object()
        object["name"] = "example.com/other-log"
        let file = try SealedKeyFile(fileBytes: try Fixture.bytes(object))
        #expect(file.name == "example.com/other-log")  // still readable...
        #expect(throws: CryptoError.wrongPassphrase) {  // ...but no longer opens
            try file.open(passphrase: Fixture.passphrase)
        }
    }

    @Test func tamperedCiphertextFails() throws {
        var object = try Fixture.object()
        let sealedText = try #require(object["sealedSeed"] as? String)
        var sealed = [UInt8](try #require(Data(base64Encoded: sealedText)))
        sealed[0] ^= 0x01
        object["sealedSeed"] = Data(sealed).base64EncodedString()
        let file = try SealedKeyFile(fileBytes: try Fixture.bytes(object))
        #expect(throws: CryptoError.wrongPassphrase) {
            try file.open(passphrase: Fixture.passphrase)
        }
    }

    // MARK: Malformed files (no key derivation: all refused while reading)

    private func reason(_ bytes: [UInt8]) -> String? {
        do {
            _ = try SealedKeyFile(fileBytes: bytes)
            return nil
        } catch {
            if case .malformedKeyFile(let reason) = error { return reason }
            return "unexpected error: \(error)"
        }
    }

    private func expectMalformed(
        _ mutate: (inout [String: Any]) -> Void, reasonContains expected: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        var object = try Fixture.object()
        mutate(&object)
        let reason = reason(try Fixture.bytes(object))
        #expect(reason?.contains(expected) == true, "reason: \(reason ?? "accepted")", sourceLocation: sourceLocation)
    }

    private func expectMalformedKDF(
        _ key: String, _ value: Any?, reasonContains expected: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        try expectMalformed({ object in
            var kdf = object["kdf"] as? [String: Any] ?? [:]
            kdf[key] = value
            object["kdf"] = kdf
        }, reasonContains: expected, sourceLocation: sourceLocation)
    }

    @Test func notJSON() {
        #expect(reason(Array("not json".utf8))?.contains("not valid JSON") == true)
        #expect(reason([])?.contains("not valid JSON") == true)
        #expect(reason(Array("[1, 2]".utf8))?.contains("not a JSON object") == true)
        #expect(reason(Array(Fixture.fileBytes.dropLast(5)))?.contains("not valid JSON") == true)
    }

    @Test func missingOrMistypedFields() throws {
        for field in ["format", "keyId", "publicKey", "name", "role", "kdf", "aead", "nonce", "sealedSeed"] {
            try expectMalformed({ $0[field] = nil }, reasonContains: "missing field \"\(field)\"")
        }
        for field in ["algorithm", "opsLimit", "memLimit", "salt"] {
            try expectMalformedKDF(field, nil, reasonContains: "missing field \"kdf.\(field)\"")
        }
        try expectMalformed({ $0["name"] = 5 }, reasonContains: "\"name\" must be a string")
        try expectMalformed({ $0["kdf"] = "argon2id13" }, reasonContains: "\"kdf\" must be an object")
        try expectMalformed({ $0["comment"] = "hi" }, reasonContains: "unknown field \"comment\"")
        try expectMalformedKDF("parallelism", 1, reasonContains: "unknown field \"kdf.parallelism\"")
    }

    @Test func wrongFormatOrAlgorithms() throws {
        try expectMalformed({ $0["format"] = "coledger-key/v2" }, reasonContains: "unsupported format \"coledger-key/v2\"")
        try expectMalformed({ $0["aead"] = "aes256gcm" }, reasonContains: "unsupported aead")
        try expectMalformedKDF("algorithm", "argon2i13", reasonContains: "unsupported kdf.algorithm")
    }

    @Test func badBase64AndLengths() throws {
        try expectMalformed({ $0["publicKey"] = "not base64!" }, reasonContains: "\"publicKey\" is not valid base64")
        try expectMalformed({ $0["nonce"] = "AAAA" }, reasonContains: "\"nonce\" must decode to 24 bytes, got 3")
        try expectMalformed({ $0["sealedSeed"] = Data(count: 32).base64EncodedString() }, reasonContains: "\"sealedSeed\" must decode to 48 bytes")
        try expectMalformedKDF("salt", Data(count: 8).base64EncodedString(), reasonContains: "\"kdf.salt\" must decode to 16 bytes")
        try expectMalformedKDF("salt", "@@@@", reasonContains: "\"kdf.salt\" is not valid base64")
    }

    @Test func badPublicKeyOrKeyID() throws {
        try expectMalformed({ $0["keyId"] = "0000000000000000" }, reasonContains: "does not match the public key")
        // The small-order point of ed25519-speccheck cases 0 and 1, with its own key id.
        let smallOrder = try #require(Hex.decode("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa"))
        try expectMalformed({
            $0["publicKey"] = Data(smallOrder).base64EncodedString()
            $0["keyId"] = Ed25519PublicKey(uncheckedRawRepresentation: smallOrder).keyID
        }, reasonContains: "publicKey: invalid Ed25519 public key")
    }

    @Test func badKDFParameters() throws {
        try expectMalformedKDF("opsLimit", 0, reasonContains: "kdf.opsLimit 0 is below libsodium's minimum 1")
        try expectMalformedKDF("opsLimit", 1000, reasonContains: "kdf.opsLimit 1000 is above the maximum")
        try expectMalformedKDF("opsLimit", -1, reasonContains: "\"kdf.opsLimit\" must be a non-negative integer")
        try expectMalformedKDF("opsLimit", "2", reasonContains: "\"kdf.opsLimit\" must be a non-negative integer")
        try expectMalformedKDF("opsLimit", true, reasonContains: "\"kdf.opsLimit\" must be a non-negative integer")
        try expectMalformedKDF("opsLimit", 2.5, reasonContains: "\"kdf.opsLimit\" must be a non-negative integer")
        try expectMalformedKDF("memLimit", 4096, reasonContains: "kdf.memLimit 4096 is below libsodium's minimum 8192")
        try expectMalformedKDF("memLimit", (4 << 30) + 1, reasonContains: "is above the maximum 4294967296 (4 GiB)")
        try expectMalformedKDF("memLimit", UInt64.max, reasonContains: "is above the maximum")
    }

    // MARK: Passphrase

    @Test func passphraseFromEnvironment() throws {
        #expect(try Passphrase.obtain(prompt: "unused: ", environment: ["COLEDGER_PASSPHRASE": "s3cret é"]) == Array("s3cret é".utf8))
        #expect(try Passphrase.obtain(prompt: "unused: ", confirm: true, environment: ["COLEDGER_PASSPHRASE": "x"]) == [UInt8(ascii: "x")])
    }

    @Test func noTerminalNoEnvironmentFails() throws {
        // Only meaningful when the tests are not attached to a terminal (CI, scripts).
        guard isatty(STDIN_FILENO) == 0 else { return }
        let error = #expect(throws: PassphraseError.noTerminal) {
            try Passphrase.obtain(prompt: "unused: ", environment: ["COLEDGER_PASSPHRASE": ""])
        }
        #expect(error?.description.contains("COLEDGER_PASSPHRASE") == true)
    }
}
