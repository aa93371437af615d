import Dispatch
import Synchronization

/// Replays a log's entries in order and checks everything FORMAT.md requires of them:
/// canonical JCS, the envelope, unique ids, stream versions, key registration and revocation,
/// Ed25519 signatures, and the RFC 6962 tree.
///
/// Feed entries in chunks with ``consume(_:stored:)`` and call ``finish()`` at the end. Parsing,
/// hashing and signature checks run on all cores; the order-dependent checks run in log order on
/// a serial queue, overlapping the next chunk's parallel work. It never throws for a bad log: it
/// collects ``VerificationFailure``s.
public final class LogVerifier: @unchecked Sendable {
    // Everything below is touched only on `queue` (the in-order phase), except where noted.
    private var failureList: [VerificationFailure] = []
    private var keyRegistry = KeyRegistry()
    private var tree = MerkleFrontier()
    private var roots: [UInt64: [UInt8]] = [:]
    private var commitmentMap: [Int: PrivateCommitment] = [:]
    private var seenIDs = Set<UInt128>()
    private var streams: [String: Int] = [:]
    private let queue = DispatchQueue(label: "coledger.verify.in-order")
    /// Keys known so far, published by the in-order phase for the next chunks' parallel phase.
    private let publishedKeys = Mutex<[String: KeyRegistry.Key]>([:])

    private let parallelism: Int
    private let maxFailures: Int
    /// Entries handed to ``consume(_:stored:)`` so far (caller's thread).
    public private(set) var consumed = 0

    /// Tree sizes at which to remember the root (checkpoints to compare). Set before consuming.
    public var sizesToRecord: Set<UInt64> = []

    /// Creates a verifier using `parallelism` threads (default: every core).
    public init(parallelism: Int = ProcessInfoCores.active, maxFailures: Int = 1000) {
        self.parallelism = max(1, parallelism)
        self.maxFailures = maxFailures
    }

    /// Waits for the in-order phase to catch up; call before reading results.
    public func finish() { queue.sync {} }

    /// Failures found so far, in discovery order (see ``VerificationFailure/sorted(_:)``).
    public var failures: [VerificationFailure] { queue.sync { failureList } }
    /// Keys as replayed so far.
    public var registry: KeyRegistry { queue.sync { keyRegistry } }
    /// The tree over every entry checked so far.
    public var frontier: MerkleFrontier { queue.sync { tree } }
    /// Roots remembered at ``sizesToRecord``.
    public var recordedRoots: [UInt64: [UInt8]] { queue.sync { roots } }
    /// Private commitments by entry index (sparse), for checking private objects afterwards.
    public var commitments: [Int: PrivateCommitment] { queue.sync { commitmentMap } }
    /// Number of entries checked.
    public var size: Int { queue.sync { Int(tree.size) } }
    /// Whether nothing has failed so far.
    public var isValid: Bool { failures.isEmpty }

    /// Records a failure found outside the entry checks (root, checkpoint, private data).
    public func record(_ failure: VerificationFailure) {
        queue.sync { append(failure) }
    }

    private func append(_ failure: VerificationFailure) {
        if failureList.count < maxFailures { failureList.append(failure) }
    }

    private enum Parsed: Sendable {
        case entry(Entry, message: [UInt8])
        case bad(check: String, detail: String)
    }

    private struct Checked: Sendable {
        var parsed: Parsed
        var leafHash: [UInt8]
        var signatureOK: Bool?
    }

    /// Verifies the next entries (their exact bytes, without the trailing LF).
    ///
    /// - Parameter stored: for a store, the leaf hash and the tree-node bytes it saved for each
    ///   entry; they are compared with what the entry bytes give.
    public func consume(_ chunk: [[UInt8]], stored: [(leafHash: [UInt8], nodes: [UInt8])]? = nil) {
        let base = consumed
        consumed += chunk.count
        let count = chunk.count
        // Signatures are checked here with the keys known when the chunk starts; a key id names
        // one public key forever, so only signers first registered later need an in-order check.
        // Revocation is judged in order below.
        let knownKeys = publishedKeys.withLock { $0 }
        var checked = [Checked?](repeating: nil, count: count)
        checked.withUnsafeMutableBufferPointer { buffer in
            let out = UnsafeSendable(buffer)
            Parallel.forEach(count, workers: parallelism) { i in
                let bytes = chunk[i]
                let parsed = Self.parse(bytes)
                var ok: Bool?
                if case .entry(let entry, let message) = parsed, let key = knownKeys[entry.event.signer] {
                    ok = key.publicKey.isValidSignature(entry.signature, for: message)
                }
                out.value[i] = Checked(parsed: parsed, leafHash: RFC6962.leafHash(bytes), signatureOK: ok)
            }
        }
        let results = checked.compactMap { $0 }
        queue.async { self.inOrder(results, base: base, stored: stored) }
    }

    private func inOrder(_ results: [Checked], base: Int, stored: [(leafHash: [UInt8], nodes: [UInt8])]?) {
        let keysBefore = keyRegistry.keys.count
        for (i, item) in results.enumerated() {
            let index = base + i
            let nodes = tree.append(leafHash: item.leafHash)
            if let stored, i < stored.count { compare(stored[i], leafHash: item.leafHash, nodes: nodes, index: index) }
            if sizesToRecord.contains(tree.size) { roots[tree.size] = tree.root }
            guard case .entry(let entry, let message) = item.parsed else {
                if case .bad(let check, let detail) = item.parsed {
                    append(VerificationFailure(index: index, check: check, detail: detail))
                }
                if index == 0 {
                    append(VerificationFailure(index: 0, check: "keyEvent", detail: "entry 0 must be a valid ledger.genesis"))
                }
                continue
            }
            let event = entry.event
            if let uuid = Identifier.uuidValue(event.id), !seenIDs.insert(uuid).inserted {
                append(VerificationFailure(index: index, check: "duplicateId", detail: "event id \(event.id) appears earlier in the log"))
            }
            let current = streams[event.stream] ?? 0
            if event.streamVersion != current + 1 {
                append(VerificationFailure(
                    index: index, check: "streamVersion",
                    detail: "stream \(event.stream) expects streamVersion \(current + 1), got \(event.streamVersion)"))
            }
            if event.streamVersion > current { streams[event.stream] = event.streamVersion }
            if let p = event.privatePart { commitmentMap[index] = p }
            let isKeyEvent = index == 0 || KeyRegistry.keyEventTypes.contains(event.type)
            // Genesis defines its own signer, so apply it before resolving the signer.
            if isKeyEvent && index == 0 { applyKeyEvent(event, at: index) }
            switch keyRegistry.signingKey(event.signer, at: index) {
            case .success(let key):
                let ok = item.signatureOK ?? key.publicKey.isValidSignature(entry.signature, for: message)
                if !ok {
                    append(VerificationFailure(
                        index: index, check: "signature", detail: "Ed25519 signature does not verify under key \(key.keyID)"))
                }
            case .failure(let error):
                append(VerificationFailure(index: index, check: "signer", detail: error.reason))
            }
            if isKeyEvent && index != 0 { applyKeyEvent(event, at: index) }
        }
        if keyRegistry.keys.count != keysBefore {
            let keys = keyRegistry.keys
            publishedKeys.withLock { $0 = keys }
        }
    }

    private func compare(_ stored: (leafHash: [UInt8], nodes: [UInt8]), leafHash: [UInt8], nodes: [(level: Int, index: UInt64, hash: [UInt8])], index: Int) {
        if stored.leafHash != leafHash {
            append(VerificationFailure(
                index: index, check: "leafHash", detail: "the stored leaf hash differs from the hash of the entry bytes"))
        }
        var same = stored.nodes.count == nodes.count * RFC6962.hashByteCount
        if same {
            var offset = 0
            for node in nodes where same {
                same = stored.nodes[offset..<(offset + node.hash.count)].elementsEqual(node.hash)
                offset += node.hash.count
            }
        }
        if !same {
            append(VerificationFailure(
                index: index, check: "treeNode", detail: "the stored tree nodes completed by this entry differ from the recomputed ones"))
        }
    }

    private func applyKeyEvent(_ event: Event, at index: Int) {
        do {
            try keyRegistry.apply(event, at: index)
        } catch {
            append(VerificationFailure(index: index, check: "keyEvent", detail: error.description))
        }
    }

    private static func parse(_ bytes: [UInt8]) -> Parsed {
        let json: JSONValue
        do {
            json = try CanonicalJSON.parse(bytes)
        } catch {
            return .bad(check: "format", detail: "not valid JSON: \(error.description)")
        }
        guard CanonicalJSON.isCanonical(json, bytes: bytes) else {
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
