import Dispatch

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
    /// Runs each chunk's parallel phases, one chunk at a time, while the caller reads the next.
    private let parallelQueue = DispatchQueue(label: "coledger.verify.parallel")
    /// Bounds the chunks in flight (read but not yet through the parallel phases).
    private let inFlight = DispatchSemaphore(value: 2)
    /// Public keys announced by key events seen so far (caller's thread), used to check
    /// signatures in the parallel phase before the in-order phase has replayed the keys.
    private var provisionalKeys: [String: Ed25519PublicKey] = [:]

    private let parallelism: Int
    private let maxFailures: Int
    /// Entries handed to ``consume(_:stored:)`` so far (caller's thread).
    public private(set) var consumed = 0

    /// Tree sizes at which to remember the root (checkpoints to compare). Set before consuming.
    public var sizesToRecord: Set<UInt64> = []
    /// The admission policy to replay over the log (domain rules and authorization), if any.
    /// Set before consuming.
    public var policy: (any AdmissionPolicy)?
    /// Called for every readable entry, in log order, after its checks, with what the policy's
    /// ``AdmissionPolicy/check(_:)`` decoded (nil without a policy). Runs on the verifier's serial
    /// in-order queue, so a reader folding the log (the audit) needs no pass of its own; keep it
    /// short, since it delays the next entry's in-order checks. Set before consuming.
    public var onEntry: ((_ index: Int, _ entry: Entry, _ decoded: (any Sendable)?) -> Void)?
    private var facts = FactOverlay()

    /// What the log held before the first consumed entry, when this verifier continues a log
    /// rather than replaying it from entry 0 (a mirror following a log it already holds part of).
    /// The lookups answer for the entries before ``size`` only; they are called on the in-order
    /// queue, one at a time.
    public struct Continuation {
        /// The number of entries held.
        public var size: Int
        /// The tree over them.
        public var frontier: MerkleFrontier
        /// Their keys, replayed.
        public var registry: KeyRegistry
        /// The admission policy's facts as they stand after them.
        public var facts: any FactReader
        /// The last stream version of a stream among them (0 when none).
        public var streamVersion: (String) -> Int
        /// Whether an event id appears among them.
        public var hasEvent: (String) -> Bool

        /// Describes the entries held.
        public init(
            size: Int, frontier: MerkleFrontier, registry: KeyRegistry, facts: any FactReader,
            streamVersion: @escaping (String) -> Int, hasEvent: @escaping (String) -> Bool
        ) {
            self.size = size
            self.frontier = frontier
            self.registry = registry
            self.facts = facts
            self.streamVersion = streamVersion
            self.hasEvent = hasEvent
        }
    }

    /// One chunk as the in-order phase left it, for a caller that keeps the entries it verified
    /// (``onChunk``).
    public struct CheckedChunk: Sendable {
        /// The log index of the first entry.
        public var base: Int
        /// The entries (nil where an entry did not parse; then ``failures`` is not empty).
        public var entries: [Entry?]
        /// Each entry's leaf hash and the tree-node hashes it completed, concatenated.
        public var leafHashes: [[UInt8]]
        public var nodes: [[UInt8]]
        /// The keys after the chunk.
        public var registry: KeyRegistry
        /// The policy's fact updates made by the chunk's entries (nil = removed).
        public var factUpdates: [String: String?]
        /// Whether anything failed in this chunk (or, for the first chunk, before it).
        public var failed: Bool
        /// Those failures (as many as the verifier keeps).
        public var failures: [VerificationFailure]
    }

    private let continuation: Continuation?
    /// Called on the in-order queue after each chunk's in-order phase, in log order, before the
    /// next chunk's; set before consuming.
    public var onChunk: ((CheckedChunk) -> Void)?
    private var chunkFacts: [String: String?] = [:]
    private var chunkNodes: [[UInt8]] = []
    /// Failures found, including those past `maxFailures` that were not kept.
    private var failureCount = 0

    /// Creates a verifier using `parallelism` threads (default: every core), replaying the log
    /// from entry 0, or continuing after the entries `continuing` describes.
    public init(parallelism: Int = ProcessInfoCores.active, maxFailures: Int = 1000, continuing: Continuation? = nil) {
        self.parallelism = max(1, parallelism)
        self.maxFailures = maxFailures
        continuation = continuing
        if let continuing {
            consumed = continuing.size
            tree = continuing.frontier
            keyRegistry = continuing.registry
            facts = FactOverlay(base: continuing.facts)
            for key in continuing.registry.keys.values { provisionalKeys[key.keyID] = key.publicKey }
        }
    }

    /// Waits for every consumed chunk to be checked; call before reading results.
    public func finish() {
        parallelQueue.sync {}
        queue.sync {}
    }

    /// Failures found so far, in discovery order (see ``VerificationFailure/sorted(_:)``).
    public var failures: [VerificationFailure] {
        finish()
        return queue.sync { failureList }
    }
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
        parallelQueue.sync {}
        queue.sync { append(failure) }
    }

    private func append(_ failure: VerificationFailure) {
        failureCount += 1
        if failureList.count < maxFailures { failureList.append(failure) }
    }

    private enum Parsed: Sendable {
        /// A readable entry; `canonical` is false when its bytes are valid JSON but not JCS
        /// (reported, and the other checks still run so one bad entry causes no follow-on failures).
        case entry(Entry, message: [UInt8], canonical: Bool, checked: AdmissionCheck?)
        case bad(check: String, detail: String)
    }

    /// One chunk's results from the parallel phases.
    private struct Checked: Sendable {
        var parsed: [Parsed?]
        var leafHashes: [[UInt8]]
        var signatureOK: [Bool?]
        /// The keys the signatures were checked with.
        var keys: [String: Ed25519PublicKey]
    }

    /// Verifies the next entries (their exact bytes, without the trailing LF).
    ///
    /// - Parameter stored: for a store, the leaf hash and the tree-node bytes it saved for each
    ///   entry; they are compared with what the entry bytes give.
    public func consume(_ chunk: [[UInt8]], stored: [(leafHash: [UInt8], nodes: [UInt8])]? = nil) {
        let base = consumed
        consumed += chunk.count
        inFlight.wait()
        parallelQueue.async {
            self.checkInParallel(chunk, base: base, stored: stored)
            self.inFlight.signal()
        }
    }

    private func checkInParallel(_ chunk: [[UInt8]], base: Int, stored: [(leafHash: [UInt8], nodes: [UInt8])]?) {
        let count = chunk.count
        // Phase A, parallel: parse, canonical and envelope checks, leaf hash, and the signature
        // when its key was announced by an earlier chunk (nearly always: one pass, no barrier).
        let known = provisionalKeys
        var parsed = [Parsed?](repeating: nil, count: count)
        var leafHashes = [[UInt8]](repeating: [], count: count)
        var signatureOK = [Bool?](repeating: nil, count: count)
        parsed.withUnsafeMutableBufferPointer { p in
            leafHashes.withUnsafeMutableBufferPointer { h in
                signatureOK.withUnsafeMutableBufferPointer { s in
                    let parsedOut = UnsafeSendable(p)
                    let hashOut = UnsafeSendable(h)
                    let signatureOut = UnsafeSendable(s)
                    let policy = self.policy
                    Parallel.forEach(count, workers: parallelism) { i in
                        let bytes = chunk[i]
                        let item = Self.parse(bytes, policy: policy)
                        if case .entry(let entry, let message, _, _) = item, let key = known[entry.event.signer] {
                            signatureOut.value[i] = key.isValidSignature(entry.signature, for: message)
                        }
                        parsedOut.value[i] = item
                        hashOut.value[i] = RFC6962.leafHash(bytes)
                    }
                }
            }
        }
        // Announced keys, in order (cheap): a key id is the hash of its public key, so the key a
        // registration announces is the only one that id can name. Validity and revocation are
        // judged by the in-order phase, which re-checks any signature made with another key.
        for item in parsed {
            guard case .entry(let entry, _, _, _)? = item else { continue }
            let event = entry.event
            if event.type == "ledger.genesis", let admins = event.payload["admins"]?.arrayValue {
                for admin in admins { announce(admin.objectValue ?? [:]) }
            } else if event.type == "key.registered" {
                announce(event.payload)
            }
        }
        // Phase B, parallel, only when this chunk announced keys: signatures made with them.
        let keys = provisionalKeys
        let parsedChunk = parsed
        if keys.count != known.count {
            signatureOK.withUnsafeMutableBufferPointer { buffer in
                let out = UnsafeSendable(buffer)
                Parallel.forEach(count, workers: parallelism) { i in
                    guard out.value[i] == nil, case .entry(let entry, let message, _, _)? = parsedChunk[i],
                        let key = keys[entry.event.signer]
                    else { return }
                    out.value[i] = key.isValidSignature(entry.signature, for: message)
                }
            }
        }
        let results = Checked(parsed: parsedChunk, leafHashes: leafHashes, signatureOK: signatureOK, keys: keys)
        queue.async { self.inOrder(results, base: base, stored: stored) }
    }

    private func inOrder(_ results: Checked, base: Int, stored: [(leafHash: [UInt8], nodes: [UInt8])]?) {
        let failuresBefore = base == (continuation?.size ?? 0) ? 0 : failureCount
        if onChunk != nil {
            chunkFacts = [:]
            chunkNodes = []
            chunkNodes.reserveCapacity(results.parsed.count)
        }
        for i in 0..<results.parsed.count {
            let index = base + i
            let leafHash = results.leafHashes[i]
            let nodes = tree.append(leafHash: leafHash)
            if onChunk != nil { chunkNodes.append(nodes.flatMap(\.hash)) }
            if let stored, i < stored.count { compare(stored[i], leafHash: leafHash, nodes: nodes, index: index) }
            if sizesToRecord.contains(tree.size) { roots[tree.size] = tree.root }
            guard case .entry(let entry, let message, let canonical, let checked)? = results.parsed[i] else {
                if case .bad(let check, let detail)? = results.parsed[i] {
                    append(VerificationFailure(index: index, check: check, detail: detail))
                }
                if index == 0 {
                    append(VerificationFailure(index: 0, check: "keyEvent", detail: "entry 0 must be a valid ledger.genesis"))
                }
                continue
            }
            if !canonical {
                append(VerificationFailure(index: index, check: "jcs", detail: "entry bytes are not canonical JCS (RFC 8785)"))
            }
            let event = entry.event
            if let uuid = Identifier.uuidValue(event.id),
                !seenIDs.insert(uuid).inserted || continuation?.hasEvent(event.id) == true
            {
                append(VerificationFailure(index: index, check: "duplicateId", detail: "event id \(event.id) appears earlier in the log"))
            }
            let current = streams[event.stream] ?? continuation?.streamVersion(event.stream) ?? 0
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
                let ok: Bool
                if let early = results.signatureOK[i], results.keys[key.keyID] == key.publicKey {
                    ok = early
                } else {
                    ok = key.publicKey.isValidSignature(entry.signature, for: message)
                }
                if !ok {
                    append(VerificationFailure(
                        index: index, check: "signature", detail: "Ed25519 signature does not verify under key \(key.keyID)"))
                }
                if let policy {
                    do {
                        let changes = try policy.admit(
                            event, checked: checked ?? policy.check(event), at: index, signer: key, facts: facts)
                        facts.apply(changes)
                        if onChunk != nil { for (k, v) in changes { chunkFacts[k] = .some(v) } }
                    } catch {
                        append(VerificationFailure(index: index, check: "policy", detail: "\(policy.name): \(error.description)"))
                    }
                }
                if index > 0, KeyRegistry.keyEventTypes.contains(event.type), !key.isAdmin {
                    append(VerificationFailure(
                        index: index, check: "policy",
                        detail: "\(event.type) must be signed by an admin key; \(key.keyID) is not one"))
                }
            case .failure(let error):
                append(VerificationFailure(index: index, check: "signer", detail: error.reason))
            }
            if isKeyEvent && index != 0 { applyKeyEvent(event, at: index) }
            onEntry?(index, entry, checked?.decoded)
        }
        if let onChunk {
            var entries: [Entry?] = []
            entries.reserveCapacity(results.parsed.count)
            for item in results.parsed {
                if case .entry(let entry, _, _, _)? = item { entries.append(entry) } else { entries.append(nil) }
            }
            onChunk(CheckedChunk(
                base: base, entries: entries, leafHashes: results.leafHashes, nodes: chunkNodes,
                registry: keyRegistry, factUpdates: chunkFacts, failed: failureCount > failuresBefore,
                failures: Array(failureList[min(failuresBefore, failureList.count)...])))
        }
    }

    private func announce(_ object: [String: JSONValue]) {
        guard let keyID = object["keyId"]?.stringValue, provisionalKeys[keyID] == nil,
            let text = object["publicKey"]?.stringValue, let raw = Base64.decode(text), raw.count == 32
        else { return }
        let key = Ed25519PublicKey(uncheckedRawRepresentation: raw)
        if key.keyID == keyID { provisionalKeys[keyID] = key }
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

    private static func parse(_ bytes: [UInt8], policy: (any AdmissionPolicy)?) -> Parsed {
        let json: JSONValue
        do {
            json = try CanonicalJSON.parse(bytes)
        } catch {
            return .bad(check: "format", detail: "not valid JSON: \(error.description)")
        }
        let canonical = CanonicalJSON.isCanonical(json, bytes: bytes)
        do {
            let entry = try Entry(json: json, bytes: bytes, checkCanonical: false)
            // In canonical bytes the event's JCS form is a slice; otherwise serialise it.
            let message = canonical ? Event.signingContext + eventSlice(of: bytes) : try entry.event.signingMessage()
            return .entry(entry, message: message, canonical: canonical, checked: policy?.check(entry.event))
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
