/// Why a signed note, verifier key, checkpoint, tlog-proof or witness request was refused.
public enum NoteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text does not follow the c2sp.org/signed-note grammar.
    case malformedNote(String)
    /// A verifier key (`name+hex+base64`) is malformed or inconsistent.
    case invalidVerifierKey(String)
    /// A verifier key has a signature type this library does not support.
    case unsupportedSignatureType(UInt8)
    /// No signature from a trusted key is present on the note.
    case noVerifiableSignatures
    /// A signature from a trusted key (name and key id match) failed to verify.
    case invalidSignature(name: String, keyHash: UInt32)
    /// The note text is not a c2sp.org/tlog-checkpoint body.
    case malformedCheckpoint(String)
    /// The text is not a c2sp.org/tlog-proof@v1 proof.
    case malformedProof(String)
    /// The body is not a c2sp.org/tlog-witness add-checkpoint request.
    case malformedRequest(String)
    /// The required signature (for example the log's own) is missing from the note.
    case missingSignature(name: String)
    /// The Merkle proof carried by a tlog-proof or request does not verify.
    case proofFailed(MerkleError)

    /// A one-line, human-readable explanation.
    public var description: String {
        switch self {
        case .malformedNote(let why): return "malformed note: \(why)"
        case .invalidVerifierKey(let why): return "invalid verifier key: \(why)"
        case .unsupportedSignatureType(let type): return "unsupported signature type 0x\(Hex.encode([type]))"
        case .noVerifiableSignatures: return "note has no verifiable signatures"
        case .invalidSignature(let name, let keyHash):
            return "invalid signature for key \(name)+\(NoteVerifierKey.keyHashHex(keyHash))"
        case .malformedCheckpoint(let why): return "malformed checkpoint: \(why)"
        case .malformedProof(let why): return "malformed tlog-proof: \(why)"
        case .malformedRequest(let why): return "malformed add-checkpoint request: \(why)"
        case .missingSignature(let name): return "note is not signed by \(name)"
        case .proofFailed(let error): return "proof does not verify: \(error)"
        }
    }
}

/// Byte-level helpers shared by the note formats (all parsing works on UTF-8 bytes, never on
/// `Character`s, so `\r\n` and combining marks cannot change how lines split).
enum NoteText {
    static let newline = UInt8(ascii: "\n")
    /// U+2014 EM DASH and a space: the start of every signature line.
    static let signaturePrefix: [UInt8] = [0xe2, 0x80, 0x94, 0x20]

    /// Parses an ASCII decimal with no leading zeros ("0" itself allowed) that fits in 64 bits.
    static func parseDecimal(_ bytes: some Collection<UInt8>) -> UInt64? {
        guard let first = bytes.first, bytes.count <= 20 else { return nil }
        if first == UInt8(ascii: "0") && bytes.count > 1 { return nil }
        var value: UInt64 = 0
        for b in bytes {
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(b - UInt8(ascii: "0")))
            guard !o1, !o2 else { return nil }
            value = sum
        }
        return value
    }

    /// Splits newline-terminated text into lines (without their newlines); `nil` when the text
    /// does not end with a newline.
    static func lines(_ bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>]? {
        guard bytes.last == newline else { return nil }
        var lines = bytes.split(separator: newline, omittingEmptySubsequences: false)
        lines.removeLast()  // the empty piece after the final newline
        return lines
    }

    /// True when the bytes contain an ASCII control character other than newline.
    static func hasControlCharacter(_ bytes: some Sequence<UInt8>) -> Bool {
        bytes.contains { $0 < 0x20 && $0 != newline }
    }

    /// The string for UTF-8 bytes already known to be valid.
    static func string(_ bytes: some Collection<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// True when the two strings have identical UTF-8 bytes (no Unicode normalisation).
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        a.utf8.elementsEqual(b.utf8)
    }
}
