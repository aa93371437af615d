import Foundation

/// An Ed25519 signing key sealed at rest under a passphrase: the Coledger key file.
///
/// The public part (key id, public key, name, role, KDF parameters) is readable without the
/// passphrase; the 32-byte seed is encrypted with XChaCha20-Poly1305 under a key derived from
/// the passphrase with Argon2id.
///
/// ## File format (`coledger-key/v1`)
///
/// A UTF-8 JSON object. ``seal(_:name:role:passphrase:strength:)`` writes the members in this
/// order, one per line, followed by a final LF; readers accept any JSON layout and member
/// order, but refuse unknown or missing members:
///
/// ```json
/// {
///   "format": "coledger-key/v1",
///   "keyId": "<16 lower-case hex: first 8 bytes of SHA-256(publicKey)>",
///   "publicKey": "<base64, 32-byte Ed25519 public key>",
///   "name": "<free text, e.g. the log origin or \"admin\">",
///   "role": "<free text hint: log, admin, member, witness, ...>",
///   "kdf": {"algorithm": "argon2id13", "opsLimit": 2, "memLimit": 67108864, "salt": "<base64, 16 bytes>"},
///   "aead": "xchacha20poly1305-ietf",
///   "nonce": "<base64, 24 bytes>",
///   "sealedSeed": "<base64, 48 bytes: encrypted 32-byte seed || 16-byte tag>"
/// }
/// ```
///
/// Base64 is standard RFC 4648 with padding. `opsLimit` and `memLimit` (bytes) are the
/// Argon2id v1.3 parameters; a reader refuses values below libsodium's minimums, an
/// `opsLimit` above ``maximumOpsLimit`` and a `memLimit` above ``maximumMemLimit`` (4 GiB).
///
/// The encryption key is `Argon2id(passphrase, salt, opsLimit, memLimit)` (32 bytes). The
/// plaintext is the 32-byte Ed25519 seed (RFC 8032 private key). The associated data binds
/// the public header, so changing any of it makes opening fail: it is the concatenation of
/// these fields, each as a 4-byte big-endian length followed by the bytes:
///
/// 1. `format` (UTF-8), 2. `keyId` (UTF-8), 3. the 32 raw public-key bytes,
/// 4. `name` (UTF-8), 5. `role` (UTF-8), 6. `kdf.algorithm` (UTF-8),
/// 7. `kdf.opsLimit` (8-byte big-endian), 8. `kdf.memLimit` (8-byte big-endian),
/// 9. the 16 raw salt bytes, 10. `aead` (UTF-8).
public struct SealedKeyFile: Sendable {
    /// The format identifier this type reads and writes.
    public static let format = "coledger-key/v1"
    /// The only KDF algorithm identifier accepted.
    public static let kdfAlgorithm = "argon2id13"
    /// The only AEAD identifier accepted.
    public static let aeadAlgorithm = "xchacha20poly1305-ietf"
    /// The largest `opsLimit` a key file may ask for (libsodium's `sensitive` preset is 4).
    public static let maximumOpsLimit: UInt64 = 64
    /// The largest `memLimit` a key file may ask for: 4 GiB.
    public static let maximumMemLimit = 4 << 30

    /// The key id of ``publicKey`` (see ``Ed25519PublicKey/keyID``).
    public let keyID: String
    /// The public key, readable without the passphrase.
    public let publicKey: Ed25519PublicKey
    /// What the key is for: e.g. the log origin for a log key, or a label like "admin".
    public let name: String
    /// A free-text role hint: "log", "admin", "member", "witness", ...
    public let role: String
    /// The Argon2id passes recorded in the file.
    public let opsLimit: UInt64
    /// The Argon2id memory (bytes) recorded in the file.
    public let memLimit: Int

    private let salt: [UInt8]
    private let nonce: [UInt8]
    private let sealedSeed: [UInt8]

    /// Seals `key` under `passphrase` and returns the key-file bytes (UTF-8 JSON).
    ///
    /// - Parameters:
    ///   - key: the signing key to protect.
    ///   - name: e.g. the log origin for a log key, or a label like "admin".
    ///   - role: a free-text role hint ("log", "admin", "member", "witness", ...).
    ///   - passphrase: the passphrase bytes (see ``Passphrase/obtain(prompt:confirm:environment:)``).
    ///   - strength: the Argon2id cost; `.interactive` takes a fraction of a second.
    /// - Throws: ``CryptoError/keyDerivationFailed`` when Argon2id cannot run (memory).
    public static func seal(
        _ key: Ed25519SigningKey, name: String, role: String, passphrase: [UInt8],
        strength: KDFStrength = .interactive
    ) throws(CryptoError) -> [UInt8] {
        try seal(key, name: name, role: role, passphrase: passphrase,
                 opsLimit: strength.opsLimit, memLimit: strength.memLimit)
    }

    /// Seals with explicit Argon2id limits (must satisfy the reader's bounds).
    static func seal(
        _ key: Ed25519SigningKey, name: String, role: String, passphrase: [UInt8],
        opsLimit: UInt64, memLimit: Int
    ) throws(CryptoError) -> [UInt8] {
        try checkKDFLimits(opsLimit: opsLimit, memLimit: memLimit)
        let publicKey = key.publicKey
        let salt = SecureRandom.bytes(PasswordKDF.saltByteCount)
        let header = Header(
            format: format, keyID: publicKey.keyID, publicKey: publicKey.rawRepresentation,
            name: name, role: role, kdfAlgorithm: kdfAlgorithm,
            opsLimit: opsLimit, memLimit: memLimit, salt: salt, aead: aeadAlgorithm)

        var derived = try PasswordKDF.deriveKey(
            passphrase: passphrase, salt: salt, opsLimit: opsLimit, memLimit: memLimit)
        defer { SecureRandom.zero(&derived) }
        var seed = key.seed
        defer { SecureRandom.zero(&seed) }
        let (nonce, sealedSeed) = try XChaCha20Poly1305.seal(
            seed, key: derived, associatedData: header.associatedData)

        let json = """
            {
              "format": \(jsonString(format)),
              "keyId": \(jsonString(header.keyID)),
              "publicKey": "\(base64(publicKey.rawRepresentation))",
              "name": \(jsonString(name)),
              "role": \(jsonString(role)),
              "kdf": {"algorithm": \(jsonString(kdfAlgorithm)), "opsLimit": \(opsLimit), \
            "memLimit": \(memLimit), "salt": "\(base64(salt))"},
              "aead": \(jsonString(aeadAlgorithm)),
              "nonce": "\(base64(nonce))",
              "sealedSeed": "\(base64(sealedSeed))"
            }

            """
        return Array(json.utf8)
    }

    /// Reads the public part of a key file; no passphrase needed.
    ///
    /// Checks the structure, the format version, every field's type and length, that the
    /// public key is a valid point and matches `keyId`, and the KDF bounds.
    /// - Throws: ``CryptoError/malformedKeyFile(reason:)`` with the first problem found.
    public init(fileBytes: [UInt8]) throws(CryptoError) {
        let object: [String: Any]
        do {
            let parsed = try JSONSerialization.jsonObject(with: Data(fileBytes), options: [])
            guard let dict = parsed as? [String: Any] else {
                throw CryptoError.malformedKeyFile(reason: "the file is not a JSON object")
            }
            object = dict
        } catch let error as CryptoError {
            throw error
        } catch {
            throw .malformedKeyFile(reason: "the file is not valid JSON")
        }

        let topKeys: Set<String> = ["format", "keyId", "publicKey", "name", "role", "kdf", "aead", "nonce", "sealedSeed"]
        // Check the format first so a future version gets a clear message.
        let format = try Self.string(object, "format")
        guard format == Self.format else {
            throw .malformedKeyFile(reason: "unsupported format \"\(format)\" (expected \"\(Self.format)\")")
        }
        if let unknown = Set(object.keys).subtracting(topKeys).sorted().first {
            throw .malformedKeyFile(reason: "unknown field \"\(unknown)\"")
        }

        let keyID = try Self.string(object, "keyId")
        let publicKeyBytes = try Self.base64Field(object, "publicKey", count: 32)
        let publicKey: Ed25519PublicKey
        do {
            publicKey = try Ed25519PublicKey(rawRepresentation: publicKeyBytes)
        } catch {
            throw .malformedKeyFile(reason: "publicKey: \(error)")
        }
        guard keyID == publicKey.keyID else {
            throw .malformedKeyFile(reason: "keyId \"\(keyID)\" does not match the public key (expected \"\(publicKey.keyID)\")")
        }
        let name = try Self.string(object, "name")
        let role = try Self.string(object, "role")

        guard let kdfValue = object["kdf"] else { throw .malformedKeyFile(reason: "missing field \"kdf\"") }
        guard let kdf = kdfValue as? [String: Any] else {
            throw .malformedKeyFile(reason: "field \"kdf\" must be an object")
        }
        if let unknown = Set(kdf.keys).subtracting(["algorithm", "opsLimit", "memLimit", "salt"]).sorted().first {
            throw .malformedKeyFile(reason: "unknown field \"kdf.\(unknown)\"")
        }
        let algorithm = try Self.string(kdf, "algorithm", path: "kdf.algorithm")
        guard algorithm == Self.kdfAlgorithm else {
            throw .malformedKeyFile(reason: "unsupported kdf.algorithm \"\(algorithm)\" (expected \"\(Self.kdfAlgorithm)\")")
        }
        let opsLimit = try Self.integer(kdf, "opsLimit", path: "kdf.opsLimit")
        let memLimitValue = try Self.integer(kdf, "memLimit", path: "kdf.memLimit")
        guard memLimitValue <= UInt64(Self.maximumMemLimit) else {
            throw .malformedKeyFile(reason: "kdf.memLimit \(memLimitValue) is above the maximum \(Self.maximumMemLimit) (4 GiB)")
        }
        let memLimit = Int(memLimitValue)
        do {
            try Self.checkKDFLimits(opsLimit: opsLimit, memLimit: memLimit)
        } catch {
            throw .malformedKeyFile(reason: Self.reason(error))
        }
        let salt = try Self.base64Field(kdf, "salt", path: "kdf.salt", count: PasswordKDF.saltByteCount)

        let aead = try Self.string(object, "aead")
        guard aead == Self.aeadAlgorithm else {
            throw .malformedKeyFile(reason: "unsupported aead \"\(aead)\" (expected \"\(Self.aeadAlgorithm)\")")
        }
        let nonce = try Self.base64Field(object, "nonce", count: XChaCha20Poly1305.nonceByteCount)
        let sealedSeed = try Self.base64Field(
            object, "sealedSeed", count: 32 + XChaCha20Poly1305.tagByteCount)

        self.keyID = keyID
        self.publicKey = publicKey
        self.name = name
        self.role = role
        self.opsLimit = opsLimit
        self.memLimit = memLimit
        self.salt = salt
        self.nonce = nonce
        self.sealedSeed = sealedSeed
    }

    /// Decrypts the signing key.
    ///
    /// Runs Argon2id with the file's parameters (about as long as sealing took).
    /// - Throws: ``CryptoError/wrongPassphrase`` when the passphrase is wrong or the file was
    ///   altered; ``CryptoError/malformedKeyFile(reason:)`` if the decrypted seed does not
    ///   give ``publicKey``; ``CryptoError/keyDerivationFailed`` when Argon2id cannot run.
    public func open(passphrase: [UInt8]) throws(CryptoError) -> Ed25519SigningKey {
        var derived = try PasswordKDF.deriveKey(
            passphrase: passphrase, salt: salt, opsLimit: opsLimit, memLimit: memLimit)
        defer { SecureRandom.zero(&derived) }
        var seed: [UInt8]
        do {
            seed = try XChaCha20Poly1305.open(
                sealedSeed, key: derived, nonce: nonce, associatedData: header.associatedData)
        } catch {
            throw .wrongPassphrase
        }
        defer { SecureRandom.zero(&seed) }
        let key = try Ed25519SigningKey(seed: seed)
        guard key.publicKey == publicKey else {
            throw .malformedKeyFile(reason: "the sealed seed does not give the file's public key")
        }
        return key
    }

    // MARK: - Associated data

    private var header: Header {
        Header(
            format: Self.format, keyID: keyID, publicKey: publicKey.rawRepresentation,
            name: name, role: role, kdfAlgorithm: Self.kdfAlgorithm,
            opsLimit: opsLimit, memLimit: memLimit, salt: salt, aead: Self.aeadAlgorithm)
    }

    private struct Header {
        var format: String
        var keyID: String
        var publicKey: [UInt8]
        var name: String
        var role: String
        var kdfAlgorithm: String
        var opsLimit: UInt64
        var memLimit: Int
        var salt: [UInt8]
        var aead: String

        /// Length-prefixed concatenation of the public fields (see the type's documentation).
        var associatedData: [UInt8] {
            var out = [UInt8]()
            func field(_ bytes: [UInt8]) {
                let n = UInt32(bytes.count)
                out += [UInt8(n >> 24 & 0xff), UInt8(n >> 16 & 0xff), UInt8(n >> 8 & 0xff), UInt8(n & 0xff)]
                out += bytes
            }
            func uint64(_ v: UInt64) -> [UInt8] {
                (0..<8).reversed().map { UInt8(v >> (UInt64($0) * 8) & 0xff) }
            }
            field(Array(format.utf8))
            field(Array(keyID.utf8))
            field(publicKey)
            field(Array(name.utf8))
            field(Array(role.utf8))
            field(Array(kdfAlgorithm.utf8))
            field(uint64(opsLimit))
            field(uint64(UInt64(memLimit)))
            field(salt)
            field(Array(aead.utf8))
            return out
        }
    }

    // MARK: - Validation helpers

    private static func checkKDFLimits(opsLimit: UInt64, memLimit: Int) throws(CryptoError) {
        guard opsLimit >= PasswordKDF.minimumOpsLimit else {
            throw .invalidParameter(reason: "kdf.opsLimit \(opsLimit) is below libsodium's minimum \(PasswordKDF.minimumOpsLimit)")
        }
        guard opsLimit <= maximumOpsLimit else {
            throw .invalidParameter(reason: "kdf.opsLimit \(opsLimit) is above the maximum \(maximumOpsLimit)")
        }
        guard memLimit >= PasswordKDF.minimumMemLimit else {
            throw .invalidParameter(reason: "kdf.memLimit \(memLimit) is below libsodium's minimum \(PasswordKDF.minimumMemLimit)")
        }
        guard memLimit <= maximumMemLimit else {
            throw .invalidParameter(reason: "kdf.memLimit \(memLimit) is above the maximum \(maximumMemLimit) (4 GiB)")
        }
    }

    private static func reason(_ error: CryptoError) -> String {
        if case .invalidParameter(let reason) = error { return reason }
        return error.description
    }

    private static func string(_ object: [String: Any], _ key: String, path: String? = nil) throws(CryptoError) -> String {
        let path = path ?? key
        guard let value = object[key] else { throw .malformedKeyFile(reason: "missing field \"\(path)\"") }
        guard let text = value as? String else {
            throw .malformedKeyFile(reason: "field \"\(path)\" must be a string")
        }
        return text
    }

    private static func integer(_ object: [String: Any], _ key: String, path: String) throws(CryptoError) -> UInt64 {
        guard let value = object[key] else { throw .malformedKeyFile(reason: "missing field \"\(path)\"") }
        // JSON booleans arrive as NSNumber too (objCType "c"); `is Bool` is also true for 0 and 1.
        let isBoolean = (value as? NSNumber).map { String(cString: $0.objCType) == "c" } ?? false
        guard !isBoolean, !(value is String), let number = value as? UInt64 else {
            throw .malformedKeyFile(reason: "field \"\(path)\" must be a non-negative integer")
        }
        return number
    }

    private static func base64Field(
        _ object: [String: Any], _ key: String, path: String? = nil, count: Int
    ) throws(CryptoError) -> [UInt8] {
        let path = path ?? key
        let text = try string(object, key, path: path)
        guard let data = Data(base64Encoded: text) else {
            throw .malformedKeyFile(reason: "field \"\(path)\" is not valid base64")
        }
        guard data.count == count else {
            throw .malformedKeyFile(reason: "field \"\(path)\" must decode to \(count) bytes, got \(data.count)")
        }
        return [UInt8](data)
    }

    // MARK: - Writing helpers

    private static func base64(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    private static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
