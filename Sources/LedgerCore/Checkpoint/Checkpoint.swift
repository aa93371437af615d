/// A c2sp.org/tlog-checkpoint note body: origin, tree size, root hash, optional extension lines.
public struct Checkpoint: Sendable, Hashable {
    /// The log's identity line (non-empty).
    public let origin: String
    /// The number of leaves in the tree.
    public let size: UInt64
    /// The RFC 6962 root hash at ``size`` (32 bytes).
    public let rootHash: [UInt8]
    /// Opaque, non-empty lines after the root hash (NOT RECOMMENDED by the spec; usually none).
    public let extensionLines: [String]

    /// Wraps the parts of a checkpoint. For ``body`` to parse back, `origin` and every extension
    /// line must be non-empty without newlines or control characters, and `rootHash` 32 bytes.
    public init(origin: String, size: UInt64, rootHash: [UInt8], extensionLines: [String] = []) {
        self.origin = origin
        self.size = size
        self.rootHash = rootHash
        self.extensionLines = extensionLines
    }

    /// Parses a checkpoint body strictly: newline-terminated lines, a non-empty origin, a decimal
    /// size without leading zeros, the canonical base64 of a 32-byte root, then non-empty
    /// extension lines; no control characters other than newline.
    /// - Throws: ``NoteError/malformedCheckpoint(_:)``.
    public init(parsing text: String) throws(NoteError) {
        let bytes = Array(text.utf8)
        guard !NoteText.hasControlCharacter(bytes) else {
            throw .malformedCheckpoint("contains a control character other than newline")
        }
        guard let lines = NoteText.lines(bytes[...]) else {
            throw .malformedCheckpoint("does not end with a newline")
        }
        guard lines.count >= 3 else { throw .malformedCheckpoint("fewer than three lines") }
        guard !lines[0].isEmpty else { throw .malformedCheckpoint("empty origin line") }
        guard let size = NoteText.parseDecimal(lines[1]) else {
            throw .malformedCheckpoint("tree size is not a decimal without leading zeros")
        }
        guard let root = NoteBase64.decode(utf8: Array(lines[2])), root.count == RFC6962.hashByteCount else {
            throw .malformedCheckpoint("root hash is not canonical base64 of 32 bytes")
        }
        let extensions = lines.dropFirst(3)
        guard extensions.allSatisfy({ !$0.isEmpty }) else { throw .malformedCheckpoint("empty extension line") }
        self.origin = NoteText.string(lines[0])
        self.size = size
        self.rootHash = root
        self.extensionLines = extensions.map { NoteText.string($0) }
    }

    /// The note text: "origin\nsize\nbase64root\n" followed by each extension line and a newline.
    public var body: String {
        var out = "\(origin)\n\(size)\n\(NoteBase64.encode(rootHash))\n"
        for line in extensionLines { out += line + "\n" }
        return out
    }

    /// Signs the body with the log's Ed25519 note key and returns the signed note.
    public func signed(name: String, key: Ed25519SigningKey) -> SignedNote {
        let text = body
        return SignedNote(text: text, signatures: [SignedNote.sign(text: text, name: name, key: key)])
    }
}
