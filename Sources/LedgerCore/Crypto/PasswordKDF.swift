internal import CSodium

/// Argon2id cost presets, taken from libsodium's `crypto_pwhash_argon2id_*` constants.
///
/// | strength      | opsLimit | memLimit  | relative cost                    |
/// |---------------|----------|-----------|----------------------------------|
/// | `interactive` | 2        | 64 MiB    | 1 (about 0.05 s on an AMD EPYC)  |
/// | `moderate`    | 3        | 256 MiB   | about 6×                         |
/// | `sensitive`   | 4        | 1 GiB     | about 30×, needs 1 GiB free      |
public enum KDFStrength: String, Sendable, CaseIterable {
    /// For keys opened often (`OPSLIMIT_INTERACTIVE` / `MEMLIMIT_INTERACTIVE`).
    case interactive
    /// A middle ground (`OPSLIMIT_MODERATE` / `MEMLIMIT_MODERATE`).
    case moderate
    /// For keys opened rarely, e.g. an offline admin key (`OPSLIMIT_SENSITIVE` / `MEMLIMIT_SENSITIVE`).
    case sensitive

    /// Argon2id passes (libsodium's `opslimit`).
    public var opsLimit: UInt64 {
        Sodium.ensureReady()
        switch self {
        case .interactive: return UInt64(crypto_pwhash_argon2id_opslimit_interactive())
        case .moderate: return UInt64(crypto_pwhash_argon2id_opslimit_moderate())
        case .sensitive: return UInt64(crypto_pwhash_argon2id_opslimit_sensitive())
        }
    }

    /// Argon2id memory in bytes (libsodium's `memlimit`).
    public var memLimit: Int {
        Sodium.ensureReady()
        switch self {
        case .interactive: return Int(crypto_pwhash_argon2id_memlimit_interactive())
        case .moderate: return Int(crypto_pwhash_argon2id_memlimit_moderate())
        case .sensitive: return Int(crypto_pwhash_argon2id_memlimit_sensitive())
        }
    }
}

/// Password-based key derivation with Argon2id v1.3 (`crypto_pwhash`, `ARGON2ID13`).
public enum PasswordKDF {
    /// The derived key length in bytes.
    public static let keyByteCount = 32
    /// The salt length in bytes (`crypto_pwhash_SALTBYTES`).
    public static let saltByteCount = 16

    /// The smallest `opsLimit` libsodium accepts for Argon2id.
    public static var minimumOpsLimit: UInt64 {
        Sodium.ensureReady()
        return UInt64(crypto_pwhash_argon2id_opslimit_min())
    }

    /// The smallest `memLimit` (bytes) libsodium accepts for Argon2id.
    public static var minimumMemLimit: Int {
        Sodium.ensureReady()
        return Int(crypto_pwhash_argon2id_memlimit_min())
    }

    /// Derives a 32-byte key from `passphrase` and a 16-byte `salt`.
    ///
    /// The result is deterministic in all four inputs. Zero it with ``SecureRandom/zero(_:)``
    /// after use.
    /// - Parameters:
    ///   - passphrase: the passphrase bytes (UTF-8 for text); may be empty.
    ///   - salt: 16 random bytes, stored next to whatever the key protects.
    ///   - opsLimit: Argon2id passes, see ``KDFStrength/opsLimit``.
    ///   - memLimit: Argon2id memory in bytes, see ``KDFStrength/memLimit``.
    /// - Throws: ``CryptoError/invalidParameter(reason:)`` for a bad salt length or limits
    ///   outside libsodium's bounds; ``CryptoError/keyDerivationFailed`` when libsodium fails
    ///   (usually: not enough memory).
    public static func deriveKey(
        passphrase: [UInt8], salt: [UInt8], opsLimit: UInt64, memLimit: Int
    ) throws(CryptoError) -> [UInt8] {
        Sodium.ensureReady()
        guard salt.count == Int(crypto_pwhash_argon2id_saltbytes()) else {
            throw .invalidParameter(reason: "an Argon2id salt is \(saltByteCount) bytes, got \(salt.count)")
        }
        let opsRange = UInt64(crypto_pwhash_argon2id_opslimit_min())...UInt64(crypto_pwhash_argon2id_opslimit_max())
        guard opsRange.contains(opsLimit) else {
            throw .invalidParameter(reason: "Argon2id opsLimit \(opsLimit) is outside \(opsRange)")
        }
        guard memLimit >= 0,
            UInt64(memLimit) >= UInt64(crypto_pwhash_argon2id_memlimit_min()),
            UInt64(memLimit) <= UInt64(crypto_pwhash_argon2id_memlimit_max())
        else {
            throw .invalidParameter(reason: "Argon2id memLimit \(memLimit) is outside libsodium's bounds")
        }
        var key = [UInt8](repeating: 0, count: keyByteCount)
        // libsodium wants a non-null pointer even for an empty passphrase.
        let storage: [UInt8] = passphrase.isEmpty ? [0] : passphrase
        let rc = storage.withUnsafeBufferPointer { pass -> Int32? in
            pass.withMemoryRebound(to: CChar.self) { passChars -> Int32? in
                guard let base = passChars.baseAddress else { return nil }
                return crypto_pwhash(
                    &key, UInt64(keyByteCount),
                    base, UInt64(passphrase.count),
                    salt, opsLimit, memLimit,
                    crypto_pwhash_alg_argon2id13())
            }
        }
        guard rc == 0 else {
            SecureRandom.zero(&key)
            throw .keyDerivationFailed
        }
        return key
    }
}
