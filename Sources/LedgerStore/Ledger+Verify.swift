public import LedgerCore
import Foundation

extension Ledger {
    /// Verifies the whole ledger: every entry's JCS form, envelope, signature and signer validity
    /// at its position, unique ids, stream versions, every stored leaf hash and tree node, every
    /// stored checkpoint, and that the log is consistent with each checkpoint in `keptCheckpoints`
    /// (signed notes an outsider kept).
    ///
    /// - Parameters:
    ///   - pinnedLogKey: the log key the caller trusts; defaults to the one the ledger stores.
    ///   - progress: called with (entries checked, total).
    ///   - onEntry: called for every readable entry in log order with the policy's decoded
    ///     payload (``LogVerifier/onEntry``): a reader that folds the log rides on this pass.
    public func verify(
        keptCheckpoints: [String] = [], pinnedLogKey: NoteVerifierKey? = nil, parallelism: Int? = nil,
        progress: ((Int, Int) -> Void)? = nil, onEntry: ((_ index: Int, _ entry: Entry, _ decoded: (any Sendable)?) -> Void)? = nil
    ) throws(LedgerError) -> VerificationReport {
        let stored = try checkpoints()
        let total = try size()
        let verifier = LogVerifier(parallelism: parallelism ?? Parallel.cores)
        verifier.policy = policy
        verifier.onEntry = onEntry
        let key = pinnedLogKey ?? logKey
        if key != logKey {
            verifier.record(VerificationFailure(
                index: nil, check: "logKey", detail: "the ledger's log key \(logKey) is not the pinned key \(key)"))
        }
        var keptSizes: [UInt64] = []
        for note in keptCheckpoints {
            if let size = (try? SignedNote(parsing: note)).flatMap({ try? Checkpoint(parsing: $0.text) })?.size {
                keptSizes.append(size)
            }
        }
        verifier.sizesToRecord = Set(stored.map { UInt64($0.size) } + keptSizes)
        var missingReported = false
        try forEachRawChunk(upTo: total) { rows in
            var chunk: [[UInt8]] = []
            var stored: [(leafHash: [UInt8], nodes: [UInt8])] = []
            chunk.reserveCapacity(rows.count)
            stored.reserveCapacity(rows.count)
            for row in rows {
                let expected = verifier.consumed + chunk.count
                if row.index != expected && !missingReported {
                    missingReported = true
                    verifier.record(VerificationFailure(
                        index: expected, check: "missing",
                        detail: "entry \(expected) is missing from the store (the next stored row is \(row.index))"))
                }
                stored.append((row.leafHash, row.nodes))
                chunk.append(row.bytes)
            }
            verifier.consume(chunk, stored: stored)
            progress?(verifier.consumed, total)
        }
        verifier.finish()
        if verifier.registry.logKey != logKey.description || verifier.registry.origin != origin {
            verifier.record(VerificationFailure(
                index: 0, check: "keyEvent", detail: "the genesis entry's origin or logKey differs from the ledger's"))
        }
        // Personal data held outside the log must match each entry's commitment.
        let commitments = verifier.commitments
        do {
            for (index, record) in try privateRecords(below: verifier.consumed) {
                guard case .available(_, let salt, let data) = record else { continue }
                let computed = try? PrivateCommitment.commit(data, salt: salt)
                if computed == nil || computed != commitments[index]?.commitment {
                    verifier.record(VerificationFailure(
                        index: index, check: "private", detail: "the stored private object does not match the entry's commitment"))
                }
            }
        } catch {
            verifier.record(VerificationFailure(index: nil, check: "private", detail: "private objects cannot be read: \(error)"))
        }
        for checkpoint in stored {
            verifier.checkCheckpoint(note: checkpoint.note, logKey: key, origin: origin, check: "checkpoint", storedRoot: checkpoint.root)
        }
        for note in keptCheckpoints {
            verifier.checkCheckpoint(note: note, logKey: key, origin: origin, check: "consistency")
        }
        return VerificationReport(
            size: verifier.size, root: verifier.frontier.root, logKey: key.description,
            logKeyPinned: pinnedLogKey != nil, checkpointsChecked: stored.count + keptCheckpoints.count,
            failures: verifier.failures)
    }
}
