/// The body of a c2sp.org/tlog-witness `add-checkpoint` request: `old <size>`, zero to 63
/// base64 consistency-proof lines, an empty line, then the signed checkpoint.
public struct AddCheckpointRequest: Sendable, Hashable {
    /// The most consistency-proof lines a client may send.
    public static let maxProofLines = 63

    /// The size of the checkpoint the client believes the witness last cosigned.
    public let oldSize: UInt64
    /// The RFC 6962 consistency proof from ``oldSize`` to the checkpoint's size.
    public let consistencyProof: [[UInt8]]
    /// The signed checkpoint to cosign.
    public let checkpoint: SignedNote

    /// Assembles a request.
    public init(oldSize: UInt64, consistencyProof: [[UInt8]], checkpoint: SignedNote) {
        self.oldSize = oldSize
        self.consistencyProof = consistencyProof
        self.checkpoint = checkpoint
    }

    /// Parses a request body strictly.
    /// - Throws: ``NoteError/malformedRequest(_:)``, or ``NoteError/malformedNote(_:)`` for the checkpoint note.
    public init(parsing body: String) throws(NoteError) {
        var reader = LineReader(Array(body.utf8))
        guard let line = reader.next(), let sizeText = line.stripping(prefix: "old "),
            let oldSize = NoteText.parseDecimal(sizeText)
        else { throw .malformedRequest("expected 'old N' with N a decimal without leading zeros") }
        guard let proof = reader.hashLines(limit: Self.maxProofLines) else {
            throw .malformedRequest("at most 63 proof lines, each canonical base64 of a 32-byte hash, then an empty line")
        }
        self.oldSize = oldSize
        self.consistencyProof = proof
        self.checkpoint = try SignedNote(parsing: NoteText.string(reader.rest))
    }

    /// The request body.
    public var serialized: String {
        var out = "old \(oldSize)\n"
        for hash in consistencyProof { out += NoteBase64.encode(hash) + "\n" }
        return out + "\n" + checkpoint.serialized
    }
}

/// What a witness answers to an add-checkpoint request (c2sp.org/tlog-witness).
public enum WitnessVerdict: Sendable, Equatable {
    /// All checks passed and the state was updated: cosign this checkpoint (200).
    case cosign(Checkpoint)
    /// The body could not be parsed, or old size > checkpoint size (400).
    case badRequest(String)
    /// No signature from the log's keys verified (403).
    case forbidden(NoteError)
    /// The checkpoint's origin is not a configured log (404).
    case unknownOrigin(String)
    /// The old size is not the latest cosigned size, or equal sizes with different roots (409).
    case conflict(latestSize: UInt64)
    /// The consistency proof does not verify (422).
    case inconsistent(MerkleError)

    /// The HTTP status code the tlog-witness spec assigns to this verdict.
    public var httpStatus: Int {
        switch self {
        case .cosign: return 200
        case .badRequest: return 400
        case .forbidden: return 403
        case .unknownOrigin: return 404
        case .conflict: return 409
        case .inconsistent: return 422
        }
    }
}

/// A witness's record per log: the trusted log keys and the latest cosigned checkpoint.
///
/// ``process(_:)`` applies the c2sp.org/tlog-witness add-checkpoint checks in the spec's order
/// and advances the state only when it returns ``WitnessVerdict/cosign(_:)``; producing the
/// cosignature itself (``Cosignature/sign(checkpointBody:timestamp:name:key:)``) and persisting
/// the state atomically are the caller's job.
public struct WitnessState: Sendable, Equatable {
    /// One log known to the witness.
    public struct Log: Sendable, Equatable {
        /// The log's checkpoint origin line.
        public let origin: String
        /// Keys whose signature makes a checkpoint for this origin acceptable.
        public let keys: [NoteVerifierKey]
        /// The size of the latest cosigned checkpoint (0 before the first).
        public var size: UInt64
        /// The root of the latest cosigned checkpoint (the empty-tree root before the first).
        public var rootHash: [UInt8]

        /// A log in a given state (by default: never cosigned).
        public init(origin: String, keys: [NoteVerifierKey], size: UInt64 = 0, rootHash: [UInt8] = RFC6962.emptyRoot) {
            self.origin = origin
            self.keys = keys
            self.size = size
            self.rootHash = rootHash
        }
    }

    /// The configured logs by origin.
    public private(set) var logs: [String: Log]

    /// A witness that knows `logs`.
    public init(logs: [Log] = []) {
        var byOrigin: [String: Log] = [:]
        for log in logs { byOrigin[log.origin] = log }
        self.logs = byOrigin
    }

    /// Adds (or replaces) a log.
    public mutating func add(_ log: Log) {
        logs[log.origin] = log
    }

    /// Parses and processes a raw request body; a body that does not parse is a bad request.
    public mutating func process(body: String) -> WitnessVerdict {
        do {
            return process(try AddCheckpointRequest(parsing: body))
        } catch {
            return .badRequest(error.description)
        }
    }

    /// Applies the add-checkpoint checks: known origin (404), a valid log signature (403),
    /// old size not above the checkpoint size (400), old size equal to the latest cosigned size
    /// (409), a valid consistency proof (422), equal roots when the sizes are equal (409).
    public mutating func process(_ request: AddCheckpointRequest) -> WitnessVerdict {
        let checkpoint: Checkpoint
        do {
            checkpoint = try request.checkpoint.checkpoint()
        } catch {
            return .badRequest(error.description)
        }
        guard var log = logs[checkpoint.origin], NoteText.sameBytes(log.origin, checkpoint.origin) else {
            return .unknownOrigin(checkpoint.origin)
        }
        do {
            _ = try request.checkpoint.verify(trusting: log.keys)
        } catch {
            return .forbidden(error)
        }
        guard request.oldSize <= checkpoint.size else {
            return .badRequest("old size \(request.oldSize) is greater than the checkpoint size \(checkpoint.size)")
        }
        guard request.oldSize == log.size else { return .conflict(latestSize: log.size) }
        do {
            try RFC6962.verifyConsistency(
                oldSize: log.size, newSize: checkpoint.size, oldRoot: log.rootHash, newRoot: checkpoint.rootHash,
                proof: request.consistencyProof)
        } catch .rootMismatch where log.size == checkpoint.size {
            return .conflict(latestSize: log.size)
        } catch {
            return .inconsistent(error)
        }
        log.size = checkpoint.size
        log.rootHash = checkpoint.rootHash
        logs[log.origin] = log
        return .cosign(checkpoint)
    }
}
