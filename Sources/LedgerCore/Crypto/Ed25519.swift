internal import CSodium

/// An Ed25519 public key that passed libsodium's validity checks.
///
/// Construction refuses keys that are not canonical encodings of valid points outside the
/// small-order subgroup (`crypto_core_ed25519_is_valid_point`), so a registered key can
/// never be one that verifies forged signatures. With libsodium 1.0.18 this also refuses
/// mixed-order points (outside the prime-order subgroup): of the ed25519-speccheck keys only
/// the ordinary key of cases 6 and 7 is accepted.
public struct Ed25519PublicKey: Sendable, Hashable {
    /// The 32-byte encoded point.
    public let rawRepresentation: [UInt8]

    /// Validates and wraps a 32-byte public key.
    /// - Throws: ``CryptoError/invalidKeyLength(expected:got:)`` or ``CryptoError/invalidPublicKey(reason:)``.
    public init(rawRepresentation bytes: [UInt8]) throws(CryptoError) {
        Sodium.ensureReady()
        guard bytes.count == Int(crypto_sign_PUBLICKEYBYTES) else {
            throw .invalidKeyLength(expected: Int(crypto_sign_PUBLICKEYBYTES), got: bytes.count)
        }
        guard crypto_core_ed25519_is_valid_point(bytes) == 1 else {
            throw .invalidPublicKey(reason: "not a canonical encoding of a valid, non-small-order curve point")
        }
        self.rawRepresentation = bytes
    }

    /// Wraps bytes without the point check; verification still uses libsodium's strict rules.
    /// Used when replaying keys a verifier must judge rather than refuse at once.
    public init(uncheckedRawRepresentation bytes: [UInt8]) {
        self.rawRepresentation = bytes
    }

    /// Coledger key id: the first 16 lower-case hex characters of SHA-256(public key).
    public var keyID: String {
        Hex.encode(SHA256.hash(rawRepresentation).prefix(8))
    }

    /// Verifies a detached signature with libsodium (`crypto_sign_verify_detached`).
    public func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        Sodium.ensureReady()
        guard signature.count == Int(crypto_sign_BYTES),
            rawRepresentation.count == Int(crypto_sign_PUBLICKEYBYTES)
        else { return false }
        return crypto_sign_verify_detached(signature, message, UInt64(message.count), rawRepresentation) == 0
    }
}

/// An Ed25519 signing key. Its secret bytes are zeroed when the key is released.
public final class Ed25519SigningKey: @unchecked Sendable {
    // Immutable after init; only read. The class exists so deinit can zero the secret.
    private var secretKey: [UInt8]  // 64 bytes: seed ‖ public key
    /// The matching public key.
    public let publicKey: Ed25519PublicKey

    /// Generates a new random key.
    public convenience init() {
        var seed = SecureRandom.bytes(Int(crypto_sign_SEEDBYTES))
        defer { SecureRandom.zero(&seed) }
        self.init(validSeed: seed)
    }

    /// Derives the key from a 32-byte seed (RFC 8032 private key).
    public convenience init(seed: [UInt8]) throws(CryptoError) {
        Sodium.ensureReady()
        guard seed.count == Int(crypto_sign_SEEDBYTES) else {
            throw .invalidKeyLength(expected: Int(crypto_sign_SEEDBYTES), got: seed.count)
        }
        self.init(validSeed: seed)
    }

    private init(validSeed seed: [UInt8]) {
        var pk = [UInt8](repeating: 0, count: Int(crypto_sign_PUBLICKEYBYTES))
        var sk = [UInt8](repeating: 0, count: Int(crypto_sign_SECRETKEYBYTES))
        _ = crypto_sign_seed_keypair(&pk, &sk, seed)
        self.secretKey = sk
        self.publicKey = Ed25519PublicKey(uncheckedRawRepresentation: pk)
        self.keyID = publicKey.keyID
    }

    deinit {
        SecureRandom.zero(&secretKey)
    }

    /// The 32-byte seed, for sealing into a key file. Zero the copy after use.
    public var seed: [UInt8] { Array(secretKey.prefix(Int(crypto_sign_SEEDBYTES))) }

    /// The key id of the public key (computed once: signing paths ask for it per event).
    public let keyID: String

    /// Signs `message` (deterministic, RFC 8032).
    public func signature(for message: [UInt8]) -> [UInt8] {
        var sig = [UInt8](repeating: 0, count: Int(crypto_sign_BYTES))
        _ = crypto_sign_detached(&sig, nil, message, UInt64(message.count), secretKey)
        return sig
    }
}
