/// A c2sp.org/tlog-proof@v1 offline inclusion proof: an optional `extra` line, the leaf index,
/// the inclusion proof (one base64 hash per line), an empty line, then the signed checkpoint verbatim.
///
/// ```
/// c2sp.org/tlog-proof@v1
/// index 3
/// 4OPqpu5kZ+eAjpTY/Fa3eHPTjQnLmmxQSMIA4qakmNE=
/// …
///
/// example.org/log
/// 8
/// KZNhdNsE/fczHTJ0ex5CckBe/FzDtgEWSN031OIrr4A=
///
/// — example.org/log prKNbBH9…
/// ```
public struct TlogProof: Sendable, Hashable {
    /// The first line of every proof.
    public static let header = "c2sp.org/tlog-proof@v1"
    /// More proof lines than this cannot belong to a tree of at most 2^64 - 1 leaves.
    public static let maxProofLines = 64

    /// The zero-based index of the entry in the log.
    public let index: UInt64
    /// The RFC 6962 inclusion proof, leaf-side sibling first.
    public let proof: [[UInt8]]
    /// The log's signed checkpoint, possibly with cosignatures.
    public let checkpoint: SignedNote
    /// Opaque, unauthenticated extra data from the optional `extra` line (`nil` when absent).
    public let extra: [UInt8]?

    /// Assembles a proof.
    public init(index: UInt64, proof: [[UInt8]], checkpoint: SignedNote, extra: [UInt8]? = nil) {
        self.index = index
        self.proof = proof
        self.checkpoint = checkpoint
        self.extra = extra
    }

    /// Parses a proof strictly (canonical decimal index, canonical base64 32-byte hashes, a valid
    /// signed note after the empty line).
    /// - Throws: ``NoteError/malformedProof(_:)``, or ``NoteError/malformedNote(_:)`` for the checkpoint note.
    public init(parsing text: String) throws(NoteError) {
        var reader = LineReader(Array(text.utf8))
        guard let header = reader.next(), header.elementsEqual(Self.header.utf8) else {
            throw .malformedProof("first line is not \(Self.header)")
        }
        guard var line = reader.next() else { throw .malformedProof("missing index line") }
        var extra: [UInt8]? = nil
        if let value = line.stripping(prefix: "extra ") {
            guard let decoded = NoteBase64.decode(utf8: Array(value)) else {
                throw .malformedProof("extra data is not canonical base64")
            }
            extra = decoded
            guard let next = reader.next() else { throw .malformedProof("missing index line") }
            line = next
        }
        guard let indexText = line.stripping(prefix: "index "), let index = NoteText.parseDecimal(indexText) else {
            throw .malformedProof("expected 'index N' with N a decimal without leading zeros")
        }
        guard let hashes = reader.hashLines(limit: Self.maxProofLines) else {
            throw .malformedProof("proof lines must be canonical base64 32-byte hashes ending with an empty line")
        }
        self.index = index
        self.proof = hashes
        self.checkpoint = try SignedNote(parsing: NoteText.string(reader.rest))
        self.extra = extra
    }

    /// The proof text.
    public var serialized: String {
        var out = Self.header + "\n"
        if let extra { out += "extra \(NoteBase64.encode(extra))\n" }
        out += "index \(index)\n"
        for hash in proof { out += NoteBase64.encode(hash) + "\n" }
        return out + "\n" + checkpoint.serialized
    }

    /// Verifies the proof for the entry whose RFC 6962 leaf hash is `leafHash`: the checkpoint
    /// must carry a valid signature from `logKey` (signatures by `witnesses` are checked too,
    /// others ignored), parse as a checkpoint, and the inclusion proof must lead from `leafHash`
    /// at ``index`` to its root. Checking the origin and a cosigner quorum is the caller's policy.
    /// - Returns: the checkpoint and the witness keys whose cosignatures verified.
    /// - Throws: ``NoteError`` (``NoteError/missingSignature(name:)`` when the log did not sign,
    ///   ``NoteError/proofFailed(_:)`` when the inclusion proof fails).
    public func verify(
        leafHash: [UInt8], logKey: NoteVerifierKey, witnesses: [NoteVerifierKey] = []
    ) throws(NoteError) -> (checkpoint: Checkpoint, cosigners: [NoteVerifierKey]) {
        let verified = try checkpoint.verify(trusting: [logKey] + witnesses)
        guard verified.contains(logKey) else { throw .missingSignature(name: logKey.name) }
        let parsed = try checkpoint.checkpoint()
        do {
            try RFC6962.verifyInclusion(
                leafHash: leafHash, index: index, treeSize: parsed.size, proof: proof, root: parsed.rootHash)
        } catch {
            throw .proofFailed(error)
        }
        return (parsed, verified.filter { $0 != logKey })
    }
}

/// Reads newline-terminated lines from UTF-8 bytes.
struct LineReader {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The next line without its newline; `nil` at the end or when the line is unterminated.
    mutating func next() -> ArraySlice<UInt8>? {
        guard position < bytes.count,
            let end = bytes[position...].firstIndex(of: NoteText.newline)
        else { return nil }
        let line = bytes[position..<end]
        position = end + 1
        return line
    }

    /// Reads base64 hash lines up to and including an empty line; `nil` when a line is not the
    /// canonical base64 of a 32-byte hash, there are more than `limit`, or input ends first.
    mutating func hashLines(limit: Int) -> [[UInt8]]? {
        var hashes: [[UInt8]] = []
        while let line = next() {
            if line.isEmpty { return hashes }
            guard hashes.count < limit,
                let hash = NoteBase64.decode(utf8: Array(line)), hash.count == RFC6962.hashByteCount
            else { return nil }
            hashes.append(hash)
        }
        return nil
    }

    /// Everything not read yet.
    var rest: ArraySlice<UInt8> { bytes[position...] }
}

extension ArraySlice<UInt8> {
    /// The bytes after `prefix`, or `nil` when the slice does not start with it.
    func stripping(prefix: String) -> ArraySlice<UInt8>? {
        let p = Array(prefix.utf8)
        guard starts(with: p) else { return nil }
        return dropFirst(p.count)
    }
}
