/// A note verifier key ("vkey", c2sp.org/signed-note): `name+hex8+base64(type||pk)`.
///
/// The key id (`keyHash`) is the first four bytes, big-endian, of
/// `SHA-256(name || 0x0A || type || public key)`. Supported types are ``ed25519Type`` (0x01,
/// Ed25519 signatures over the note text) and ``cosignatureV1Type`` (0x04, timestamped
/// c2sp.org/tlog-cosignature Ed25519 cosignatures).
public struct NoteVerifierKey: Sendable, Hashable, CustomStringConvertible {
    /// Signature type 0x01: Ed25519 over the note text.
    public static let ed25519Type: UInt8 = 0x01
    /// Signature type 0x04: Ed25519 cosignature/v1 (c2sp.org/tlog-cosignature).
    public static let cosignatureV1Type: UInt8 = 0x04

    /// The key name (non-empty, no Unicode whitespace, no `+`).
    public let name: String
    /// The 32-bit key id carried in every signature made with this key.
    public let keyHash: UInt32
    /// The signature type byte: ``ed25519Type`` or ``cosignatureV1Type``.
    public let type: UInt8
    /// The Ed25519 public key.
    public let publicKey: Ed25519PublicKey

    /// Parses a vkey. Splits on the first two `+` (the base64 part may contain `+`), then checks
    /// the name, the 8 lower-case hex digits of the id, the base64, the type, the key length and
    /// point validity, and that the id matches the one computed from name, type and key.
    /// - Throws: ``NoteError/invalidVerifierKey(_:)`` or ``NoteError/unsupportedSignatureType(_:)``.
    public init(parsing vkey: String) throws(NoteError) {
        let bytes = Array(vkey.utf8)
        let plus = UInt8(ascii: "+")
        guard let firstPlus = bytes.firstIndex(of: plus),
            let secondPlus = bytes[(firstPlus + 1)...].firstIndex(of: plus)
        else { throw .invalidVerifierKey("expected name+id+key") }
        let name = NoteText.string(bytes[..<firstPlus])
        let idHex = bytes[(firstPlus + 1)..<secondPlus]
        let keyBase64 = Array(bytes[(secondPlus + 1)...])
        guard Self.isValidName(name) else { throw .invalidVerifierKey("invalid key name") }
        guard idHex.count == 8,
            idHex.allSatisfy({ ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "f")) }),
            let idBytes = Hex.decode(NoteText.string(idHex))
        else { throw .invalidVerifierKey("key id must be 8 lower-case hex digits") }
        guard let material = NoteBase64.decode(utf8: keyBase64), let type = material.first else {
            throw .invalidVerifierKey("key is not canonical base64 of a type byte and a public key")
        }
        let keyHash = idBytes.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        let rawKey = Array(material.dropFirst())
        guard keyHash == Self.keyHash(name: name, type: type, publicKey: rawKey) else {
            throw .invalidVerifierKey("key id does not match the name, type and key")
        }
        guard type == Self.ed25519Type || type == Self.cosignatureV1Type else {
            throw .unsupportedSignatureType(type)
        }
        guard rawKey.count == 32 else {
            throw .invalidVerifierKey("Ed25519 key is \(rawKey.count) bytes, expected 32")
        }
        let publicKey: Ed25519PublicKey
        do {
            publicKey = try Ed25519PublicKey(rawRepresentation: rawKey)
        } catch {
            throw .invalidVerifierKey("\(error)")
        }
        self.name = name
        self.keyHash = keyHash
        self.type = type
        self.publicKey = publicKey
    }

    /// Builds the verifier key for `publicKey` under `name`, computing the key id.
    ///
    /// `name` should satisfy ``isValidName(_:)`` and `type` be ``ed25519Type`` or
    /// ``cosignatureV1Type``; otherwise the key cannot be serialised into a parseable vkey.
    public init(name: String, publicKey: Ed25519PublicKey, type: UInt8 = 0x01) {
        self.name = name
        self.type = type
        self.publicKey = publicKey
        self.keyHash = Self.keyHash(name: name, type: type, publicKey: publicKey.rawRepresentation)
    }

    /// The vkey string: `name+hex8+base64(type||pk)`.
    public var description: String {
        "\(name)+\(Self.keyHashHex(keyHash))+\(NoteBase64.encode([type] + publicKey.rawRepresentation))"
    }

    /// The key id: the first 4 bytes, big-endian, of `SHA-256(name || 0x0A || type || publicKey)`.
    public static func keyHash(name: String, type: UInt8, publicKey: [UInt8]) -> UInt32 {
        let digest = SHA256.hash(concatenating: [Array(name.utf8), [0x0a, type], publicKey])
        return digest.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    }

    /// True when `name` can be a note key name: non-empty, no Unicode whitespace, no `+`.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty
            && !name.unicodeScalars.contains { $0.properties.isWhitespace || $0 == "+" || $0.value < 0x20 }
    }

    /// The key id as 8 lower-case hex digits.
    static func keyHashHex(_ keyHash: UInt32) -> String {
        Hex.encode(keyHashBytes(keyHash))
    }

    /// The 4-byte big-endian encoding of a key id.
    static func keyHashBytes(_ keyHash: UInt32) -> [UInt8] {
        [UInt8(keyHash >> 24 & 0xff), UInt8(keyHash >> 16 & 0xff), UInt8(keyHash >> 8 & 0xff), UInt8(keyHash & 0xff)]
    }

    /// True when a signature line's name and key id select this key (names compared byte for byte).
    func matches(_ signature: NoteSignature) -> Bool {
        signature.keyHash == keyHash && NoteText.sameBytes(signature.name, name)
    }
}
