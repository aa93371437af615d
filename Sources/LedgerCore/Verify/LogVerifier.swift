/// Replays a log's entries in order and checks everything FORMAT.md requires of them:
/// canonical JCS, the envelope, unique ids, stream versions, key registration and revocation,
/// Ed25519 signatures, and the RFC 6962 tree.
///
/// Feed entries in chunks with ``consume(_:)``; parsing, hashing and signature checks run on
/// all cores, the order-dependent checks run in log order. It never throws for a bad log: it
/// collects ``VerificationFailure``s.
public final class LogVerifier {
    /// Failures found so far, in discovery order (see ``VerificationFailure/sorted(_:)``).
    public private(set) var failures: [VerificationFailure] = []
    /// Keys as replayed so far.
    public private(set) var registry = KeyRegistry()
    /// The tree over every entry consumed so far.
    public private(set) var frontier = MerkleFrontier()
    /// Tree sizes at which to remember the root (checkpoints to compare).
    public var sizesToRecord: Set<UInt64> = []
    /// Roots remembered at ``sizesToRecord``.
    public private(set) var recordedRoots: [UInt64: [UInt8]] = [:]
    /// Private commitments by entry index (sparse), for checking private objects afterwards.
    public private(set) var commitments: [Int: PrivateCommitment] = [:]
    /// Called with each entry's index, recomputed leaf hash and the tree nodes it completed,
    /// so a store can compare them with what it saved.
    public var onLeaf: ((Int, [UInt8], [(level: Int, index: UInt64, hash: [UInt8])]) -> Void)?

    private var seenIDs = Set<UInt128>()
    private var streams: [String: Int] = [:]
    private let parallelism: Int
    private var maxFailures: Int

    /// Creates a verifier using `parallelism` threads (default: every core).
    public init(parallelism: Int = LogVerifier.defaultParallelism, maxFailures: Int = 1000) {
        self.parallelism = max(1, parallelism)
        self.maxFailures = maxFailures
    }

    /// The number of active processors.
    public static var defaultParallelism: Int { ProcessInfoCores.active }

    /// Number of entries consumed.
    public var size: Int { Int(frontier.size) }

    /// Whether nothing has failed so far.
    public var isValid: Bool { failures.isEmpty }

    /// Records a failure found outside the entry checks (root, checkpoint, private data).
    public func record(_ failure: VerificationFailure) {
        if failures.count < maxFailures { failures.append(failure) }
    }

    private enum Parsed {
        case entry(Entry, message: [UInt8])
        case bad(check: String, detail: String)
    }

    /// Verifies the next entries (their exact bytes, without the trailing LF).
    public func consume(_ chunk: [[UInt8]]) {
        let base = size
        let count = chunk.count
        var parsed = [Parsed?](repeating: nil, count: count)
        var leafHashes = [[UInt8]](repeating: [], count: count)
        // Phase A, parallel: parse, canonical check, envelope check, leaf hash.
        parsed.withUnsafeMutableBufferPointer { parsedBuf in
            leafHashes.withUnsafeMutableBufferPointer { hashBuf in
                let p = UnsafeSendable(parsedBuf)
                let h = UnsafeSendable(hashBuf)
                Parallel.forEach(count, workers: parallelism) { i in
                    let bytes = chunk[i]
                    h.value[i] = RFC6962.leafHash(bytes)
                    p.value[i] = Self.parse(bytes)
                }
            }
        }
        // Phase B, in log order: tree, ids, streams, keys.
        var toVerify: [(offset: Int, key: Ed25519PublicKey)] = []
        toVerify.reserveCapacity(count)
        for i in 0..<count {
            let index = base + i
            let nodes = frontier.append(leafHash: leafHashes[i])
            onLeaf?(index, leafHashes[i], nodes)
            if sizesToRecord.contains(frontier.size) { recordedRoots[frontier.size] = frontier.root }
            guard case .entry(let entry, _)? = parsed[i] else {
                if case .bad(let check, let detail)? = parsed[i] {
                    record(VerificationFailure(index: index, check: check, detail: detail))
                }
                if index == 0 {
                    record(VerificationFailure(index: 0, check: "keyEvent", detail: "entry 0 must be a valid ledger.genesis"))
                }
                continue
            }
            let event = entry.event
            if let uuid = Identifier.uuidValue(event.id), !seenIDs.insert(uuid).inserted {
                record(VerificationFailure(index: index, check: "duplicateId", detail: "event id \(event.id) appears earlier in the log"))
            }
            let expected = (streams[event.stream] ?? 0) + 1
            if event.streamVersion != expected {
                record(VerificationFailure(
                    index: index, check: "streamVersion",
                    detail: "stream \(event.stream) expects streamVersion \(expected), got \(event.streamVersion)"))
            }
            streams[event.stream] = max(streams[event.stream] ?? 0, event.streamVersion)
            if let p = event.privatePart { commitments[index] = p }
            if index == 0 || KeyRegistry.keyEventTypes.contains(event.type) {
                // Genesis defines its own signer, so apply it before resolving the signer.
                if index == 0 { applyKeyEvent(event, at: index) }
                resolve(event, at: index, offset: i, into: &toVerify)
                if index != 0 { applyKeyEvent(event, at: index) }
            } else {
                resolve(event, at: index, offset: i, into: &toVerify)
            }
        }
        // Phase C, parallel: signatures.
        let parsedEntries = parsed
        let work = toVerify
        var bad = [Bool](repeating: false, count: toVerify.count)
        bad.withUnsafeMutableBufferPointer { badBuf in
            let b = UnsafeSendable(badBuf)
            Parallel.forEach(work.count, workers: parallelism) { j in
                let item = work[j]
                guard case .entry(let entry, let message)? = parsedEntries[item.offset] else { return }
                b.value[j] = !item.key.isValidSignature(entry.signature, for: message)
            }
        }
        for (j, isBad) in bad.enumerated() where isBad {
            let index = base + toVerify[j].offset
            record(VerificationFailure(
                index: index, check: "signature",
                detail: "Ed25519 signature does not verify under key \(toVerify[j].key.keyID)"))
        }
    }

    private func applyKeyEvent(_ event: Event, at index: Int) {
        do {
            try registry.apply(event, at: index)
        } catch {
            record(VerificationFailure(index: index, check: "keyEvent", detail: error.description))
        }
    }

    private func resolve(_ event: Event, at index: Int, offset: Int, into list: inout [(offset: Int, key: Ed25519PublicKey)]) {
        switch registry.signingKey(event.signer, at: index) {
        case .success(let key): list.append((offset, key.publicKey))
        case .failure(let error): record(VerificationFailure(index: index, check: "signer", detail: error.reason))
        }
    }

    private static func parse(_ bytes: [UInt8]) -> Parsed {
        let json: JSONValue
        do {
            json = try CanonicalJSON.parse(bytes)
        } catch {
            return .bad(check: "format", detail: "not valid JSON: \(error.description)")
        }
        guard CanonicalJSON.isCanonical(bytes) else {
            return .bad(check: "jcs", detail: "entry bytes are not canonical JCS (RFC 8785)")
        }
        do {
            let entry = try Entry(json: json, bytes: bytes, checkCanonical: false)
            return .entry(entry, message: Event.signingContext + eventSlice(of: bytes))
        } catch {
            return .bad(check: "format", detail: error.description)
        }
    }

    /// In a canonical entry the event's own JCS bytes sit between `{"event":` and the last
    /// `,"recordedAt":"`, since members are sorted and the other two values are plain strings.
    static func eventSlice(of bytes: [UInt8]) -> ArraySlice<UInt8> {
        let marker = Array(#","recordedAt":""#.utf8)
        var end = bytes.count - marker.count
        while end > 9 {
            if bytes[end] == marker[0] && bytes[end..<(end + marker.count)].elementsEqual(marker) { break }
            end -= 1
        }
        return bytes[9..<max(9, end)]
    }
}
