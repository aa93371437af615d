internal import CSodium

/// One-time libsodium initialisation, shared by every type in `Crypto/`.
enum Sodium {
    /// `sodium_init()` is safe to call many times; the result is cached after the first call.
    static let ready: Bool = {
        sodium_init() >= 0
    }()

    static func ensureReady() {
        precondition(ready, "libsodium could not be initialised")
    }
}

/// Errors from the cryptographic layer.
public enum CryptoError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidKeyLength(expected: Int, got: Int)
    case invalidPublicKey(reason: String)
    case invalidSignatureLength(got: Int)
    case decryptionFailed
    case keyDerivationFailed
    case malformedKeyFile(reason: String)
    case wrongPassphrase
    /// A parameter other than a key was out of range: a nonce or salt of the wrong length,
    /// or Argon2id limits outside libsodium's bounds.
    case invalidParameter(reason: String)

    public var description: String {
        switch self {
        case .invalidKeyLength(let expected, let got):
            return "key must be \(expected) bytes, got \(got)"
        case .invalidPublicKey(let reason):
            return "invalid Ed25519 public key: \(reason)"
        case .invalidSignatureLength(let got):
            return "an Ed25519 signature is 64 bytes, got \(got)"
        case .decryptionFailed:
            return "decryption failed: the data was altered or the key is wrong"
        case .keyDerivationFailed:
            return "key derivation (Argon2id) failed: not enough memory?"
        case .malformedKeyFile(let reason):
            return "malformed key file: \(reason)"
        case .wrongPassphrase:
            return "wrong passphrase (or the key file was altered)"
        case .invalidParameter(let reason):
            return "invalid parameter: \(reason)"
        }
    }
}
