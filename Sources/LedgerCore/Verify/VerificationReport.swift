/// The verdict of a verifier: never thrown, always returned.
public struct VerificationReport: Sendable, Codable, Equatable {
    /// True when every check held.
    public var ok: Bool { failures.isEmpty }
    /// Number of entries checked.
    public var size: Int
    /// base64 of the recomputed root over all entries.
    public var root: String
    /// The log key the checkpoints were checked against (vkey).
    public var logKey: String?
    /// Whether that key was pinned by the caller (true) or taken from the data itself (false).
    public var logKeyPinned: Bool
    /// Number of signed checkpoints that were checked.
    public var checkpointsChecked: Int
    /// Every failure, the lowest entry index first, log-wide failures last.
    public var failures: [VerificationFailure]

    /// Creates a report; `failures` are sorted.
    public init(size: Int, root: [UInt8], logKey: String?, logKeyPinned: Bool, checkpointsChecked: Int, failures: [VerificationFailure]) {
        self.size = size
        self.root = Base64.encode(root)
        self.logKey = logKey
        self.logKeyPinned = logKeyPinned
        self.checkpointsChecked = checkpointsChecked
        self.failures = VerificationFailure.sorted(failures)
    }

    enum CodingKeys: String, CodingKey {
        case ok, size, root, logKey, logKeyPinned, checkpointsChecked, failures
    }

    /// Decodes a report (``ok`` is derived from ``failures``).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        size = try c.decode(Int.self, forKey: .size)
        root = try c.decode(String.self, forKey: .root)
        logKey = try c.decodeIfPresent(String.self, forKey: .logKey)
        logKeyPinned = try c.decode(Bool.self, forKey: .logKeyPinned)
        checkpointsChecked = try c.decode(Int.self, forKey: .checkpointsChecked)
        failures = try c.decode([VerificationFailure].self, forKey: .failures)
    }

    /// Encodes a report, including ``ok``.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(ok, forKey: .ok)
        try c.encode(size, forKey: .size)
        try c.encode(root, forKey: .root)
        try c.encodeIfPresent(logKey, forKey: .logKey)
        try c.encode(logKeyPinned, forKey: .logKeyPinned)
        try c.encode(checkpointsChecked, forKey: .checkpointsChecked)
        try c.encode(failures, forKey: .failures)
    }
}

extension LogVerifier {
    /// Checks a signed checkpoint note against the log key and the roots this verifier
    /// recomputed; records a failure for anything that does not hold.
    ///
    /// - Parameters:
    ///   - check: the failure's check name (`checkpoint` for the log's own, `consistency` for one
    ///     an outsider kept).
    ///   - storedRoot: the root the store recorded with the checkpoint, if any.
    /// - Returns: the checkpoint's size when it parsed.
    @discardableResult
    public func checkCheckpoint(
        note text: String, logKey: NoteVerifierKey, origin: String?, check: String, storedRoot: [UInt8]? = nil
    ) -> UInt64? {
        let note: SignedNote
        let checkpoint: Checkpoint
        do {
            note = try SignedNote(parsing: text)
            checkpoint = try Checkpoint(parsing: note.text)
        } catch {
            record(VerificationFailure(index: nil, check: check, detail: "malformed checkpoint note: \(error)"))
            return nil
        }
        do {
            _ = try note.verify(trusting: [logKey])
        } catch {
            record(VerificationFailure(
                index: nil, check: check,
                detail: "checkpoint for size \(checkpoint.size) is not signed by the log key \(logKey.description): \(error)"))
        }
        if let origin, checkpoint.origin != origin {
            record(VerificationFailure(
                index: nil, check: check, detail: "checkpoint origin \(checkpoint.origin) is not the log's origin \(origin)"))
        }
        if let storedRoot, storedRoot != checkpoint.rootHash {
            record(VerificationFailure(
                index: nil, check: check, detail: "stored root for size \(checkpoint.size) differs from the signed note"))
        }
        if checkpoint.size > UInt64(size) {
            record(VerificationFailure(
                index: nil, check: check == "checkpoint" ? "size" : check,
                detail: "the checkpoint is for \(checkpoint.size) entries but the log has only \(size): entries are missing"))
        } else if let root = recordedRoots[checkpoint.size], root != checkpoint.rootHash {
            record(VerificationFailure(
                index: nil, check: check == "checkpoint" ? "root" : check,
                detail: check == "checkpoint"
                    ? "the root recomputed over the first \(checkpoint.size) entries differs from the signed checkpoint"
                    : "the log's first \(checkpoint.size) entries no longer hash to the root of the checkpoint you kept: history was rewritten"))
        }
        return checkpoint.size
    }
}
