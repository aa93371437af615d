/// One signature line of a signed note: `— <name> base64(keyHash || signature)`.
public struct NoteSignature: Sendable, Hashable {
    /// The signer's key name.
    public let name: String
    /// The signer's 32-bit key id (the first four bytes of the encoded signature).
    public let keyHash: UInt32
    /// The bytes after the 4-byte id: a 64-byte Ed25519 signature (type 0x01) or an 8-byte
    /// timestamp followed by one (cosignature/v1, type 0x04).
    public let signature: [UInt8]

    /// Wraps the parts of a signature line.
    public init(name: String, keyHash: UInt32, signature: [UInt8]) {
        self.name = name
        self.keyHash = keyHash
        self.signature = signature
    }

    /// The signature line, including its final newline.
    public var line: String {
        "— \(name) \(NoteBase64.encode(NoteVerifierKey.keyHashBytes(keyHash) + signature))\n"
    }
}

/// A c2sp.org/signed-note: a text ending in a newline, a blank line, then one or more signature lines.
public struct SignedNote: Sendable, Hashable {
    /// Notes with more signature lines than this are refused (c2sp requires accepting at least 16;
    /// golang.org/x/mod/sumdb/note also stops at 100).
    public static let maxSignatures = 100

    /// The signed text, including its final newline (ends with "\n").
    public let text: String
    /// The signatures, in note order.
    public var signatures: [NoteSignature]

    /// Parses a signed note, refusing anything outside the c2sp.org/signed-note grammar: control
    /// characters other than newline, no blank line before the signatures, no signature, a
    /// signature line that is not `— <name> <base64>` with a valid name and padded standard
    /// base64 of at least 5 bytes, a missing final newline, or more than ``maxSignatures``
    /// signatures. (As in Go, non-zero pad bits in a signature are tolerated; ``serialized``
    /// re-encodes them canonically.)
    /// - Throws: ``NoteError/malformedNote(_:)``.
    public init(parsing note: String) throws(NoteError) {
        try self.init(validUTF8: Array(note.utf8))
    }

    /// Parses a signed note from raw bytes, which must also be valid UTF-8.
    /// - Throws: ``NoteError/malformedNote(_:)``.
    public init(parsing bytes: [UInt8]) throws(NoteError) {
        guard String(validating: bytes, as: UTF8.self) != nil else { throw .malformedNote("not valid UTF-8") }
        try self.init(validUTF8: bytes)
    }

    private init(validUTF8 bytes: [UInt8]) throws(NoteError) {
        guard !NoteText.hasControlCharacter(bytes) else {
            throw .malformedNote("contains a control character other than newline")
        }
        // The text ends at the last blank line: find the last "\n\n".
        var split: Int? = nil
        var i = bytes.count - 2
        while i >= 0 {
            if bytes[i] == NoteText.newline && bytes[i + 1] == NoteText.newline {
                split = i
                break
            }
            i -= 1
        }
        guard let split else { throw .malformedNote("no blank line before the signatures") }
        let textBytes = bytes[...split]
        let signatureBytes = bytes[(split + 2)...]
        guard !signatureBytes.isEmpty else { throw .malformedNote("no signature lines") }
        guard let lines = NoteText.lines(signatureBytes) else {
            throw .malformedNote("the last signature line does not end with a newline")
        }
        guard lines.count <= Self.maxSignatures else {
            throw .malformedNote("more than \(Self.maxSignatures) signatures")
        }
        var signatures: [NoteSignature] = []
        signatures.reserveCapacity(lines.count)
        for line in lines {
            signatures.append(try Self.parseSignatureLine(line))
        }
        self.text = NoteText.string(textBytes)
        self.signatures = signatures
    }

    private static func parseSignatureLine(_ line: ArraySlice<UInt8>) throws(NoteError) -> NoteSignature {
        guard line.starts(with: NoteText.signaturePrefix) else {
            throw .malformedNote("signature line does not start with an em dash and a space")
        }
        let rest = line.dropFirst(NoteText.signaturePrefix.count)
        guard let space = rest.firstIndex(of: UInt8(ascii: " ")) else {
            throw .malformedNote("signature line has no space between name and signature")
        }
        let name = NoteText.string(rest[..<space])
        guard NoteVerifierKey.isValidName(name) else { throw .malformedNote("invalid key name in signature line") }
        // Like golang.org/x/mod/sumdb/note, tolerate non-zero pad bits here (they carry no data).
        guard let decoded = NoteBase64.decode(utf8: Array(rest[(space + 1)...]), allowNonZeroPadBits: true),
            decoded.count >= 5
        else {
            throw .malformedNote("signature is not padded base64 of at least 5 bytes")
        }
        let keyHash = decoded.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return NoteSignature(name: name, keyHash: keyHash, signature: Array(decoded.dropFirst(4)))
    }

    /// Wraps a text and its signatures. `text` must be non-empty, end with "\n" and contain no
    /// control characters other than newline (see ``isValidText(_:)``) for the note to serialise
    /// into something parseable.
    public init(text: String, signatures: [NoteSignature] = []) {
        self.text = text
        self.signatures = signatures
    }

    /// True when `text` can be the text of a signed note: non-empty, ends with a newline, and
    /// has no control characters other than newline.
    public static func isValidText(_ text: String) -> Bool {
        text.utf8.last == NoteText.newline && !NoteText.hasControlCharacter(text.utf8)
    }

    /// The note: text + "\n" + one "— name base64\n" line per signature.
    public var serialized: String {
        var out = text + "\n"
        for signature in signatures { out += signature.line }
        return out
    }

    /// Signs `text` with an Ed25519 note key (type 0x01) named `name`.
    public static func sign(text: String, name: String, key: Ed25519SigningKey) -> NoteSignature {
        let keyHash = NoteVerifierKey.keyHash(name: name, type: NoteVerifierKey.ed25519Type, publicKey: key.publicKey.rawRepresentation)
        return NoteSignature(name: name, keyHash: keyHash, signature: key.signature(for: Array(text.utf8)))
    }

    /// Verifies against trusted keys: unknown signers are ignored; errors if no trusted key signed or a trusted key's signature is bad.
    ///
    /// A signature is checked against every trusted key whose name and key id both match it.
    /// Type 0x01 keys check an Ed25519 signature over ``text``; type 0x04 keys check a
    /// cosignature/v1 over ``text`` as a checkpoint body (see ``Cosignature``).
    /// - Returns: the trusted keys with at least one valid signature, in signature order, once each.
    /// - Throws: ``NoteError/invalidSignature(name:keyHash:)`` or ``NoteError/noVerifiableSignatures``.
    public func verify(trusting keys: [NoteVerifierKey]) throws(NoteError) -> [NoteVerifierKey] {
        let message = Array(text.utf8)
        var verified: [NoteVerifierKey] = []
        for signature in signatures {
            for key in keys where key.matches(signature) {
                let valid: Bool
                switch key.type {
                case NoteVerifierKey.ed25519Type:
                    valid = key.publicKey.isValidSignature(signature.signature, for: message)
                case NoteVerifierKey.cosignatureV1Type:
                    valid = Cosignature.verify(signature, checkpointBody: text, key: key) != nil
                default:
                    valid = false
                }
                guard valid else { throw .invalidSignature(name: key.name, keyHash: key.keyHash) }
                if !verified.contains(key) { verified.append(key) }
            }
        }
        guard !verified.isEmpty else { throw .noVerifiableSignatures }
        return verified
    }

    /// The note text parsed as a c2sp.org/tlog-checkpoint body (signatures are not checked).
    /// - Throws: ``NoteError/malformedCheckpoint(_:)``.
    public func checkpoint() throws(NoteError) -> Checkpoint {
        try Checkpoint(parsing: text)
    }
}
