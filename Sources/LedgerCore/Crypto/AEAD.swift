internal import CSodium

/// XChaCha20-Poly1305 (IETF construction, draft-irtf-cfrg-xchacha), computed by libsodium
/// (`crypto_aead_xchacha20poly1305_ietf_*`).
///
/// The 24-byte nonce is large enough to be chosen at random for every message. The
/// ciphertext returned by ``seal(_:key:nonce:associatedData:)`` is the encrypted plaintext
/// followed by the 16-byte Poly1305 tag.
public enum XChaCha20Poly1305 {
    /// The key length in bytes.
    public static let keyByteCount = 32
    /// The nonce length in bytes.
    public static let nonceByteCount = 24
    /// The authentication tag length in bytes (appended to every ciphertext).
    public static let tagByteCount = 16

    /// Encrypts and authenticates `plaintext`, also authenticating `associatedData`.
    ///
    /// - Parameters:
    ///   - plaintext: the bytes to encrypt.
    ///   - key: a 32-byte secret key.
    ///   - nonce: a 24-byte nonce, or `nil` (the default) for a fresh random one. Never reuse
    ///     a nonce with the same key.
    ///   - associatedData: bytes authenticated but not encrypted.
    /// - Returns: the nonce used and the ciphertext (`plaintext.count + 16` bytes).
    /// - Throws: ``CryptoError/invalidKeyLength(expected:got:)`` for a bad key,
    ///   ``CryptoError/invalidParameter(reason:)`` for a nonce of the wrong length.
    public static func seal(
        _ plaintext: [UInt8], key: [UInt8], nonce: [UInt8]? = nil, associatedData: [UInt8] = []
    ) throws(CryptoError) -> (nonce: [UInt8], ciphertext: [UInt8]) {
        Sodium.ensureReady()
        try checkKey(key)
        let nonce = nonce ?? SecureRandom.bytes(nonceByteCount)
        try checkNonce(nonce)
        var ciphertext = [UInt8](repeating: 0, count: plaintext.count + tagByteCount)
        var written: UInt64 = 0
        let rc = crypto_aead_xchacha20poly1305_ietf_encrypt(
            &ciphertext, &written,
            plaintext, UInt64(plaintext.count),
            associatedData, UInt64(associatedData.count),
            nil, nonce, key)
        // Encryption cannot fail for in-range lengths; treat anything else as a library fault.
        precondition(rc == 0 && written == UInt64(ciphertext.count), "XChaCha20-Poly1305 encryption failed")
        return (nonce, ciphertext)
    }

    /// Verifies and decrypts a ciphertext made by ``seal(_:key:nonce:associatedData:)``.
    ///
    /// - Returns: the plaintext.
    /// - Throws: ``CryptoError/decryptionFailed`` when the ciphertext, nonce, associated data
    ///   or key do not match (nothing is decrypted then);
    ///   ``CryptoError/invalidKeyLength(expected:got:)`` for a bad key;
    ///   ``CryptoError/invalidParameter(reason:)`` for a nonce of the wrong length.
    public static func open(
        _ ciphertext: [UInt8], key: [UInt8], nonce: [UInt8], associatedData: [UInt8] = []
    ) throws(CryptoError) -> [UInt8] {
        Sodium.ensureReady()
        try checkKey(key)
        try checkNonce(nonce)
        guard ciphertext.count >= tagByteCount else { throw .decryptionFailed }
        var plaintext = [UInt8](repeating: 0, count: ciphertext.count - tagByteCount)
        var written: UInt64 = 0
        let rc = crypto_aead_xchacha20poly1305_ietf_decrypt(
            &plaintext, &written,
            nil,
            ciphertext, UInt64(ciphertext.count),
            associatedData, UInt64(associatedData.count),
            nonce, key)
        guard rc == 0, written == UInt64(plaintext.count) else {
            SecureRandom.zero(&plaintext)
            throw .decryptionFailed
        }
        return plaintext
    }

    private static func checkKey(_ key: [UInt8]) throws(CryptoError) {
        guard key.count == keyByteCount else {
            throw .invalidKeyLength(expected: keyByteCount, got: key.count)
        }
    }

    private static func checkNonce(_ nonce: [UInt8]) throws(CryptoError) {
        guard nonce.count == nonceByteCount else {
            throw .invalidParameter(reason: "an XChaCha20-Poly1305 nonce is \(nonceByteCount) bytes, got \(nonce.count)")
        }
    }
}
