import LedgerCore
import Testing

@Suite struct AEADTests {
    static func hex(_ text: String) throws -> [UInt8] {
        try #require(Hex.decode(text), "not hex: \(text)")
    }

    /// draft-irtf-cfrg-xchacha-03, appendix A.3.1 (AEAD_XChaCha20_Poly1305).
    @Test func draftXChaChaVectorA31() throws {
        let key = try Self.hex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f")
        let nonce = try Self.hex("404142434445464748494a4b4c4d4e4f5051525354555657")
        let ad = try Self.hex("50515253c0c1c2c3c4c5c6c7")
        let plaintext = Array(
            "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it."
                .utf8)
        let expected = try Self.hex(
            "bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb"
                + "731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b452"
                + "2f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff9"
                + "21f9664c97637da9768812f615c68b13b52e"
                + "c0875924c1c7987947deafd8780acf49")

        let sealed = try XChaCha20Poly1305.seal(plaintext, key: key, nonce: nonce, associatedData: ad)
        #expect(sealed.nonce == nonce)
        #expect(sealed.ciphertext == expected)
        #expect(try XChaCha20Poly1305.open(expected, key: key, nonce: nonce, associatedData: ad) == plaintext)
    }

    @Test func roundTripWithRandomNonce() throws {
        let key = SecureRandom.bytes(XChaCha20Poly1305.keyByteCount)
        let message = Array("hello, ledger".utf8)
        let a = try XChaCha20Poly1305.seal(message, key: key)
        let b = try XChaCha20Poly1305.seal(message, key: key)
        #expect(a.nonce.count == 24)
        #expect(a.ciphertext.count == message.count + 16)
        #expect(a.nonce != b.nonce)
        #expect(a.ciphertext != b.ciphertext)
        #expect(try XChaCha20Poly1305.open(a.ciphertext, key: key, nonce: a.nonce) == message)
        #expect(try XChaCha20Poly1305.open(b.ciphertext, key: key, nonce: b.nonce) == message)

        let empty = try XChaCha20Poly1305.seal([], key: key, associatedData: [1, 2, 3])
        #expect(empty.ciphertext.count == 16)
        #expect(try XChaCha20Poly1305.open(empty.ciphertext, key: key, nonce: empty.nonce, associatedData: [1, 2, 3]) == [])
    }

    @Test func tamperingIsDetected() throws {
        let key = SecureRandom.bytes(32)
        let ad = Array("header".utf8)
        let (nonce, ciphertext) = try XChaCha20Poly1305.seal(Array("secret seed".utf8), key: key, associatedData: ad)

        for index in [0, ciphertext.count / 2, ciphertext.count - 1] {
            var bad = ciphertext
            bad[index] ^= 0x01
            #expect(throws: CryptoError.decryptionFailed) {
                try XChaCha20Poly1305.open(bad, key: key, nonce: nonce, associatedData: ad)
            }
        }
        var badNonce = nonce
        badNonce[0] ^= 0x80
        #expect(throws: CryptoError.decryptionFailed) {
            try XChaCha20Poly1305.open(ciphertext, key: key, nonce: badNonce, associatedData: ad)
        }
        #expect(throws: CryptoError.decryptionFailed) {
            try XChaCha20Poly1305.open(ciphertext, key: key, nonce: nonce, associatedData: Array("Header".utf8))
        }
        #expect(throws: CryptoError.decryptionFailed) {
            try XChaCha20Poly1305.open(ciphertext, key: key, nonce: nonce)
        }
        var badKey = key
        badKey[31] ^= 1
        #expect(throws: CryptoError.decryptionFailed) {
            try XChaCha20Poly1305.open(ciphertext, key: badKey, nonce: nonce, associatedData: ad)
        }
        #expect(throws: CryptoError.decryptionFailed) {
            try XChaCha20Poly1305.open(Array(ciphertext.prefix(15)), key: key, nonce: nonce, associatedData: ad)
        }
    }

    @Test func badLengthsAreRefused() throws {
        #expect(throws: CryptoError.invalidKeyLength(expected: 32, got: 16)) {
            try XChaCha20Poly1305.seal([1], key: [UInt8](repeating: 0, count: 16))
        }
        let error = #expect(throws: CryptoError.self) {
            try XChaCha20Poly1305.seal([1], key: [UInt8](repeating: 0, count: 32), nonce: [UInt8](repeating: 0, count: 12))
        }
        if case .invalidParameter = error {} else { Issue.record("expected .invalidParameter, got \(String(describing: error))") }
        #expect(throws: CryptoError.invalidKeyLength(expected: 32, got: 33)) {
            try XChaCha20Poly1305.open([UInt8](repeating: 0, count: 32), key: [UInt8](repeating: 0, count: 33), nonce: [UInt8](repeating: 0, count: 24))
        }
    }
}
