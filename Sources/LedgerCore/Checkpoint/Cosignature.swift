/// c2sp.org/tlog-cosignature@v1 Ed25519 cosignatures ("cosignature/v1", signature type 0x04).
///
/// The signed message is `"cosignature/v1\ntime <timestamp>\n" || checkpoint body`; the note
/// signature bytes (after the key id) are the 8-byte big-endian timestamp followed by the 64-byte
/// Ed25519 signature. The message does not commit to the cosigner's name.
public enum Cosignature {
    /// The largest timestamp the spec allows (2^63 - 1).
    public static let maxTimestamp = UInt64(Int64.max)

    /// The message a cosigner signs: "cosignature/v1\ntime <ts>\n" + body.
    public static func message(checkpointBody: String, timestamp: UInt64) -> [UInt8] {
        Array("cosignature/v1\ntime \(timestamp)\n".utf8) + Array(checkpointBody.utf8)
    }

    /// Cosigns a checkpoint body at `timestamp` (POSIX seconds) as the cosigner `name`.
    /// The key id is computed with type 0x04.
    public static func sign(checkpointBody: String, timestamp: UInt64, name: String, key: Ed25519SigningKey) -> NoteSignature {
        let keyHash = NoteVerifierKey.keyHash(name: name, type: NoteVerifierKey.cosignatureV1Type, publicKey: key.publicKey.rawRepresentation)
        let signature = key.signature(for: message(checkpointBody: checkpointBody, timestamp: timestamp))
        return NoteSignature(name: name, keyHash: keyHash, signature: bigEndian(timestamp) + signature)
    }

    /// Checks a cosignature against a type 0x04 verifier key.
    /// - Returns: the timestamp when the key is a cosignature/v1 key whose name and id match the
    ///   signature, the signature is 72 bytes, the timestamp is at most 2^63 - 1 and the Ed25519
    ///   signature verifies; otherwise `nil`.
    public static func verify(_ sig: NoteSignature, checkpointBody: String, key: NoteVerifierKey) -> UInt64? {
        guard key.type == NoteVerifierKey.cosignatureV1Type, key.matches(sig), sig.signature.count == 72 else { return nil }
        let timestamp = sig.signature.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard timestamp <= maxTimestamp else { return nil }
        let message = message(checkpointBody: checkpointBody, timestamp: timestamp)
        guard key.publicKey.isValidSignature(Array(sig.signature.dropFirst(8)), for: message) else { return nil }
        return timestamp
    }

    private static func bigEndian(_ value: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(value >> UInt64(56 - 8 * $0) & 0xff) }
    }
}
